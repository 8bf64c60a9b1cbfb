// The timeline as one keyboard widget (issue 4 "Hover/focus shows details; everything in it is
// also reachable"): one Tab stop, arrow keys between marks, focus never lost to <body> while
// rows and marks are virtualised, the focused mark in view with a ring of >= 3:1 contrast.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const NOW = '/?now=2026-11-24T09:00:00Z';

async function openTimeline(t) {
  const app = await openApp(t, { path: NOW });
  await app.click('tab-timeline');
  await app.expectVisible('timeline-svg');
  return app;
}

/** Where the focus is: inside the chart, its data-mark and row, its box against the view. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const scroll = document.querySelector('[data-testid=timeline-scroll]');
    if (!el || el === document.body) return { body: true };
    const r = el.getBoundingClientRect();
    const v = scroll.getBoundingClientRect();
    const labels = scroll.querySelector('.tl-labels').getBoundingClientRect();
    const isName = el.dataset.mark === 'n';
    // A mark's start must be right of the sticky labels and inside the scroll view.
    const left = isName ? v.left : labels.right;
    const inView = r.top >= v.top - 1 && r.top < v.bottom && r.left >= left - 2 && r.left < v.right;
    return {
      body: false,
      inside: scroll.contains(el),
      mark: el.dataset.mark ?? null,
      row: el.closest('[data-row]')?.dataset.row ?? null,
      x: r.left + scroll.scrollLeft,
      name: el.getAttribute('aria-label') ?? el.textContent,
      inView,
    };
  });
}

test('the chart is one Tab stop and arrow keys walk it without ever losing the focus', async (t) => {
  const app = await openTimeline(t);
  const page = app.page;
  const stops = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=timeline-scroll] [tabindex], [data-testid=timeline-scroll] button')]
      .filter((e) => e.tabIndex >= 0).length,
  );
  assert.equal(stops, 1, 'one Tab stop in the chart');

  // Tab from the toolbar enters the chart on the first cluster's name.
  await app.find('timeline-table-toggle').focus();
  await page.keyboard.press('Tab');
  let at = await focusInfo(page);
  assert.equal(at.mark, 'n');
  assert.equal(at.row, '0');

  // Right: windows of cluster 0 in time order, scrolled into view, never <body>.
  let lastX = -Infinity;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('ArrowRight');
    at = await focusInfo(page);
    assert.ok(!at.body && at.inside, `step ${i}: focus left the chart`);
    assert.equal(at.row, '0', `step ${i}`);
    assert.ok(at.x >= lastX - 1, `step ${i}: ${at.x} before ${lastX}`);
    assert.ok(at.inView, `step ${i}: focused mark off-screen`);
    // Windows ("aks-dev-weu, node OS window …") and control plane steps ("Cluster: aks-dev-weu; …").
    assert.match(at.name, /^(aks-dev-weu, node OS window |Cluster: aks-dev-weu;)/, `step ${i}: named with its cluster`);
    lastX = at.x;
  }
  // Down into the pool rows and other clusters, far to the right: still never lost.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    at = await focusInfo(page);
    assert.ok(!at.body && at.inside, `down ${i}: focus left the chart`);
    assert.ok(at.inView, `down ${i}: focused mark off-screen`);
  }
  assert.notEqual(at.row, '0', 'moved to another cluster');
  // Home, then End of the row, then back; a scroll by the mouse far away keeps the focus.
  await page.keyboard.press('End');
  at = await focusInfo(page);
  assert.ok(!at.body && at.inView, 'End');
  await page.evaluate(() => {
    const s = document.querySelector('[data-testid=timeline-scroll]');
    s.scrollLeft = 0;
    s.scrollTop = 0;
  });
  await until(() => focusInfo(page), (f) => !f.body && f.inside, (f) => `after a scroll: ${JSON.stringify(f)}`);
  await page.keyboard.press('Home');
  at = await focusInfo(page);
  assert.ok(!at.body && at.inView, `Home: ${JSON.stringify(at)}`);

  // The marks name their cluster and pool; details follow the focus.
  await page.keyboard.press('ArrowDown');
  at = await focusInfo(page);
  assert.match(at.name, /Cluster: \S+; Pool: \S+/);
  await app.expectText('timeline-details', 'Estimated end');

  // Tab leaves the chart (one stop, whichever mark holds it), Shift+Tab comes back to it.
  const mark = at.mark;
  await app.find('timeline-table-toggle').focus();
  await page.keyboard.press('Tab');
  at = await focusInfo(page);
  assert.equal(at.mark, mark, 'Tab enters on the last focused mark');
  await page.keyboard.press('Tab');
  at = await focusInfo(page);
  assert.ok(at.body || !at.inside, 'Tab leaves the chart');
  await page.keyboard.press('Shift+Tab');
  at = await focusInfo(page);
  assert.equal(at.mark, mark);
  app.assertNoProblems();
});

test('the focused mark has a ring of at least 3:1 against the bar and the background', async (t) => {
  const app = await openTimeline(t);
  const page = app.page;
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.find('timeline-table-toggle').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      const bar = getComputedStyle(el.querySelector('.tl-bar'));
      const bg = getComputedStyle(document.querySelector('[data-testid=timeline-scroll]')).backgroundColor;
      const barFill = getComputedStyle(document.querySelector('.tl-upgrade:not(:focus) .tl-bar')).fill;
      return { tag: el.outerHTML.slice(0, 160), style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset), color: s.outlineColor, edge: bar.stroke, bg, barFill };
    });
    const lum = (c) => {
      const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
        const x = v / 255;
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    assert.equal(ring.style, 'solid', scheme);
    assert.ok(ring.width >= 2 && ring.offset >= 1, `${scheme}: ${JSON.stringify(ring)}`);
    assert.ok(contrast(ring.color, ring.bg) >= 3, `${scheme}: ring vs background ${JSON.stringify(ring)}`);
    assert.ok(contrast(ring.edge, ring.barFill) >= 3, `${scheme}: edge vs bar ${JSON.stringify(ring)}`);
  }
  app.assertNoProblems();
});

test('at 1366 px each zoom button shows the weeks it names', async (t) => {
  const app = await openApp(t, { path: NOW, viewport: { width: 1366, height: 768 } });
  await app.click('tab-timeline');
  await app.expectVisible('timeline-svg');
  for (const weeks of [2, 4, 13, 26]) {
    await app.click(`zoom-${weeks}w`);
    assert.equal(await app.text('timeline-shown'), `${weeks} weeks on screen`);
    // Weeks on screen = the plot beside the labels / the distance between Monday lines.
    const shown = await until(
      () =>
        app.page.evaluate(() => {
          const s = document.querySelector('[data-testid=timeline-scroll]');
          const plot = s.clientWidth - s.querySelector('.tl-labels').offsetWidth;
          const xs = [...s.querySelectorAll('.tl-tick.major')].map((l) => +l.getAttribute('x1'));
          return plot / (xs[1] - xs[0]);
        }),
      (w) => Math.abs(w - weeks) < 0.05,
      (w) => `${weeks}w shows ${w} weeks`,
    );
    assert.ok(Math.abs(shown - weeks) < 0.05);
  }
  app.assertNoProblems();
});

test('on a phone the timeline keeps a readable scale and says how much is on screen', async (t) => {
  const app = await openApp(t, { path: NOW, viewport: { width: 390, height: 844 } });
  await app.click('tab-timeline');
  await app.expectVisible('timeline-svg');
  await app.click('zoom-4w');
  await app.expectText('timeline-shown', 'of 4 weeks on screen; scroll sideways for the rest');
  app.assertNoProblems();
});

test('the timeline table filters by cluster and the labels give their full text', async (t) => {
  const app = await openTimeline(t);
  await app.expectVisible('css=[data-testid=timeline-label-0] .tl-cluster-summary[title]');
  await app.click('timeline-table-toggle');
  await app.expectVisible('timeline-table-2');
  await app.select('timeline-table-cluster', '1');
  await app.expectCount('css=[data-testid=timeline-table] table', 1);
  await app.expectVisible('timeline-table-1');
  await app.select('timeline-table-cluster', 'all');
  await app.expectVisible('timeline-table-2');
  app.assertNoProblems();
});
