// Shared harness for the browser tests: serves the RELEASE build (dist/) on 127.0.0.1, drives
// Debian's headless Chromium through playwright-core, and fails a test on any console error or
// warning, uncaught page error, failed local request, or request to any host but 127.0.0.1.
//
// Write a journey test like this (one file per journey, `*.test.mjs`):
//
//   import { test } from 'node:test';
//   import { openApp } from './helpers.mjs';
//
//   test('a windows pool on SecurityPatch shows the finding', async (t) => {
//     const app = await openApp(t);                       // fresh profile, demo plan loaded
//     await app.click('add-cluster');                     // find/act by data-testid
//     await app.select('node-os-channel-0', 'SecurityPatch');
//     await app.expectVisible('[data-testid=finding][data-code="..."]');
//     await app.reload();                                 // same profile: localStorage kept
//     await app.expectText('cluster-item-0', 'aks-dev-weu');
//   });                                                   // problems are checked on close
//
// `openApp(t)` registers cleanup with the test, so a test needs no try/finally. Every check
// polls until it holds or `timeoutMs` passes (2 busy cores: be generous, never sleep).

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The built app. scripts/test.sh builds it with `trunk build --release --offline`. */
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(HERE, '..', '..', 'dist'));
/** Debian's Chromium; never a downloaded browser (`npx playwright install` fails offline). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Profiles live here; scripts/test.sh points it at a per-run dir it removes on exit. */
const PROFILE_ROOT = process.env.E2E_TMPDIR ?? tmpdir();
/** Default wait for any check or action, in ms. */
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);
/**
 * The folder the app is served from, e.g. '/planner/' as on a GitHub Pages project site
 * (`E2E_BASE_PATH`, default '/'). `openApp` paths are relative to it.
 */
export const BASE_PATH = normalizeBase(process.env.E2E_BASE_PATH ?? '/');
/**
 * `E2E_HOST=static` serves dist/ as the static hosts of docs/deploy.md do: precompressed
 * brotli or gzip by Accept-Encoding, the headers of public/staticwebapp.config.json (CSP,
 * caching), ETags and 304s. By default every response is uncompressed and `no-store`.
 */
export const HOST_MODE = process.env.E2E_HOST === 'static';
/** The Azure Static Web Apps configuration the host mode applies. */
const HOST_CONFIG = path.join(HERE, '..', '..', 'public', 'staticwebapp.config.json');

function normalizeBase(base) {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// Without the background-networking family Chromium keeps calling Google services.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The response headers a host configured by public/staticwebapp.config.json sends for `file`
 * (a path below the app's folder, e.g. '/main-0123abcd.css'): its global headers, then those
 * of the first route whose pattern (`/*.{js,css,wasm}`) matches, then its MIME types; names
 * in lower case.
 */
export function hostHeaders(file, config = JSON.parse(readFileSync(HOST_CONFIG, 'utf8'))) {
  const route = (config.routes ?? []).find((r) => routePattern(r.route).test(file));
  const mime = config.mimeTypes?.[path.extname(file)];
  const all = { ...config.globalHeaders, ...route?.headers, ...(mime ? { 'content-type': mime } : {}) };
  // HTTP header names are case-insensitive: one lower-case key each.
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
}

/** A Static Web Apps route (`/*`, `/*.css`, `/*.{js,css}`, `/exact.html`) as a RegExp. */
function routePattern(route) {
  const escaped = route.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  const source = escaped
    .replace(/\{([^}]+)\}/g, (_, list) => `(?:${list.split(',').join('|')})`)
    .replace(/\*/g, '.*');
  return new RegExp(`^${source}$`);
}

/**
 * Serves `root` on 127.0.0.1 at a free port, in the folder `basePath`. Paths without an
 * extension fall back to index.html, as a static host configured for a single-page app would;
 * the folder without its slash redirects to it, as GitHub Pages does. With `host` set (see
 * HOST_MODE) it serves precompressed files and the hosts' headers.
 * @returns {Promise<{origin: string, basePath: string, requests: object[], close: () => Promise<void>}>}
 */
export async function startServer(root = DIST, { basePath = BASE_PATH, host = HOST_MODE } = {}) {
  await stat(path.join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: build first (trunk build --release --offline)`);
  });
  const base = normalizeBase(basePath);
  const config = host ? JSON.parse(await readFile(HOST_CONFIG, 'utf8')) : null;
  /** Every request that reached the server: path, status and content encoding. */
  const requests = [];
  const server = createServer(async (req, res) => {
    let encoding;
    res.on('finish', () => requests.push({ path: req.url, status: res.statusCode, encoding }));
    try {
      const fullPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (fullPath === base.slice(0, -1) && base !== '/') {
        res.writeHead(301, { location: base });
        res.end();
        return;
      }
      if (!fullPath.startsWith(base)) throw Object.assign(new Error('outside base'), { code: 'ENOENT' });
      const urlPath = fullPath.slice(base.length - 1);
      let file = path.normalize(path.join(root, urlPath));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if (urlPath.endsWith('/')) file = path.join(file, 'index.html');
      else if (!path.extname(file)) file = path.join(root, 'index.html');
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      if (!host) {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      const headers = { 'content-type': type, ...hostHeaders('/' + path.relative(root, file), config) };
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body = await readFile(file);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${name}\\b`).test(accepts)) continue;
        const packed = await readFile(file + ext).catch(() => null);
        if (packed) {
          body = packed;
          headers['content-encoding'] = encoding = name;
          break;
        }
      }
      headers.vary = 'Accept-Encoding';
      headers.etag = headers['content-encoding'] ? `${etag.slice(0, -1)}-${headers['content-encoding']}"` : etag;
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, { etag: headers.etag, 'cache-control': headers['cache-control'] ?? '' });
        res.end();
        return;
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : 500);
      res.end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    basePath: base,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** True for URLs the app may load: the local server, and in-page data/blob/about URLs. */
