//! The Kubernetes release model behind cluster auto-upgrade (docs/aks-rules.md §2): when AKS makes
//! a new minor version GA, when it ships patches, and when they reach the cluster's region. AKS
//! publishes no schedule, so every number is an editable estimate (see [`KubernetesAssumptions`]);
//! only the anchor (a minor version and its AKS GA month) comes from the AKS release calendar.
//!
//! Versions after the anchor are projections: a projected minor is labelled "1.37 (projected
//! minor)" and a patch "1.36 patch 2026-12-14 (projected)", never with an invented patch number.
//!
//! Minors are counted as offsets `k` from the anchor minor (k = 0 is the anchor), so all
//! arithmetic is on `i64` and a version number is only formed for labels.

use chrono::{DateTime, Utc};

use super::super::release::{Release, Stream};
use crate::rules::assumptions::KubernetesAssumptions;
use crate::rules::channel::UpgradeChannel;
use crate::rules::timefmt;
use crate::rules::version::KubernetesVersion;

/// The most minors one projection generates releases for, so a 1-day minor interval over two
/// years cannot blow up the release list.
const MAX_MINORS: i64 = 64;

/// What one Kubernetes release is: which minor (offset from the anchor) and whether it is the
/// minor's GA (the first version of the minor) or a patch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KubeRelease {
    pub minor: i64,
    pub ga: bool,
}

/// The model's arithmetic, in seconds from the anchor.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    anchor: i64,
    minor_step: i64,
    patch_step: i64,
    rollout: i64,
    pub major: u32,
    pub anchor_minor: u32,
}

/// `a / b` rounded towards negative infinity (b > 0).
fn floor_div(a: i64, b: i64) -> i64 {
    a.div_euclid(b)
}

fn instant(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

impl Model {
    pub fn new(a: &KubernetesAssumptions) -> Model {
        Model {
            anchor: a.anchor_ga.timestamp(),
            minor_step: i64::from(a.minor_interval_days.max(1)) * 86_400,
            patch_step: i64::from(a.patch_interval_days.max(1)) * 86_400,
            rollout: i64::from(a.rollout_hours) * 3_600,
            major: a.anchor_minor.major,
            anchor_minor: a.anchor_minor.minor,
        }
    }

    /// Publication of minor `k`'s GA.
    pub fn ga(&self, k: i64) -> i64 {
        self.anchor
            .saturating_add(k.saturating_mul(self.minor_step))
    }

    /// The newest minor published at or before `t`.
    pub fn newest_published(&self, t: i64) -> i64 {
        floor_div(t.saturating_sub(self.anchor), self.minor_step)
    }

    /// The newest minor available in the region at `t` (N of the support window, §2).
    pub fn newest_available(&self, t: i64) -> i64 {
        self.newest_published(t.saturating_sub(self.rollout))
    }

    /// When minor `k` leaves N-2 in the region: when minor `k + 3` becomes available.
    pub fn support_ends(&self, k: i64) -> DateTime<Utc> {
        instant(self.ga(k.saturating_add(3)).saturating_add(self.rollout))
    }

    /// Publication of the newest version of minor `k` published at or before `t`: the last
    /// patch after its GA, or the GA itself. Meaningful while `k` is supported at `t`.
    pub fn latest_published(&self, k: i64, t: i64) -> Option<(i64, bool)> {
        let ga = self.ga(k);
        if ga > t {
            return None;
        }
        let j = floor_div(t.saturating_sub(self.anchor), self.patch_step);
        let grid = self
            .anchor
            .saturating_add(j.saturating_mul(self.patch_step));
        Some(if grid > ga { (grid, false) } else { (ga, true) })
    }

    /// The newest version of minor `k` available in the region at `t`.
    pub fn latest_available(&self, k: i64, t: i64) -> Option<(i64, bool)> {
        self.latest_published(k, t.saturating_sub(self.rollout))
    }

    /// `1.37` for minor offset `k`, or `None` below `x.0`.
    pub fn version(&self, k: i64) -> Option<KubernetesVersion> {
        let minor = u32::try_from(i64::from(self.anchor_minor).checked_add(k)?).ok()?;
        Some(KubernetesVersion::new(self.major, minor, None))
    }

    /// Minor offset of a cluster's version, or `None` for another major version.
    pub fn offset(&self, v: KubernetesVersion) -> Option<i64> {
        (v.major == self.major).then(|| i64::from(v.minor) - i64::from(self.anchor_minor))
    }

    /// The label of a release; projected versions say so (see the module docs).
    pub fn label(&self, k: i64, ga: bool, published: i64) -> String {
        let v = self
            .version(k)
            .map_or_else(|| format!("minor {k:+}"), |v| v.to_string());
        if ga && k > 0 {
            format!("{v} (projected minor)")
        } else if ga {
            format!("{v} GA")
        } else {
            format!(
                "{v} patch {} (projected)",
                timefmt::iso_date(&instant(published))
            )
        }
    }

    pub fn release(&self, k: i64, ga: bool, published: i64) -> Release {
        Release {
            stream: Stream::Kubernetes,
            label: self.label(k, ga, published),
            published: instant(published),
            available: instant(published.saturating_add(self.rollout)),
            // Every Kubernetes upgrade reimages every node (§2 rule 2, §4.3).
            needs_reimage: true,
        }
    }
}

/// What a channel asks for at one instant (§2 table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Upgrade to this version (minor offset, publication, GA or patch).
    Version {
        minor: i64,
        published: i64,
        ga: bool,
    },
    /// The cluster's minor is below N-2: auto-upgrade needs a supported version (§2 rule 4).
    OutOfSupport { newest: i64 },
    /// The cluster's minor is newer than anything the model has made available.
    AheadOfModel { newest: i64 },
    /// Nothing to do (stable above its N-1 target does not downgrade).
    Stay,
}

