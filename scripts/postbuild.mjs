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
// 3. The app's module is split (src/ui/lazy.rs): trunk's wasm-bindgen ran on the linked
//    module, whose split points still import from a placeholder; this hook runs
//    `wasm-split-cli` on that linked module (target/…/planner-web.wasm, kept with its relocations
//    by build.rs), then wasm-bindgen and, in release builds, `wasm-opt -Oz` on the main module
//    and on each module split from it, terser on the bindings, and puts them in place of trunk's
//    two files, every file named after its content (index.html names the new ones). The link
//    file fetches a part's module the first time the part opens.
// 4. In release builds, every text and wasm file gets a gzip -9 (`.gz`) and a brotli -11 (`.br`)
//    copy beside it, for servers that serve precompressed files (nginx gzip_static, Caddy
//    precompressed, the test server in tests/e2e/helpers.mjs).
//
// trunk runs it with TRUNK_STAGING_DIR (the dist being built) and TRUNK_PROFILE set.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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

const run = promisify(execFile);
const RELEASE = process.env.TRUNK_PROFILE === 'release';

/** Where cargo put the linked app module: the target directory cargo itself reports (it
 *  follows CARGO_TARGET_DIR and .cargo/config.toml), in the profile the source index.html's
 *  `planner-web` link names for release builds (`data-cargo-profile-release`). */
async function linkedAppModule() {
  const { stdout } = await run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
    maxBuffer: 64 << 20,
  });
  let profile = 'debug';
  if (RELEASE) {
    const source = await readFile(process.env.TRUNK_HTML_FILE ?? 'index.html', 'utf8');
    const tag = source.match(/<link\b[^>]*data-bin="planner-web"[^>]*>/)?.[0];
    profile = tag?.match(/data-cargo-profile-release="([^"]+)"/)?.[1] ?? 'release';
  }
  return path.join(JSON.parse(stdout).target_directory, 'wasm32-unknown-unknown', profile, 'planner-web.wasm');
}

/** `js` (an ES module) through terser in release builds (trunk's own minifier cannot parse
 *  wasm-bindgen's bindings): 58 -> 26 KB raw, 8.1 -> 6.3 KB brotli. The names the module
 *  exports and imports stay, so the loader, the link file and the wasm find them. */
async function minified(js) {
  if (!RELEASE) return js;
  const work = await mkdtemp(path.join(tmpdir(), 'planner-terser-'));
  try {
    const input = path.join(work, 'in.mjs');
    await writeFile(input, js);
    const { stdout } = await run('terser', [input, '--module', '--compress', '--mangle'], { maxBuffer: 64 << 20 }).catch(
      (e) => {
        throw new Error(`terser failed (scripts/setup.sh installs it; run scripts/serve.sh or scripts/test.sh once): ${e.message}`);
      },
    );
    return stdout;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function splitApp() {
  const trunkNames = (await readdir(dir)).filter((f) => /^planner-web-[0-9a-f]+\.js$/.test(f));
  if (trunkNames.length !== 1) throw new Error(`expected one planner-web-<hash>.js from trunk, found ${trunkNames.length}`);
  const trunkStem = trunkNames[0].slice(0, -'.js'.length);
  // Split and bound under a fixed name (the module's imports name it), files named afterwards.
  const name = 'planner-web';
  const work = await mkdtemp(path.join(tmpdir(), 'planner-split-'));
  try {
    await run('wasm-split-cli', [await linkedAppModule(), work, '--out-name', name]);
    const bindgen = path.join(work, 'bindgen');
    await run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-name', name, '--out-dir', bindgen, path.join(work, `${name}.wasm`),
    ]);
    const modules = (await readdir(work)).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
    const main = path.join(bindgen, `${name}_bg.wasm`);
    if (RELEASE) {
      // One wasm-opt per module, two at a time (the build machine's cores). The split modules
      // carry a name subsection wasm-opt does not know and drops with a warning: not an error.
      // `--low-memory-unused` lets wasm-opt fold constant offsets into loads and stores
      // (-1.5 KB brotli, README "Bundle-size levers"). It assumes no address below 1 KiB is
      // used: the module's memory starts with its 1 MiB stack (the stack pointer starts at 1 MiB
      // and the data follows it), whose last KiB only a stack about to overflow would reach, and
      // the folded and unfolded forms differ only for an address computation that wraps past
      // 4 GiB, which Rust never makes (pointer overflow is undefined behaviour).
      const queue = [main, ...modules.map((m) => path.join(work, m))];
      const next = async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          await run('wasm-opt', ['-Oz', '--low-memory-unused', file, '-o', file]);
        }
      };
      await Promise.all([next(), next()]);
    }
    // Each split module is named after its bytes; the link file names them.
    let link = await readFile(path.join(work, '__wasm_split.js'), 'utf8');
    for (const module of modules) {
      const bytes = await readFile(path.join(work, module));
      const hashed = `${module.slice(0, -'.wasm'.length).replace(/_/g, '-')}-${hash(bytes)}.wasm`;
      const reference = `"./${module}"`;
      if (!link.includes(reference)) throw new Error(`__wasm_split.js does not name ${module}`);
      link = link.replaceAll(reference, `"./${hashed}"`);
      await writeFile(path.join(dir, hashed), bytes);
    }
    // The bindings import the link file (`from "./__wasm_split.js"`; the key the module's
    // imports use stays) and the link file imports the bindings (`initSync`): each names the
    // other, so both, and the main module, are named after one hash of all three with a
    // placeholder where those names go. Any change to any of them changes every name.
    const glue = await readFile(path.join(bindgen, `${name}.js`), 'utf8');
    const from = 'from "./__wasm_split.js"';
    if (!glue.includes(from)) throw new Error(`${name}.js does not import __wasm_split.js`);
    const mainImport = `"./${name}.js"`;
    if (!link.includes(mainImport)) throw new Error(`__wasm_split.js does not import ${name}.js`);
    const HOLE = '@@planner-hash@@';
    const glueOut = await minified(glue.replaceAll(from, `from "./wasm-split-${HOLE}.js"`));
    const linkOut = await minified(link.replaceAll(mainImport, `"./planner-web-${HOLE}.js"`));
    const wasm = await readFile(main);
    const h = hash(Buffer.concat([wasm, Buffer.from(glueOut), Buffer.from(linkOut)]));
    const stem = `planner-web-${h}`;
    await writeFile(path.join(dir, `${stem}.js`), glueOut.replaceAll(HOLE, h));
    await writeFile(path.join(dir, `${stem}_bg.wasm`), wasm);
    await writeFile(path.join(dir, `wasm-split-${h}.js`), linkOut.replaceAll(HOLE, h));
    await rm(path.join(dir, `${trunkStem}.js`));
    await rm(path.join(dir, `${trunkStem}_bg.wasm`));
    // index.html names trunk's files (the loader's placeholder, the preload): ours instead,
    // and the link file preloaded beside the bindings, which import it at once.
    const indexPath = path.join(dir, 'index.html');
    const html = await readFile(indexPath, 'utf8');
    if (!html.includes(trunkStem)) throw new Error(`index.html does not name ${trunkStem}`);
    if (!html.includes('</head>')) throw new Error('index.html has no </head> for the link file preload');
    await writeFile(
      indexPath,
      html
        .replaceAll(trunkStem, stem)
        .replace('</head>', `<link rel="modulepreload" href="./wasm-split-${h}.js"></head>`),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
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

await splitApp();
await externalLoader();
await exportsWorker();
await removeStaleCompressed();
if (process.env.TRUNK_PROFILE === 'release') await precompress();
