//! The fix ETA on the timeline (issue 9 "the ETA drawn on the timeline"): per pool with a
//! dated ETA, a flag at the likely date its last node runs the fix and a thin earliest–latest
//! range, and the same fact as a table row. Only when the plan stores an ETA question; one mark
//! per pool. The ETA itself comes from [`crate::rules::eta`], never re-derived here.

use super::marks::TableRow;
use super::{Scale, on_plot};
use crate::rules::eta::compute::{PoolEta, cluster_eta};
use crate::rules::eta::history::History;
use crate::rules::plan::Plan;
use crate::rules::projection::Projection;
use crate::rules::timefmt::day_month;

/// One pool's fix ETA on its row.
#[derive(Debug, Clone, PartialEq)]
pub struct EtaMark {
    /// Index of the pool in the cluster's `agentPoolProfiles` (its row).
    pub pool: usize,
    /// x of the likely date, px (clipped to the plot).
    pub x: f64,
    /// x of the earliest and latest dates, px (clipped to the plot).
    pub range: (f64, f64),
    /// E.g. "Fix ETA for p1: likely 27 Jun, range 20 Jun–4 Jul".
    pub title: String,
    /// Its `data-mark`: `eta{pool}`.
    pub key: String,
}

/// The dated fix ETAs of cluster `index`'s pools, in pool order; empty without an ETA question.
fn pool_etas(plan: &Plan, projection: &Projection, index: usize) -> Vec<(usize, PoolEta)> {
    let (Some(q), Some(cluster)) = (plan.eta.as_ref(), plan.clusters.get(index)) else {
        return Vec::new();
    };
    let etas = cluster_eta(q, History::builtin(), plan, index, cluster, projection.from);
    etas.into_iter()
        .enumerate()
        .filter(|(_, p)| p.dated().is_some())
        .collect()
}

/// "Fix ETA for p1: likely 27 Jun, range 20 Jun–4 Jul".
fn title(p: &PoolEta) -> String {
    let Some(d) = p.dated() else {
        return String::new();
    };
    format!(
        "Fix ETA for {}: likely {}, range {}–{}",
        p.pool,
        day_month(&d.done.likely),
        day_month(&d.done.earliest),
        day_month(&d.done.latest)
    )
}

/// The marks of cluster `index`, clipped to `[0, limit]`; a pool whose whole range is outside
/// the plot gets none.
pub fn marks(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    scale: &Scale,
    limit: f64,
) -> Vec<EtaMark> {
    pool_etas(plan, projection, index)
        .into_iter()
        .filter_map(|(pool, p)| {
            let d = p.dated()?;
            let (lo, hi) = (scale.x(d.done.earliest), scale.x(d.done.latest));
            if hi < 0.0 || lo > limit {
                return None;
            }
            Some(EtaMark {
                pool,
                x: on_plot(scale.x(d.done.likely), limit),
                range: (lo.max(0.0), hi.min(limit)),
                title: title(&p),
                key: format!("eta{pool}"),
            })
        })
        .collect()
}

/// The table rows of the same marks ("Fix ETA", at the likely date).
pub fn table_rows(plan: &Plan, projection: &Projection, index: usize, rows: &mut Vec<TableRow>) {
    for (_, p) in pool_etas(plan, projection, index) {
        let Some(d) = p.dated() else { continue };
        rows.push(TableRow {
            at: d.done.likely,
            kind: "Fix ETA",
            pool: p.pool.clone(),
            text: format!("{}; {}", title(&p), d.how),
            spill: String::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::eta::EtaQuestion;
    use crate::rules::eta::history::ImageFamily;
    use crate::view::timeline::Zoom;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// The Copy Fail replay of `rules::eta::tests`: Ubuntu 22.04 pool, NodeImage with a
    /// Saturday 00:00 UTC window of 8 h, fixed image released 2026-06-19, asked on 2026-06-01.
    fn plan(with_question: bool) -> Plan {
        let json = r#"{"version": 1, "clusters": [{"name": "c1", "kubernetesVersion": "1.34.2",
        "autoUpgradeProfile": {"upgradeChannel": "none", "nodeOSUpgradeChannel": "NodeImage"},
        "agentPoolProfiles": [{"name": "p1", "mode": "System", "osSKU": "Ubuntu", "vmSize": "Standard_D4s_v5", "count": 3,
          "upgradeSettings": {"maxSurge": "1"}}],
        "maintenanceConfigurations": [{"name": "aksManagedNodeOSUpgradeSchedule", "maintenanceWindow": {"schedule": {"weekly": {"intervalWeeks": 1, "dayOfWeek": "Saturday"}}, "durationHours": 8, "utcOffset": "+00:00", "startTime": "00:00"}}]}]}"#;
        let mut p = Plan::from_json(json).unwrap().0;
        if with_question {
            let mut q = EtaQuestion::default();
            q.set_image(ImageFamily::Ubuntu2204, "202606.08.1").unwrap();
            p.eta = Some(q);
        }
        p
    }

    #[test]
    fn one_flag_per_dated_pool_at_the_likely_date_with_its_range() {
        let now = at("2026-06-01T00:00:00Z");
        let p = plan(true);
        let projection = crate::rules::projection::project(&p, now, 13);
        let scale = Scale::new(projection.from, Zoom::Quarter);
        let limit = scale.x(projection.from + chrono::Duration::weeks(13));
        let m = marks(&p, &projection, 0, &scale, limit);
        assert_eq!(m.len(), 1);
        // In the region 06-19 / 06-26 / 07-03 (Fridays): the Saturday windows of 06-20, 06-27,
        // 07-04, each done within the 8-hour window.
        let px_day = Zoom::Quarter.px_per_day();
        assert!(
            m[0].x > 26.0 * px_day && m[0].x < 26.4 * px_day,
            "{}",
            m[0].x
        );
        assert!(m[0].range.0 > 19.0 * px_day && m[0].range.0 < 19.4 * px_day);
        assert!(m[0].range.1 > 33.0 * px_day && m[0].range.1 < 33.4 * px_day);
        assert_eq!(
            m[0].title,
            "Fix ETA for p1: likely 27 Jun, range 20 Jun–4 Jul"
        );
        assert_eq!(m[0].key, "eta0");
        let mut rows = Vec::new();
        table_rows(&p, &projection, 0, &mut rows);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].kind, "Fix ETA");
        assert!(rows[0].text.starts_with(&m[0].title));
    }

    #[test]
    fn no_question_no_marks() {
        let now = at("2026-06-01T00:00:00Z");
        let p = plan(false);
        let projection = crate::rules::projection::project(&p, now, 13);
        let scale = Scale::new(projection.from, Zoom::Quarter);
        assert!(marks(&p, &projection, 0, &scale, 10_000.0).is_empty());
        let mut rows = Vec::new();
        table_rows(&p, &projection, 0, &mut rows);
        assert!(rows.is_empty());
    }
}
