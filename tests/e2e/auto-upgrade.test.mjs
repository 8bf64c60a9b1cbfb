// Cluster auto-upgrade on the Timeline (docs/aks-rules.md §2): a demo cluster on a supported
// Kubernetes version with the patch channel and its aksManagedAutoUpgradeSchedule window gets
// projected Kubernetes upgrades — drawn, tabled and costed — and setting the channel to none
// removes them. "Now" is pinned, so the projected dates and amounts are fixed.
//
// aks-prod-weu at 1.36.2 on patch, ?now=2026-11-02 08:00 UTC: the channel change (stable →
// patch) takes 24 h; its window is the last Sunday of the month 22:00 +01:00 (21:00 UTC), 8 h;
// the first patch the release assumptions put in the region by then is 1.36's of 2026-11-05
// (published every 30 days from 2025-03-15, a week to the region). December's window is in a
// blackout, so five upgrades in 26 weeks: Nov 29, Jan 31, Feb 28, Mar 28, Apr 25. Each costs
// the surge of system (1 × 0.192/h × 37 min), apps (4 × 0.384/h × 67 min) and win, priced as
// Windows (docs/aks-2026.md: 0.192 Linux + 4 vCPUs × 0.046 license = 0.376/h × 47 min) = 2.128;
// 5 × 2.128 over 182 days × 30.44 days a month = 1.78 per month.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const NOW = '/?now=2026-11-02T08:00:00Z';

test('a patch channel with an auto-upgrade window projects Kubernetes upgrades; none removes them', async (t) => {
  const app = await openApp(t, { path: NOW });
  await app.click('tab-timeline');
  await app.expectVisible('timeline-svg');
  // The demo's prod (1.36.3, stable) already gets projected Kubernetes patches: they cost surge.
  await until(
    () => app.text('cost-k8s-month-2'),
    (text) => /^\d+\.\d\d USD$/.test(text) && text !== '0.00 USD',
    (text) => `expected a Kubernetes surge cost for the demo's prod, found "${text}"`,
  );

  // Channel none: no Kubernetes upgrade, no cost.
  await app.click('tab-plan');
  await app.click('select-cluster-2');
  await app.select('c2-autoUpgradeProfile-upgradeChannel', 'none');
  await app.click('tab-timeline');
  await app.expectText('cost-k8s-month-2', '0.00 USD');
  assert.equal(await app.count('k8s-control-plane-2'), 0);

  await app.click('tab-plan');
  await app.fill('c2-kubernetesVersion', '1.36.2');
  await app.select('c2-autoUpgradeProfile-upgradeChannel', 'patch');
  await app.click('tab-timeline');

  await app.expectText('cost-k8s-month-2', '1.78 USD');
  await app.expectText('timeline-label-2', 'Kubernetes patch · auto-upgrade window');
  // The table lists the control plane step first, then each pool, on the projected dates.
  await app.click('timeline-table-toggle');
  // One cluster chosen: its whole table (with several shown, each draws its first 40 rows).
  await app.select('timeline-table-cluster', '2');
  const controlPlane = app.find('css=[data-testid="timeline-table-2"] tr[data-kind="Control plane"]');
  await until(
    () => controlPlane.count(),
    (n) => n === 5,
    (n) => `expected 5 control plane rows for aks-prod-weu, found ${n}`,
  );
  const first = await controlPlane.first().textContent();
  assert.match(first, /Sun 29 Nov 21:00 UTC/);
  assert.match(first, /1\.36\.2 → 1\.36 patch 2026-11-05 \(projected\)/);
  const steps = await app
    .find('css=[data-testid="timeline-table-2"] tr[data-kind="Kubernetes upgrade"]')
    .allTextContents();
  assert.equal(steps.length, 15, 'three pools × five upgrades');
  assert.match(steps[0], /Sun 29 Nov 21:15 UTC/);
  assert.match(steps[0], /system/);

  // The drawing: a focusable control plane bar whose details say what it is. At 13 weeks on
  // screen, 29 Nov is in view without scrolling.
  await app.click('zoom-13w');
  await until(
    () => app.count('k8s-control-plane-2'),
    (n) => n >= 1,
    (n) => `expected a control plane bar for aks-prod-weu in view, found ${n}`,
  );
  await app.find('css=[data-testid="k8s-control-plane-2"]').first().focus();
  await app.expectText('timeline-details', 'Kubernetes control plane upgrade');
  assert.ok((await app.count('css=[data-testid^="k8s-upgrade-2-"]')) >= 3);

  await app.click('tab-plan');
  await app.select('c2-autoUpgradeProfile-upgradeChannel', 'none');
  await app.click('tab-timeline');
  await app.expectText('cost-k8s-month-2', '0.00 USD');
  await app.expectCount('css=[data-testid="timeline-table-2"] tr[data-kind="Control plane"]', 0);
  await app.expectCount('css=[data-testid^="k8s-upgrade-2-"]', 0);
  app.assertNoProblems();
});
