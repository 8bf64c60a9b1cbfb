// Autosave is debounced (src/ui/storage.rs: written 500 ms after the last edit, so a keystroke
// does not pay for serialising the whole plan), and flushed when the page is hidden or left:
// an edit followed at once by a reload, or by closing the tab, is never lost.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const PLAN_KEY = 'aks-planner/plan';
const field = 'c0-resourceGroup';

// The saved text is packed (rules::saved: compressed, with a save generation), so these tests
// watch the text change and read the edit back through a reload rather than search the text.

/** Types `value` into the field and reports whether storage had changed one frame later. */
async function editAndPeek(app, value) {
  return app.page.evaluate(
    async ([id, v, key]) => {
      const before = localStorage.getItem(key);
      const el = document.getElementById(id);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      return localStorage.getItem(key) !== before;
    },
    [field, value, PLAN_KEY],
  );
}

const stored = (app) => app.page.evaluate((key) => localStorage.getItem(key) ?? '', PLAN_KEY);

test('an edit is saved after a short pause, not on the keystroke', async (t) => {
  const app = await openApp(t);
  const before = await stored(app);
  assert.equal(await editAndPeek(app, 'rg-debounced'), false, 'written before the pause');
  await until(
    () => stored(app),
    (s) => s !== before && JSON.parse(s).generation === 1,
    () => 'the edit never reached localStorage',
  );
  // What was written is the edit: a restart of the browser shows it.
  await app.restart();
  assert.equal(await app.find(field).inputValue(), 'rg-debounced');
  app.assertNoProblems();
});

test('a reload right after an edit keeps it', async (t) => {
  const app = await openApp(t);
  await editAndPeek(app, 'rg-reloaded');
  await app.reload();
  assert.equal(await app.find(field).inputValue(), 'rg-reloaded');
  app.assertNoProblems();
});

test('closing the tab right after an edit keeps it', async (t) => {
  const app = await openApp(t);
  await editAndPeek(app, 'rg-closed');
  // A tab closed the way a user closes it: unload handlers run (Playwright's default skips them).
  const tab = app.page;
  const closed = tab.waitForEvent('close');
  app.page = await app.context.newPage();
  app.page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') app.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  app.page.on('pageerror', (e) => app.problems.push(`uncaught page error: ${e}`));
  await tab.close({ runBeforeUnload: true });
  await closed;
  await app.goto('/');
  assert.equal(await app.find(field).inputValue(), 'rg-closed');
  app.assertNoProblems();
});
