// Issue 13: the Windows, Timeline and Export tabs and the bulk editor are wasm modules of their
// own (src/ui/lazy.rs, scripts/postbuild.mjs), fetched the first time each is opened. What a
// user sees is the same as with one module: each part fetched once, kept while the plan is
// edited, and a clear message (the plan untouched) when its module cannot be fetched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

/** The split modules the server was asked for, by part: `{ 'timeline-tab': 1, ... }`. */
function partsFetched(app) {
  const counts = {};
  for (const { path } of app.server.requests) {
    const m = path.match(/\/split-([a-z-]+)-[0-9a-f]{16}\.wasm$/);
    if (m) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
  }
  return counts;
}

test('each part is fetched the first time it opens, once, and kept while the plan is edited', async (t) => {
  const app = await openApp(t);
  await app.expectText('css=main', 'aks-dev-weu');
  assert.deepEqual(partsFetched(app), {}, 'the first load fetches no part');

  await app.click('tab-timeline');
  await app.expectText('panel-timeline', 'Projected timeline');
  assert.deepEqual(partsFetched(app), { 'timeline-tab': 1 });

  // An edit redraws what changed in the open part, not the part: its panel stays the same
  // element (a part built again on every edit would lose focus, scroll and the typed state).
  await app.page.evaluate(() => {
    document.querySelector('[data-testid="panel-timeline"]').dataset.mark = 'kept';
  });
  await app.click('tab-plan');
  await app.fill('c0-name', 'renamed-first');
  await app.click('tab-timeline');
  await app.expectText('panel-timeline', 'renamed-first');
  await app.page.evaluate(() => {
    document.querySelector('[data-testid="panel-timeline"]').dataset.mark = 'kept';
  });
  await app.click('undo');
  await app.expectText('panel-timeline', 'aks-dev-weu');
  assert.equal(
    await app.page.getAttribute('[data-testid="panel-timeline"]', 'data-mark'),
    'kept',
    'the Timeline tab was built again by an undo',
  );

  await app.click('tab-windows');
  await app.expectVisible('windows-zone');
  await app.click('tab-export');
  await app.expectText('export-output', 'az aks update');
  await app.click('tab-plan');
  await app.setChecked('cluster-check-0');
  await app.expectVisible('bulk-editor');
  // Ticking more clusters updates the open bulk editor; it is not built again (it was, when
  // the part's module was awaited in a tracking scope: then whatever the editor read as it was
  // built made it again, and callbacks of the dropped one read disposed signals).
  await app.page.evaluate(() => {
    document.querySelector('[data-testid="bulk-editor"]').dataset.mark = 'kept';
  });
  await app.select('bulk-kind', 'node-os');
  await app.setChecked('cluster-check-1');
  await app.expectText('bulk-editor', '2');
  assert.equal(
    await app.page.getAttribute('[data-testid="bulk-editor"]', 'data-mark'),
    'kept',
    'the bulk editor was built again when a second cluster was ticked',
  );
  assert.equal(await app.page.inputValue('[data-testid="bulk-kind"]'), 'node-os');
  // Back and forth: nothing is fetched again.
  for (const tab of ['timeline', 'windows', 'export', 'plan', 'timeline']) {
    await app.click(`tab-${tab}`);
    await app.expectVisible(`panel-${tab}`);
  }
  assert.deepEqual(partsFetched(app), {
    'timeline-tab': 1,
    'windows-tab': 1,
    'export-tab': 1,
    'bulk-editor': 1,
  });
  app.assertNoProblems();
});

