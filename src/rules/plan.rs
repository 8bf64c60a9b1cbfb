//! The plan file: one versioned JSON document holding the whole plan (README "Plan format").
//!
//! Invariants: a [`Plan`] read through [`Plan::from_json`] has `version == 1` and well-formed
//! shapes everywhere; unknown fields never fail a read, they come back as [`Notice`]s.

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::clusters::Clusters;
use super::eta::question::EtaQuestion;
use super::maintenance::ZoneName;
use super::usage::ComputeUsages;

/// The current plan-file version.
pub const PLAN_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub version: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub clusters: Clusters,
    /// Free compute quota per subscription label and region, as ARM usage lists (optional;
    /// `super::usage`). Absent from the file when empty.
    #[serde(default, skip_serializing_if = "ComputeUsages::is_empty")]
    pub compute_usages: ComputeUsages,
    /// The readings and estimates the planner's numbers rest on (docs/aks-rules.md §8).
    #[serde(default)]
    pub assumptions: Assumptions,
    /// The team's time zone: the Windows tab lists windows and checks daylight-saving drift in
    /// it, for everyone who opens the plan. Absent, each reader's own zone is used. Optional
    /// and additive: files without it read as before, and it is written only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<ZoneName>,
    /// The fix-ETA question (issue 9): fixed images or a disclosure date, and the SLA.
    /// Optional and additive, versioned inside; written only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<EtaQuestion>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            version: PLAN_VERSION,
            name: String::new(),
            clusters: Clusters::new(),
            compute_usages: ComputeUsages::new(),
            assumptions: Assumptions::default(),
            time_zone: None,
            eta: None,
        }
    }
}

/// Something a reader should know about a file that was still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// JSON path, e.g. `clusters[0].agentPoolProfiles[1].colour`.
    pub path: String,
    pub message: String,
}

/// Why a plan file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the plan has no \"version\" field: add \"version\": 1 at the top")]
    MissingVersion,
    #[error("plan version {0} is newer than this planner understands (it reads version 1)")]
    UnsupportedVersion(u64),
}

impl PlanError {
    pub(crate) fn from_serde(e: &serde_json::Error) -> Self {
        PlanError::Json {
            line: e.line(),
            column: e.column(),
            message: super::json_error::plain(e),
        }
    }
}

impl Plan {
    /// Reads a plan file. Unknown fields are ignored and reported, never fatal.
    pub fn from_json(text: &str) -> Result<(Plan, Vec<Notice>), PlanError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| PlanError::from_serde(&e))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            None => return Err(PlanError::MissingVersion),
            Some(v) if v != u64::from(PLAN_VERSION) => {
                return Err(PlanError::UnsupportedVersion(v));
            }
            Some(_) => {}
        }
        // Deserialize from the text (not the Value) so errors carry line and column.
        let plan: Plan = serde_json::from_str(text).map_err(|e| PlanError::from_serde(&e))?;
        let notices = super::unknown_fields::unknown_paths(text, &plan.to_value())
            .into_iter()
            .map(|path| Notice {
                message: format!("unknown field {path} was ignored"),
                path,
            })
            .collect();
        Ok((plan, notices))
    }

    /// A copy of everything but the clusters (which it leaves empty).
    pub fn without_clusters(&self) -> Plan {
        Plan {
            version: self.version,
            name: self.name.clone(),
            clusters: Clusters::new(),
            compute_usages: self.compute_usages.clone(),
            assumptions: self.assumptions.clone(),
            time_zone: self.time_zone.clone(),
            eta: self.eta.clone(),
        }
    }

    /// The plan as a JSON value: the same value as `serde_json::to_value(self)`.
    pub fn to_value(&self) -> serde_json::Value {
        // Parsed back from the compact text rather than `serde_json::to_value`, so the browser
        // module holds one copy of the plan's Serialize code (the compact writer's) instead of
        // two (bundle size). Exact: a plan holds no floats, and the value's maps sort their keys.
        serde_json::from_str(&self.to_compact_json()).unwrap_or_default()
    }

    /// The canonical pretty JSON form (stable key order: struct order), exactly
    /// `serde_json::to_string_pretty(self)`: the compact form re-indented
    /// ([`super::pretty_json`]), so the plan's Serialize code is compiled for one writer.
    pub fn to_json(&self) -> String {
        super::pretty_json::pretty(&self.to_compact_json())
    }

    /// The compact JSON form (what saves pack): `serde_json::to_string(self)`.
    pub fn to_compact_json(&self) -> String {
        // Serializing plain data structs to a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_value_is_exactly_serde_json_to_value() {
        for plan in [
            crate::rules::demo::demo_plan(),
            crate::rules::demo::fleet(7),
            Plan::default(),
        ] {
            assert_eq!(plan.to_value(), serde_json::to_value(&plan).unwrap());
        }
    }

    #[test]
    fn unknown_fields_become_notices_not_errors() {
        let (plan, notices) = Plan::from_json(
            r#"{"version":1,"colour":"blue","clusters":[{"name":"a","owner":"me"}]}"#,
        )
        .unwrap();
        assert_eq!(plan.clusters.len(), 1);
        let paths: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, ["colour", "clusters[0].owner"]);
    }

    #[test]
    fn malformed_json_points_at_the_line() {
        let err = Plan::from_json("{\n\"version\": 1,\n\"clusters\": [,]\n}").unwrap_err();
        assert!(matches!(err, PlanError::Json { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn the_time_zone_is_optional_and_written_only_when_set() {
        let plan = crate::rules::demo::demo_plan();
        assert!(!plan.to_json().contains("timeZone"));
        let mut zoned = plan.clone();
        zoned.time_zone = Some("Europe/Berlin".parse().unwrap());
        let json = zoned.to_json();
        assert!(json.contains(r#""timeZone": "Europe/Berlin""#), "{json}");
        let (again, notices) = Plan::from_json(&json).unwrap();
        assert_eq!((again, notices), (zoned, Vec::new()));
        let err = Plan::from_json(r#"{"version":1,"timeZone":"Mars Time"}"#).unwrap_err();
        assert!(err.to_string().contains("IANA"), "{err}");
    }

    #[test]
    fn a_missing_or_future_version_is_a_clear_error() {
        assert_eq!(
            Plan::from_json("{}").unwrap_err(),
            PlanError::MissingVersion
        );
        assert_eq!(
            Plan::from_json(r#"{"version":7}"#).unwrap_err(),
            PlanError::UnsupportedVersion(7)
        );
    }
}
