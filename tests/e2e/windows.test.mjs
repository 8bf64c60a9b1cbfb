// The Windows tab (issue 3, "Done means"): build a RelativeMonthly "Last Friday" window with a
// blackout in the editor, like a user, and read the listed dates.
//
// "Now" is pinned with the `?now=` query (src/ui/tz.rs: the Windows tab reads it in place of the
// clock only when present), so the dates are exact. They were worked out by hand from the
// calendar: the last Friday of each month from 24 Nov 2026, at 22:00 in +01:00 (21:00 UTC).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const NOW = '2026-11-24T00:00:00Z';
// Cluster 0 of the demo plan, its node OS configuration.
const C = 'c0-aksManagedNodeOSUpgradeSchedule';

/** [local date in the window's offset, blocked] of every listed window, in order. */
async function listed(app) {
  return app.page
    .locator(`[data-testid="${C}-windows"] [data-testid="occurrence"]`)
    .evaluateAll((rows) => rows.map((r) => [r.dataset.localDate, r.dataset.blocked === 'true']));
}

async function openWindowsTab(t) {
  const app = await openApp(t, { path: `/?now=${encodeURIComponent(NOW)}` });
  await app.click('tab-windows');
  await app.expectVisible('panel-windows');
  return app;
}

/** Turns the demo's weekly node OS window into "last Friday, 22:00, 8 h" from 25 Nov 2026. */
async function buildLastFriday(app) {
  await app.select(`${C}-schedule`, 'RelativeMonthly');
  // Only RelativeMonthly's fields are offered now.
  await app.expectVisible(`${C}-schedule-relativeMonthly-weekIndex`);
  await app.expectCount(`${C}-schedule-weekly-dayOfWeek`, 0);
  await app.select(`${C}-schedule-relativeMonthly-weekIndex`, 'Last');
  await app.select(`${C}-schedule-relativeMonthly-dayOfWeek`, 'Friday');
  await app.select(`${C}-utcOffset`, '+01:00');
  await app.fill(`${C}-startTime`, '22:00');
  await app.select(`${C}-durationHours`, '8');
  await app.fill(`${C}-startDate`, '2026-11-25');
  await app.click(`${C}-notAllowedDates-add`);
  await app.fill(`${C}-notAllowedDates-0-start`, '2026-12-20');
  await app.fill(`${C}-notAllowedDates-0-end`, '2027-01-03');
}

test('a RelativeMonthly "Last Friday" window with a blackout lists the right dates', async (t) => {
  const app = await openWindowsTab(t);
  await buildLastFriday(app);

  await app.expectText(
    `${C}-sentence`,
    'Every month on the last Friday, 22:00–06:00 (UTC+01:00), starting 25 Nov 2026, except 20 Dec–3 Jan',
  );
  await app.expectText(`css=#${C}-schedule-relativeMonthly-weekIndex-hint`, 'the last Friday of the month');

  const expected = [
    ['2026-11-27', false],
    ['2026-12-25', true],
    ['2027-01-29', false],
    ['2027-02-26', false],
    ['2027-03-26', false],
    ['2027-04-30', false],
    ['2027-05-28', false],
    ['2027-06-25', false],
    ['2027-07-30', false],
    ['2027-08-27', false],
  ];
  const rows = await until(
    () => listed(app),
    (r) => JSON.stringify(r) === JSON.stringify(expected),
    (r) => `listed windows ${JSON.stringify(r)}, expected ${JSON.stringify(expected)}`,
  );

  // Properties that hold whatever the date: each is a Friday within the last 7 days of its month.
  for (const [date] of rows) {
    const d = new Date(`${date}T00:00:00Z`);
    assert.equal(d.getUTCDay(), 5, `${date} is a Friday`);
    const next = new Date(d);
    next.setUTCDate(d.getUTCDate() + 7);
    assert.notEqual(next.getUTCMonth(), d.getUTCMonth(), `${date} is the last Friday of its month`);
  }

  // The blocked window is struck through AND says so in words.
  const blocked = app.page.locator(`[data-testid="${C}-windows"] [data-testid="occurrence"][data-blocked="true"]`);
  assert.equal(await blocked.count(), 1);
  assert.equal(await blocked.locator('[data-testid="occurrence-status"]').innerText(), 'Blocked by blackout');
  assert.ok((await blocked.locator('s').count()) >= 3, 'times struck through in all three clocks');
  assert.equal(await blocked.getAttribute('data-start'), '2026-12-25T21:00:00+00:00');
  app.assertNoProblems();
});

test('the chosen time zone shows the daylight-saving drift; an unknown zone says so', async (t) => {
  const app = await openWindowsTab(t);
  await buildLastFriday(app);
  await app.fill('windows-zone', 'Europe/Berlin');
  // Berlin moves to +02:00 on 28 Mar 2027; the first window after that is 30 Apr 2027.
  await app.expectText(`${C}-dst`, 'From 30 Apr 2027 this window starts at 23:00 local, not 22:00');
  await app.expectText(`${C}-dst`, 'Remedy 1');
  await app.expectText(`${C}-dst`, 'Remedy 2');
  await app.expectText(`${C}-windows`, 'Fri 30 Apr 2027 23:00');

  // A zone this browser does not know is refused; the plan keeps Berlin (like any field).
  await app.fill('windows-zone', 'Mars/Olympus_Mons');
  await app.expectText('windows-zone-error', 'not a time zone this browser knows');
  await app.expectText('windows-zone-error', 'The plan keeps Europe/Berlin');
  assert.equal(await app.find('windows-zone').getAttribute('aria-invalid'), 'true');
  await app.expectText(`${C}-dst`, 'From 30 Apr 2027');
  app.assertNoProblems();
});