function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (['data:', 'blob:', 'about:', 'chrome-error:'].includes(protocol)) return true;
  return hostname === '127.0.0.1';
}

/**
 * Every find/act/check helper takes a target: a bare word such as 'add-cluster' or 'undo' is a
 * `data-testid`; anything else is a Playwright selector ('css=main', '[data-code="A-3"]',
 * 'text=New empty plan'); a Locator is used as is.
 */
function toSelector(target) {
  return /^[\w-]+$/.test(target) ? `[data-testid="${target}"]` : target;
}

/**
 * Polls `probe` until `ok(value)` holds, then returns the value; fails with `describe(value)`.
 */
export async function until(probe, ok, describe, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) assert.fail(describe(value));
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens the app in a fresh headless Chromium profile and waits until it has rendered <main>.
 * Cleanup (and the problem check) is registered on `t`, the node:test context.
 *
 * @param {import('node:test').TestContext} t
 * @param {object} [options]
 * @param {string} [options.path]       path and query to open, default '/'
 * @param {RegExp[]} [options.allowConsole]  console messages a test expects (matched on text)
 * @param {{width: number, height: number}} [options.viewport]
 * @param {{basePath?: string, host?: boolean}} [options.server]  overrides E2E_BASE_PATH, E2E_HOST
 */
export async function openApp(t, options = {}) {
  const app = new App(options);
  t.after(() => app.close());
  await app.start();
  return app;
}

export class App {
  constructor({
    path: startPath = '/',
    allowConsole = [],
    viewport = { width: 1280, height: 900 },
    server = {},
  } = {}) {
    this.serverOptions = server;
    this.startPath = startPath;
    this.allowConsole = allowConsole;
    this.viewport = viewport;
    /** Everything that makes the test fail on close: console errors, external requests, ... */
    this.problems = [];
    this.closed = false;
  }

  async start() {
    this.server = await startServer(DIST, this.serverOptions);
    this.origin = this.server.origin;
    /** The app's folder on the server, '/' or e.g. '/planner/' (E2E_BASE_PATH). */
    this.basePath = this.server.basePath;
    this.profileDir = await mkdtemp(path.join(PROFILE_ROOT, 'aks-planner-e2e-'));
    await this.#launch();
    await this.goto(this.startPath);
  }

