//! One pool row's upgrade bars (the part past the window striped), kept in step with its marks
//! attribute by attribute (issue 11, "Scale").
//!
//! WHY drawn by hand: with `erase_components` (which keeps the module ~160 KB gzip smaller),
//! Leptos redraws an element by removing and setting again every one of its attributes, so a
//! step timing, which moves every bar, set ~12,000 attributes on the ~550 bars near the
//! viewport on each edit; binding each attribute to a signal instead cost as much in
//! subscriptions as it saved. Here one effect per pool row compares each bar's new mark with
//! the one drawn and sets only what changed (a step timing: a width, a title). The DOM is the
//! one the `view!` version drew: same elements, classes, test ids and `data-mark`s, so focus,
//! details and tests read it the same way.

use leptos::prelude::*;

use crate::rules::projection::EventKind;
use crate::ui::components::timeline_focus::tabindex;
use crate::view::format::tenths;
use crate::view::timeline::MIN_MARK_PX;
use crate::view::timeline::focus::Spot;
use crate::view::timeline::marks::{PoolTrack, UpgradeMark};

const SVG: &str = "http://www.w3.org/2000/svg";

/// Where a pool row's bars go: cluster `i`, pool `j` (`None`: the control plane's row), `y`
/// and `height` in the cluster's block, and the active mark (the one Tab stop).
#[derive(Clone, Copy)]
pub(super) struct Row {
    pub i: usize,
    pub j: Option<usize>,
    pub y: f64,
    pub height: f64,
    pub active: RwSignal<Option<Spot>>,
}

/// The bars of the marks `marks` reads (tracked), redrawn bar by bar as they change.
pub(super) fn bars(marks: impl Fn() -> Vec<UpgradeMark> + 'static, row: Row) -> impl IntoView {
    let group = NodeRef::<leptos::svg::G>::new();
    // The marks drawn and their elements, from the last run (`None`: nothing drawn yet).
    type Drawn = Option<Vec<(UpgradeMark, web_sys::Element)>>;
    Effect::new(move |drawn: Option<Drawn>| {
        let drawn = drawn.flatten();
        let marks = marks();
        let g = group.get()?;
        // The group is this effect's alone, but a redraw of the row around it keeps its
        // element (Leptos rebuilds in place): what an earlier effect drew there goes first.
        if drawn.is_none() {
            g.set_text_content(None);
        }
        Some(redraw(&g, drawn.unwrap_or_default(), marks, row))
    });
    view! { <g class="tl-bars" node_ref=group></g> }
}

/// The marks of pool `j` in `pools`.
pub(super) fn pool_marks(pools: Memo<Option<Vec<PoolTrack>>>, j: usize) -> Vec<UpgradeMark> {
    pools.with(|p| {
        p.as_ref()
            .and_then(|p| p.get(j))
            .map(|p| p.upgrades.clone())
            .unwrap_or_default()
    })
}

/// Brings the bars under `g` from `drawn` to `marks`: a bar whose kind, spill or OS change
/// label appeared or went is drawn anew, any other one gets only its changed attributes.
fn redraw(
    g: &web_sys::Element,
    drawn: Vec<(UpgradeMark, web_sys::Element)>,
    marks: Vec<UpgradeMark>,
    row: Row,
) -> Vec<(UpgradeMark, web_sys::Element)> {
    let mut old = drawn.into_iter();
    let mut now = Vec::with_capacity(marks.len());
    for mark in marks {
        match old.next() {
            Some((was, el)) if same_shape(&was, &mark) => {
                update(&el, &was, &mark, row);
                now.push((mark, el));
            }
            Some((was, el)) => match bar(&mark, row) {
                Some(new) => {
                    el.replace_with_with_node_1(&new).ok();
                    now.push((mark, new));
                }
                None => now.push((was, el)),
            },
            None => {
                if let Some(new) = bar(&mark, row) {
                    g.append_child(&new).ok();
                    now.push((mark, new));
                }
            }
        }
    }
    for (_, el) in old {
        el.remove();
    }
    now
}

/// Drawn with the same elements: only attributes and words differ.
fn same_shape(a: &UpgradeMark, b: &UpgradeMark) -> bool {
    a.kind == b.kind && (a.spill_width > 0.0) == (b.spill_width > 0.0) && a.os_change == b.os_change
}

/// The class and fill of a bar of `kind`.
fn kind_style(kind: EventKind) -> (&'static str, Option<&'static str>) {
    match kind {
        EventKind::Reimage => ("reimage", None),
        EventKind::LivePatch => ("live", Some("url(#tl-dots)")),
        EventKind::NightlyPatch => ("nightly", Some("url(#tl-dots)")),
        EventKind::Reboot => ("reboot", Some("url(#tl-dots)")),
        EventKind::KubernetesUpgrade => ("k8s", Some("url(#tl-k8s)")),
    }
}

/// An SVG element with `attrs` (`None` only if the browser refuses to make one).
fn element(name: &str, attrs: &[(&str, &str)]) -> Option<web_sys::Element> {
    let el = document().create_element_ns(Some(SVG), name).ok()?;
    for (k, v) in attrs {
        el.set_attribute(k, v).ok();
    }
    Some(el)
}

