// Export and import on the Export tab (issue 5, "Done means"): copy the az script of a plan,
// see a plan with errors export only its errors, and paste `az` JSON to get its clusters.

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

test('a plan with errors exports only the list of errors, each leading to its field', async (t) => {
  const app = await openApp(t);
  await app.fill('c0-name', '');
  await app.click('tab-export');
  await app.expectVisible('export-errors');
  assert.equal(await app.count('export-output'), 0);
  assert.ok((await app.count('export-error')) >= 1);
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