/// The version `channel` targets at `t` for a cluster on minor `k`. Minors are never skipped:
/// behind its target, the cluster goes to the latest patch of the next minor first (D-AUC:
/// rapid from N-2 "first goes to N-1 latest, then N").
pub fn target(model: &Model, channel: UpgradeChannel, k: i64, t: i64) -> Target {
    let newest = model.newest_available(t);
    if k > newest {
        return Target::AheadOfModel { newest };
    }
    if k < newest - 2 {
        return Target::OutOfSupport { newest };
    }
    let wanted = match channel {
        UpgradeChannel::Patch => k,
        UpgradeChannel::Stable => newest - 1,
        UpgradeChannel::Rapid => newest,
        UpgradeChannel::None | UpgradeChannel::NodeImage => return Target::Stay,
    };
    let minor = match wanted.cmp(&k) {
        std::cmp::Ordering::Less => return Target::Stay,
        std::cmp::Ordering::Equal => k,
        std::cmp::Ordering::Greater => k + 1,
    };
    match model.latest_available(minor, t) {
        Some((published, ga)) => Target::Version {
            minor,
            published,
            ga,
        },
        None => Target::Stay,
    }
}

/// Every Kubernetes release a cluster can be upgraded to in `[from, to)`: per minor that can
/// be supported in the horizon, the newest version available at `from` (what a cluster on that
/// minor is assumed to run already, like node images) and every GA and patch published later
/// up to `to`. Sorted by publication.
pub fn releases(
    a: &KubernetesAssumptions,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(KubeRelease, Release)> {
    let m = Model::new(a);
    let cutoff = from.timestamp().saturating_sub(m.rollout);
    let end = to.timestamp();
    let first = m.newest_published(cutoff) - 2;
    let last = m.newest_published(end).min(first + MAX_MINORS);
    let mut out: Vec<(i64, KubeRelease)> = Vec::new();
    for k in first..=last {
        if m.version(k).is_none() {
            continue;
        }
        if let Some((published, ga)) = m.latest_published(k, cutoff) {
            out.push((published, KubeRelease { minor: k, ga }));
        }
        let ga = m.ga(k);
        if ga > cutoff && ga <= end {
            out.push((ga, KubeRelease { minor: k, ga: true }));
        }
        // Patches on the common grid after both the GA and the cutoff, while the minor is
        // still inside N-2 when the patch is published.
        let start = cutoff.max(ga);
        let mut j = floor_div(start.saturating_sub(m.anchor), m.patch_step) + 1;
        loop {
            let g = m.anchor.saturating_add(j.saturating_mul(m.patch_step));
            if g > end || k < m.newest_published(g) - 2 {
                break;
            }
            out.push((
                g,
                KubeRelease {
                    minor: k,
                    ga: false,
                },
            ));
            j += 1;
        }
    }
    crate::rules::stable_sort::sort_by_key(&mut out, |(t, r)| (*t, r.minor));
    out.into_iter()
        .map(|(t, r)| (r, m.release(r.minor, r.ga, t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn minors_follow_the_calendar_anchor_every_122_days() {
        let m = Model::new(&KubernetesAssumptions::default());
        // 1.32 GA 2025-03-15; +5 × 122 d = 2026-11-15 for 1.37, in region a week later.
        assert_eq!(instant(m.ga(5)), at("2026-11-15T00:00:00Z"));
        assert_eq!(
            m.newest_available(at("2026-11-22T00:00:00Z").timestamp()),
            5
        );
        assert_eq!(
            m.newest_available(at("2026-11-21T23:59:59Z").timestamp()),
            4
        );
        assert_eq!(m.version(5), Some(KubernetesVersion::new(1, 37, None)));
        assert_eq!(m.offset("1.33.2".parse().unwrap()), Some(1));
        assert_eq!(m.offset("2.1".parse().unwrap()), None);
    }

    #[test]
    fn labels_never_invent_a_patch_number() {
        let m = Model::new(&KubernetesAssumptions::default());
        let t = at("2026-12-14T00:00:00Z").timestamp();
        assert_eq!(m.label(4, false, t), "1.36 patch 2026-12-14 (projected)");
        assert_eq!(m.label(5, true, t), "1.37 (projected minor)");
        assert_eq!(m.label(0, true, t), "1.32 GA");
    }

    #[test]
    fn channels_pick_their_target_per_the_d_auc_table() {
        let m = Model::new(&KubernetesAssumptions::default());
        // At 2026-12-01: N = 1.37 (offset 5) available, supported 1.35..1.37.
        let t = at("2026-12-01T00:00:00Z").timestamp();
        let minor = |target| match target {
            Target::Version { minor, .. } => Some(minor),
            _ => None,
        };
        // (channel, cluster minor offset, expected target minor offset)
        let cases = [
            (UpgradeChannel::Patch, 4, Some(4)),
            (UpgradeChannel::Stable, 3, Some(4)),
            (UpgradeChannel::Stable, 4, Some(4)),
            (UpgradeChannel::Rapid, 3, Some(4)),
            (UpgradeChannel::Rapid, 4, Some(5)),
            (UpgradeChannel::Rapid, 5, Some(5)),
            (UpgradeChannel::None, 4, None),
            (UpgradeChannel::NodeImage, 4, None),
        ];
        for (channel, k, want) in cases {
            assert_eq!(minor(target(&m, channel, k, t)), want, "{channel} on {k}");
        }
        assert_eq!(
            target(&m, UpgradeChannel::Stable, 5, t),
            Target::Stay,
            "stable does not downgrade"
        );
        assert_eq!(
            target(&m, UpgradeChannel::Patch, 2, t),
            Target::OutOfSupport { newest: 5 }
        );
        assert_eq!(
            target(&m, UpgradeChannel::Patch, 6, t),
            Target::AheadOfModel { newest: 5 }
        );
    }

    #[test]
    fn releases_hold_a_baseline_per_minor_then_monthly_patches_and_new_minors() {
        let a = KubernetesAssumptions::default();
        let from = at("2026-11-01T00:00:00Z");
        let r = releases(&a, from, from + Duration::weeks(13));
        let labels: Vec<&str> = r.iter().map(|(_, r)| r.label.as_str()).collect();
        // Baselines (available by `from`) for 1.34–1.36; 1.37 goes GA on 11-15.
        let ga = r.iter().find(|(k, _)| k.minor == 5 && k.ga).unwrap();
        assert_eq!(ga.1.label, "1.37 (projected minor)");
        assert_eq!(ga.1.available, at("2026-11-22T00:00:00Z"));
        assert_eq!(r.iter().filter(|(_, r)| r.available <= from).count(), 3);
        assert!(r.iter().all(|(_, r)| r.stream == Stream::Kubernetes));
        assert!(r.windows(2).all(|w| w[0].1.published <= w[1].1.published));
        let patches_136 = r
            .iter()
            .filter(|(k, r)| k.minor == 4 && !k.ga && r.available > from)
            .count();
        // Patch grid days 11-05, 12-05, 01-04 (every 30 days from 2025-03-15) in 13 weeks.
        assert_eq!(patches_136, 3, "{labels:?}");
        // 1.34 (offset 2) drops out of N-2 when 1.37 is published: no new 1.34 patches.
        assert!(
            !r.iter()
                .any(|(k, r)| k.minor == 2 && r.published > at("2026-11-15T00:00:00Z"))
        );
    }
}
