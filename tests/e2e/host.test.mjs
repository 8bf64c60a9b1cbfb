// Issue 13: the release build served as the static hosts of docs/deploy.md serve it, in a
// folder as on a GitHub Pages project site (https://org.github.io/planner/): precompressed
// files, the Content-Security-Policy and caching headers of public/staticwebapp.config.json,
// application/wasm, and share links that point at the folder the app is served from.
// (scripts/test.sh also runs the smoke and share tests in this mode: E2E_HOST, E2E_BASE_PATH.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, hostHeaders, openApp } from './helpers.mjs';

const FOLDER = '/planner/';
// trunk writes its 64-bit content hash in hex without leading zeros (15 digits in 1 build of
// 16), scripts/postbuild.mjs always 16.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm)$/;

test('in a folder, with compression and the hosts headers, the app loads and caches right', async (t) => {
  const app = await openApp(t, { server: { basePath: FOLDER, host: true } });
  await app.expectText('css=main', 'aks-dev-weu');
  assert.ok(app.page.url().startsWith(`${app.origin}${FOLDER}`), app.page.url());

  // Every file of the app came from the folder; the scripts, style sheet and wasm have a
  // content hash in their names and were sent compressed.
  const first = app.server.requests.filter((r) => r.status === 200);
  assert.ok(first.every((r) => r.path.startsWith(FOLDER)), JSON.stringify(first));
  const assets = first.filter((r) => /\.(js|css|wasm)$/.test(r.path));
  assert.deepEqual(
    assets.map((r) => path.extname(r.path)).sort(),
    ['.css', '.js', '.js', '.js', '.wasm'],
    'the loader, the bindings, the split modules\' link file, the style sheet and the wasm (not the exports worker nor the parts: they load on first use)',
  );
  for (const r of assets) {
    assert.match(r.path, HASHED);
    assert.ok(['br', 'gzip'].includes(r.encoding), `${r.path} sent ${r.encoding ?? 'uncompressed'}`);
  }

  // The headers a browser got: the policy (also in index.html, without frame-ancestors,
  // which only a header can set), revalidation for index.html, a year for hashed files.
  const index = await app.page.request.get(`${app.origin}${FOLDER}`);
  const csp = index.headers()['content-security-policy'];
  const html = await index.text();
  // The release build's index.html is minified (Trunk.toml): attributes in any order.
  const metaTag = html.match(/<meta\b[^>]*\bhttp-equiv="?Content-Security-Policy\b[^>]*>/)?.[0];
  const meta = metaTag?.match(/\bcontent="([^"]+)"/)?.[1];
  assert.equal(`${meta}; frame-ancestors 'none'`, csp);
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.split(' ')[0] === name);
  assert.equal(directive('default-src'), "default-src 'none'");
  assert.equal(directive('script-src'), "script-src 'self' 'wasm-unsafe-eval'");
  assert.equal(directive('style-src'), "style-src 'self'");
  assert.equal(index.headers()['cache-control'], 'no-cache');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  const wasmPath = assets.find((r) => r.path.endsWith('.wasm')).path;
  const wasm = await app.page.request.get(`${app.origin}${wasmPath}`);
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  assert.equal(wasm.headers()['cache-control'], 'public, max-age=31536000, immutable');

  // A reload revalidates index.html (304) and takes every hashed file from the cache (with
  // the browser's cache on: see useHttpCache).
  await app.useHttpCache();
  app.server.requests.length = 0;
  await app.reload();
  await app.expectText('css=main', 'aks-dev-weu');
  const again = app.server.requests.map((r) => `${r.status} ${r.path}`);
  assert.ok(again.includes(`304 ${FOLDER}`), again.join(', '));
  assert.ok(!again.some((r) => HASHED.test(r)), `hashed files fetched again: ${again.join(', ')}`);

  // The share link points at the folder the app is served from.
  app.server.requests.length = 0;
  await app.click('tab-export');
  await app.expectText('share-link', '#p=1.');
  const link = new URL(await app.text('share-link'));
  assert.equal(link.origin + link.pathname, `${app.origin}${FOLDER}`);

  // The Export tab started the exports worker: its loader, bindings and wasm came from the
  // folder, hashed and compressed, allowed by the policy (worker-src 'self'), the wasm as
  // application/wasm.
  await app.expectText('export-output', 'az aks update');
  const worker = app.server.requests.filter((r) => r.path.includes('exports-'));
  assert.deepEqual(
    worker.map((r) => path.extname(r.path)).sort(),
    ['.js', '.js', '.wasm'],
    JSON.stringify(worker),
  );
  for (const r of worker) {
    assert.equal(r.status, 200, r.path);
    assert.ok(r.path.startsWith(FOLDER), r.path);
    assert.match(r.path, HASHED);
    assert.ok(['br', 'gzip'].includes(r.encoding), `${r.path} sent ${r.encoding ?? 'uncompressed'}`);
  }
  assert.equal(directive('worker-src'), "worker-src 'self'");
  // The Export tab's own module (src/ui/lazy.rs) and the chunks it shares with other parts:
  // from the folder, hashed, compressed, as application/wasm (compiled while it downloads).
  const part = app.server.requests.filter((r) => /\/(split|chunk)-/.test(r.path));
  assert.ok(part.some((r) => /\/split-export-tab-/.test(r.path)), JSON.stringify(part));
  for (const r of part) {
    assert.equal(r.status, 200, r.path);
    assert.ok(r.path.startsWith(FOLDER), r.path);
    assert.match(r.path, HASHED);
    assert.ok(['br', 'gzip'].includes(r.encoding), `${r.path} sent ${r.encoding ?? 'uncompressed'}`);
    const got = await app.page.request.get(`${app.origin}${r.path}`);
    assert.equal(got.headers()['content-type'], 'application/wasm', r.path);
    assert.equal(got.headers()['cache-control'], 'public, max-age=31536000, immutable', r.path);
  }
  const workerWasm = await app.page.request.get(`${app.origin}${worker.find((r) => r.path.endsWith('.wasm')).path}`);
  assert.equal(workerWasm.headers()['content-type'], 'application/wasm');
});

