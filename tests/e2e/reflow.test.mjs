// Reflow (WCAG 1.4.10, review P2): at 320 and 390 CSS pixels wide every tab is reachable and no
// tab's content makes the page scroll sideways (wide content such as the timeline scrolls
// inside its own region instead).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, until } from './helpers.mjs';

const TABS = ['plan', 'windows', 'timeline', 'export'];

/** The page's horizontal overflow and the elements that stick out past the viewport. */
function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      // Report the outermost element only: one inside a scrolling box is fine.
      let inside = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (p.getBoundingClientRect().right > width + 0.5 || /auto|scroll|hidden/.test(style.overflowX)) {
          inside = true;
          break;
        }
      }
      if (!inside) culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(box.right)}`);
    }
    return { scrollWidth: document.scrollingElement.scrollWidth, width, culprits: culprits.slice(0, 5) };
  });
}

for (const width of [320, 390]) {
  test(`at ${width} px every tab is reachable and nothing scrolls the page sideways`, async (t) => {
    const app = await openApp(t, { viewport: { width, height: 800 } });
    for (const tab of TABS) {
      const button = app.byTestId(`tab-${tab}`);
      // The whole tab is inside the viewport, so it can be seen and tapped.
      const box = await button.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, `tab ${tab} at ${JSON.stringify(box)}`);
      await button.click();
      await app.expectVisible(`panel-${tab}`);
      const o = await until(
        () => overflow(app.page),
        (o) => o.scrollWidth <= o.width,
        (o) => `${width}px, ${tab} tab: page is ${o.scrollWidth}px wide: ${o.culprits.join('; ')}`,
        2_000,
      );
      assert.deepEqual(o.culprits, [], `${tab}: ${o.culprits.join('; ')}`);
    }
  });
}