test('a window written in another fixed offset is stated neutrally, never "fixed"', async (t) => {
  const app = await openWindowsTab(t);
  // The review's case: the demo's +01:00 node OS window (Tuesdays 09:00) read in UTC.
  await app.fill('windows-zone', 'UTC');
  const dst = app.byTestId(`${C}-dst`);
  await app.expectText(`${C}-dst`, 'starts at 09:00 UTC+01:00, which is 08:00 in this zone');
  await app.expectText(`${C}-dst`, 'no daylight-saving drift');
  const text = await dst.innerText();
  for (const advice of ['switch utcOffset', 'Fix', 'Remedy', 'From ']) {
    assert.ok(!text.includes(advice), `"${advice}" in: ${text}`);
  }
  // The list shows the time in both clocks, under the zone's name (never "()").
  await app.expectText(`${C}-windows`, 'Time zone (UTC)');
  app.assertNoProblems();
});

test('the team\'s time zone is saved with the plan and travels in its share link', async (t) => {
  const app = await openWindowsTab(t);
  await app.fill('windows-zone', 'America/New_York');
  await app.expectText(`${C}-dst`, 'Wall-clock check in America/New_York');
  await app.reload();
  await app.click('tab-windows');
  assert.equal(await app.find('windows-zone').inputValue(), 'America/New_York');

  await app.click('tab-export');
  const link = new URL(await app.text('share-link'));
  // A reviewer in a fresh profile sees the team's zone, not their own.
  const reviewer = await openApp(t, { path: `/?now=${encodeURIComponent(NOW)}${link.hash}` });
  await reviewer.expectText('status-text', 'Opened the shared plan');
  await reviewer.click('tab-windows');
  assert.equal(await reviewer.find('windows-zone').inputValue(), 'America/New_York');
  await reviewer.expectText(`${C}-windows`, 'Time zone (America/New_York)');

  // Blank means each reader's own zone again (and is undoable like any edit).
  await reviewer.fill('windows-zone', '');
  await reviewer.expectText('css=#windows-zone-hint', "each reader's own zone");
  assert.ok(!(await reviewer.text(`${C}-windows`)).includes('America/New_York'));
  await reviewer.click('undo');
  await until(
    () => reviewer.find('windows-zone').inputValue(),
    (v) => v === 'America/New_York',
    (v) => `after undo: ${v}`,
  );
});

test('the assumption switches are on the tab and change the dates they govern', async (t) => {
  const app = await openWindowsTab(t);
  await app.expectText('assumption-switches', 'Assumption A-1');
  await app.expectText('assumption-switches', 'Assumption A-2');
  await app.expectText('assumption-switches', 'Assumption A-11');
  await buildLastFriday(app);
  // A one-day blackout on Sat 28 Nov cuts into the window of Fri 27 Nov 22:00–Sat 06:00.
  await app.fill(`${C}-notAllowedDates-0-end`, '2026-11-28');
  await app.fill(`${C}-notAllowedDates-0-start`, '2026-11-28');
  const first = app.page.locator(`[data-testid="${C}-windows"] [data-testid="occurrence-status"]`).first();
  await until(() => first.innerText(), (s) => s === 'Blocked by blackout', (s) => `drop: first window ${s}`);
  // A-11 trim: the part before the blackout stays usable.
  await app.select('assumptions-recurrence-blackoutOverlap', 'trim');
  await until(() => first.innerText(), (s) => s === 'Shortened by blackout', (s) => `trim: first window ${s}`);
  await app.expectText(`${C}-windows`, 'Fri 27 Nov 2026 22:00 → Sat 00:00');
  app.assertNoProblems();
});

test('clicking a window finding focuses its field', async (t) => {
  const app = await openWindowsTab(t);
  // The demo's auto-upgrade window has no startDate: the A-10 note points at that field.
  const note = app.page.locator(
    '[data-testid="window-finding"][data-code="assumption-no-start-date"]',
  );
  await note.first().locator('button').click();
  await until(
    () => app.page.evaluate(() => document.activeElement?.id ?? ''),
    (id) => id === 'c0-aksManagedAutoUpgradeSchedule-startDate',
    (id) => `focused ${JSON.stringify(id)}`,
  );
  app.assertNoProblems();
});

test('a window finding in the Findings panel opens the Windows tab at its field', async (t) => {
  const app = await openApp(t, { path: `/?now=${encodeURIComponent(NOW)}` });
  await app.expectVisible('panel-plan');
  // Notes may start folded; open the group. The first "no startDate" note is cluster 0's
  // auto-upgrade window (findings are in plan order, configurations in API order).
  const notes = app.byTestId('finding-group-note');
  if ((await notes.getAttribute('open')) === null) await notes.locator('summary').click();
  const note = app.page.locator(
    '[data-testid="findings"] [data-testid="finding"][data-code="assumption-no-start-date"]',
  );
  await note.first().locator('button').first().click();
  await app.expectVisible('panel-windows');
  await until(
    () => app.page.evaluate(() => document.activeElement?.id ?? ''),
    (id) => id === 'c0-aksManagedAutoUpgradeSchedule-startDate',
    (id) => `focused ${JSON.stringify(id)}`,
  );
  app.assertNoProblems();
});
