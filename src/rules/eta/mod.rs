//! "When will my nodes have the fix?" (issue 9): from the public node image release history,
//! a fix ETA per pool as a range (earliest / likely / latest), its SLA verdict and what-if
//! suggestions.
//!
//! # Where to start
//! [`history`] holds the data, [`family::image_family`] maps a pool to its image family,
//! [`cadence`] calibrates the release model from the history, [`EtaQuestion`] is what the user
//! asks (stored in the plan), [`compute::fleet_eta`] answers it, [`whatif`] finds the smallest
//! change that meets the SLA, [`sla`] holds the compliance presets.

pub mod cadence;
pub mod compute;
pub mod family;
pub mod history;
mod kubernetes;
mod placement;
pub mod question;
pub mod result;
pub mod sla;
#[cfg(test)]
mod tests;
pub mod text;
pub mod whatif;

pub use compute::{FleetEta, fleet_eta};
pub use question::{ETA_QUESTION_VERSION, EtaError, EtaQuestion};
