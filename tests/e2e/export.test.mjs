// Export and import on the Export tab (issue 5, "Done means"; issue 10): copy the az script of
// a plan, see errors scoped to what is exported, and paste `az` or ARM JSON to get its clusters
// (with what was missing said, never a bare ✓).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, until } from './helpers.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'az');

test('the az script of the demo plan is shown, copied and downloadable', async (t) => {
  const app = await openApp(t);
  await app.click('tab-export');
  // The exact argv (`--flag=value`; names that are shell-safe after §6 validation stay bare).
  await app.expectText('export-output', 'az aks update --resource-group=rg-platform-dev --name=aks-dev-weu');

  await app.click('export-copy');
  await app.expectText('export-copy-status', /Copied the export \(\d+ characters\)|Not copied/);
  const copied = await app.page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  if (copied !== null && (await app.text('export-copy-status')).startsWith('✓')) {
    assert.match(copied, /az aks update/);
  }

  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('export-download')]);
  assert.match(download.suggestedFilename(), /\.sh$/);
  await app.expectText('export-download-status', 'Saved');

  // One cluster's script, PowerShell, and the target CLI (a plan setting: Undo reverts it).
  await app.select('export-scope', { label: 'Cluster aks-test-weu' });
  await app.select('export-format', 'pwsh');
  // PowerShell quotes the cluster name it reports on failure.
  await app.expectText('export-output', "$script:CurrentCluster = 'aks-test-weu'");
  assert.ok(!(await app.text('export-output')).includes('aks-prod-weu'));
  await app.fill('export-cli-version', '2.60');
  await app.expectVisible('export-preview');
  await app.expectText('export-output', 'aks-preview');
  await app.fill('export-cli-version', '2.x');
  await app.expectText('export-cli-version-error', 'not an az CLI version');
  await app.click('undo');
  await until(() => app.find('export-cli-version').inputValue(), (v) => v === '2.91', (v) => `cli ${v}`);
});

test('errors are scoped to what is exported: a broken cluster is skipped and listed, a clean one exports', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-name', '');
  await app.click('tab-export');
  // The whole plan: the other clusters export, the broken one is listed with its errors (in
  // the panel and in the script's header).
  await app.expectVisible('export-skipped');
  await app.expectText('export-output', 'NOT EXPORTED: 1 cluster(s) with errors');
  await app.expectText('export-output', 'aks-test-weu');
  assert.ok((await app.count('css=[data-testid="export-skipped"] [data-testid="export-error"]')) >= 1);
  // One clean cluster: exported, nothing skipped, no error.
  await app.select('export-scope', { label: 'Cluster aks-test-weu' });
  await app.expectHidden('export-skipped');
  await app.expectText('export-output', '--subscription=contoso-nonprod');
  assert.equal(await app.count('export-errors'), 0);
  // The broken cluster alone exports nothing but its errors, each leading to its field.
  await app.select('export-scope', '0');
  await app.expectVisible('export-errors');
  await app.expectText('export-errors', /has \d+ errors? and exports nothing/);
  assert.equal(await app.count('export-output'), 0);
  await app.click('css=[data-testid="export-error"] button');
  await until(
    () => app.page.evaluate(() => document.activeElement?.id ?? ''),
    (id) => id.startsWith('c0-'),
    (id) => `focused ${id}`,
  );
});

test('pasted az JSON becomes clusters in the plan; malformed JSON points at the line', async (t) => {
  const app = await openApp(t);
  await app.click('tab-export');
  await app.fill('import-text', '[\n  {"name": "x",\n  oops\n]');
  await app.click('import-run');
  await app.expectText('import-error', 'line 3');
  const clustersBefore = await app.count('[data-testid^="cluster-item-"]');

  const texts = await Promise.all(
    ['nodepool-list.json', 'aks-show.json', 'maintenanceconfiguration-list.json'].map((f) =>
      readFile(path.join(FIXTURES, f), 'utf8'),
    ),
  );
  await app.fill('import-text', texts.join('\n'));
  await app.click('import-run');
  await app.expectVisible('import-result');
  await app.expectText('import-summary', 'aks-prod');
  await app.expectCount('[data-testid^="cluster-item-"]', clustersBefore + 1);
  await app.expectText('cluster-list', 'aks-prod');
  assert.ok((await app.count('import-note')) >= 1, 'defaults and ignored fields are noted');
  await app.expectHidden('import-error');

  // Replace mode keeps only the imported clusters; Undo brings the demo back.
  await app.click('import-mode-replace');
  await app.click('import-run');
  await app.expectCount('[data-testid^="cluster-item-"]', 1);
  await app.click('undo');
  await app.expectCount('[data-testid^="cluster-item-"]', clustersBefore + 1);
});

test('exports are dated by ?now=, and the calendar lists the projected windows', async (t) => {
  const app = await openApp(t, { path: '/?now=2027-01-15T08:00:00Z' });
  await app.click('tab-export');
  await app.expectText('export-output', 'Generated by aks-planner on 2027-01-15');
  await app.select('export-format', 'ics');
  await app.expectText('export-output', 'BEGIN:VCALENDAR');
  await app.expectText('export-output', 'BEGIN:VEVENT');
  // The target CLI only matters for az scripts, so it is not offered for a calendar.
  assert.equal(await app.count('export-cli-version'), 0);
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('export-download')]);
  assert.match(download.suggestedFilename(), /\.ics$/);
});

