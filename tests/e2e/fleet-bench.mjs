// Issue 11's fleet benchmark (not a test: it measures, it does not gate; CI gates bounded work
// in fleet-scale.test.mjs). Run against the release build:
//   cd tests/e2e && node fleet-bench.mjs [200 1000 2000]
// For each size, on `?bench=N` (rules::demo::fleet(N): N clusters × 3 pools, never saved):
// first paint (navigation to the timeline and the full cluster list drawn), DOM nodes per tab,
// switching tabs, edit→paint for a step timing (every cluster changes), for renaming one
// cluster and for removing the first one (every other one shifts), memory (JS heap + wasm
// linear memory) after 200 undoable edits, then a bulk change of every cluster's node OS
// channel and its undo, and last the Timeline tab's DOM nodes with a fix-ETA question and with
// its table view. The step timing, the bulk change and its undo are also timed to the paint
// with their findings and projection (editToSettledMs), which follow the edit's own paint a
// frame late in a plan of 500 clusters or more (src/ui/checked.rs).

import { App, actToPaint, actToSettled } from './helpers.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [200, 1000, 2000];
const NOW = '2026-11-02T08:00:00Z';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const editToPaint = (page, id, value) => actToPaint(page, id, value);
const clickToPaint = (page, id) => actToPaint(page, id, null);

/**
 * Click → the paint that shows the tab's content: the Windows, Timeline and Export tabs are
 * parts loaded on first use (src/ui/lazy.rs), whose first paint after a click may be their
 * loading line; this waits, frame by frame, until no part is loading, then for that paint.
 */
