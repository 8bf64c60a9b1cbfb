// The Timeline tab on the demo plan (issue 4 "Done means"): editing a pool's maxSurge moves
// its duration, spill and cost; switching a channel moves the exposure and cost columns; the
// drawing is keyboard-reachable and mirrored by a table. "Now" is pinned with ?now= so the
// projected dates (and so the figures) are the same on every run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const NOW = '/?now=2026-11-02T08:00:00Z';

async function openTimeline(t) {
  const app = await openApp(t, { path: NOW });
  await app.click('tab-timeline');
  await app.expectVisible('timeline-svg');
  return app;
}

/** Waits until `id`'s text differs from `before` and returns it. */
async function changed(app, id, before) {
  return until(
    () => app.text(id),
    (now) => now !== '' && now !== before,
    (now) => `${id}: expected a change from ${JSON.stringify(before)}, still ${JSON.stringify(now)}`,
  );
}

test("a pool's maxSurge changes its duration, its spill past the window and the cost", async (t) => {
  const app = await openTimeline(t);
  // Slower reimages (an estimate the panel lets us change) so prod/apps at maxSurge 1 runs
  // 12 batches × (2 drain + 10 soak + 30 reimage) + 7 = 511 min, past its 8 h window.
  await app.fill('assumption-timings-reimageMinutes', '30');
  await app.expectText('pool-duration-2-1', '2 h 13 min'); // 4 surge nodes: 3 batches
  await app.expectText('pool-spill-2-1', 'fits');
  const cost = await app.text('cost-month-2');
  const fleetCost = await app.text('cost-fleet-month');

  await app.click('tab-plan');
  await app.click('select-cluster-2');
  await app.fill('c2-p1-upgradeSettings-maxSurge', '1');
  await app.click('tab-timeline');

  await app.expectText('pool-duration-2-1', '8 h 31 min');
  await app.expectText('pool-spill-2-1', /spills \d+ ×/);
  assert.notEqual(await changed(app, 'cost-month-2', cost), cost);
  assert.notEqual(await changed(app, 'cost-fleet-month', fleetCost), fleetCost);
  // The drawing shows the spill as its own striped part of the bar.
  await until(
    () => app.count('css=[data-testid="upgrade-2-1"].spilled .tl-spill'),
    (n) => n > 0,
    (n) => `expected a spilled bar for prod/apps, found ${n}`,
  );
  app.assertNoProblems();
});

test('switching a channel changes the exposure and cost columns', async (t) => {
  const app = await openTimeline(t);
  const worst = await app.text('exposure-worst-0');
  const cost = await app.text('cost-month-0');
  const reimages = await app.text('reimages-0');
  await app.expectText('channel-row-NodeImage', 'current');

  await app.click('tab-plan');
  await app.select('c0-autoUpgradeProfile-nodeOSUpgradeChannel', 'SecurityPatch');
  await app.click('tab-timeline');

  const worstAfter = await changed(app, 'exposure-worst-0', worst);
  const costAfter = await changed(app, 'cost-month-0', cost);
  assert.notEqual(await app.text('reimages-0'), reimages);
  await app.expectText('channel-row-SecurityPatch', 'current');
  // The channel table projected the same figures before the switch.
  assert.equal(await app.text('channel-worst-SecurityPatch'), worstAfter);
  assert.equal(await app.text('channel-cost-SecurityPatch'), costAfter);

  // Adopting a channel from the comparison is an ordinary, undoable edit.
  await app.click('use-channel-NodeImage');
  await app.expectText('exposure-worst-0', worst);
  await app.click('undo');
  await app.expectText('exposure-worst-0', worstAfter);
  app.assertNoProblems();
});

