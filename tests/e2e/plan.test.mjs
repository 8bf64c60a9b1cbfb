// Issue 2's journeys on the Plan tab, against the release build: add a cluster, give it a
// Windows pool, pick SecurityPatch and see the finding that says it is unsupported; the plan
// survives a reload; refused input never changes the plan; undo restores an edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const clusterItems = 'css=[data-testid^="cluster-item-"]';

test('SecurityPatch on a new cluster with a Windows pool is flagged, and the plan survives a reload', async (t) => {
  const app = await openApp(t);
  await app.expectCount(clusterItems, 3);

  await app.click('add-cluster');
  await app.expectCount(clusterItems, 4);
  // The new cluster (index 3) is selected; it starts with one System pool.
  await app.expectText('cluster-editor', 'aks-cluster');
  await app.click('add-pool');
  await app.expectVisible('pool-1');
  await app.select('c3-p1-osSKU', 'Windows2022');
  await app.select('c3-autoUpgradeProfile-nodeOSUpgradeChannel', 'SecurityPatch');
  await app.expectFinding('securitypatch-unsupported-os');

  // The finding points at the pool's OS SKU: clicking it focuses that field.
  await app.page
    .locator('[data-testid="finding"][data-code="securitypatch-unsupported-os"] button')
    .first()
    .click();
  await until(
    () => app.page.evaluate(() => document.activeElement?.id ?? ''),
    (id) => id === 'c3-p1-osSKU',
    (id) => `focused ${JSON.stringify(id)}, expected c3-p1-osSKU`,
  );

  // Autosave: a reload in the same profile shows the same plan and the same finding.
  await app.reload();
  await app.expectCount(clusterItems, 4);
  await app.click('select-cluster-3');
  assert.equal(
    await app.find('c3-autoUpgradeProfile-nodeOSUpgradeChannel').inputValue(),
    'SecurityPatch',
  );
  assert.equal(await app.find('c3-p1-osSKU').inputValue(), 'Windows2022');
  await app.expectFinding('securitypatch-unsupported-os');
  app.assertNoProblems();
});

test('refused input shows a specific message next to the field and keeps the plan', async (t) => {
  const app = await openApp(t);
  const surge = 'c0-p0-upgradeSettings-maxSurge';
  assert.equal(await app.find(surge).inputValue(), '33%');

  await app.fill(surge, '1.5');
  await app.expectVisible(`${surge}-error`);
  await app.expectText(`${surge}-error`, '33%'); // the message shows a valid example
  assert.equal(await app.find(surge).getAttribute('aria-invalid'), 'true');

  // The plan kept its last valid value: a reload shows it.
  await app.reload();
  assert.equal(await app.find(surge).inputValue(), '33%');

  // A hostile cluster name is just text: it is flagged, never executed or rendered as markup.
  const hostile = `a'$(rm -rf /)";<b>x</b>`;
  await app.fill('c0-name', hostile);
  await app.expectFinding('cluster-name-invalid');
  await app.expectText('select-cluster-0', hostile);
  app.assertNoProblems();
});

test('undo and redo restore an edit, with the buttons and the keyboard', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-resourceGroup', 'rg-renamed');
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  await app.click('undo');
  await until(
    () => app.find('c0-resourceGroup').inputValue(),
    (v) => v === 'rg-platform-dev',
    (v) => `after undo the resource group is ${JSON.stringify(v)}`,
  );
  await app.press('Control+Shift+z');
  await until(
    () => app.find('c0-resourceGroup').inputValue(),
    (v) => v === 'rg-renamed',
    (v) => `after redo the resource group is ${JSON.stringify(v)}`,
  );
  app.assertNoProblems();
});

test('the Findings panel shows the projection findings too, labelled as estimates (one findings engine)', async (t) => {
  const app = await openApp(t);
  // The demo's production pools miss the 14-day exposure SLA: a projection finding, which
  // before issue 10 reached only the Timeline tab and the Markdown review.
  await app.expectFinding('exposure-over-sla');
  const item = app.page.locator('[data-testid="finding"][data-code="exposure-over-sla"]').first();
  assert.match(
    await item.locator('[data-testid="finding-estimate"]').textContent(),
    /^Estimate: this rests on the step timings and release cadence under Assumptions/,
  );
  // A plan-check finding is not an estimate.
  const note = app.page
    .locator('[data-testid="finding"][data-code="channel-change-takes-up-to-24h"]')
    .first();
  assert.equal(await note.count(), 1);
  assert.equal(await note.locator('[data-testid="finding-estimate"]').count(), 0);
  // A retired duplicate code is never shown.
  const codes = await app.findingCodes();
  assert.ok(!codes.includes('channel-change-delay'), codes.join(', '));
  assert.ok(!codes.includes('upgrade-time-aks-determined'), codes.join(', '));
});
