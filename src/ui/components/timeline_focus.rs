//! The timeline's keyboard focus (WAI-ARIA APG roving tabindex): one Tab stop, the "active"
//! mark ([`Spot`]), moved by arrow keys as `view::timeline::focus` decides. This file only
//! touches the DOM: scrolls the active mark into view (past the sticky label column and axis)
//! and focuses it, again after a redraw replaced its element (rows and marks near the viewport
//! only are drawn, and scrolling redraws them).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::view::timeline::AXIS_PX;
use crate::view::timeline::focus::Spot;

/// Space kept between a revealed mark and the edge of the view, px.
const REVEAL_MARGIN_PX: f64 = 24.0;

/// The DOM side of the roving focus.
#[derive(Clone, Copy)]
pub struct Focus {
    pub scroller: NodeRef<html::Div>,
    pub labels: NodeRef<html::Div>,
    /// The one mark with `tabindex="0"` (where Tab enters the drawing).
    pub active: RwSignal<Option<Spot>>,
    /// The element last focused inside the drawing: if a redraw removed it while focused, the
    /// focus is put back on its replacement (see [`Focus::restore`]).
    pub focused: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// Set when a redraw blurred the focused mark: Leptos rebuilds a redrawn mark in place,
    /// removing and re-adding its attributes, and removing `tabindex` blurs it.
    pub blurred: StoredValue<bool>,
}

impl Default for Focus {
    fn default() -> Focus {
        Focus {
            scroller: NodeRef::new(),
            labels: NodeRef::new(),
            active: RwSignal::new(Some(Spot::name(0))),
            focused: StoredValue::new_local(None),
            blurred: StoredValue::new(false),
        }
    }
}

impl Focus {
    /// Scrolls the container so that `spot` (whose cluster block starts `top` px below the
    /// axis) is in view, beside the sticky labels and below the sticky axis.
    pub fn reveal(&self, spot: &Spot, top: f64) {
        let Some(el) = self.scroller.get_untracked() else {
            return;
        };
        let (row_top, row_height) = spot.row_span();
        let y = AXIS_PX + top + row_top;
        let (view_top, view_h) = (f64::from(el.scroll_top()), f64::from(el.client_height()));
        if y < view_top + AXIS_PX {
            el.set_scroll_top((y - AXIS_PX - REVEAL_MARGIN_PX).max(0.0) as i32);
        } else if y + row_height > view_top + view_h {
            el.set_scroll_top((y + row_height - view_h + REVEAL_MARGIN_PX) as i32);
        }
        if spot.is_name() {
            return;
        }
        let labels = self
            .labels
            .get_untracked()
            .map_or(0.0, |l| f64::from(l.offset_width()));
        let (left, width) = (f64::from(el.scroll_left()), f64::from(el.client_width()));
        let room = (width - labels).max(1.0);
        // A mark wider than the view shows its start.
        let end = spot.x + spot.width.min(room - 2.0 * REVEAL_MARGIN_PX).max(0.0);
        if spot.x < left {
            el.set_scroll_left((spot.x - REVEAL_MARGIN_PX).max(0.0) as i32);
        } else if end > left + room {
            el.set_scroll_left((end - room + REVEAL_MARGIN_PX) as i32);
        }
    }

    /// Focuses the active mark if it is drawn, making it the only `tabindex="0"` mark;
    /// whether it was found.
    pub fn focus_active(&self) -> bool {
        // `try_`: a frame after a key press the tab may be gone, and with it these signals.
        let (Some(Some(root)), Some(Some(a))) = (
            self.scroller.try_get_untracked(),
            self.active.try_get_untracked(),
        ) else {
            return false;
        };
        let selector = format!("[data-row=\"{}\"] [data-mark=\"{}\"]", a.cluster, a.key);
        let Ok(Some(el)) = root.query_selector(&selector) else {
            return false;
        };
        // Every holder (the previous one, or none) back to -1, then this one to 0; bounded in
        // case setting an attribute fails.
        let _ = el.set_attribute("tabindex", "-1");
        for _ in 0..4 {
            let Ok(Some(old)) = root.query_selector("[data-mark][tabindex=\"0\"]") else {
                break;
            };
            let _ = old.set_attribute("tabindex", "-1");
        }
        let _ = el.set_attribute("tabindex", "0");
        // SVG elements have HTMLElement's focus() too (HTMLOrSVGElement).
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        true
    }

    /// A focus left a mark: if nothing else took it and the mark lost its `tabindex` or left
    /// the document, a redraw did it; the focus is put back once the redraw is done (in the
    /// same task, so `<body>` never holds it where anyone could see).
    pub fn on_blur(self, ev: &leptos::ev::FocusEvent) {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if ev.related_target().is_none()
            && el.has_attribute("data-mark")
            && (!el.has_attribute("tabindex") || !el.is_connected())
        {
            self.blurred.set_value(true);
            queue_microtask(move || self.restore());
        }
    }

    /// After a redraw: if it removed or blurred the focused element (focus fell to `<body>`),
    /// focus the active mark's new element, or its cluster's name if the mark is gone.
    pub fn restore(&self) {
        // Queued as a microtask: the tab may be gone by then (left in the task that drew it),
        // and with it these values; then there is no focus to put back.
        let Some(blurred) = self.blurred.try_get_value() else {
            return;
        };
        let lost = blurred
            || self
                .focused
                .try_with_value(|e| e.as_ref().is_some_and(|e| !e.is_connected()))
                .unwrap_or(false);
        self.blurred.set_value(false);
        let on_body = document()
            .active_element()
            .is_none_or(|a| Some(a) == document().body().map(Into::into));
        if !(lost && on_body) {
            return;
        }
        if !self.focus_active() {
            let name = self.active.get_untracked().map(|a| Spot::name(a.cluster));
            self.active.set(name);
            self.focus_active();
        }
    }
}

/// `(cluster, key)` of the mark (or cluster name) an event happened in: its `data-row` and
/// `data-mark`.
pub fn mark_of(ev: &leptos::ev::Event) -> Option<(usize, String, web_sys::Element)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = target.closest("[data-mark]").ok()??;
    let row = mark.closest("[data-row]").ok()??;
    let cluster = row.get_attribute("data-row")?.parse().ok()?;
    Some((cluster, mark.get_attribute("data-mark")?, mark))
}

/// The `tabindex` of mark `key` of cluster `i` when drawn: `0` only for the active one.
pub fn tabindex(active: RwSignal<Option<Spot>>, i: usize, key: &str) -> &'static str {
    if active.with_untracked(|a| a.as_ref().is_some_and(|a| a.cluster == i && a.key == key)) {
        "0"
    } else {
        "-1"
    }
}
