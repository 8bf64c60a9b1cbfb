//! The occurrence engine: from a maintenance window and an instant, the UTC start/end of every
//! window from then on, lazily (aks-rules.md §3.4–3.5, Appendix A).
//!
//! OWNER: the windows work (issue 3) implements this; the signature is shared with projection
//! and exports.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::types::MaintenanceWindow;

/// One concrete window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occurrence {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Overlaps a `notAllowedDates` blackout: AKS will not start work in it (shown struck through).
    pub blocked: bool,
}

/// aks-rules.md §8 A-1: what `dayOfMonth` 29–31 means in a month without that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MissingDay {
    /// RFC 5545: no window that month (documented default).
    #[default]
    Skip,
    /// Use the month's last day.
    Clamp,
}

/// aks-rules.md §8 A-2: how `intervalWeeks > 1` is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WeeklyAnchor {
    /// Reading A: count from the Sunday-start week containing startDate (documented default).
    #[default]
    StartDateWeek,
    /// Reading B: first matching day on/after startDate, then every n weeks.
    FirstMatchingDay,
}

/// aks-rules.md §8 A-11: a window that partly overlaps a blackout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BlackoutOverlap {
    /// The whole window is unusable (documented default, conservative).
    #[default]
    Drop,
    /// The window is cut to the part outside the blackout.
    Trim,
}

/// The switches for the competing readings of §8, stored in the plan's assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecurrenceOptions {
    #[serde(default)]
    pub missing_day: MissingDay,
    #[serde(default)]
    pub weekly_anchor: WeeklyAnchor,
    #[serde(default)]
    pub blackout_overlap: BlackoutOverlap,
}

impl MaintenanceWindow {
    /// Windows that end after `from`, in start order, lazily.
    pub fn occurrences(
        &self,
        from: DateTime<Utc>,
        options: RecurrenceOptions,
    ) -> impl Iterator<Item = Occurrence> + '_ {
        let _ = (from, options);
        std::iter::empty()
    }
}