  async #launch() {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: this.viewport,
      timeout: 60_000,
    });
    this.context.setDefaultTimeout(TIMEOUT_MS);
    // Block (and record) anything that is not the local server, so a stray fetch fails fast
    // and loudly instead of hanging on a network this machine does not have.
    await this.context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      this.problems.push(`request to a non-local host: ${url}`);
      return route.abort('blockedbyclient');
    });
    this.context.on('response', (res) => {
      if (isLocal(res.url()) && res.status() >= 400) {
        this.problems.push(`HTTP ${res.status()} for ${res.url()}`);
      }
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.#watch(this.page);
  }

  /**
   * Playwright turns the HTTP cache off while requests are intercepted; this stops intercepting
   * (a request to another host is then still reported, though no longer blocked), so a test can
   * check what a reload takes from the cache.
   */
  async useHttpCache() {
    await this.context.unrouteAll();
    this.context.on('request', (req) => {
      if (!isLocal(req.url())) this.problems.push(`request to a non-local host: ${req.url()}`);
    });
  }

  #watch(page) {
    page.on('console', (msg) => {
      const type = msg.type();
      if (type !== 'error' && type !== 'warning') return;
      const text = msg.text();
      if (this.allowConsole.some((re) => re.test(text))) return;
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      this.problems.push(`console ${type}: ${text}${where}`);
    });
    page.on('pageerror', (err) => this.problems.push(`uncaught page error: ${err.stack ?? err}`));
    page.on('requestfailed', (req) => {
      // ERR_ABORTED is a cancellation, not a failure: a reload issued right after an edit
      // (autosave.test.mjs) cancels the favicon still loading. Off-host requests are reported
      // separately, whatever their outcome.
      if (isLocal(req.url()) && req.failure()?.errorText !== 'net::ERR_ABORTED') {
        this.problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
      }
    });
    page.on('websocket', (ws) => {
      if (!isLocal(ws.url())) this.problems.push(`websocket to a non-local host: ${ws.url()}`);
    });
  }

  // ---- navigation --------------------------------------------------------------------------

  /** Opens `urlPath` (e.g. '/?p=...', relative to the app's folder) and waits for the app. */
  async goto(urlPath = '/') {
    await this.page.goto(this.origin + this.basePath.slice(0, -1) + urlPath);
    await this.waitReady();
  }

  /** Reloads the page (same profile, so localStorage survives) and waits for the app. */
  async reload() {
    await this.page.reload();
    await this.waitReady();
  }

  /** Closes the browser and opens it again on the same profile: a real "come back later". */
  async restart() {
    const url = this.page.url();
    await this.context.close();
    await this.#launch();
    await this.page.goto(url);
    await this.waitReady();
  }

  /** The app has mounted once its <main> is visible (before that, only index.html's shell). */
  async waitReady() {
    await this.page.locator('main').first().waitFor({ state: 'visible' });
  }

  /** The current URL's path (relative to the app's folder) and query, e.g. '/?p=1.xyz'. */
  url() {
    const u = new URL(this.page.url());
    const inFolder = u.pathname.startsWith(this.basePath) ? u.pathname.slice(this.basePath.length - 1) : u.pathname;
    return inFolder + u.search;
  }

  // ---- find --------------------------------------------------------------------------------

  /** A locator for a target: a `data-testid` (bare word), a Playwright selector or a Locator. */
  find(target) {
    return typeof target === 'string' ? this.page.locator(toSelector(target)) : target;
  }

  /** Locator of `[data-testid=<id>]`. */
  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  /** Trimmed text of the first match. */
  async text(target) {
    return ((await this.find(target).first().textContent()) ?? '').trim();
  }

  /** Number of elements matching. */
  async count(target) {
    return this.find(target).count();
  }

  /** `[data-code]` values of all visible findings, in page order. */
  async findingCodes() {
    return this.page
      .locator('[data-testid="finding"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  }

  // ---- act ---------------------------------------------------------------------------------

  async click(target) {
    await this.find(target).first().click();
  }

  /** Replaces an input's value (fires input and change events). */
  async fill(target, value) {
    await this.find(target).first().fill(String(value));
  }

  /** Chooses an <option> by value or label. */
  async select(target, value) {
    await this.find(target).first().selectOption(value);
  }

  /** Ticks (or unticks) a checkbox. */
  async setChecked(target, on = true) {
    await this.find(target).first().setChecked(on);
  }

  /** A key or chord on the focused element, e.g. 'Control+z'. */
  async press(key) {
    await this.page.keyboard.press(key);
  }

  // ---- check (each polls until it holds) ---------------------------------------------------

  /** The first match's text contains `expected` (string) or matches it (RegExp). */
  async expectText(target, expected) {
    const ok = (s) => (expected instanceof RegExp ? expected.test(s) : s.includes(expected));
    return until(
      () => this.text(target).catch(() => ''),
      ok,
      (s) => `${toSelector(String(target))}: expected text ${expected}, got ${JSON.stringify(s)}`,
    );
  }

  async expectCount(target, n) {
    return until(
      () => this.count(target),
      (c) => c === n,
      (c) => `${toSelector(String(target))}: expected ${n} element(s), found ${c}`,
    );
  }

  async expectVisible(target) {
    await this.find(target).first().waitFor({ state: 'visible' });
  }

  /** No element matches, or none is visible. */
  async expectHidden(target) {
    await this.find(target).first().waitFor({ state: 'hidden' });
  }

  /** A finding with this `data-code` is shown (or, with `present = false`, is not). */
  async expectFinding(code, present = true) {
    return until(
      () => this.findingCodes(),
      (codes) => codes.includes(code) === present,
      (codes) => `finding ${code} ${present ? 'missing' : 'still shown'}; shown: ${codes.join(', ') || 'none'}`,
    );
  }

  /** The URL's path and query match `expected` (RegExp) or contain it (string). */
  async expectUrl(expected) {
    const ok = (s) => (expected instanceof RegExp ? expected.test(s) : s.includes(expected));
    return until(
      () => this.url(),
      ok,
      (s) => `expected URL ${expected}, got ${s}`,
    );
  }

  /** Fails now if anything went wrong so far (close() runs this too). */
  assertNoProblems() {
    assert.deepEqual(this.problems, [], `the page reported problems:\n  ${this.problems.join('\n  ')}`);
  }

  /** Saves a PNG for a human to look at (not compared). */
  async screenshot(file) {
    await this.page.screenshot({ path: file, fullPage: true });
  }

  /** Closes browser and server, removes the profile, then fails on any recorded problem. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.context?.close().catch(() => {});
    await this.server?.close();
    if (this.profileDir) await rm(this.profileDir, { recursive: true, force: true });
    this.assertNoProblems();
  }
}

/**
 * Like `actToPaint`, for an edit whose findings and projection may follow a frame late
 * (src/ui/checked.rs): `[paint, settled]` ms, from the act to the first paint after it and to
 * the first paint without the findings' "Updating…" note (the same when there was none).
 * When the projection follows late, its task begins right after the edit's paint, before the
 * message this posts from the frame is delivered: the edit's paint is then read from the start
 * of that task (`window.__plannerWork.lateAt`, published on `?bench` pages), an upper bound.
 */
export async function actToSettled(page, testid, value) {
  return page.evaluate(
    async ([id, v]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const painted = () => new Promise((r) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = r;
        channel.port2.postMessage(0);
      }));
      const late = () => window.__plannerWork?.lateAt;
      const lateBefore = late();
      const t0 = performance.now();
      if (v === null) {
        el.click();
      } else {
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await painted();
      let paint = performance.now() - t0;
      for (let frames = 0; document.querySelector('[data-testid="findings-updating"]'); frames++) {
        if (frames > 600) throw new Error(`the findings were still updating 600 frames after ${id}`);
        await painted();
      }
      if (late() !== lateBefore && late() > t0) {
        paint = Math.min(paint, late() - t0);
        // The late projection's page updates ran at the end of its task, which may have ended
        // after the last frame awaited: one more frame paints them (an upper bound).
        await painted();
      }
      return [paint, performance.now() - t0];
    },
    [testid, value],
  );
}

/**
 * Runs `act` in the page (an input's new value, or a click) and returns ms from it to just
 * after the next paint: the next animation frame (effects have run, the frame is about to be
 * drawn), then a message posted from it, delivered once that frame has been painted. Shared by
 * the timeline and fleet benchmarks. Returns once a projection that follows the edit a frame
 * late has been painted too (`actToSettled`), so the next act does not overlap it.
 * @param {import('playwright-core').Page} page
 * @param {string} testid
 * @param {string | null} value the input's new value, or null to click the element
 */
export async function actToPaint(page, testid, value) {
  const [paint] = await actToSettled(page, testid, value);
  return paint;
}
