// Issue 11's "never lose a plan": every failed save is said, an unreadable save is never
// written over, two tabs never silently overwrite each other, and a 2,000-cluster plan (too big
// for local storage as plain JSON beyond ~2,900 clusters) is stored packed and survives a
// reload. Storage is src/ui/storage.rs; the saved format is rules::saved.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until, TIMEOUT_MS } from './helpers.mjs';

const PLAN_KEY = 'aks-planner/plan';
const clusterItems = 'css=[data-testid^="cluster-item-"]';

/** A second tab of the same browser profile, watched for console problems like the first. */
async function secondTab(app) {
  const page = await app.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') app.problems.push(`tab 2 console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => app.problems.push(`tab 2 uncaught page error: ${e}`));
  await page.goto(app.origin + '/');
  await page.locator('main').first().waitFor({ state: 'visible' });
  return page;
}

const valueIn = (page, id) => page.locator(`[data-testid="${id}"]`).first().inputValue();

async function expectValue(page, id, expected) {
  await until(
    () => valueIn(page, id).catch(() => ''),
    (v) => v === expected,
    (v) => `${id}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(v)}`,
  );
}

test('two tabs editing different fields one after the other keep both edits', async (t) => {
  const app = await openApp(t);
  const other = await secondTab(app);
  await app.fill('c0-resourceGroup', 'rg-from-tab-1');
  // Tab 2 had nothing unsaved: it takes the first tab's save over.
  await expectValue(other, 'c0-resourceGroup', 'rg-from-tab-1');
  await other.locator('[data-testid="c0-location"]').fill('northeurope');
  await expectValue(app.page, 'c0-location', 'northeurope');
  await app.reload();
  await expectValue(app.page, 'c0-resourceGroup', 'rg-from-tab-1');
  await expectValue(app.page, 'c0-location', 'northeurope');
  assert.equal(await other.locator('[data-testid="save-problem"]').count(), 0);
  app.assertNoProblems();
});

test('two tabs editing at the same time: the second to save asks, and loses nothing', async (t) => {
  const app = await openApp(t);
  const other = await secondTab(app);
  // Both edits land before either tab's autosave (500 ms after the last edit).
  const type = (page, id, value) =>
    page.evaluate(
      ([id, value]) => {
        const el = document.getElementById(id);
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      [id, value],
    );
  await Promise.all([type(app.page, 'c0-resourceGroup', 'rg-tab-1'), type(other, 'c0-location', 'eastus2')]);
  // The tab that saved second shows the choice instead of overwriting (when both saved at the
  // same moment, both do: each learns that the other wrote over the same save).
  const asking = async () => {
    const [a, b] = await Promise.all([
      app.page.locator('[data-testid="save-problem"]').count(),
      other.locator('[data-testid="save-problem"]').count(),
    ]);
    return a + b;
  };
  await until(asking, (n) => n >= 1, () => 'no tab shows the other-tab message');
  const [asker, saver] =
    (await other.locator('[data-testid="save-problem"]').count()) === 1 ? [other, app.page] : [app.page, other];
  assert.match(await asker.locator('[data-testid="save-problem-text"]').textContent(), /changed in another tab/);
  // The asking tab keeps its own edit on screen and has not written storage.
  const saved = await saver.evaluate((k) => localStorage.getItem(k), PLAN_KEY);
  await asker.locator('[data-testid="other-tab-keep"]').click();
  await until(
    () => asker.evaluate((k) => localStorage.getItem(k), PLAN_KEY),
    (now) => now !== saved,
    () => 'keeping this tab\'s version did not save it',
  );
  assert.equal(await asker.locator('[data-testid="save-problem"]').count(), 0);
  app.assertNoProblems();
});

test('storage full: the save failure is shown, the plan stays, and a retry saves it', async (t) => {
  const app = await openApp(t);
  await app.page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.fill('c0-resourceGroup', 'rg-kept-in-memory');
  await app.expectText('save-problem-text', /could not be saved.*storage for the page is full/);
  // Still in the tab: the field and the plan hold the edit.
  assert.equal(await app.find('c0-resourceGroup').inputValue(), 'rg-kept-in-memory');
  await app.page.evaluate(() => {
    Storage.prototype.setItem = window.__realSetItem;
  });
  await app.click('save-retry');
  await app.expectHidden('save-problem');
  await app.expectText('status-text', 'Saved');
  await app.reload();
  assert.equal(await app.find('c0-resourceGroup').inputValue(), 'rg-kept-in-memory');
  app.assertNoProblems();
});

test('an unreadable saved plan is never written over until the user says so', async (t) => {
  const app = await openApp(t);
  const garbage = '{"version": 1, "clusters": [ {"name": "half a plan"';
  await app.page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, garbage]);
  await app.reload();
  await app.expectText('save-problem-text', /could not be read/);
  await app.fill('c0-resourceGroup', 'rg-not-saved-over');
  // Longer than the autosave delay: still the unreadable text.
  await app.page.waitForTimeout(1500);
  assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), PLAN_KEY), garbage);
  const download = app.page.waitForEvent('download');
  await app.click('unreadable-download');
  assert.equal((await download).suggestedFilename(), 'aks-plan-unreadable.txt');
  await app.click('unreadable-discard');
  await app.expectHidden('save-problem');
  await app.reload();
  assert.equal(await app.find('c0-resourceGroup').inputValue(), 'rg-not-saved-over');
  app.assertNoProblems();
});