test('a part that cannot be fetched says so where it would be, keeps the plan, and loads on Try again', async (t) => {
  const app = await openApp(t);
  await app.expectText('css=main', 'aks-dev-weu');
  const clusters = await app.count('css=[data-testid^="cluster-item-"]');
  // The network drops after the page has loaded: the Timeline tab's module cannot be fetched.
  const blocked = '**/split-timeline-tab-*.wasm';
  await app.page.route(blocked, (route) => route.abort('internetdisconnected'));

  await app.click('tab-timeline');
  await app.expectText(
    'part-load-failed',
    'The Timeline tab could not be loaded: the server this planner is served from did not answer, or no longer has this version of the planner (then reload the page). Your plan is unchanged.',
  );
  assert.equal(await app.page.getAttribute('[data-testid="part-load-failed"]', 'role'), 'alert');
  // The message stands in the tab's panel, which the tab names.
  assert.equal(await app.page.getAttribute('[data-testid="tab-timeline"]', 'aria-controls'), 'panel-timeline');
  await app.expectVisible('css=#panel-timeline [data-testid="part-load-failed"]');
  assert.equal(await app.count('css=[data-testid^="cluster-item-"]'), clusters);
  // Opening the tab again tries again (a failed load is not remembered): a second request.
  const asked = () => app.page.evaluate(
    () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/split-timeline-tab-')).length,
  );
  const first = await asked();
  await app.click('tab-plan');
  await app.expectText('css=main', 'aks-dev-weu');
  await app.click('tab-timeline');
  await app.expectVisible('part-load-failed');
  await until(asked, (n) => n > first, (n) => `the Timeline tab's module was asked for ${n} times, as before`);

  // Back online: Try again loads it.
  await app.page.unroute(blocked);
  await app.click('part-load-retry');
  await app.expectText('panel-timeline', 'Projected timeline');
  await app.expectHidden('part-load-failed');

  // The refused fetch was reported (the request and the loader's console error): expected here.
  const expected = (p) => /split-timeline-tab-|Failed to fetch/.test(p);
  assert.ok(app.problems.some(expected), app.problems.join('\n'));
  app.problems = app.problems.filter((p) => !expected(p));
  app.assertNoProblems();
});

/**
 * The app on the demo plan with the Timeline tab opened on a slow network: its module is held
 * until the returned `release()` is called.
 */
async function timelineOnHold(t) {
  const app = await openApp(t);
  await app.expectText('css=main', 'aks-dev-weu');
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await app.page.route('**/split-timeline-tab-*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await app.click('tab-timeline');
  await app.expectVisible('part-loading');
  return { app, release };
}

test('leaving a tab while its module loads draws the tab left for, and nothing breaks', async (t) => {
  // The Timeline tab's module arrives after the user has gone back to Plan.
  const { app, release } = await timelineOnHold(t);
  await app.click('tab-plan');
  release();
  // The module is fetched and started, and builds nothing in the tab that was left (a view
  // built there would read disposed signals: a panic in the console).
  await app.page.waitForResponse(/split-timeline-tab-/);
  await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  await app.expectVisible('panel-plan');
  await app.expectHidden('panel-timeline');
  app.assertNoProblems();
  // Opening it now draws it at once, from the loaded module.
  await app.click('tab-timeline');
  await app.expectText('panel-timeline', 'Projected timeline');
  app.assertNoProblems();
});

test('leaving the Timeline tab in the frame its module draws it breaks nothing', async (t) => {
  const { app, release } = await timelineOnHold(t);
  // As soon as the drawing is in the page, before the next frame (when the drawing measures
  // itself), the user is back on Plan: that frame's callbacks find the tab's signals gone.
  const leftAt = app.page.evaluate(
    () =>
      new Promise((resolve) => {
        const watch = new MutationObserver(() => {
          if (!document.querySelector('.tl-main')) return;
          watch.disconnect();
          document.querySelector('[data-testid="tab-plan"]').click();
          resolve(performance.now());
        });
        watch.observe(document.body, { childList: true, subtree: true });
      }),
  );
  release();
  await leftAt;
  await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await app.expectVisible('panel-plan');
  app.assertNoProblems();
});

test('the link opener is fetched only when the address holds a planner link', async (t) => {
  const app = await openApp(t);
  await app.expectText('css=main', 'aks-dev-weu');
  // The skip link's fragment is not a planner link: nothing is fetched.
  await app.page.evaluate(() => {
    location.hash = '#main';
  });
  await app.expectVisible('panel-plan');
  assert.deepEqual(partsFetched(app), {});
  // A link pasted into the address bar of the open app (a hashchange, no reload) brings it in,
  // and it handles that link: here a damaged one, explained, the plan unchanged.
  await app.page.evaluate(() => {
    location.hash = '#p=hello world';
  });
  await app.expectText('link-error-text', '"hello world"');
  await app.expectText('css=main', 'aks-dev-weu');
  assert.deepEqual(partsFetched(app), { 'link-opener': 1 });
  app.assertNoProblems();
});
