// Issue 4's performance target, measured in a real Chromium on the release build: a generated
// fleet of 200 clusters × 3 pools over 26 weeks (`?bench=200`, rules::demo::fleet). Reports
// the projection time (mean of 10 in wasm) and edit→paint: from the input event to just after
// the frame that painted the change, median of 10 edits after 2 warm-up edits (the first edits
// also pay for compiling the wasm's hot paths), for three kinds of edit.
// Targets: projection < 16 ms, edit→paint < 100 ms. The figures are printed for the README,
// with "TARGET MISSED" when a median is over its target. No wall-clock figure is asserted: on
// this shared 2-core machine the same build measured 20 ms idle and over 300 ms while other jobs
// built, so a timing gate would fail CI on the neighbours' load rather than on our code. The
// test asserts that every edit was measured and painted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actToPaint, openApp, until } from './helpers.mjs';

const CLUSTERS = 200;
const WARM_UP = 2;
const MEASURED = 10;

const editToPaint = (app, testid, value) => actToPaint(app.page, testid, value);

/**
 * Edits `testid` with each value in turn, `WARM_UP + MEASURED` times; returns the measured
 * times. With `shows`, checks after each edit that the text of that test id changed.
 */
async function measure(app, testid, values, shows) {
  const times = [];
  for (let k = 0; k < WARM_UP + MEASURED; k++) {
    const before = shows && (await app.text(shows));
    const ms = await editToPaint(app, testid, values[k % values.length]);
    if (shows) assert.notEqual(await app.text(shows), before, `edit ${k} of ${testid} was painted`);
    if (k >= WARM_UP) times.push(ms);
  }
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test(`edit→paint and projection time with ${CLUSTERS} clusters × 3 pools × 26 weeks`, async (t) => {
  const app = await openApp(t, { path: `/?bench=${CLUSTERS}&now=2026-11-02T08:00:00Z` });
  await app.expectVisible('timeline-label-0');
  // The exposure table draws its first 50 clusters (components::paged).
  await app.expectCount('css=[data-testid^="exposure-row-"]', 50);

  await app.click('bench-measure');
  const projectionMs = Number(
    await until(() => app.text('bench-projection-ms'), (s) => s !== '', () => 'no projection time'),
  );

  // A step timing: every cluster's durations, costs and bars change (the worst case).
  const drain = await measure(app, 'assumption-timings-drainMinutes', ['3', '4', '5', '6', '2'], 'pool-duration-0-1');
  // The SLA: only exposure verdicts change; no cluster is projected again.
  const sla = await measure(app, 'exposure-sla', ['7', '10', '3', '21', '14']);
  // Typing a cluster's name on the Plan tab: one cluster, its findings and the sidebar.
  await app.click('tab-plan');
  await app.expectVisible('c0-name');
  const names = ['aks-a', 'aks-ab', 'aks-abc', 'aks-abcd', 'aks-abcde'];
  const name = await measure(app, 'c0-name', names, 'select-cluster-0');

  const report = {
    clusters: CLUSTERS,
    projectionMs,
    editToPaintMs: {
      drainMinutesAllClusters: median(drain),
      slaDays: median(sla),
      clusterName: median(name),
    },
    samples: { drain: drain.map(Math.round), sla: sla.map(Math.round), name: name.map(Math.round) },
  };
  console.log(`timeline benchmark: ${JSON.stringify(report)}`);
  t.diagnostic(
    `projection ${projectionMs} ms; edit→paint medians: ${median(drain).toFixed(1)} ms (all clusters), ` +
      `${median(sla).toFixed(1)} ms (SLA), ${median(name).toFixed(1)} ms (a cluster's name)`,
  );
  const edits = [['all clusters', drain], ['SLA', sla], ["a cluster's name", name]];
  const missed = edits.filter(([, times]) => median(times) >= 100).map(([what]) => what);
  if (projectionMs >= 16) missed.push('projection');
  if (missed.length > 0) t.diagnostic(`TARGET MISSED (projection < 16 ms, edit→paint < 100 ms): ${missed.join(', ')}`);
  // Wall-clock figures are reported, never asserted: CI shares 2 cores with whatever else runs,
  // and a timing gate there measures the neighbours. What is asserted is that each edit was
  // measured and painted (measure() waits for the painted change) and that the run is clean.
  assert.ok(Number.isFinite(projectionMs) && projectionMs > 0, `no projection time: ${projectionMs}`);
  for (const [what, times] of edits) {
    assert.equal(times.length, MEASURED, `${what}: ${MEASURED} measured edits`);
  }
  app.assertNoProblems();
});
