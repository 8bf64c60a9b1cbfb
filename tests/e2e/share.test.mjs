// Share links (issue 5, "Done means"): a plan built here travels as a link, opens as the same
// plan in a fresh browser profile, asks before replacing a different local plan, and a damaged
// link changes nothing. The link is read from its on-screen text (`share-link`): headless
// Chromium may not grant clipboard permissions, and the text is what the Copy button copies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const CHANNEL = 'c0-autoUpgradeProfile-nodeOSUpgradeChannel';

/** The `#p=…` part of the link shown on the Export tab. */
async function shareFragment(app) {
  await app.click('tab-export');
  await app.expectText('share-link', '#p=1.');
  const link = await app.text('share-link');
  const url = new URL(link);
  assert.equal(url.origin, app.origin, 'the link points at this page');
  assert.equal(url.pathname, app.basePath, 'in the folder the app is served from');
  assert.match(await app.text('share-length'), new RegExp(`^${link.length} characters`));
  return url.hash;
}

/** What a reviewer compares: plan name, cluster names, first cluster's pools and channel. */
async function planSnapshot(app) {
  await app.click('tab-plan');
  await app.click('select-cluster-0');
  const clusters = await app.page
    .locator('[data-testid^="cluster-item-"] .cluster-name')
    .evaluateAll((els) => els.map((e) => e.textContent.trim()));
  return {
    name: await app.find('plan-name').inputValue(),
    clusters,
    pools: await app.count('[data-testid^="pool-"]'),
    channel: await app.find(CHANNEL).inputValue(),
  };
}

test('a shared link opens the same plan in a fresh browser profile', async (t) => {
  const author = await openApp(t);
  await author.fill('plan-name', 'Review: dev goes Unmanaged');
  await author.select(CHANNEL, 'Unmanaged');
  const before = await planSnapshot(author);
  assert.equal(before.channel, 'Unmanaged');
  const fragment = await shareFragment(author);

  // A different browser profile: nothing saved there, so the link opens without a question.
  const reviewer = await openApp(t, { path: `/${fragment}` });
  await reviewer.expectText('status-text', 'Opened the shared plan');
  assert.deepEqual(await planSnapshot(reviewer), before);
  // The fragment is gone, so a reload does not open (or ask about) the link again.
  assert.ok(!reviewer.page.url().includes('#p='), reviewer.page.url());
  await reviewer.reload();
  assert.deepEqual(await planSnapshot(reviewer), before, 'the opened plan was saved locally');
  assert.equal(await reviewer.count('link-dialog'), 0);
});

test('a tampered or truncated link says what is wrong and leaves the plan untouched', async (t) => {
  const app = await openApp(t);
  const fragment = await shareFragment(app);
  await app.fill('plan-name', 'My local work');
  const before = await planSnapshot(app);

  // One character of the data changed: the checksum (or the inflater) catches it.
  const at = fragment.length - 20;
  const swapped = fragment[at] === 'A' ? 'B' : 'A';
  const tampered = fragment.slice(0, at) + swapped + fragment.slice(at + 1);
  await app.goto(`/${tampered}`);
  await app.expectVisible('link-error');
  await app.expectText('link-error-text', /altered|damaged|cut short/);
  await app.expectText('link-error', 'Your plan was not changed');
  assert.deepEqual(await planSnapshot(app), before);
  assert.ok(!app.page.url().includes('#p='), 'the bad fragment is cleared');

  await app.click('link-error-dismiss');
  await app.expectHidden('link-error');
  await app.goto(`/${fragment.slice(0, 60)}`);
  await app.expectText('link-error-text', 'cut short');
  assert.deepEqual(await planSnapshot(app), before);

  // A link from a newer planner names the version instead of failing vaguely.
  await app.goto('/#p=9.abc');
  await app.expectText('link-error-text', 'newer planner');
  assert.deepEqual(await planSnapshot(app), before);
});

test('a link over a different local plan asks first, shows what changes, and Undo restores', async (t) => {
  const app = await openApp(t);
  await app.fill('plan-name', 'Shared plan');
  const fragment = await shareFragment(app);
  await app.click('tab-plan');
  await app.fill('plan-name', 'Mine');

  await app.goto(`/${fragment}`);
  await app.expectVisible('link-dialog');
  await app.expectText('link-diff', 'name: Mine → Shared plan');
  await app.expectText('link-summary', '1 field different');
  // Keyboard: focus starts on "Keep mine", Escape keeps the local plan.
  assert.equal(await app.page.evaluate(() => document.activeElement?.dataset.testid), 'link-keep');
  await app.press('Tab');
  assert.equal(await app.page.evaluate(() => document.activeElement?.id), 'link-diff', 'focus stays in the dialog');
  await app.press('Escape');
  await app.expectHidden('link-dialog');
  assert.equal(await app.find('plan-name').inputValue(), 'Mine');

  await app.goto(`/${fragment}`);
  await app.click('link-replace');
  await app.expectHidden('link-dialog');
  await until(() => app.find('plan-name').inputValue(), (v) => v === 'Shared plan', (v) => `plan name ${v}`);
  await app.click('undo');
  await until(() => app.find('plan-name').inputValue(), (v) => v === 'Mine', (v) => `after undo: ${v}`);
});

test('a malformed #p= link says what is wrong, on load and on hashchange, and changes nothing', async (t) => {
  const app = await openApp(t);
  await app.fill('plan-name', 'My local work');
  const before = await planSnapshot(app);
  const cases = [
    ['#p=', 'no plan data'],
    ['#p=hello world', '"hello world"'],
    ['#p=%ZZ', '%-escape'],
    [`#p=${encodeURIComponent('{"clusters":[]}')}`, 'JSON text'],
  ];
  for (const [fragment, expected] of cases) {
    // A real page load (from another page, so not a same-document fragment change).
    await app.page.goto('about:blank');
    await app.goto(`/${fragment}`);
    await app.expectVisible('link-error');
    await app.expectText('link-error-text', expected);
    await app.expectText('link-error', 'Your plan was not changed');
    assert.ok(!app.page.url().includes('#'), `the fragment ${fragment} is cleared: ${app.page.url()}`);
    assert.deepEqual(await planSnapshot(app), before, fragment);
    await app.click('link-error-dismiss');
    await app.expectHidden('link-error');

    // The same link pasted into the address bar of the open app (no reload).
    await app.page.evaluate((f) => {
      location.hash = f;
    }, fragment);
    await app.expectText('link-error-text', expected);
    await until(() => app.page.url(), (u) => !u.includes('#'), (u) => `fragment kept: ${u}`);
    assert.deepEqual(await planSnapshot(app), before, `${fragment} on hashchange`);
    await app.click('link-error-dismiss');
  }
  // Somebody else's fragment (the skip link's) is not a link: no message, left in place.
  await app.goto('/#main');
  assert.equal(await app.count('link-error'), 0);
  assert.ok(app.page.url().endsWith('#main'));
});
