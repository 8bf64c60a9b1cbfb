//! The planner's own reading of ARM tags (docs/plan-format.md: `ring` 0..n orders the rollout).
//! A tag is free text to ARM, so a ring the planner cannot read would otherwise be ignored
//! without a word: the cluster would silently fall back to its `environment` tag or run last.

use crate::rules::finding::FindingCode;
use crate::rules::plan::Plan;

use super::sources::TAGS;
use super::{FieldPath, Finding, fields, per_cluster};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    per_cluster(plan, |ci, cluster, out| {
        let Some(ring) = cluster.tags.get("ring") else {
            return;
        };
        if ring.trim().parse::<u32>().is_ok() {
            return;
        }
        out.push(
            Finding::warning(
                FindingCode::RingTagNotANumber,
                FieldPath::cluster(ci, cluster, fields::RING_TAG),
                TAGS,
            )
            .message(format!(
                "the ring tag of cluster {:?} is {ring:?}, not a whole number",
                cluster.name
            ))
            .why(
                "The planner orders rollouts by the ring tag (ring 0 first, then 1, 2, …) and \
                 ignores a ring it cannot read: this cluster is ordered by its environment tag \
                 instead, or after every ring.",
            )
            .fix("Set the ring tag to a whole number such as 0, 1 or 2, or clear it."),
        );
    })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{codes, plan_with, run};
    use super::*;

    #[test]
    fn a_ring_tag_that_is_not_a_whole_number_is_a_warning_naming_it() {
        for (ring, expected) in [
            ("abc", vec!["ring-tag-not-a-number"]),
            ("-1", vec!["ring-tag-not-a-number"]),
            ("1.5", vec!["ring-tag-not-a-number"]),
            (" 2 ", vec![]),
            ("0", vec![]),
        ] {
            let plan = plan_with(|c| {
                c.tags.insert("ring".into(), ring.into());
            });
            let found = run(findings, &plan);
            assert_eq!(codes(&found), expected, "{ring:?}");
            if let Some(f) = found.first() {
                assert!(f.message.contains(&format!("{ring:?}")), "{}", f.message);
                assert_eq!(f.path.dom_id(), "c0-tags-ring");
            }
        }
        assert!(run(findings, &plan_with(|_| {})).is_empty());
    }
}