test('the timeline zooms, shows details on focus and is mirrored by a table', async (t) => {
  const app = await openTimeline(t);
  assert.equal(await app.find('zoom-4w').getAttribute('aria-pressed'), 'true');
  await app.find('timeline-scroll').focus();
  await app.press('+');
  await until(
    () => app.find('zoom-2w').getAttribute('aria-pressed'),
    (v) => v === 'true',
    (v) => `zoom 2w not pressed after +: ${v}`,
  );
  await app.click('zoom-13w');

  // Windows, releases, blocked windows (test cluster's year-end blackout) and bars are drawn.
  assert.ok((await app.count('window')) > 0);
  assert.ok((await app.count('release')) > 0);
  await app.click('zoom-26w');
  await until(() => app.count('window-blocked'), (n) => n > 0, (n) => `blocked windows: ${n}`);
  await app.expectVisible('timeline-now');

  await app.find('upgrade-0-0').first().focus();
  await app.expectText('timeline-details', 'Estimated end');
  await app.expectText('timeline-details', 'aks-dev-weu');

  await app.click('timeline-table-toggle');
  await app.expectVisible('timeline-table-0');
  // With several tables shown each draws its first 40 rows; "Show all" draws the rest.
  await app.expectText('timeline-table-1-more-note', 'Showing 40 of');
  await app.click('timeline-table-1-more-all');
  await app.expectText('timeline-table-1-more-note', /Showing (\d+) of \1 rows/);
  const kinds = await app
    .find('css=[data-testid="timeline-table-1"] tbody tr')
    .evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.kind))]);
  for (const kind of ['Window', 'Window (blocked)', 'Blackout', 'Release', 'Upgrade']) {
    assert.ok(kinds.includes(kind), `table of aks-test-weu lacks ${kind}: ${kinds}`);
  }
  app.assertNoProblems();
});

test('the SLA and the estimates are editable and named pools miss a tighter SLA', async (t) => {
  const app = await openTimeline(t);
  await app.fill('exposure-sla', '3');
  await app.expectVisible('exposure-missing');
  await app.expectText('exposure-missing', 'aks-dev-weu/');
  await app.expectText('exposure-sla-0', 'misses');
  await app.fill('exposure-sla', 'soon');
  await app.expectVisible('exposure-sla-error');
  await app.fill('vm-price-Standard_D8s_v5', '1.5');
  await app.expectText('css=[data-testid="vm-prices"]', 'your price');
  app.assertNoProblems();
});

test('the surge quota panel shows the extra vCPUs per VM family and follows maxSurge', async (t) => {
  const app = await openTimeline(t);
  await app.expectVisible('quota-panel');
  // prod/apps: 12 nodes × 33 % → 4 surge × 8 vCPUs (D8s_v5) = 32, plus system and win 1 × 4
  // each: the documented reservation sums the pools (docs/aks-2026.md §1.4), 40.
  await app.expectText('quota-row-2', 'aks-prod-weu');
  await app.expectText('quota-row-2', 'DSv5: +40 vCPUs');
  await app.expectText('quota-row-1', 'NCSv3: +6 vCPUs');

  await app.click('tab-plan');
  await app.click('select-cluster-2');
  await app.fill('c2-p1-upgradeSettings-maxSurge', '1');
  await app.click('tab-timeline');
  // 1 surge × 8 vCPUs for apps, plus system (1 × 4) and win (1 × 4): 16.
  await app.expectText('quota-row-2', 'DSv5: +16 vCPUs');
  app.assertNoProblems();
});

test('bars an edit moved are the bars a fresh page draws for the edited plan', async (t) => {
  // The upgrade bars are kept in step with their marks by hand (timeline_svg/bars.rs): after
  // edits that move every bar, add and remove spills, the drawing must equal the one drawn from
  // scratch for the same plan (a reload: the plan is saved when the page is left).
  const app = await openTimeline(t);
  const bars = () =>
    app.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="timeline-svg"] .tl-upgrade')].map((g) => g.outerHTML));
  let last = await bars();
  assert.ok(last.length > 10, `expected the demo's bars, found ${last.length}`);
  // Slow reimages: bars grow and spill past their windows; then fast ones: the spills go.
  for (const minutes of ['300', '20']) {
    await app.fill('assumption-timings-reimageMinutes', minutes);
    const edited = await until(
      bars,
      (now) => JSON.stringify(now) !== JSON.stringify(last),
      () => `the bars did not change after reimageMinutes = ${minutes}`,
    );
    const spilled = edited.filter((b) => b.includes('tl-spill')).length;
    if (minutes === '300') assert.ok(spilled > 0, 'slow reimages spill past some windows');
    await app.reload();
    await app.click('tab-timeline');
    await app.expectVisible('timeline-svg');
    const fresh = await until(bars, (now) => now.length > 0, () => 'no bars after the reload');
    const at = edited.findIndex((b, k) => b !== fresh[k]);
    assert.ok(
      at === -1 && edited.length === fresh.length,
      `after reimageMinutes = ${minutes}: ${edited.length} bars drawn by the edit, ${fresh.length} fresh; first difference at ${at}:\n${edited[at]}\n${fresh[at]}`,
    );
    last = edited;
  }
  app.assertNoProblems();
});