test('?bench never touches the saved plan', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-resourceGroup', 'rg-mine');
  await until(
    () => app.page.evaluate((k) => localStorage.getItem(k) ?? '', PLAN_KEY),
    (s) => s.length > 0,
    () => 'never saved',
  );
  const before = await app.page.evaluate((k) => localStorage.getItem(k), PLAN_KEY);
  await app.goto('/?bench=20&now=2026-11-02T08:00:00Z');
  await app.expectCount(clusterItems, 20);
  await app.page.waitForTimeout(1000);
  await app.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), PLAN_KEY), before);
  await app.goto('/');
  assert.equal(await app.find('c0-resourceGroup').inputValue(), 'rg-mine');
  app.assertNoProblems();
});

test('a 2,000-cluster plan opened from a share link survives a reload', { timeout: 20 * TIMEOUT_MS }, async (t) => {
  const app = await openApp(t);
  const SLOW = 10 * TIMEOUT_MS; // 2,000 clusters take seconds to draw on a busy 2-core machine
  const open = async (path) => {
    await app.page.goto(app.origin + path, { timeout: SLOW });
    await app.page.locator('main').first().waitFor({ state: 'visible', timeout: SLOW });
  };
  const clusterCount = () => app.page.locator('#clusters-title .count').textContent({ timeout: SLOW });
  // The generated fleet's share link, made by the app itself.
  await open('/?bench=2000&now=2026-11-02T08:00:00Z');
  await app.page.locator('[data-testid="tab-export"]').click({ timeout: SLOW });
  const link = await app.page.locator('[data-testid="share-link"]').textContent({ timeout: SLOW });
  assert.match(link, /#p=1\./);
  await open('/' + link.slice(link.indexOf('#')));
  await until(clusterCount, (n) => n === '2000', (n) => `the list counts ${n} clusters`, SLOW);
  await until(
    () => app.page.evaluate((k) => localStorage.getItem(k) ?? '', PLAN_KEY),
    (s) => s.startsWith('{"generation"'),
    () => 'the 2,000-cluster plan was never saved',
    SLOW,
  );
  await app.page.reload({ timeout: SLOW });
  await app.page.locator('main').first().waitFor({ state: 'visible', timeout: SLOW });
  await until(clusterCount, (n) => n === '2000', (n) => `after the reload the list counts ${n} clusters`, SLOW);
  // The list draws the first 200; search finds the last one.
  await app.page.locator('[data-testid="cluster-search"]').fill('aks-1999', { timeout: SLOW });
  await until(
    () => app.page.locator('[data-testid="cluster-item-1999"]').textContent({ timeout: SLOW }),
    (s) => s.includes('aks-1999'),
    (s) => `the last cluster reads ${JSON.stringify(s)}`,
    SLOW,
  );
  assert.equal(await app.page.locator('[data-testid="save-problem"]').count(), 0);
  app.assertNoProblems();
});