test('an import whose fields were not found says what was missing instead of ✓', async (t) => {
  const app = await openApp(t);
  await app.click('tab-export');
  // ARM's shape (as az rest prints it) without autoUpgradeProfile.
  const partial = {
    id: '/subscriptions/s1/resourceGroups/rg-x/providers/Microsoft.ContainerService/managedClusters/aks-x',
    name: 'aks-x',
    type: 'Microsoft.ContainerService/managedClusters',
    location: 'westeurope',
    properties: {
      kubernetesVersion: '1.33.2',
      agentPoolProfiles: [{ name: 'system', mode: 'System', vmSize: 'Standard_D4s_v5', count: 3 }],
    },
  };
  await app.fill('import-text', JSON.stringify(partial));
  await app.click('import-run');
  await app.expectVisible('import-result');
  await app.expectText('import-missing', 'Not found: autoUpgradeProfile');
  await app.expectText('import-result', 'not in the input');
  assert.ok(!(await app.text('import-result')).includes('✓'), 'no ✓ for a cluster with fields missing');
  await app.expectText('import-summary', '1 node pool');

  // The az aks show fixture in ARM's shape (settings under "properties"): every field found.
  const show = JSON.parse(await readFile(path.join(FIXTURES, 'aks-show.json'), 'utf8'));
  const top = ['id', 'name', 'type', 'location', 'tags', 'sku', 'identity'];
  const arm = { properties: {} };
  for (const [k, v] of Object.entries(show)) {
    if (top.includes(k)) arm[k] = v;
    else if (k !== 'resourceGroup') arm.properties[k] = v;
  }
  await app.fill('import-text', JSON.stringify(arm));
  await app.click('import-run');
  await app.expectText('import-result', '✓');
  await app.expectText('import-result', 'Imported 1 cluster');
  await app.expectText('import-summary', 'aks-prod');
  assert.equal(await app.count('import-missing'), 0);
});

test('a region or VM size that is no name is refused where it is typed; "West Europe" exports as westeurope', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-location', 'westeurope $(touch pwned)');
  await app.expectText('c0-location-error', "contains '$'");
  await app.fill('c0-location', 'West Europe');
  await app.expectHidden('c0-location-error');
  await app.fill('c0-p0-vmSize', 'Standard_D4s_v5; rm');
  await app.expectText('c0-p0-vmSize-error', "contains ';'");
  await app.fill('c0-p0-vmSize', 'Standard_D4s_v5');
  await app.click('tab-export');
  await app.select('export-format', 'bicep');
  await app.select('export-scope', { label: 'Cluster aks-dev-weu' });
  await app.expectText('export-output', "location: 'westeurope'");
});

/** Holds the exports worker's loader back until the returned function is called. */
async function holdExportsWorker(app) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await app.page.route('**/exports-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the exports module loads on first use: "Preparing exports…" meanwhile, then the text', async (t) => {
  const app = await openApp(t);
  await app.expectText('cluster-item-0', 'aks-dev-weu');
  // Hold the worker's loader until the tab has said it is preparing.
  const release = await holdExportsWorker(app);
  await app.click('tab-export');
  await app.expectText('export-loading', 'Preparing exports…');
  assert.equal(await app.count('export-output'), 0);
  assert.ok(await app.find('export-copy').isDisabled(), 'nothing to copy yet');
  release();
  await app.expectText('export-output', 'az aks update --resource-group=rg-platform-dev --name=aks-dev-weu');
  await app.expectHidden('export-loading');
});

test('when the exports module cannot be fetched, Export and Import say so and the plan is untouched', async (t) => {
  const app = await openApp(t);
  await app.page.route('**/exports-*.js', (route) => route.abort('failed'));
  const clusters = await app.count('[data-testid^="cluster-item-"]');
  await app.click('tab-export');
  await app.expectText('export-problem', 'The exports module could not be loaded');
  await app.expectText('export-problem', 'reload the page');
  assert.ok(await app.find('export-copy').isDisabled());
  const texts = await readFile(path.join(FIXTURES, 'aks-show.json'), 'utf8');
  await app.fill('import-text', texts);
  await app.click('import-run');
  await app.expectText('import-problem', 'could not be loaded');
  await app.expectCount('[data-testid^="cluster-item-"]', clusters);
  // What the first load holds still works: the share link.
  await app.expectText('share-link', '#p=1.');
  // The aborted fetch was asked for.
  app.problems.length = 0;
});

test('an import says it is running, and one that ends after the plan changed imports nothing', async (t) => {
  const app = await openApp(t);
  const release = await holdExportsWorker(app);
  await app.click('tab-export');
  const clusters = await app.count('[data-testid^="cluster-item-"]');
  await app.fill('import-text', await readFile(path.join(FIXTURES, 'aks-show.json'), 'utf8'));
  await app.click('import-run');
  await app.expectText('import-busy', 'Importing…');
  assert.ok(await app.find('import-run').isDisabled(), 'one import at a time');
  // An edit while the import runs: applying the import now would undo it.
  await app.fill('plan-name', 'Renamed meanwhile');
  release();
  await app.expectText('import-problem', 'The plan changed while the import ran, so nothing was imported');
  await app.expectHidden('import-busy');
  await app.expectCount('[data-testid^="cluster-item-"]', clusters);
  assert.equal(await app.find('plan-name').inputValue(), 'Renamed meanwhile');
  // Again, with nothing changed meanwhile: imported.
  await app.click('import-run');
  await app.expectVisible('import-result');
  await app.expectCount('[data-testid^="cluster-item-"]', clusters + 1);
  await app.expectHidden('import-problem');
});
