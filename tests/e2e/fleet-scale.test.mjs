// Bounded work at fleet scale (issue 11), gated on counts, never on wall-clock time: with
// 1,000 clusters (`?bench=1000`, rules::demo::fleet, never saved) the cluster list draws the
// first 200 found, each findings group its first 50, the Plan tab stays under a DOM node
// ceiling, and an edit projects and checks again only the clusters it changed. The figures for the README come from fleet-bench.mjs.

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

  // Bounded work per edit (window.__plannerWork, published under ?bench by the test-hooks
  // feature): renaming one cluster projects and checks again that one cluster, not the fleet;
  // a step timing projects every cluster again (it changes every bar) but checks none again.
  const work = () => app.page.evaluate(() => ({ ...window.__plannerWork }));
  const edit = async (id, value) => {
    const before = await work();
    await app.page.evaluate(([id, v]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, [id, value]);
    await until(work, (w) => w.projections > before.projections && w.checks > before.checks,
      (w) => `no projection and check after editing ${id}: ${JSON.stringify(w)}`);
    const after = await work();
    assert.equal(after.projections - before.projections, 1, `one projection per edit of ${id}`);
    assert.equal(after.checks - before.checks, 1, `one findings check per edit of ${id}`);
    return after;
  };
  const renamed = await edit('c0-name', 'aks-renamed');
  t.diagnostic(`rename one of ${CLUSTERS} clusters: ${JSON.stringify(renamed)}`);
  assert.ok(renamed.projected <= 1, `a rename projected ${renamed.projected} clusters`);
  assert.ok(renamed.rechecked <= 1, `a rename checked ${renamed.rechecked} clusters again`);
  await app.expectText('cluster-item-0', 'aks-renamed');
  await app.click('tab-timeline');
  const timed = await edit('assumption-timings-drainMinutes', '7');
  t.diagnostic(`a step timing: ${JSON.stringify(timed)}`);
  assert.equal(timed.projected, CLUSTERS);
  assert.equal(timed.rechecked, 0);
  await app.click('tab-plan');
  await app.page.locator('[data-testid="c0-name"]').waitFor({ timeout: SLOW });

  // "List more" draws the next page; search reaches any cluster.
  await app.click('list-more');
  await app.expectCount('css=[data-testid^="cluster-item-"]', 400);
  await app.fill('cluster-search', 'aks-999');
  await app.expectCount('css=[data-testid^="cluster-item-"]', 1);
  await app.expectText('cluster-item-999', 'aks-999');
  app.assertNoProblems();
});
