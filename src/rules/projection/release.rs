//! The release model (docs/aks-rules.md §1.3, §8 ): when something new is published and
//! when it reaches the cluster's region. Every date is a pure function of the assumptions'
//! anchor and the requested range, so two runs (or the app and the CLI) agree to the second.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use serde::Serialize;

use super::assumptions::ReleaseAssumptions;
use crate::rules::timefmt;

/// What is released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Stream {
    /// AKS Linux node images, ~weekly (NodeImage channel).
    LinuxNodeImage,
    /// AKS Windows node images, monthly on Patch Tuesday.
    WindowsNodeImage,
    /// Linux security patches (SecurityPatch channel; the same fixes reach Unmanaged nodes
    /// through the OS updater).
    Security,
    /// Kubernetes versions for cluster auto-upgrade (§2); see [`super::kubernetes::release`].
    Kubernetes,
}

impl Stream {
    pub fn label(self) -> &'static str {
        match self {
            Stream::LinuxNodeImage => "Linux node image",
            Stream::WindowsNodeImage => "Windows node image",
            Stream::Security => "Security patch",
            Stream::Kubernetes => "Kubernetes",
        }
    }
}

/// One projected release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Release {
    pub stream: Stream,
    /// E.g. `202611.03.0` (the node image version format) or `security 2026-11-03`.
    pub label: String,
    pub published: DateTime<Utc>,
    /// When it reaches the cluster's region (published + rollout delay).
    pub available: DateTime<Utc>,
    /// Node images always reimage; a security release only sometimes (§8 A-16), and then
    /// Unmanaged nodes need a reboot for it.
    pub needs_reimage: bool,
}

/// Releases of `stream` that reach the region after `from` and are published by `to`, in
/// order. Everything available at `from` is taken as already installed.
pub fn releases(
    stream: Stream,
    a: &ReleaseAssumptions,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Release> {
    match stream {
        Stream::LinuxNodeImage => periodic(
            a,
            from,
            to,
            a.linux_image_interval_days,
            a.node_image_rollout_hours,
        )
        .map(|(_, published)| Release {
            stream,
            label: format!(
                "{}{:02}.{:02}.0",
                timefmt::year(&published),
                published.month(),
                published.day()
            ),
            published,
            available: published + Duration::hours(i64::from(a.node_image_rollout_hours)),
            needs_reimage: true,
        })
        .collect(),
        Stream::Security => security(a, from, to),
        Stream::WindowsNodeImage => windows(a, from, to),
        // Kubernetes versions follow their own assumptions: `kubernetes::release::releases`.
        Stream::Kubernetes => Vec::new(),
    }
}

/// Publication of the newest Linux node image in the region at `at` (§1.3). A node image is
/// taken to carry every security fix published before it [ASSUMPTION: the weekly image is
/// built from the packages of its publication day], so this bounds what a reimage delivers.
pub fn newest_linux_image_published(a: &ReleaseAssumptions, at: DateTime<Utc>) -> DateTime<Utc> {
    let step = i64::from(a.linux_image_interval_days.max(1)) * 86_400;
    let rollout = i64::from(a.node_image_rollout_hours) * 3_600;
    let anchor = a.node_image_anchor.timestamp();
    let k = (at.timestamp() - rollout - anchor).div_euclid(step);
    a.node_image_anchor + Duration::seconds(k.saturating_mul(step))
}

/// `(k, anchor + k × interval)` for every k whose release is available after `from` and
/// published by `to`.
fn periodic(
    a: &ReleaseAssumptions,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    interval_days: u32,
    rollout_hours: u32,
) -> impl Iterator<Item = (i64, DateTime<Utc>)> {
    let step = i64::from(interval_days.max(1)) * 86_400;
    let anchor = a.node_image_anchor;
    let rollout = i64::from(rollout_hours) * 3_600;
    // First k with anchor + k·step + rollout > from.
    let first = (from.timestamp() - rollout - anchor.timestamp()).div_euclid(step) + 1;
    (first..)
        .map(move |k| (k, anchor + Duration::seconds(k.saturating_mul(step))))
        .take_while(move |(_, published)| *published <= to)
}

/// Whether weekly image `k` is one where SecurityPatch also reimages: a deterministic
/// Bresenham spread hitting exactly `percent` of weeks (§8 A-16).
fn reimage_week(k: i64, percent: u32) -> bool {
    let p = i64::from(percent.min(100));
    (k + 1).saturating_mul(p).div_euclid(100) > k.saturating_mul(p).div_euclid(100)
}

fn security(a: &ReleaseAssumptions, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Release> {
    let image_step = i64::from(a.linux_image_interval_days.max(1)) * 86_400;
    let sec_step = i64::from(a.security_interval_days.max(1)) * 86_400;
    let anchor = a.node_image_anchor.timestamp();
    let week_of = |t: i64| (t - anchor).div_euclid(image_step);
    periodic(
        a,
        from,
        to,
        a.security_interval_days,
        a.security_rollout_hours,
    )
    .map(|(_, published)| {
        let t = published.timestamp();
        let week = week_of(t);
        // The first security release of a reimage week carries the reimage.
        let first_in_week = week_of(t - sec_step) < week;
        Release {
            stream: Stream::Security,
            label: format!("security {}", timefmt::iso_date(&published)),
            published,
            available: published + Duration::hours(i64::from(a.security_rollout_hours)),
            needs_reimage: first_in_week && reimage_week(week, a.security_reimage_percent),
        }
    })
    .collect()
}

/// Patch Tuesday: the second Tuesday of the month, 00:00 UTC.
pub fn patch_tuesday(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let date = NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Tue, 2)?;
    Some(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0)?))
}

