// trunk post_build hook (Trunk.toml [[hooks]]): makes dist/ ready for any static host.
//
// 1. The loader becomes a hashed file. trunk writes the module script that starts the app into
//    index.html; inline, the Content-Security-Policy would need `'unsafe-inline'` or a hash
//    that changes with every build. Trunk.toml's `pattern_script` emits
//    `<script type="module" src="./boot.js" data-js="…" data-wasm="…">`; this hook writes that
//    loader as `boot-<hash>.js` and points the tag at it, so `script-src 'self'` suffices and
//    every script, style sheet and wasm file has a content hash in its name (cache them for a
//    year; only index.html, favicon.svg and robots.txt are revalidated).
// 2. The exports worker (index.html's `data-type="worker"` link, src/worker.rs) gets hashed
//    names too: trunk names a worker's files after its binary (`planner-exports.js`,
//    `planner-exports_bg.wasm`, so the page can find them), which a year-long cache would keep
//    after an update. This hook renames them `planner-exports-<hash>…`, writes the worker's
//    loader as `exports-<hash>.js` and names it in index.html's `<meta name="exports-worker">`,
//    where the app (src/ui/exports_worker.rs) reads it on first use.
// 3. In release builds, every text and wasm file gets a gzip -9 (`.gz`) and a brotli -11 (`.br`)
//    copy beside it, for servers that serve precompressed files (nginx gzip_static, Caddy
//    precompressed, the test server in tests/e2e/helpers.mjs).
//
// trunk runs it with TRUNK_STAGING_DIR (the dist being built) and TRUNK_PROFILE set.

import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild.mjs: TRUNK_STAGING_DIR is not set (run it through trunk)');
  process.exit(2);
}

/** The first 16 hex digits of the SHA-256, like trunk's own file hashes. */
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

async function externalLoader() {
  const indexPath = path.join(dir, 'index.html');
  const html = await readFile(indexPath, 'utf8');
  // Release builds minify index.html (Trunk.toml `minify`), which reorders the attributes and
  // drops their quotes: the placeholder is found by its attributes, in any order and form.
  const placeholder = [...html.matchAll(/<script\b([^>]*)><\/script>/g)]
    .map((m) => ({ tag: m[0], attrs: attributes(m[1]) }))
    .find(({ attrs }) => /^(\.\/)?boot\.js$/.test(attrs.src ?? ''));
  const { js, wasm } = placeholder?.attrs ?? {};
  if (!js || !wasm) throw new Error('index.html has no boot.js placeholder: check pattern_script in Trunk.toml');
  const base = placeholder.attrs.src.slice(0, -'boot.js'.length);
  // Relative to the loader's own URL, so the app works from any folder (`public_url = "./"`).
  // The wasm is fetched once the static shell in index.html has painted (the frame after this
  // one), so its download never competes with that first paint (Trunk.toml: no wasm preload).
  const loader =
    `import init from './${js}';\n` +
    `requestAnimationFrame(() => setTimeout(() => init({ module_or_path: new URL('./${wasm}', import.meta.url) })));\n`;
  const name = `boot-${hash(loader)}.js`;
  await writeFile(path.join(dir, name), loader);
  await writeFile(indexPath, html.replace(placeholder.tag, `<script type="module" src="${base}${name}"></script>`));
}

/** A tag's attributes (`data-js` as `js`, `data-wasm` as `wasm`), quoted or not. */
function attributes(text) {
  const attrs = {};
  for (const [, name, value] of text.matchAll(/([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
    attrs[name.replace(/^data-/, '')] = (value ?? '').replace(/^(["'])(.*)\1$/, '$2');
  }
  return attrs;
}

async function exportsWorker() {
  const name = 'planner-exports';
  const [glue, wasm] = await Promise.all([
    readFile(path.join(dir, `${name}.js`)),
    readFile(path.join(dir, `${name}_bg.wasm`)),
  ]);
  const base = `${name}-${hash(Buffer.concat([glue, wasm]))}`;
  await rename(path.join(dir, `${name}.js`), path.join(dir, `${base}.js`));
  await rename(path.join(dir, `${name}_bg.wasm`), path.join(dir, `${base}_bg.wasm`));
  // A classic worker (wasm-bindgen's no-modules target): both URLs are relative to the
  // loader's own. A module that cannot start says so to the page, which tells the user.
  const loader =
    `importScripts('./${base}.js');\n` +
    `wasm_bindgen({ module_or_path: './${base}_bg.wasm' }).catch((e) => postMessage('failed: ' + e));\n`;
  const loaderName = `exports-${hash(loader)}.js`;
  await writeFile(path.join(dir, loaderName), loader);
  const indexPath = path.join(dir, 'index.html');
  const html = await readFile(indexPath, 'utf8');
  if (!html.includes('</head>')) throw new Error('index.html has no </head> for the exports worker meta tag');
  await writeFile(
    indexPath,
    html.replace('</head>', `<meta name="exports-worker" content="./${loaderName}" /></head>`),
  );
}

// Host configuration (staticwebapp.config.json) is read by the host, never sent to browsers.
const COMPRESS = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.txt']);

async function precompress() {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESS.has(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(file);
    const copies = {
      '.gz': gzipSync(body, { level: 9 }),
      '.br': brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        },
      }),
    };
    // A tiny file (robots.txt) can grow: then the server sends the original.
    for (const [ext, packed] of Object.entries(copies)) {
      if (packed.length < body.length) await writeFile(`${file}${ext}`, packed);
    }
  }
}

async function removeStaleCompressed() {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(br|gz)$/.test(entry.name)) {
      await rm(path.join(entry.parentPath ?? entry.path, entry.name));
    }
  }
}

await externalLoader();
await exportsWorker();
await removeStaleCompressed();
if (process.env.TRUNK_PROFILE === 'release') await precompress();
