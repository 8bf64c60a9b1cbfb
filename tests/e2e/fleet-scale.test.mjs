// Bounded work at fleet scale (issue 11), gated on counts, never on wall-clock time: with
// 1,000 clusters (`?bench=1000`, rules::demo::fleet, never saved) the cluster list draws the
// first 200 found, each findings group its first 50, and the Plan tab stays under a DOM node
// ceiling. The figures for the README come from fleet-bench.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until, TIMEOUT_MS } from './helpers.mjs';

const CLUSTERS = 1000;
/** Measured 5,573 on 2026-12-06 (main before this work: 78,690); see README "Performance". */
const PLAN_TAB_NODE_CEILING = 10_000;

test(`with ${CLUSTERS} clusters the list, the findings and the Plan tab's DOM stay bounded`, { timeout: 20 * TIMEOUT_MS }, async (t) => {
  const app = await openApp(t);
  const SLOW = 10 * TIMEOUT_MS;
  await app.page.goto(`${app.origin}/?bench=${CLUSTERS}&now=2026-11-02T08:00:00Z`, { timeout: SLOW });
  await app.page.locator('[data-testid="tab-plan"]').click({ timeout: SLOW });
  await app.page.locator('[data-testid="c0-name"]').waitFor({ timeout: SLOW });
  await until(
    () => app.page.locator('#clusters-title .count').textContent(),
    (n) => n === String(CLUSTERS),
    (n) => `the list counts ${n} clusters`,
    SLOW,
  );
  assert.equal(await app.count('css=[data-testid^="cluster-item-"]'), 200);
  await app.expectText('list-more-note', `${CLUSTERS - 200} more not listed`);
  const errors = Number(await app.text('finding-count-error'));
  const warnings = Number(await app.text('finding-count-warning'));
  const notes = Number(await app.text('finding-count-note'));
  const drawn = await app.count('css=[data-testid="finding"]');
  assert.equal(drawn, Math.min(errors, 50) + Math.min(warnings, 50) + Math.min(notes, 50));
  const nodes = await app.page.evaluate(() => document.getElementsByTagName('*').length);
  t.diagnostic(`Plan tab with ${CLUSTERS} clusters: ${nodes} DOM nodes, ${drawn} findings drawn of ${errors + warnings + notes}`);
  assert.ok(nodes < PLAN_TAB_NODE_CEILING, `${nodes} DOM nodes (ceiling ${PLAN_TAB_NODE_CEILING})`);

  // "List more" draws the next page; search reaches any cluster.
  await app.click('list-more');
  await app.expectCount('css=[data-testid^="cluster-item-"]', 400);
  await app.fill('cluster-search', 'aks-999');
  await app.expectCount('css=[data-testid^="cluster-item-"]', 1);
  await app.expectText('cluster-item-999', 'aks-999');
  app.assertNoProblems();
});
