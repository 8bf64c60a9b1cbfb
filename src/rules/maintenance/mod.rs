//! Planned maintenance (docs/aks-rules.md §3): the three configurations a cluster may have and the
//! `maintenanceWindow` object exactly as the REST API shapes it.
//!
//! Invariants: a [`MaintenanceWindow`] always has exactly one schedule kind, a well-formed
//! `utcOffset` (`±HH:mm`) and `startTime` (`HH:mm`, 00:00–23:59). Numeric ranges (duration
//! 4–24, intervals, dayOfMonth) are reported as findings so a plan under edit can hold them.
//!
//! # Where to start
//! [`MaintenanceWindow::occurrences`] (the engine, [`recurrence`]), [`legacy_occurrences`]
//! (the old `default` form), the findings on windows (ranges, schedule quality) are
//! `crate::rules::findings::windows`,
//! [`describe`](describe::describe) (plain English for the editor) and [`dst`] (daylight-saving
//! drift of a fixed `utcOffset`).

mod types;

pub use types::*;

mod blackout;
pub mod describe;
pub mod dst;
pub mod editing;
mod grid;
mod legacy;
pub mod recurrence;
mod zone;

/// The timeline hatches blackouts with the same interval the engine blocks (issue 4).
pub(crate) use blackout::span_interval;
pub use editing::{LegacyConversion, ScheduleKind, legacy_to_window};
pub use legacy::{ConfigOccurrences, LegacyOccurrences, legacy_occurrences};
pub use recurrence::{
    BlackoutOverlap, MissingDay, Occurrence, Occurrences, RecurrenceOptions, WeeklyAnchor,
};
pub use zone::{ZoneName, ZoneNameError};

/// Minutes a new or changed configuration needs before a window it should govern: ~15 per the
/// planned-maintenance doc, 30 per the node auto-provisioning doc. Sources disagree, the planner
/// uses 30, the safer reading (docs/aks-2026.md §1.3, §1.9 item 4).
pub const CHANGE_LEAD_MINUTES: i64 = 30;
