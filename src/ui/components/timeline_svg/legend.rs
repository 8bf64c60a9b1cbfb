//! The drawing's fill patterns, so nothing is told by colour alone, and the key to every
//! symbol.

use leptos::prelude::*;

#[component]
pub(super) fn Patterns() -> impl IntoView {
    view! {
        <defs>
            <pattern id="tl-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect class="tl-hatch-bg" width="8" height="8" />
                <line class="tl-hatch-line" x1="0" y1="0" x2="0" y2="8" />
            </pattern>
            <pattern id="tl-spill" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                <rect class="tl-spill-bg" width="6" height="6" />
                <line class="tl-spill-line" x1="0" y1="0" x2="0" y2="6" />
            </pattern>
            <pattern id="tl-dots" width="4" height="4" patternUnits="userSpaceOnUse">
                <rect class="tl-dots-bg" width="4" height="4" />
                <circle class="tl-dots-dot" cx="2" cy="2" r="1" />
            </pattern>
            <pattern id="tl-k8s" width="6" height="6" patternUnits="userSpaceOnUse">
                <rect class="tl-k8s-bg" width="6" height="6" />
                <path class="tl-k8s-line" d="M0,0 L6,6 M6,0 L0,6" />
            </pattern>
        </defs>
    }
}

/// The key to the drawing's symbols, each with its pattern or shape.
#[component]
pub fn TimelineLegend() -> impl IntoView {
    let swatch = |body: AnyView| {
        view! {
            <svg class="tl-swatch" width="28" height="16" aria-hidden="true">
                {body}
            </svg>
        }
    };
    view! {
        <ul class="tl-legend" aria-label="Legend">
            <li>{swatch(view! { <rect class="tl-window-head" x="1" y="2" width="26" height="12" /> }.into_any())}"Maintenance window"</li>
            <li>{swatch(view! { <g class="tl-window blocked"><rect class="tl-window-head" x="1" y="2" width="26" height="12" /><line class="tl-strike" x1="1" y1="2" x2="27" y2="14" /><line class="tl-strike" x1="1" y1="14" x2="27" y2="2" /></g> }.into_any())}"Window blocked (struck through)"</li>
            <li>{swatch(view! { <rect x="1" y="1" width="26" height="14" fill="url(#tl-hatch)" class="tl-blackout" /> }.into_any())}"Blackout (hatched)"</li>
            <li>{swatch(view! { <path class="tl-release reimage" d="M14,3 l5,0 l-5,8 l-5,-8 z" /> }.into_any())}"Release needing a reimage (filled)"</li>
            <li>{swatch(view! { <path class="tl-release" d="M14,3 l5,0 l-5,8 l-5,-8 z" /> }.into_any())}"Release without reimage (hollow)"</li>
            <li>{swatch(view! { <g class="tl-upgrade reimage"><rect class="tl-bar" x="1" y="3" width="26" height="10" /></g> }.into_any())}"Rolling reimage (solid)"</li>
            <li>{swatch(view! { <g class="tl-upgrade live"><rect class="tl-bar" x="1" y="3" width="26" height="10" fill="url(#tl-dots)" /></g> }.into_any())}"Live patch / nightly patch (dotted)"</li>
            <li>{swatch(view! { <g class="tl-upgrade k8s"><path class="tl-release k8s" d="M1,1 h6 v6 h-6 z" /><rect class="tl-bar" x="9" y="1" width="18" height="8" fill="url(#tl-k8s)" /><rect class="tl-k8s-window" x="1" y="11" width="26" height="4" /></g> }.into_any())}"Kubernetes upgrade: version in the region (square), control plane then each pool (cross-hatched), auto-upgrade window (dashed strip)"</li>
            <li>{swatch(view! { <g class="tl-os-change"><path d="M14,1 l7,7 l-7,7 l-7,-7 z" /><text x="14" y="11" text-anchor="middle">"OS"</text></g> }.into_any())}"Kubernetes upgrade that moves the pool to another OS version (diamond labelled OS)"</li>
            <li>{swatch(view! { <rect class="tl-spill" x="1" y="3" width="26" height="10" fill="url(#tl-spill)" /> }.into_any())}"Spill past the window (striped)"</li>
            <li>{swatch(view! { <circle class="tl-deferred" cx="14" cy="8" r="4" /> }.into_any())}"Pool waits for the next window"</li>
            <li>{swatch(view! { <g class="tl-eta"><line class="tl-eta-range" x1="2" x2="26" y1="14" y2="14" /><line class="tl-eta-pole" x1="12" x2="12" y1="2" y2="14" /><path class="tl-eta-flag" d="M12,2 l9,4 l-9,4 z" /></g> }.into_any())}"Fix ETA: flag at the likely date the last node runs the fix, thin line from earliest to latest"</li>
            <li>{swatch(view! { <g class="tl-now"><line x1="14" x2="14" y1="0" y2="16" /></g> }.into_any())}"Now (dashed)"</li>
        </ul>
    }
}
