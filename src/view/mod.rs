//! The view model: how the planner presents what the rule core computes, shared by the app
//! (`ui`), the CLI and the Markdown review, so a figure or a finding reads the same everywhere.
//!
//! # Architecture invariants
//! - Pure, like `rules`: no browser crate, no clock, no I/O (tests/architecture.rs checks
//!   both trees). It turns rule results into texts, rows and geometry; it decides no AKS rule.
//! - It depends on `rules`, never the other way round (tests/architecture.rs: no import cycle
//!   between two concepts).
//!
//! # Where to start
//! [`findings`] (labels, the estimate note, the findings reference), [`format`] (one text per
//! figure), [`paging`] (which rows a long table draws first), [`timeline`] (geometry, marks and keyboard focus of the timeline).

pub mod findings;
pub mod format;
pub mod paging;
pub mod timeline;
