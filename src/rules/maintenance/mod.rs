//! Planned maintenance (aks-rules.md §3): the three configurations a cluster may have and the
//! `maintenanceWindow` object exactly as the REST API shapes it.
//!
//! Invariants: a [`MaintenanceWindow`] always has exactly one schedule kind, a well-formed
//! `utcOffset` (`±HH:mm`) and `startTime` (`HH:mm`, 00:00–23:59). Numeric ranges (duration
//! 4–24, intervals, dayOfMonth) are reported as findings so a plan under edit can hold them.

mod types;

pub use types::*;

pub mod recurrence;

pub use recurrence::{BlackoutOverlap, MissingDay, Occurrence, RecurrenceOptions, WeeklyAnchor};
