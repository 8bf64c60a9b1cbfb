// The tab bar follows the WAI-ARIA tabs pattern: one Tab stop (the open tab), Left/Right
// arrows move between tabs and wrap, Home/End go to the first/last, and the focused tab opens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const focusedId = (app) => app.page.evaluate(() => document.activeElement?.id ?? '');

async function expectOpen(app, slug) {
  await until(
    () => focusedId(app),
    (id) => id === `tab-${slug}`,
    (id) => `focus is on ${JSON.stringify(id)}, expected tab-${slug}`,
  );
  await app.expectVisible(`panel-${slug}`);
  const selected = await app.page
    .locator('[role=tab][aria-selected=true]')
    .evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(selected, [`tab-${slug}`]);
  const stops = await app.page
    .locator('[role=tab][tabindex="0"]')
    .evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(stops, [`tab-${slug}`], 'one Tab stop: the open tab');
}

test('the tab bar is operated with arrow keys, Home and End', async (t) => {
  const app = await openApp(t, { path: '/?now=2026-11-02T08:00:00Z' });
  await app.page.locator('#tab-plan').focus();
  await app.press('ArrowRight');
  await expectOpen(app, 'windows');
  await app.press('ArrowRight');
  await expectOpen(app, 'timeline');
  await app.press('End');
  await expectOpen(app, 'export');
  await app.press('ArrowRight');
  await expectOpen(app, 'plan');
  await app.press('ArrowLeft');
  await expectOpen(app, 'export');
  await app.press('Home');
  await expectOpen(app, 'plan');
  // Tab leaves the tab bar (no stop on the other tabs).
  await app.press('Tab');
  const after = await focusedId(app);
  assert.ok(!after.startsWith('tab-'), `Tab moved to another tab (${after})`);
  app.assertNoProblems();
});
