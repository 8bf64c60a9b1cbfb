// Field validity (review P2/P3): a value the rule core reports as an error marks its field
// invalid exactly like refused text does (aria-invalid and the red border), a warning does not;
// while invalid the hint that describes the value as if it worked is replaced by the fix; and
// numbers are refused with messages that say what range is wanted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

/** What a user and a screen reader get from a field: aria-invalid, border, hint, messages. */
async function fieldState(app, id) {
  return app.find(id).evaluate((el) => {
    const field = el.closest('.field');
    const style = getComputedStyle(el);
    return {
      invalid: el.getAttribute('aria-invalid'),
      borderWidth: style.borderTopWidth,
      borderColor: style.borderTopColor,
      hint: field.querySelector('.hint')?.textContent ?? null,
      findings: field.querySelector('.field-findings')?.textContent ?? '',
      described: (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean),
    };
  });
}

/** Types `value` into `id` and waits until aria-invalid reads `invalid`. */
async function enter(app, id, value, invalid) {
  await app.fill(id, value);
  return until(
    () => fieldState(app, id),
    (s) => s.invalid === invalid,
    (s) => `${id} = ${JSON.stringify(value)}: expected aria-invalid ${invalid}, got ${JSON.stringify(s)}`,
  );
}

test('an error finding on a field marks it invalid like refused text; a warning does not', async (t) => {
  const app = await openApp(t);
  const valid = await fieldState(app, 'c0-p0-count');
  assert.equal(valid.invalid, 'false');

  const errors = [
    ['c0-p0-upgradeSettings-drainTimeoutInMinutes', '3'],
    ['c0-p0-upgradeSettings-nodeSoakDurationInMinutes', '45'],
    ['c0-p0-count', '1001'],
    ['c0-name', 'aks-"dev\'$(rm -rf ~)'],
  ];
  for (const [id, value] of errors) {
    const before = await app.find(id).inputValue();
    const s = await enter(app, id, value, 'true');
    assert.equal(s.borderWidth, '2px', `${id}: the invalid border`);
    assert.notEqual(s.borderColor, valid.borderColor, `${id}: the invalid colour`);
    assert.ok(s.described.includes(`${id}-findings`), `${id} is described by its finding`);
    await enter(app, id, before, 'false');
  }

  // A warning (an unreadable ring tag) is shown under the field but the value is not invalid.
  const ring = await enter(app, 'c0-tags-ring', 'abc', 'false');
  await until(
    () => fieldState(app, 'c0-tags-ring'),
    (s) => s.findings.includes('"abc", not a whole number'),
    (s) => `ring tag warning missing: ${JSON.stringify(s)}`,
  );
  assert.equal(ring.borderWidth, '1px');
  await app.expectFinding('ring-tag-not-a-number');
});

test('while maxSurge is out of range its hint gives way to the fix', async (t) => {
  const app = await openApp(t);
  const surge = 'c0-p0-upgradeSettings-maxSurge';
  const ok = await fieldState(app, surge);
  assert.match(ok.hint, /33% = \d+ extra node/);

  const bad = await enter(app, surge, '150%', 'true');
  assert.equal(bad.hint, null, `no hint describing 150% as working: ${JSON.stringify(bad)}`);
  assert.match(bad.findings, /is 150%/);
  assert.match(bad.findings, /Use at most 100%/);
  assert.ok(!bad.described.includes(`${surge}-hint`));

  await enter(app, surge, '33%', 'false');
  assert.match((await fieldState(app, surge)).hint, /33% =/);
});

test('numbers are refused with the range they need, not "not a whole number"', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-p0-count', '-1');
  await app.expectText('c0-p0-count-error', '"-1" is below zero: enter zero or more');
  assert.equal(await app.find('c0-p0-count').getAttribute('aria-invalid'), 'true');

  // The projection's estimates on the Timeline tab.
  await app.click('tab-timeline');
  const interval = 'assumption-releases-linuxImageIntervalDays';
  await app.fill(interval, '0');
  await app.expectText(`${interval}-error`, '`0` is out of range');
  await app.expectText(`${interval}-error`, '1 to 90');
  await app.expectText(`${interval}-error`, 'The plan keeps 7');
  const percent = 'assumption-releases-securityReimagePercent';
  await app.fill(percent, '250');
  await app.expectText(`${percent}-error`, 'a percentage is 0 to 100');
  assert.equal(await app.find(percent).getAttribute('aria-invalid'), 'true');
});
