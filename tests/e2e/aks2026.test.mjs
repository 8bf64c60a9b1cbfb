// AKS as of late 2026 (docs/aks-2026.md §1.1, §1.9), as a user meets it on the Plan and
// Timeline tabs, against the release build, with "now" pinned by ?now=:
// - an Azure Container Linux pool leaves only NodeImage and None on offer for the cluster's node
//   OS channel (its /usr is immutable), and the OS SKU picker names each SKU's restriction;
// - a retired OS SKU is a finding with its dates relative to now (Windows Server 2019: retired
//   2026-03-01, images deleted 2027-04-01; Flatcar: images deleted 2026-09-08);
// - a projected Kubernetes upgrade from 1.34 to 1.35 moves an Ubuntu pool from 22.04 to 24.04:
//   the timeline draws it as its own labelled mark and the table says so; so does a planned
//   kubernetesVersion 1.35 against the live cluster's 1.34.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const NODE_OS = 'c0-autoUpgradeProfile-nodeOSUpgradeChannel';

/** Whether each option of the select `id` is disabled, by value. */
async function disabledOptions(app, id) {
  return app.page.evaluate(
    (id) =>
      Object.fromEntries(
        [...document.getElementById(id).options].map((o) => [o.value, o.disabled]),
      ),
    id,
  );
}

test('an Azure Container Linux pool leaves only NodeImage and None on offer', async (t) => {
  const app = await openApp(t, { path: '/?now=2026-12-06T12:00:00Z' });
  // The demo's dev cluster (index 0) is open: system (AzureLinux) and apps (Ubuntu), NodeImage.
  assert.deepEqual(await disabledOptions(app, NODE_OS), {
    None: false,
    Unmanaged: false,
    SecurityPatch: false,
    NodeImage: false,
  });
  const label = await app.page
    .locator('#c0-p1-osSKU option[value="AzureContainerLinux"]')
    .textContent();
  assert.equal(label, 'Azure Container Linux: NodeImage or None only; Kubernetes 1.34 or later');

  await app.select('c0-p1-osSKU', 'AzureContainerLinux');
  await until(
    () => disabledOptions(app, NODE_OS),
    (d) => d.Unmanaged && d.SecurityPatch && !d.NodeImage && !d.None,
    (d) => `expected only NodeImage and None enabled, got ${JSON.stringify(d)}`,
  );
  await app.expectText(
    `css=#${NODE_OS}-hint`,
    'Azure Container Linux (pool "apps") supports only NodeImage and None.',
  );
  // It is its own SKU, not Flatcar: no retirement finding.
  await app.expectFinding('os-sku-images-deleted', false);

  // Back to Ubuntu: every channel is offered again.
  await app.select('c0-p1-osSKU', 'Ubuntu');
  await until(
    () => disabledOptions(app, NODE_OS),
    (d) => !d.Unmanaged && !d.SecurityPatch,
    (d) => `expected every channel offered again, got ${JSON.stringify(d)}`,
  );
});

test('a retired OS SKU is a finding with its dates relative to now', async (t) => {
  const app = await openApp(t, { path: '/?now=2026-12-06T12:00:00Z' });
  const picker = await app.page
    .locator('#c0-p1-osSKU option[value="Windows2019"]')
    .textContent();
  assert.equal(picker, 'Windows Server 2019: retired 2026-03-01');

  // Windows pools are User pools; the demo's apps pool is one.
  await app.select('c0-p1-osSKU', 'Windows2019');
  await app.expectFinding('os-sku-retired');
  await app.expectText(
    'css=[data-testid="finding"][data-code="os-sku-retired"]',
    'retired on 2026-03-01 (280 days ago); its node images are deleted 2027-04-01 (in 116 days)',
  );

  // Flatcar's images were deleted on 2026-09-08: an error.
  await app.select('c0-p1-osSKU', 'Flatcar');
  await app.expectFinding('os-sku-retired', false);
  await app.expectFinding('os-sku-images-deleted');
  await app.expectText(
    'css=[data-testid="finding"][data-code="os-sku-images-deleted"]',
    'deleted on 2026-09-08 (89 days ago)',
  );
});

test('a projected upgrade to 1.35 is drawn as an OS version change', async (t) => {
  // 2026-06-01: the release assumptions have 1.35 as the newest minor in the region.
  const app = await openApp(t, { path: '/?now=2026-06-01T08:00:00Z' });
  await app.fill('c0-kubernetesVersion', '1.34.2');
  await app.select('c0-autoUpgradeProfile-upgradeChannel', 'rapid');
  await app.click('tab-timeline');
  await app.expectVisible('timeline-svg');
  await app.click('timeline-table-toggle');
  await app.select('timeline-table-cluster', '0');
  const steps = app.find('css=[data-testid="timeline-table-0"] tr[data-kind="Kubernetes upgrade"]');
  await until(
    () => steps.allTextContents(),
    (rows) => rows.some((r) => r.includes('apps') && r.includes('OS version change Ubuntu 22.04 → Ubuntu 24.04')),
    (rows) => `expected the apps pool's step to say it changes the OS version, got ${JSON.stringify(rows)}`,
  );
  // The system pool runs Azure Linux: its step changes no OS version.
  const rows = await steps.allTextContents();
  assert.ok(rows.filter((r) => r.includes('system')).every((r) => !r.includes('OS version change')));

  // The drawing: a diamond labelled "OS" on the apps pool's bar, its title the change.
  await app.click('zoom-13w');
  await until(
    () => app.count('os-change'),
    (n) => n >= 1,
    (n) => `expected an OS version change mark in view, found ${n}`,
  );
  const mark = app.find('css=[data-testid="os-change"]').first();
  assert.equal(await mark.locator('text').textContent(), 'OS');
  assert.equal(await mark.locator('title').textContent(), 'OS Ubuntu 22.04 → Ubuntu 24.04');
});

test('a planned upgrade from the live 1.34 to 1.35 says the Ubuntu pool changes OS version', async (t) => {
  const app = await openApp(t, { path: '/?now=2026-12-06T12:00:00Z' });
  await app.fill('c0-kubernetesVersion', '1.35.1');
  await app.fill('c0-currentKubernetesVersion', '1.34.6');
  await app.expectFinding('planned-upgrade-changes-os-version');
  await app.expectText(
    'css=[data-testid="finding"][data-code="planned-upgrade-changes-os-version"]',
    'node pool "apps" (Ubuntu): upgrading the cluster from 1.34.6 to 1.35.1 moves the pool from Ubuntu 22.04 → Ubuntu 24.04',
  );
  // Pinning the version removes it.
  await app.select('c0-p1-osSKU', 'Ubuntu2204');
  await app.expectFinding('planned-upgrade-changes-os-version', false);
});

test('an out-of-support minor without LTS is a finding on the cluster; long-term support clears it', async (t) => {
  // 1.33 left the community support window on 2026-07-23 under the release assumptions.
  const app = await openApp(t, { path: '/?now=2026-12-06T12:00:00Z' });
  await app.fill('c0-kubernetesVersion', '1.33.4');
  await app.expectFinding('node-os-stopped-out-of-support');
  await app.expectText(
    'css=[data-testid="finding"][data-code="node-os-stopped-out-of-support"]',
    'out of support since 2026-07-23 without long-term support: nodeOSUpgradeChannel NodeImage delivers no node OS updates',
  );
  await app.setChecked('c0-supportPlan', true);
  await app.expectFinding('node-os-stopped-out-of-support', false);
});
