// Where the time of a fleet edit goes (issue 11), not a test: Chromium's CPU profiler (CDP
// `Profiler.start/stop`) around first paint, a step-timing edit, a cluster rename, removing
// the first cluster and a bulk change of every cluster (and its undo) on `?bench=N`, printed
// as the functions with the most self time. Run against the release build:
//   cd tests/e2e && node fleet-profile.mjs [2000]
// wasm functions are named by the module's name section when the build keeps one, else by
// index (`wasm-function[N]`); "(program)" is the browser's own work (style, layout, paint).
// `CALLERS=dlmalloc node fleet-profile.mjs 2000` adds where the matching functions are called
// from; `INCLUSIVE=40` adds the 40 functions with the most total time (self and callees).

import { App, actToPaint } from './helpers.mjs';

const n = Number(process.argv[2] ?? 2000);
const TOP = Number(process.argv[3] ?? 25);
const NOW = '2026-11-02T08:00:00Z';

function summary(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const key = frame.functionName || `(anonymous ${frame.url.split('/').pop()}:${frame.lineNumber})`;
    const ms = (deltas[i] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  // CALLERS=<text>: where the time of the functions whose names hold <text> comes from (the
  // first caller outside the allocator and the standard library).
  const callers = new Map();
  const want = process.env.CALLERS;
  if (want) {
    const parent = new Map();
    for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    const plumbing = /dlmalloc|alloc::|__rust|core::|<alloc|<core|RawVec|hashbrown|indexmap/;
    profile.samples.forEach((id, i) => {
      if (!byId.get(id).callFrame.functionName.includes(want)) return;
      let up = parent.get(id);
      while (up && plumbing.test(byId.get(up).callFrame.functionName)) up = parent.get(up);
      const key = up ? byId.get(up).callFrame.functionName : '(root)';
      callers.set(key, (callers.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
  }
  // INCLUSIVE=<n>: also the <n> functions with the most total time (self + callees), each
  // counted once per sample however often it recurs on the stack.
  const inclusive = new Map();
  const wantInclusive = Number(process.env.INCLUSIVE ?? 0);
  if (wantInclusive) {
    const parent = new Map();
    for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    profile.samples.forEach((id, i) => {
      const seen = new Set();
      for (let up = id; up; up = parent.get(up)) {
        const name = byId.get(up).callFrame.functionName;
        if (!name || seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
      }
    });
  }
  const byTotal = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, wantInclusive)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  total  ${k}`);
  const byCaller = [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${want} from ${k}`);
  // STACK=<text>: one whole stack (outermost last) of a sample in a function whose name holds
  // <text>, for finding which caller reaches it.
  const stacks = [];
  if (process.env.STACK) {
    const parent = new Map();
    for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    const seen = new Set();
    for (const id of profile.samples) {
      const names = [];
      let hit = false;
      for (let up = id; up; up = parent.get(up)) {
        const name = byId.get(up).callFrame.functionName;
        if (name.includes(process.env.STACK)) hit = true;
        if (hit && name) names.push(name.slice(0, 140));
      }
      const key = names.join('|');
      if (hit && !seen.has(key) && stacks.length < 2) {
        seen.add(key);
        stacks.push(`   stack: ${names.join('\n          ')}`);
      }
    }
  }
  return {
    totalMs: Math.round(total),
    top: [...top.map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`), ...byCaller, ...byTotal, ...stacks],
  };
}

async function profiled(cdp, what, act) {
  await cdp.send('Profiler.start');
  const ms = await act();
  const { profile } = await cdp.send('Profiler.stop');
  const { totalMs, top } = summary(profile);
  console.log(`\n== ${what}: ${Math.round(ms)} ms measured, ${totalMs} ms sampled`);
  for (const line of top) console.log(line);
}

const app = new App({ path: '/' });
await app.start();
const cdp = await app.context.newCDPSession(app.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await profiled(cdp, `first paint, ${n} clusters`, async () => {
  await app.page.goto(`${app.origin}/?bench=${n}&now=${NOW}`);
  await app.page.waitForFunction(
    (n) => document.querySelector('#clusters-title .count')?.textContent === String(n) &&
      document.querySelector('[data-testid="timeline-label-0"]'),
    n,
    { timeout: 300_000, polling: 100 },
  );
  return app.page.evaluate(() => performance.now());
});
await actToPaint(app.page, 'assumption-timings-drainMinutes', '3');
await profiled(cdp, 'step-timing edit → paint (Timeline tab)', () =>
  actToPaint(app.page, 'assumption-timings-drainMinutes', '4'));
await actToPaint(app.page, 'tab-plan', null);
await app.page.locator('[data-testid="c0-name"]').waitFor();
await actToPaint(app.page, 'c0-name', 'aks-a');
await profiled(cdp, 'rename one cluster → paint (Plan tab)', () =>
  actToPaint(app.page, 'c0-name', 'aks-ab'));
await profiled(cdp, 'step-timing edit → paint (Plan tab)', () =>
  actToPaint(app.page, 'assumption-timings-drainMinutes', '5').catch(() => 0));
await actToPaint(app.page, 'remove-cluster', null);
await profiled(cdp, 'remove the open (first) cluster → paint (Plan tab)', () =>
  actToPaint(app.page, 'remove-cluster', null));
// A bulk change of every cluster's node OS channel (all found selected), then its undo.
await app.page.locator('[data-testid="select-shown"]').click();
await app.page.locator('[data-testid="edit-selected"]').click();
await app.page.selectOption('[data-testid="bulk-kind"]', 'node-os');
await app.page.selectOption('[data-testid="bulk-node-os"]', 'Unmanaged');
await app.page.locator('[data-testid="bulk-apply"]:not([disabled])').waitFor();
await profiled(cdp, 'bulk change of every cluster\'s node OS channel → paint (Plan tab)', () =>
  actToPaint(app.page, 'bulk-apply', null));
await profiled(cdp, 'undo the bulk change → paint (Plan tab)', () => actToPaint(app.page, 'undo', null));
if (app.problems.length) console.log('problems:', app.problems);
await app.close();
