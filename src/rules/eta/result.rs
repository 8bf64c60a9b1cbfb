//! What a fix-ETA answer holds: per pool a dated range or "never, and why"; for the fleet the
//! counts against the SLA. Plain data, serialized as-is by the CLI's `--json`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use super::history::ImageFamily;
use super::sla::Sla;
use crate::rules::channel::NodeOsChannel;

/// Three instants of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub earliest: DateTime<Utc>,
    pub likely: DateTime<Utc>,
    pub latest: DateTime<Utc>,
}

impl Span {
    pub(super) fn map(self, f: impl Fn(DateTime<Utc>, usize) -> DateTime<Utc>) -> Span {
        Span {
            earliest: f(self.earliest, 0),
            likely: f(self.likely, 1),
            latest: f(self.latest, 2),
        }
    }
    pub(super) fn get(&self, i: usize) -> DateTime<Utc> {
        match i {
            0 => self.earliest,
            1 => self.likely,
            _ => self.latest,
        }
    }
    pub(super) fn days(self, d: [u32; 3]) -> Span {
        self.map(|t, i| t + Duration::days(i64::from(d[i])))
    }
}

pub(super) fn midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .map_or(DateTime::<Utc>::UNIX_EPOCH, |t| t.and_utc())
}

/// Met or missed, and by how much (minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "verdict")]
pub enum Verdict {
    /// The latest ETA is within the SLA, with this margin.
    Met { margin_minutes: i64 },
    /// The latest ETA is past the SLA by this much.
    Missed { by_minutes: i64 },
}

impl Verdict {
    pub fn met(self) -> bool {
        matches!(self, Verdict::Met { .. })
    }
}

/// A dated ETA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DatedEta {
    /// The fixed image, or "first image built after …".
    pub image: String,
    /// When the fixed image is (or is likely to be) built.
    pub built: Span,
    /// When the fix can reach the pool's region.
    pub in_region: Span,
    /// Start of the pool's upgrade in its first eligible window (or nightly run).
    pub start: Span,
    /// When the last node of the pool runs it.
    pub done: Span,
    /// Minutes of the upgrade (earliest case, latest case).
    pub upgrade_minutes: [u32; 2],
    /// Minutes the upgrade runs past its window in the latest case.
    pub spill_minutes: u32,
    /// How the fix gets there, in plain words.
    pub how: String,
    /// Exposure: from this instant (disclosure, or the fixed image's AKS release).
    pub exposure_from: DateTime<Utc>,
    /// Minutes of exposure to `done.likely` and `done.latest`.
    pub exposure_minutes: [i64; 2],
    pub deadline: DateTime<Utc>,
    pub verdict: Verdict,
    /// The pool would still be on an image built more than 90 days before `done.latest`.
    pub image_past_validity: bool,
}

/// The answer for one pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Outcome {
    Dated(Box<DatedEta>),
    /// The pool never gets the fix under this plan.
    Never {
        why: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolEta {
    pub cluster_index: u32,
    pub cluster: String,
    pub pool: String,
    pub family: Option<ImageFamily>,
    pub channel: NodeOsChannel,
    pub outcome: Outcome,
}

impl PoolEta {
    pub fn dated(&self) -> Option<&DatedEta> {
        match &self.outcome {
            Outcome::Dated(d) => Some(d),
            Outcome::Never { .. } => None,
        }
    }

    /// Meets the SLA (a pool that never gets the fix does not).
    pub fn meets(&self) -> bool {
        self.dated().is_some_and(|d| d.verdict.met())
    }
}

/// The whole answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetEta {
    /// "Release data as of …".
    pub data_as_of: String,
    /// Set when the release data is older than 60 days at `now`.
    pub data_warning: Option<String>,
    pub sla: Sla,
    pub sla_days: u32,
    /// Every pool, sorted by latest ETA (never last).
    pub pools: Vec<PoolEta>,
    pub met: u32,
    pub missed: u32,
    pub never: u32,
    /// The latest ETA of any pool.
    pub latest: Option<DateTime<Utc>>,
    /// The slowest pool would still run an image past its 90-day validity.
    pub image_past_validity: bool,
    /// What "exposure" measures here, in words (when any pool is dated).
    pub exposure_basis: Option<String>,
}

impl FleetEta {
    /// Every pool meets the SLA.
    pub fn all_met(&self) -> bool {
        self.missed == 0 && self.never == 0
    }
}
