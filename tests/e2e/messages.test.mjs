// Messages and small keyboard/ARIA details from the review (P3): import errors in plain words
// with where they are, a share link pasted into the import box opens as a link, the "new plan"
// question starts on its safe answer, one copy message at a time that clears itself, every
// aria-controls points at something on the page, and counts are singular for one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

async function importText(app, text) {
  await app.fill('import-text', text);
  await app.click('import-run');
}

test('import errors say what is wrong and where, in plain words', async (t) => {
  const app = await openApp(t);
  await app.click('tab-export');
  await importText(app, '{"name": "aks-x", "resourceGroup": "rg", "agentPoolProfiles": [');
  await app.expectText('import-error', 'input 1 is not valid JSON at line 1, column');
  await app.expectText('import-error', 'the text ends before a list ([ … ]) is closed');
  assert.ok(!(await app.text('import-error')).includes('EOF while'));
  await importText(app, 'hello world');
  await app.expectText('import-error', 'this is not JSON');
  await importText(app, '{"name": 5, "agentPoolProfiles": []}');
  await app.expectText('import-error', '"name" must be text in double quotes, but it is the number 5');
});

test('a share link pasted into the import box is opened as a link', async (t) => {
  const app = await openApp(t);
  await app.click('tab-export');
  await importText(app, `${app.origin}/#p=1.abc`);
  await app.expectText('import-status', 'That is a share link');
  await app.expectVisible('link-error');
  await app.expectText('link-error-text', /cut short|damaged/);
  assert.equal(await app.count('import-error'), 0, 'not reported as bad az JSON');

  // A good link over a different local plan: the usual question, then the shared plan.
  await app.click('link-error-dismiss');
  await app.click('tab-plan');
  await app.fill('plan-name', 'Linked plan');
  await app.click('tab-export');
  const link = await app.text('share-link');
  await app.click('tab-plan');
  await app.fill('plan-name', 'Mine');
  await app.click('tab-export');
  await importText(app, link);
  await app.expectVisible('link-dialog');
  await app.click('link-replace');
  await until(() => app.find('plan-name').inputValue(), (v) => v === 'Linked plan', (v) => `plan name ${v}`);
});

test('"New empty plan" asks with the keyboard on "Keep my plan"', async (t) => {
  const app = await openApp(t);
  await app.find('new-plan').focus();
  await app.press('Enter');
  await app.expectVisible('confirm');
  await until(
    () => app.page.evaluate(() => document.activeElement?.dataset.testid),
    (id) => id === 'cancel-replace',
    (id) => `focus on ${id}`,
  );
  await app.press('Enter');
  await app.expectHidden('confirm');
  await app.expectCount('css=[data-testid^="cluster-item-"]', 3);
});

test('one copy message at a time on the Export tab, and it clears itself', async (t) => {
  const app = await openApp(t);
  await app.click('tab-export');
  const shown = () =>
    app.page.locator('.copy-status').evaluateAll((els) => els.filter((e) => e.textContent.trim()).map((e) => e.dataset.testid));
  await app.click('export-copy');
  await until(shown, (s) => s.length === 1 && s[0] === 'export-copy-status', (s) => `shown: ${s}`);
  await app.click('share-copy');
  await until(shown, (s) => s.length === 1 && s[0] === 'share-copy-status', (s) => `shown: ${s}`);
  await app.click('export-copy-cluster-0');
  await until(shown, (s) => s.length === 1 && s[0] === 'export-copy-cluster-0-status', (s) => `shown: ${s}`);
  await until(shown, (s) => s.length === 0, (s) => `still shown after the timeout: ${s}`);
});

test('every aria-controls points at an element on the page', async (t) => {
  const app = await openApp(t);
  const dangling = () =>
    app.page.evaluate(() =>
      [...document.querySelectorAll('[aria-controls]')]
        .flatMap((e) => e.getAttribute('aria-controls').split(/\s+/).map((id) => [e.dataset.testid ?? e.id, id]))
        .filter(([, id]) => !document.getElementById(id))
        .map(([who, id]) => `${who} → #${id}`),
    );
  for (const tab of ['plan', 'windows', 'timeline', 'export']) {
    await app.click(`tab-${tab}`);
    await app.expectVisible(`panel-${tab}`);
    assert.deepEqual(await dangling(), [], `on the ${tab} tab`);
  }
  await app.click('tab-timeline');
  await app.click('timeline-table-toggle');
  await app.expectVisible('timeline-table');
  assert.deepEqual(await dangling(), [], 'with the timeline table open');
  assert.equal(await app.find('timeline-table-toggle').getAttribute('aria-controls'), 'tl-table');
});

test('a cluster with one error says "1 error"', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-p0-upgradeSettings-maxSurge', '150%');
  const badge = app.page.locator('[data-testid="select-cluster-0"] .badge');
  await until(
    () => badge.textContent().catch(() => ''),
    (s) => s.replace(/\s+/g, ' ').trim() === '1 error',
    (s) => `badge ${JSON.stringify(s)}`,
  );
});
