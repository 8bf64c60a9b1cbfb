// Removing a cluster or a node pool (review P2): no confirmation, because removal is one Undo
// away (the status offers it); focus lands on a heading, not on the next item's Remove button,
// so Enter pressed twice removes one item. The status message floats: it never moves the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const clusterItems = 'css=[data-testid^="cluster-item-"]';
const pools = 'css=article[data-testid^="pool-"]';

const focused = (app) => app.page.evaluate(() => document.activeElement?.id ?? '');

async function expectFocus(app, id) {
  await until(
    () => focused(app),
    (f) => f === id,
    (f) => `focus on ${JSON.stringify(f)}, expected ${id}`,
  );
}

test('Enter twice on Remove removes one cluster; focus goes to the open cluster; Undo restores', async (t) => {
  const app = await openApp(t);
  await app.expectCount(clusterItems, 3);
  const editorTop = await app.find('cluster-editor').evaluate((e) => e.getBoundingClientRect().top);

  await app.find('remove-cluster').focus();
  await app.press('Enter');
  await app.expectCount(clusterItems, 2);
  await app.expectText('status-text', 'Removed cluster aks-dev-weu.');
  await expectFocus(app, 'cluster-editor-title');
  await app.expectText('css=#cluster-editor-title', 'aks-test-weu');
  // The message overlays the page: the editor did not move down.
  const after = await app.find('cluster-editor').evaluate((e) => e.getBoundingClientRect().top);
  assert.equal(after, editorTop, 'the status message shifted the editor');

  await app.press('Enter');
  await app.expectCount(clusterItems, 2);

  await app.click('status-undo');
  await app.expectCount(clusterItems, 3);
  await app.expectText('cluster-item-0', 'aks-dev-weu');
});

test('a finding drawn before a removal is kept, and still opens its field once the clusters shift', async (t) => {
  const app = await openApp(t);
  await app.click('add-cluster');
  await app.expectCount(clusterItems, 4);
  await app.click('add-pool');
  await app.select('c3-p1-osSKU', 'Windows2022');
  await app.select('c3-autoUpgradeProfile-nodeOSUpgradeChannel', 'SecurityPatch');
  await app.expectFinding('securitypatch-unsupported-os');
  const item = app.page.locator('[data-testid="finding"][data-code="securitypatch-unsupported-os"]').first();
  // Marks the drawn row: a redraw would replace the element and lose the mark.
  await item.evaluate((e) => { e.dataset.drawnBefore = 'yes'; });

  // Removing the first cluster moves the new one from index 3 to 2.
  await app.click('select-cluster-0');
  await app.click('remove-cluster');
  await app.expectCount(clusterItems, 3);
  assert.equal(await item.getAttribute('data-drawn-before'), 'yes', 'the finding was drawn again');
  await item.locator('button').first().click();
  await expectFocus(app, 'c2-p1-osSKU');
});

test('removing the last cluster puts focus on the cluster list heading', async (t) => {
  const app = await openApp(t, { path: '/' });
  for (let n = 3; n > 0; n--) {
    await app.click('remove-cluster');
    await app.expectCount(clusterItems, n - 1);
  }
  await expectFocus(app, 'clusters-title');
});

test('Enter twice on a pool\'s Remove removes one pool; focus goes to the next pool\'s heading', async (t) => {
  const app = await openApp(t);
  const before = await app.count(pools);
  assert.ok(before >= 2, `the demo's first cluster has ${before} pools`);
  const second = await app.text('css=#c0-p1-heading .pool-name');

  await app.find('remove-pool-0').focus();
  await app.press('Enter');
  await app.expectCount(pools, before - 1);
  await expectFocus(app, 'c0-p0-heading');
  await app.expectText('css=#c0-p0-heading', second);
  await app.press('Enter');
  await app.expectCount(pools, before - 1);

  // Removing the last pool of the list moves focus to the one before it.
  const last = before - 2;
  await app.find(`remove-pool-${last}`).focus();
  await app.press('Enter');
  await app.expectCount(pools, before - 2);
  if (last > 0) await expectFocus(app, `c0-p${last - 1}-heading`);
  else await expectFocus(app, 'pools-title');

  await app.press('Control+z');
  await app.expectCount(pools, before - 1);
});
