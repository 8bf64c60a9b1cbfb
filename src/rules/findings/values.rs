//! Values that would leave the planner in an exported file and must be what they claim to be
//! (issue 10): the region (`location`) and each pool's VM size. Both are free text in the plan
//! file and the editor, so they are checked here and the finding points at the field.

use crate::rules::plan::Plan;
use crate::rules::pool::validate_vm_size;
use crate::rules::region::region_name;

use super::sources::{REGIONS, VM_SIZES};
use super::{FieldPath, Finding, fields, per_cluster, per_pool};
use crate::rules::finding::FindingCode;

/// `location` is not an Azure region name.
pub const LOCATION_INVALID: FindingCode = FindingCode::LocationInvalid;
/// `vmSize` is not a VM size name.
pub const VM_SIZE_INVALID: FindingCode = FindingCode::VmSizeInvalid;

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    let mut out = per_cluster(plan, |ci, cluster, out| {
        if let Err(e) = region_name(&cluster.location) {
            out.push(
                Finding::error(
                    LOCATION_INVALID,
                    FieldPath::cluster(ci, cluster, fields::LOCATION),
                    REGIONS,
                )
                .message(e.to_string())
                .why(
                    "The region goes into the exported Bicep, Terraform and calendar as the \
                     cluster's location; Azure knows regions by names such as westeurope \
                     (display name \"West Europe\"), and anything else would be carried into \
                     those files.",
                )
                .fix("Enter the region as `az aks show --query location -o tsv` prints it, e.g. westeurope."),
            );
        }
    });
    out.extend(per_pool(plan, |ci, cluster, pi, pool, out| {
        if let Err(e) = validate_vm_size(&pool.vm_size) {
            out.push(
                Finding::error(
                    VM_SIZE_INVALID,
                    FieldPath::pool(ci, cluster, pi, pool, fields::VM_SIZE),
                    VM_SIZES,
                )
                .message(e.to_string())
                .why(
                    "The VM size goes into the exported Bicep and Terraform and sets the surge \
                     quota and cost estimates; AKS accepts only Azure size names.",
                )
                .fix(
                    "Enter the size as `az aks nodepool show --query vmSize -o tsv` prints it, \
                     e.g. Standard_D4s_v5.",
                ),
            );
        }
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{only, plan_with, run};
    use super::*;

    #[test]
    fn a_display_name_region_is_fine_and_shell_syntax_is_an_error_at_the_field() {
        assert!(run(findings, &plan_with(|c| c.location = "West Europe".into())).is_empty());
        for bad in [
            "westeurope\n$(touch pwned)",
            "$(touch pwned)",
            "west-europe",
        ] {
            let found = run(findings, &plan_with(|c| c.location = bad.into()));
            let f = only(&found, LOCATION_INVALID.as_str(), Severity::Error);
            assert_eq!(f.path.dom_id(), "c0-location", "{bad:?}");
        }
    }

    #[test]
    fn a_vm_size_that_is_not_a_size_name_is_an_error_at_the_pool_field() {
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].vm_size = "big $(x)".into()),
        );
        let f = only(&found, VM_SIZE_INVALID.as_str(), Severity::Error);
        assert_eq!(f.path.dom_id(), "c0-p0-vmSize");
        assert!(run(findings, &plan_with(|_| {})).is_empty());
    }
}