fn windows(a: &ReleaseAssumptions, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Release> {
    let rollout = Duration::hours(i64::from(a.node_image_rollout_hours));
    // Start a month before the earliest release that can still be pending at `from`.
    let start = from - rollout - Duration::days(31);
    let (mut year, mut month) = (start.year(), start.month());
    let mut out = Vec::new();
    while let Some(published) = patch_tuesday(year, month) {
        if published > to {
            break;
        }
        if published + rollout > from {
            out.push(Release {
                stream: Stream::WindowsNodeImage,
                label: format!("Windows {}", timefmt::iso_month(&published)),
                published,
                available: published + rollout,
                needs_reimage: true,
            });
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn linux_images_are_weekly_from_the_anchor_and_reach_the_region_a_week_later() {
        let a = ReleaseAssumptions::default();
        let r = releases(
            Stream::LinuxNodeImage,
            &a,
            at("2026-11-01T00:00:00Z"),
            at("2026-11-20T00:00:00Z"),
        );
        let published: Vec<String> = r
            .iter()
            .map(|r| r.published.format("%m-%d").to_string())
            .collect();
        // Anchor Tue 2026-01-06; Tuesdays Oct 27 (available Nov 3), Nov 3, 10, 17.
        assert_eq!(published, ["10-27", "11-03", "11-10", "11-17"]);
        assert_eq!(r[0].available, at("2026-11-03T00:00:00Z"));
        assert_eq!(r[0].label, "202610.27.0");
    }

    #[test]
    fn windows_images_land_on_patch_tuesday() {
        let a = ReleaseAssumptions::default();
        let r = releases(
            Stream::WindowsNodeImage,
            &a,
            at("2026-11-01T00:00:00Z"),
            at("2027-01-31T00:00:00Z"),
        );
        let days: Vec<String> = r
            .iter()
            .map(|r| r.published.format("%Y-%m-%d").to_string())
            .collect();
        assert_eq!(days, ["2026-11-10", "2026-12-08", "2027-01-12"]);
    }

    #[test]
    fn security_reimages_hit_the_a16_share_of_image_weeks() {
        let a = ReleaseAssumptions {
            security_interval_days: 1,
            ..ReleaseAssumptions::default()
        };
        let from = at("2026-01-06T00:00:00Z");
        let to = from + Duration::weeks(100);
        let r = releases(Stream::Security, &a, from, to);
        // Weeks 0..100 from the anchor: exactly 35 of them reimage.
        let reimages = r
            .iter()
            .filter(|r| r.needs_reimage && r.published >= from && r.published < to)
            .count();
        assert_eq!(reimages, 35);
        assert!(
            r.iter()
                .all(|r| r.available - r.published == Duration::hours(48))
        );
    }

    #[test]
    fn releases_are_a_function_of_anchor_and_range_only() {
        let a = ReleaseAssumptions::default();
        let (from, to) = (at("2026-06-01T12:00:00Z"), at("2026-09-01T00:00:00Z"));
        for stream in [
            Stream::LinuxNodeImage,
            Stream::WindowsNodeImage,
            Stream::Security,
        ] {
            let once = releases(stream, &a, from, to);
            assert_eq!(once, releases(stream, &a, from, to));
            assert!(once.iter().all(|r| r.available > from && r.published <= to));
            assert!(once.windows(2).all(|w| w[0].published < w[1].published));
        }
    }
}