const clickToContent = (page, id) =>
  page.evaluate(async (id) => {
    const t0 = performance.now();
    document.querySelector(`[data-testid="${id}"]`).click();
    for (let frame = 0; frame < 1200; frame++) {
      await new Promise(requestAnimationFrame);
      if (!document.querySelector('[data-testid="part-loading"]')) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    return performance.now() - t0;
  }, id);

const domNodes = (page) => page.evaluate(() => document.getElementsByTagName('*').length);

async function memoryMB(app) {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const wasm = await app.page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  if (!wasm) throw new Error('the wasm memory was not found: the probe needs updating');
  return { jsHeapMB: +(heap / 2 ** 20).toFixed(1), wasmMB: +(wasm / 2 ** 20).toFixed(1) };
}

async function run(n) {
  const app = new App({ path: '/' });
  await app.start();
  // Keep the module's memory for the measurement, whatever loader starts it (the hashed boot
  // file calls wasm-bindgen's init, which announces nothing): catch the instance itself.
  await app.page.addInitScript(() => {
    const keep = (result) => {
      const instance = result?.instance ?? result;
      const memory = instance?.exports?.memory;
      if (memory instanceof WebAssembly.Memory) window.__wasmMemory = memory;
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
  });
  const t0 = Date.now();
  await app.page.goto(`${app.origin}/?bench=${n}&now=${NOW}`);
  await app.page.waitForFunction(
    (n) => document.querySelector('#clusters-title .count')?.textContent === String(n) &&
      document.querySelector('[data-testid="timeline-label-0"]'),
    n,
    { timeout: 300_000, polling: 100 },
  );
  const firstPaint = await app.page.evaluate(() => performance.now());
  const wall = Date.now() - t0;
  const dom = { timeline: await domNodes(app.page) };
  const tabs = {};
  for (const tab of ['plan', 'windows', 'export', 'timeline']) {
    tabs[tab] = Math.round(await clickToContent(app.page, `tab-${tab}`));
    await app.page.locator(`[data-testid="panel-${tab}"]`).waitFor();
    dom[tab] = await domNodes(app.page);
  }
  const step = [];
  const stepSettled = [];
  for (const [k, v] of ['3', '4', '5', '6', '2', '7', '3'].entries()) {
    const [ms, settled] = await actToSettled(app.page, 'assumption-timings-drainMinutes', v);
    if (k >= 2) step.push(ms);
    if (k >= 2) stepSettled.push(settled);
  }
  const work = () => app.page.evaluate(() => ({ ...window.__plannerWork }));
  const stepWork = await work();
  await clickToPaint(app.page, 'tab-plan');
  await app.page.locator('[data-testid="c0-name"]').waitFor();
  const rename = [];
  for (const [k, v] of ['aks-a', 'aks-ab', 'aks-abc', 'aks-abcd', 'aks-abcde', 'aks-x', 'aks-xy'].entries()) {
    const ms = await editToPaint(app.page, 'c0-name', v);
    if (k >= 2) rename.push(ms);
  }
  const renameWork = await work();
  // Removing the first cluster shifts every other one (each time: 5 removals after 2 warm-ups).
  const remove = [];
  for (let k = 0; k < 7; k++) {
    const ms = await clickToPaint(app.page, 'remove-cluster');
    if (k >= 2) remove.push(ms);
  }
  const removeWork = await work();
  // 200 undo steps: alternating fields, so consecutive edits are not joined into one step.
  for (let k = 0; k < 200; k++) {
    const id = k % 2 ? 'c0-name' : 'c0-resourceGroup';
    await app.page.evaluate(
      ([id, v]) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      [id, `edit-${k}`],
    );
  }
  await app.page.waitForFunction(() => document.querySelector('[data-testid="c0-name"]').value === 'edit-199');
  const memory = await memoryMB(app);
  // A bulk change of every cluster (one undoable step): all found selected, their node OS
  // channel set, alternately Unmanaged and NodeImage; then undone step by step. Every cluster
  // is projected and checked again, the heaviest edit a user makes in one click.
  await clickToPaint(app.page, 'tab-plan');
  await app.page.locator('[data-testid="select-shown"]').click();
  await app.page.locator('[data-testid="edit-selected"]').click();
  await app.page.selectOption('[data-testid="bulk-kind"]', 'node-os');
  const bulk = [];
  const bulkSettled = [];
  for (const [k, v] of ['Unmanaged', 'NodeImage', 'Unmanaged', 'NodeImage', 'Unmanaged', 'NodeImage', 'Unmanaged'].entries()) {
    await app.page.selectOption('[data-testid="bulk-node-os"]', v);
    await app.page.locator('[data-testid="bulk-apply"]:not([disabled])').waitFor();
    const [ms, settled] = await actToSettled(app.page, 'bulk-apply', null);
    if (k >= 2) bulk.push(ms);
    if (k >= 2) bulkSettled.push(settled);
  }
  const bulkWork = await work();
  // The editor closed first: its preview of the change, diffed again after an undo (every
  // selected cluster differs from the change then), follows the paint and is not the undo's.
  await app.page.locator('[data-testid="select-none"]').click();
  const undo = [];
  const undoSettled = [];
  for (let k = 0; k < 5; k++) {
    const [ms, settled] = await actToSettled(app.page, 'undo', null);
    undo.push(ms);
    undoSettled.push(settled);
  }
  // Last (its edits would slow the ones above): the Timeline tab with a fix-ETA question
  // (one row per pool) and then its table view too.
  await clickToPaint(app.page, 'tab-timeline');
  await editToPaint(app.page, 'eta-images', '202606.08.1');
  await app.page.locator('[data-testid="eta-fleet"]').waitFor();
  dom.timelineWithEta = await domNodes(app.page);
  await clickToPaint(app.page, 'timeline-table-toggle');
  await app.page.locator('[data-testid="timeline-table"] table').first().waitFor({ timeout: 300_000 });
  dom.timelineWithEtaAndTable = await domNodes(app.page);
  const report = {
    clusters: n,
    firstPaintMs: Math.round(firstPaint),
    wallToListMs: wall,
    domNodes: dom,
    tabSwitchMs: tabs,
    editToPaintMs: {
      stepTiming: Math.round(median(step)),
      renameCluster: Math.round(median(rename)),
      removeFirstCluster: Math.round(median(remove)),
      bulkChannelOfEveryCluster: Math.round(median(bulk)),
      undoBulkChange: Math.round(median(undo)),
    },
    // The same edits to the paint with their findings and projection, which follow the first
    // paint a frame late when the edit projects 500 clusters or more (src/ui/checked.rs).
    editToSettledMs: {
      stepTiming: Math.round(median(stepSettled)),
      bulkChannelOfEveryCluster: Math.round(median(bulkSettled)),
      undoBulkChange: Math.round(median(undoSettled)),
    },
    // Clusters projected / checked again by the last edit of each kind (window.__plannerWork).
    lastEditWork: {
      stepTiming: { projected: stepWork.projected, rechecked: stepWork.rechecked },
      renameCluster: { projected: renameWork.projected, rechecked: renameWork.rechecked },
      removeFirstCluster: { projected: removeWork.projected, rechecked: removeWork.rechecked },
      bulkChannelOfEveryCluster: { projected: bulkWork.projected, rechecked: bulkWork.rechecked },
    },
    after200Edits: memory,
    problems: app.problems,
  };
  console.log(JSON.stringify(report));
  await app.close();
}

for (const n of SIZES) await run(n);
