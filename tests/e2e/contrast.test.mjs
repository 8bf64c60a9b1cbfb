// Non-text contrast (WCAG 1.4.11, review P2): the edges of text fields, selects and outlined
// buttons, and the hatching that marks a blackout on the timeline, keep at least 3:1 against
// what is next to them, in the light and the dark theme. Measured from computed styles.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './helpers.mjs';

/** Page-side helpers: colour parsing, compositing and the WCAG contrast ratio. */
const MEASURE = `
  window.__contrast = (() => {
    const parse = (c) => {
      const m = c && c.match(/rgba?\\(([^)]+)\\)/);
      if (!m) return null;
      const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const blend = (top, bottom, alpha = top.a) => ({
      r: top.r * alpha + bottom.r * (1 - alpha),
      g: top.g * alpha + bottom.g * (1 - alpha),
      b: top.b * alpha + bottom.b * (1 - alpha),
      a: 1,
    });
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [lum(x), lum(y)].sort((a, b) => b - a);
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The opaque colour behind an element: its ancestors' backgrounds composited. */
    const behind = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) layers.push(c);
        if (c && c.a >= 1) break;
      }
      let bg = { r: 255, g: 255, b: 255, a: 1 };
      for (const c of layers.reverse()) bg = blend(c, bg);
      return bg;
    };
    return { parse, blend, ratio, behind };
  })();
`;

/** The lowest border-to-surroundings ratio of each kind of control on screen. */
async function controlEdges(app) {
  await app.page.evaluate(MEASURE);
  return app.page.evaluate(() => {
    const { parse, blend, ratio, behind } = window.__contrast;
    const kinds = {
      'text field': 'input[type="text"]:not([aria-invalid="true"])',
      select: 'select',
      button: 'button.btn:not(.btn-primary):not(.btn-quiet):not(:disabled)',
    };
    const out = {};
    for (const [kind, selector] of Object.entries(kinds)) {
      let worst = Infinity;
      for (const el of document.querySelectorAll(selector)) {
        if (!el.getBoundingClientRect().width) continue;
        const around = behind(el.parentElement);
        const border = blend(parse(getComputedStyle(el).borderTopColor), around);
        worst = Math.min(worst, ratio(border, around));
      }
      out[kind] = Number(worst.toFixed(2));
    }
    return out;
  });
}

/** Hatch line against the hatch ground, as composited inside a blackout on the timeline. */
async function hatching(app) {
  await app.page.evaluate(MEASURE);
  return app.page.evaluate(() => {
    const { parse, blend, ratio, behind } = window.__contrast;
    const line = document.querySelector('.tl-hatch-line');
    const ground = document.querySelector('.tl-hatch-bg');
    const blackout = document.querySelector('.tl-blackout');
    const row = behind(blackout.ownerSVGElement.parentElement);
    const opacity = (el) => Number(getComputedStyle(el).opacity);
    const groundColour = parse(getComputedStyle(ground).fill);
    const lineColour = blend(parse(getComputedStyle(line).stroke), groundColour, opacity(line));
    const outer = opacity(blackout);
    return Number(ratio(blend(lineColour, row, outer), blend(groundColour, row, outer)).toFixed(2));
  });
}

for (const scheme of ['light', 'dark']) {
  test(`control edges and blackout hatching keep 3:1 in the ${scheme} theme`, async (t) => {
    const app = await openApp(t);
    await app.page.emulateMedia({ colorScheme: scheme });
    for (const tab of ['plan', 'windows', 'export']) {
      await app.click(`tab-${tab}`);
      await app.expectVisible(`panel-${tab}`);
      const edges = await controlEdges(app);
      for (const [kind, worst] of Object.entries(edges)) {
        if (!Number.isFinite(worst)) continue;
        assert.ok(worst >= 3, `${scheme} ${tab}: ${kind} edge ${worst}:1 < 3:1`);
      }
    }
    await app.click('tab-timeline');
    await app.expectVisible('css=.tl-blackout');
    const hatch = await hatching(app);
    assert.ok(hatch >= 3, `${scheme}: blackout hatching ${hatch}:1 < 3:1`);
  });
}
