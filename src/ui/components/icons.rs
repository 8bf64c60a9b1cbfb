//! Small inline SVG icons (no icon font, no network). Icons are decorative: the text next to
//! them always says the same thing, so meaning never rests on shape or colour alone.

use leptos::prelude::*;

use crate::rules::findings::Severity;

/// The icon for a finding's severity: a circled cross, a triangle, or a circled "i".
#[component]
pub fn SeverityIcon(severity: Severity) -> impl IntoView {
    let path = match severity {
        Severity::Error => {
            "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm3.5 12.1-1.4 1.4L12 13.4l-2.1 2.1-1.4-1.4 2.1-2.1-2.1-2.1 1.4-1.4 2.1 2.1 2.1-2.1 1.4 1.4-2.1 2.1z"
        }
        Severity::Warning => "M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z",
        Severity::Note => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z",
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path fill="currentColor" d=path />
        </svg>
    }
}

/// Label words for a severity, singular and plural.
pub fn severity_words(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("Error", "Errors"),
        Severity::Warning => ("Warning", "Warnings"),
        Severity::Note => ("Note", "Notes"),
    }
}

/// The CSS/test-id slug of a severity.
pub fn severity_slug(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}
