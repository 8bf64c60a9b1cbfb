// Surge quota against the free quota the user enters or pastes (docs/aks-rules.md §4.3 "warn when
// surge quota > free quota (user input)"). On the demo plan, contoso-prod / westeurope is the
// third region row group (regions sort by subscription): its DSv5 peak is prod/apps'
// 4 surge nodes × 8 vCPUs = 32 (row 0), and the same 32 in Total Regional vCPUs (row 1).

import { test } from 'node:test';
import { openApp, until } from './helpers.mjs';

const NOW = '/?now=2026-11-02T08:00:00Z';
const PROD_DSV5 = 'quota-2-0';
const PROD_CORES = 'quota-2-1';

/** `az vm list-usage --location westeurope -o json` as az prints it (strings, localName). */
const LIST_USAGE = JSON.stringify([
  { currentValue: '3', limit: '2500', localName: 'Availability Sets',
    name: { localizedValue: 'Availability Sets', value: 'availabilitySets' } },
  { currentValue: '40', limit: '100', localName: 'Total Regional vCPUs',
    name: { localizedValue: 'Total Regional vCPUs', value: 'cores' } },
  { currentValue: '12', limit: '350', localName: 'Standard DSv5 Family vCPUs',
    name: { localizedValue: 'Standard DSv5 Family vCPUs', value: 'standardDSv5Family' } },
], null, 2);

async function openQuota(t) {
  const app = await openApp(t, { path: NOW });
  await app.click('tab-timeline');
  await app.expectVisible('quota-free');
  return app;
}

/** Waits until the input `id` holds `expected`. */
async function expectValue(app, id, expected) {
  return until(
    () => app.find(id).first().inputValue(),
    (v) => v === expected,
    (v) => `${id}: expected value ${JSON.stringify(expected)}, got ${JSON.stringify(v)}`,
  );
}

test('free quota below the peak surge raises the finding; raising it clears it; reload keeps it', async (t) => {
  const app = await openQuota(t);
  await app.expectText(`${PROD_DSV5}-verdict`, 'needs 32, free quota unknown');
  await app.expectText(`${PROD_DSV5}`, 'standardDSv5Family');
  await app.expectFinding('surge-exceeds-free-quota', false);

  await app.fill(`${PROD_DSV5}-limit`, '50');
  await app.expectText(`${PROD_DSV5}-verdict`, 'fits: needs 32 of 50 free');
  await app.fill(`${PROD_DSV5}-used`, '32');
  await app.expectText(`${PROD_DSV5}-verdict`, 'short by 14: needs 32, 18 free');
  await app.expectFinding('surge-exceeds-free-quota');
  await app.expectText(
    '[data-testid="finding"][data-code="surge-exceeds-free-quota"]',
    'contoso-prod / westeurope: surges need up to 32 vCPUs of the standardDSv5Family quota but only 18 are free (limit 50, used 32)',
  );

  await app.fill(`${PROD_DSV5}-limit`, '64');
  await app.expectText(`${PROD_DSV5}-verdict`, 'fits: needs 32 of 32 free');
  await app.expectFinding('surge-exceeds-free-quota', false);

  // Text that is not a count is refused next to the field; the plan keeps its value.
  await app.fill(`${PROD_DSV5}-limit`, 'lots');
  await app.expectText(`${PROD_DSV5}-limit-error`, 'is not a whole number');
  await app.expectText(`${PROD_DSV5}-limit-error`, 'The plan keeps 64.');
  await app.expectText(`${PROD_DSV5}-verdict`, 'fits: needs 32 of 32 free');

  // Undo goes back through the edits, redo forward again.
  await app.click('undo');
  await app.expectText(`${PROD_DSV5}-verdict`, 'short by 14');
  await app.click('redo');
  await app.expectText(`${PROD_DSV5}-verdict`, 'fits: needs 32 of 32 free');

  await app.reload();
  await app.click('tab-timeline');
  await expectValue(app, `${PROD_DSV5}-limit`, '64');
  await expectValue(app, `${PROD_DSV5}-used`, '32');
  await app.expectText(`${PROD_DSV5}-verdict`, 'fits: needs 32 of 32 free');
  await app.expectFinding('surge-exceeds-free-quota', false);
});

test('pasting az vm list-usage output fills the rows; garbage is refused and changes nothing', async (t) => {
  const app = await openQuota(t);
  await app.click('css=[data-testid="quota-paste"] > summary');
  await app.select('quota-paste-region', '2');
  await app.expectText('css=#quota-paste-help', 'az vm list-usage --location westeurope');

  await app.fill('quota-paste-text', LIST_USAGE);
  await app.click('quota-paste-run');
  await app.expectText('quota-paste-status', 'contoso-prod / westeurope: filled 2 of 2 quotas');
  await expectValue(app, `${PROD_DSV5}-limit`, '350');
  await expectValue(app, `${PROD_DSV5}-used`, '12');
  await app.expectText(`${PROD_DSV5}-verdict`, 'fits: needs 32 of 338 free');
  await app.expectText(`${PROD_CORES}`, 'Total Regional vCPUs');
  await app.expectText(`${PROD_CORES}-verdict`, 'fits: needs 32 of 60 free');

  await app.fill('quota-paste-text', '{"value": 42}');
  await app.click('quota-paste-run');
  await app.expectText('quota-paste-error', 'not az vm list-usage output (an object without a "value" list)');
  await app.expectText('quota-paste-error', 'The plan is unchanged.');
  await app.fill('quota-paste-text', 'Standard DSv5 Family vCPUs   12   350');
  await app.click('quota-paste-run');
  await app.expectText('quota-paste-error', 'line 1, column');
  await expectValue(app, `${PROD_DSV5}-limit`, '350');
  await app.expectText(`${PROD_CORES}-verdict`, 'fits: needs 32 of 60 free');
  app.assertNoProblems();
});