/// Appends a `<title>` of `text` to `el` (its tooltip and accessible description).
fn titled(el: &web_sys::Element, text: &str) -> Option<()> {
    let title = element("title", &[])?;
    title.set_text_content(Some(text));
    el.append_child(&title).ok()?;
    Some(())
}

/// A bar's elements: `<g>` (focusable, named by its `data-mark`) holding the bar, the part
/// past the window, the OS change diamond (shape and text, not colour alone) and its title.
fn bar(u: &UpgradeMark, row: Row) -> Option<web_sys::Element> {
    let (kind, fill) = kind_style(u.kind);
    let class = if u.spill_width > 0.0 {
        format!("tl-upgrade {kind} spilled")
    } else {
        format!("tl-upgrade {kind}")
    };
    let testid = match (row.j, u.kind) {
        (None, _) => format!("k8s-control-plane-{}", row.i),
        (Some(j), EventKind::KubernetesUpgrade) => format!("k8s-upgrade-{}-{j}", row.i),
        (Some(j), _) => format!("upgrade-{}-{j}", row.i),
    };
    let g = element(
        "g",
        &[
            ("class", &class),
            ("tabindex", tabindex(row.active, row.i, &u.key)),
            ("role", "img"),
            ("aria-label", &u.title),
            ("data-testid", &testid),
            ("data-mark", &u.key),
        ],
    )?;
    let (y, height) = (tenths(row.y), tenths(row.height));
    let rect = element(
        "rect",
        &[
            ("class", "tl-bar"),
            ("x", &tenths(u.x)),
            ("y", &y),
            ("width", &tenths(u.width)),
            ("height", &height),
        ],
    )?;
    if let Some(fill) = fill {
        rect.set_attribute("fill", fill).ok();
    }
    g.append_child(&rect).ok();
    if u.spill_width > 0.0 {
        let spill = element(
            "rect",
            &[
                ("class", "tl-spill"),
                ("x", &tenths(u.spill_x)),
                ("y", &y),
                ("width", &tenths(u.spill_width.max(MIN_MARK_PX))),
                ("height", &height),
                ("fill", "url(#tl-spill)"),
            ],
        )?;
        g.append_child(&spill).ok();
    }
    if let Some(label) = &u.os_change {
        let os = element(
            "g",
            &[("class", "tl-os-change"), ("data-testid", "os-change")],
        )?;
        let (cy, r) = (row.y + row.height / 2.0, row.height / 2.0 + 2.0);
        let path = element("path", &[("d", &os_path(u.x, cy, r))])?;
        os.append_child(&path).ok();
        let text = element(
            "text",
            &[
                ("x", &tenths(u.x)),
                ("y", &tenths(cy + 3.0)),
                ("text-anchor", "middle"),
            ],
        )?;
        text.set_text_content(Some("OS"));
        os.append_child(&text).ok();
        titled(&os, label)?;
        g.append_child(&os).ok();
    }
    titled(&g, &u.title)?;
    Some(g)
}

/// The OS change diamond at `x`, centred on `cy`, of half-diagonal `r`.
fn os_path(x: f64, cy: f64, r: f64) -> String {
    let (x, y, r) = (tenths(x), tenths(cy - r), tenths(r));
    format!("M{x},{y} l{r},{r} l-{r},{r} l-{r},-{r} z")
}

/// Sets on `g` (drawn for `was`, of the same shape) what differs for `now`.
fn update(g: &web_sys::Element, was: &UpgradeMark, now: &UpgradeMark, row: Row) {
    let set = |el: Option<web_sys::Element>, key: &str, value: &str| {
        if let Some(el) = el {
            el.set_attribute(key, value).ok();
        }
    };
    let child = |selector: &str| g.query_selector(selector).ok().flatten();
    if was.title != now.title {
        g.set_attribute("aria-label", &now.title).ok();
        if let Some(title) = g.last_element_child() {
            title.set_text_content(Some(&now.title));
        }
    }
    if was.key != now.key {
        g.set_attribute("data-mark", &now.key).ok();
        g.set_attribute("tabindex", tabindex(row.active, row.i, &now.key))
            .ok();
    }
    if was.x != now.x || was.width != now.width {
        let rect = g.first_element_child();
        if was.x != now.x {
            set(rect.clone(), "x", &tenths(now.x));
        }
        if was.width != now.width {
            set(rect, "width", &tenths(now.width));
        }
    }
    if was.spill_x != now.spill_x || was.spill_width != now.spill_width {
        let spill = child(".tl-spill");
        set(spill.clone(), "x", &tenths(now.spill_x));
        set(spill, "width", &tenths(now.spill_width.max(MIN_MARK_PX)));
    }
    if was.x != now.x && now.os_change.is_some() {
        let (cy, r) = (row.y + row.height / 2.0, row.height / 2.0 + 2.0);
        set(child(".tl-os-change path"), "d", &os_path(now.x, cy, r));
        set(child(".tl-os-change text"), "x", &tenths(now.x));
    }
}
