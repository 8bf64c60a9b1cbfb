// The release build boots in a real browser and shows the demo plan, with a clean console and
// no request leaving 127.0.0.1. This is the check that catches a broken wasm-opt (README.md,
// "Tools"): unit and component tests run unoptimised wasm and would pass.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

test('the app opens on the demo plan with a clean console and no external requests', async (t) => {
  const app = await openApp(t);
  // The demo plan's first cluster (src/rules/demo.json) is on screen.
  await app.expectText('css=main', 'aks-dev-weu');
  assert.match(await app.page.title(), /AKS/);
  app.assertNoProblems();
});

test('the harness reports a console error and an external request as problems', async (t) => {
  // Guards the guard: if this stopped working, every other test could be hiding errors.
  const app = await openApp(t);
  await app.page.evaluate(async () => {
    console.error('deliberate test error');
    await fetch('http://example.invalid/x').catch(() => {});
  });
  const seen = () => app.problems.join('\n');
  await until(seen, (s) => /console error: deliberate test error/.test(s), seen);
  // Reported either way: as a blocked request to a non-local host, or (the page's
  // Content-Security-Policy allows only its own origin) as the console error of the refusal.
  await until(seen, (s) => /(non-local host: |Connecting to ')http:\/\/example\.invalid\/x/.test(s), seen);
  app.problems.length = 0; // expected here; every other test fails on them
});

test('the app mounts over its static shell without moving anything, on a phone, a tablet and a desktop', async (t) => {
  // Issue 13: the shell paints at once and the app takes its place with no layout shift
  // (Lighthouse's CLS). Shifts are read from the browser's own layout-shift entries.
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 800, height: 1000 },
    { width: 1280, height: 900 },
  ]) {
    const app = await openApp(t, { viewport });
    await app.page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          const nodes = e.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName);
          window.__shifts.push({ value: e.value, nodes });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await app.reload();
    await app.expectText('css=main', 'aks-dev-weu');
    await app.page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))),
    );
    assert.deepEqual(await app.page.evaluate(() => window.__shifts), [], `${viewport.width} px wide`);
  }
});
