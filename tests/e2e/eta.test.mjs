// Issue 9 "Done means": on the demo plan, enter a fixed image version, see every pool's fix
// ETA and SLA verdict, follow a suggestion and see the verdicts change; the release data's
// date and its staleness warning; a wrong version is refused with a message. "Now" is pinned
// with ?now= so the dates and verdicts are the same on every run. The last test times the fix
// ETA of the 200-cluster bench fleet in Chromium and reports it (target < 16 ms; reported,
// not gated).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

async function openEta(t, now) {
  const app = await openApp(t, { path: `/?now=${now}` });
  await app.click('tab-timeline');
  await app.expectVisible('eta-panel');
  return app;
}

test('a version gives every pool an ETA and a verdict; a suggestion turns misses into meets', async (t) => {
  const app = await openEta(t, '2026-06-01T00:00:00Z');
  await app.expectText('eta-data-as-of', 'Release data as of 2026-07-17');
  await app.expectHidden('eta-data-warning');
  await app.expectVisible('eta-empty');

  // Copy Fail's Ubuntu / Azure Linux 3 floor, and a Windows Server 2022 image.
  await app.fill('eta-images', '202606.08.1 20348.4773.260210');
  await app.select('eta-sla', 'cyber-essentials');
  await app.expectCount('css=[data-testid^="eta-row-"]', 8);
  for (let i = 0; i < 8; i++) {
    await app.expectText(`eta-verdict-${i}`, /met, |MISSED by |never: /);
    await app.expectText(`eta-done-${i}`, /2026-0[67]-\d\d|never/);
  }
  await app.expectText('eta-fleet', '3 of 8 pools meet the SLA (UK Cyber Essentials: 14 days); 5 miss it');
  await app.expectText('eta-basis', "from the AKS release of the pool's fixed image");
  // Sorted by latest ETA: the Windows image, released in February, goes in the first window
  // (Saturday 2026-06-06); the SecurityPatch cluster next.
  await app.expectText('eta-row-0', 'aks-prod-weu/win');
  await app.expectText('eta-done-0', '2026-06-06');
  await app.expectText('eta-row-1', 'aks-test-weu/');

  // The only suggestion: SecurityPatch for aks-dev-weu (for aks-prod-weu it would leave the
  // Windows pool unpatched, so it is not offered).
  await app.expectCount('css=[data-testid^="eta-apply-"]', 1);
  await app.expectText('eta-suggestions', 'aks-dev-weu/system: Switch the node OS channel to SecurityPatch');
  await app.click('eta-apply-0');
  await app.expectText('eta-fleet', '5 of 8 pools meet the SLA (UK Cyber Essentials: 14 days); 3 miss it');
  await app.expectCount('css=[data-testid^="eta-apply-"]', 0);

  // The question is part of the plan: it survives a reload.
  await app.reload();
  await app.click('tab-timeline');
  await app.expectText('eta-fleet', '5 of 8 pools meet the SLA');
  assert.equal(await app.find('eta-images').first().inputValue(), '202606.08.1 20348.4773.260210');
});

test('a wrong version is refused where it was typed and the plan keeps its question', async (t) => {
  const app = await openEta(t, '2026-06-01T00:00:00Z');
  await app.fill('eta-images', '202606.08.1');
  await app.expectCount('css=[data-testid^="eta-row-"]', 8);
  await app.fill('eta-images', '2026.06.08');
  await app.expectText('eta-images-error', 'not a node image version');
  await app.expectText('eta-images-error', 'The plan keeps 202606.08.1.');
  await app.expectCount('css=[data-testid^="eta-row-"]', 8);
});

test('release data older than 60 days is flagged', async (t) => {
  const app = await openEta(t, '2026-12-06T00:00:00Z');
  await app.expectText('eta-data-warning', 'The release data is 142 days old');
});

test('fix ETA of 200 clusters × 3 pools in Chromium', async (t) => {
  const app = await openApp(t, { path: '/?bench=200&now=2026-06-01T00:00:00Z' });
  await app.expectVisible('bench-eta');
  await app.click('bench-eta');
  const ms = Number(await until(() => app.text('bench-eta-ms'), (s) => s !== '', () => 'no ETA time'));
  const target = 16;
  console.log(`fix ETA, 200 clusters: ${ms.toFixed(2)} ms (mean of 10)${ms > target ? ' TARGET MISSED' : ''}`);
  // Reported, never gated: wall-clock time depends on the neighbours' load. What is checked is
  // that the whole fleet was computed and a time measured.
  assert.ok(Number.isFinite(ms) && ms > 0, `no ETA time: ${ms}`);
});
