//! Plan-wide assumptions: every place where AKS sources are silent or disagree
//! (docs/aks-rules.md §8) and the planner picks a reading, stored in the plan so a reviewer sees
//! (and can switch) what the numbers rest on.

use serde::{Deserialize, Serialize};

mod export;
mod key;
mod kubernetes;
pub mod projection;

pub use export::{CliVersion, CliVersionError, ExportSettings};
pub use key::{AssumptionKey, UnknownAssumptionKey};
pub use kubernetes::KubernetesAssumptions;
pub use projection::{
    AssumptionInput, CostAssumptions, DailyWindow, ProjectionAssumptions, ReleaseAssumptions,
    StepTimings, VmSizeEntry,
};

use super::maintenance::RecurrenceOptions;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumptions {
    /// Readings of the maintenance-window recurrence.
    #[serde(default)]
    pub recurrence: RecurrenceOptions,
    /// Release model, step timings, prices, SLA and soak of the projection (issue 4).
    #[serde(default)]
    pub projection: ProjectionAssumptions,
    /// What exported scripts target, e.g. the `az` CLI version (docs/aks-rules.md §5.1).
    #[serde(default)]
    pub export: ExportSettings,
}