test('the folder without its slash redirects, and paths outside it are not served', async (t) => {
  const app = await openApp(t, { server: { basePath: FOLDER, host: true } });
  const bare = await app.page.request.get(`${app.origin}${FOLDER.slice(0, -1)}`, { maxRedirects: 0 });
  assert.equal(bare.status(), 301);
  assert.equal(bare.headers().location, FOLDER);
  const outside = await app.page.request.get(`${app.origin}/index.html`);
  assert.equal(outside.status(), 404);
  app.problems.length = 0; // the 404 above was asked for
});

test('every file a browser loads has its precompressed copies and host headers', async () => {
  // The build's own promise (scripts/postbuild.mjs), checked on the files: .br and .gz
  // beside each text and wasm file, each smaller than the original.
  const index = await readFile(path.join(DIST, 'index.html'), 'utf8');
  // The release build's index.html is minified (Trunk.toml): its attribute values may be unquoted.
  const names = [...index.matchAll(/(?:src|href|content)="?\.\/([^"\s>]+)/g)].map((m) => m[1]);
  // The app's loader and the exports worker's (index.html's <meta name="exports-worker">) name
  // their bindings and wasm.
  const loaders = names.filter((n) => /^(boot|exports)-/.test(n));
  assert.equal(loaders.length, 2, `the two loaders in ${names.join(', ')}`);
  for (const loader of loaders) {
    const loaded = await readFile(path.join(DIST, loader), 'utf8');
    names.push(...[...loaded.matchAll(/'\.\/([^']+)'/g)].map((m) => m[1]));
  }
  // The bindings import the split modules' link file, which names every split module.
  for (const bindings of names.filter((n) => /^planner-web-[0-9a-f]+\.js$/.test(n))) {
    const text = await readFile(path.join(DIST, bindings), 'utf8');
    names.push(...[...text.matchAll(/from\s*["'`]\.\/(wasm-split-[0-9a-f]+\.js)["'`]/g)].map((m) => m[1]));
  }
  for (const link of names.filter((n) => /^wasm-split-/.test(n))) {
    const text = await readFile(path.join(DIST, link), 'utf8');
    names.push(...[...text.matchAll(/["'`]\.\/((?:split|chunk)-[\w-]+\.wasm)["'`]/g)].map((m) => m[1]));
  }
  // Each file once (the bindings import the link file once per split point).
  names.splice(0, names.length, ...new Set(names));
  assert.ok(names.some((n) => /^wasm-split-/.test(n)), names.join(', '));
  // Every part of src/ui/lazy.rs, once.
  assert.deepEqual(
    names.map((n) => n.match(/^split-([a-z-]+)-[0-9a-f]{16}\.wasm$/)?.[1]).filter(Boolean).sort(),
    ['bulk-editor', 'export-tab', 'filters', 'link-opener', 'timeline-tab', 'windows-tab'],
    names.join(', '),
  );
  assert.ok(names.some((n) => /^planner-web-.*_bg\.wasm$/.test(n)), names.join(', '));
  assert.ok(names.some((n) => /^planner-exports-.*_bg\.wasm$/.test(n)), names.join(', '));
  for (const name of ['index.html', ...names]) {
    const raw = await readFile(path.join(DIST, name));
    for (const ext of ['.br', '.gz']) {
      const packed = await readFile(path.join(DIST, name + ext));
      assert.ok(packed.length < raw.length || raw.length < 200, `${name}${ext}`);
    }
    const cache = hostHeaders(`/${name}`)['cache-control'];
    assert.equal(cache, HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache', name);
  }
});
