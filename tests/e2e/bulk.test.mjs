// Bulk editing (issue 11): find clusters, select some with the keyboard, change them all in
// one undoable step after a preview. The change itself is rules::bulk (unit-tested there).
// `?bench=5` opens rules::demo::fleet(5): aks-000 … aks-004, ring i % 3, node OS channel
// NodeImage on even clusters and SecurityPatch on odd ones; it is never saved.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './helpers.mjs';

const clusterItems = 'css=[data-testid^="cluster-item-"]';
const channelOf = (app, i) => app.text(`cluster-item-${i}`);

test('bulk edit of 3 of 5 clusters, previewed, applied in one step and undone', async (t) => {
  const app = await openApp(t, { path: '/?bench=5&now=2026-11-02T08:00:00Z' });
  await app.click('tab-plan');
  await app.expectCount(clusterItems, 5);
  const before = await Promise.all([0, 1, 2, 3, 4].map((i) => channelOf(app, i)));

  // Keyboard only: focus each checkbox and press Space.
  for (const i of [0, 2, 4]) {
    await app.page.locator(`#cluster-check-${i}`).focus();
    await app.press('Space');
  }
  await app.expectText('filter-summary', '3 selected');
  await app.page.locator('[data-testid="edit-selected"]').focus();
  await app.press('Enter');
  await app.expectVisible('bulk-editor');
  await app.select('bulk-kind', 'node-os');
  await app.select('bulk-node-os', 'Unmanaged');
  // All three are NodeImage: three fields change.
  await app.expectText('bulk-summary', '3 fields would change');
  await app.expectCount('css=[data-testid="bulk-change"]', 3);
  await app.expectText('bulk-preview', 'aks-002: autoUpgradeProfile.nodeOSUpgradeChannel: NodeImage → Unmanaged');
  await app.click('bulk-apply');
  await app.expectText('status-text', 'Changed 3 clusters in one step');
  for (const i of [0, 2, 4]) await app.expectText(`cluster-item-${i}`, 'Unmanaged');
  for (const i of [1, 3]) assert.equal(await channelOf(app, i), before[i]);
  // The preview follows the plan a frame after the paint: the same change again changes nothing.
  await app.expectText('bulk-summary', 'Nothing would change');
  assert.equal(await app.find('bulk-apply').isDisabled(), true);

  // One undo restores all three, and the preview shows the three changes again.
  await app.click('undo');
  for (const i of [0, 1, 2, 3, 4]) await app.expectText(`cluster-item-${i}`, before[i]);
  await app.expectText('bulk-summary', '3 fields would change');
  app.assertNoProblems();
});

test('search and ring filter narrow the list; a ring preset staggers the window per ring', async (t) => {
  const app = await openApp(t, { path: '/?bench=6&now=2026-11-02T08:00:00Z' });
  await app.click('tab-plan');
  await app.fill('cluster-search', 'aks-003');
  await app.expectCount(clusterItems, 1);
  await app.expectText('filter-summary', '1 of 6 found');
  await app.fill('cluster-search', '');
  await app.click('toggle-filters');
  await app.select('filter-ring', '1');
  await app.expectCount(clusterItems, 2); // aks-001, aks-004
  await app.select('filter-ring', '');
  await app.expectCount(clusterItems, 6);

  await app.click('select-shown');
  await app.expectText('filter-summary', '6 selected');
  await app.click('edit-selected');
  await app.select('bulk-kind', 'window');
  await app.select('bulk-config', 'aksManagedAutoUpgradeSchedule');
  await app.select('bulk-stagger', 'ring-days');
  await app.expectVisible('bulk-ring-day-2');
  assert.equal(await app.find('bulk-ring-day-0').inputValue(), 'Monday');
  assert.equal(await app.find('bulk-ring-day-1').inputValue(), 'Wednesday');
  assert.equal(await app.find('bulk-ring-day-2').inputValue(), 'Saturday');
  await app.click('bulk-apply');
  await app.expectText('status-text', 'Changed 6 clusters in one step');
  // aks-004 is in ring 1: its new auto-upgrade window is on Wednesday.
  await app.click('select-none');
  await app.click('select-cluster-4');
  await app.click('tab-windows');
  await app.expectText('c4-aksManagedAutoUpgradeSchedule-sentence', 'Wednesday');
  app.assertNoProblems();
});

test('a bulk window takes any schedule, offset and start, and a window AKS would refuse is not applied', async (t) => {
  const app = await openApp(t, { path: '/?bench=3&now=2026-11-02T08:00:00Z' });
  await app.click('tab-plan');
  await app.click('select-shown');
  await app.click('edit-selected');
  await app.select('bulk-kind', 'window');
  // The same fields as a cluster's window on the Windows tab, keyboard-operable natives.
  await app.select('bulk-window-schedule', 'Daily');
  await app.select('bulk-window-utcOffset', '+01:00');
  await app.fill('bulk-window-startTime', '21:00');
  await app.select('bulk-stagger', 'ring');
  // Ring 0 at 21:00, ring 1 at 23:00, ring 2 two hours later still: 01:00 the next day.
  await app.expectText('bulk-preview', 'aks-002');
  await app.click('bulk-apply');
  await app.expectText('status-text', 'Changed 3 clusters in one step');
  await app.click('select-none');
  await app.click('select-cluster-2');
  await app.click('tab-windows');
  await app.expectText('c2-aksManagedNodeOSUpgradeSchedule-sentence', '01:00–05:00 (UTC+01:00)');

  // The default configuration takes a weekly schedule only: the preview says why, Apply is off.
  await app.click('tab-plan');
  await app.click('select-shown');
  await app.click('edit-selected');
  await app.select('bulk-kind', 'window');
  await app.select('bulk-window-schedule', 'Daily');
  await app.select('bulk-config', 'default');
  await app.expectText('bulk-error', "aks-000's default window would be refused by AKS");
  assert.equal(await app.find('bulk-apply').isDisabled(), true);
  app.assertNoProblems();
});
