//! The cadence model, calibrated from the release history per image family: days between
//! builds (gaps) and from a build to the AKS release that names it (lags), as median and P90;
//! plus the regional rollout as a range. Every number is an editable assumption with its
//! source; the calibrated values are only the defaults.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::history::{History, ImageFamily};

/// Builds from this date on calibrate the defaults: the release practice of the last year
/// (from release 2026-02-08 every release lists every Linux build since the previous one).
pub const CALIBRATION_FROM: (i32, u32, u32) = (2025, 7, 1);

/// A distribution summary in tenths of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    pub n: u32,
    pub median_tenths: i64,
    pub p90_tenths: i64,
    pub min_days: i64,
    pub max_days: i64,
}

/// The `p`-th percentile of `sorted` (whole days) in tenths of a day, by linear interpolation
/// between order statistics at rank p × (n − 1) (the "inclusive" method), rounded half up.
pub fn percentile_tenths(sorted: &[i64], p: i64) -> Option<i64> {
    let last = i64::try_from(sorted.len().checked_sub(1)?).ok()?;
    let rank = p * last; // in hundredths
    let lo = usize::try_from(rank / 100).ok()?;
    let frac = rank % 100;
    let a = *sorted.get(lo)?;
    let b = sorted.get(lo + 1).copied().unwrap_or(a);
    Some(a * 10 + ((b - a) * frac * 10 + 50).div_euclid(100))
}

fn spread(mut values: Vec<i64>) -> Option<Spread> {
    crate::rules::stable_sort::sort(&mut values);
    Some(Spread {
        n: u32::try_from(values.len()).unwrap_or(u32::MAX),
        median_tenths: percentile_tenths(&values, 50)?,
        p90_tenths: percentile_tenths(&values, 90)?,
        min_days: *values.first()?,
        max_days: *values.last()?,
    })
}

/// What the history says about one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Calibration {
    pub family: ImageFamily,
    /// Days between consecutive distinct build dates.
    pub gaps: Option<Spread>,
    /// Days from build to the heading date of the first AKS release naming it.
    pub lags: Option<Spread>,
}

/// Gaps and lags of `family` over builds dated `from` or later.
pub fn calibrate(history: &History, family: ImageFamily, from: NaiveDate) -> Calibration {
    let images: Vec<_> = history
        .images(family)
        .iter()
        .filter(|i| i.version.built() >= from)
        .collect();
    let mut dates: Vec<NaiveDate> = images.iter().map(|i| i.version.built()).collect();
    dates.dedup();
    let gaps = dates.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    let lags = images
        .iter()
        .filter_map(|i| Some((i.released? - i.version.built()).num_days()))
        .collect();
    Calibration {
        family,
        gaps: spread(gaps),
        lags: spread(lags),
    }
}

fn calibration_from() -> NaiveDate {
    let (y, m, d) = CALIBRATION_FROM;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The cadence of one family, whole days (editable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    pub gap_median_days: u32,
    pub gap_p90_days: u32,
    /// Build to AKS release: never below 0 (a release cannot ship an image not yet built).
    pub lag_min_days: u32,
    pub lag_median_days: u32,
    pub lag_p90_days: u32,
}

/// Tenths of a day to whole days: the median rounded, the P90 rounded up (conservative).
fn days_round(tenths: i64) -> u32 {
    u32::try_from((tenths + 5).div_euclid(10).max(0)).unwrap_or(0)
}
fn days_ceil(tenths: i64) -> u32 {
    u32::try_from((tenths + 9).div_euclid(10).max(0)).unwrap_or(0)
}

impl Cadence {
    /// The default for `family`: its calibration from [`CALIBRATION_FROM`], or for a family
    /// with too little history (retired) the documented Linux weekly / Windows monthly cadence.
    pub fn calibrated(history: &History, family: ImageFamily) -> Cadence {
        let c = calibrate(history, family, calibration_from());
        let fallback = if family.is_windows() { 30 } else { 7 };
        let (gap_median_days, gap_p90_days) = c.gaps.map_or((fallback, fallback), |g| {
            (days_round(g.median_tenths), days_ceil(g.p90_tenths))
        });
        let (lag_min_days, lag_median_days, lag_p90_days) = c.lags.map_or((0, 7, 14), |l| {
            (
                u32::try_from(l.min_days.max(0)).unwrap_or(0),
                days_round(l.median_tenths),
                days_ceil(l.p90_tenths),
            )
        });
        Cadence {
            gap_median_days,
            gap_p90_days,
            lag_min_days,
            lag_median_days,
            lag_p90_days,
        }
    }
}

/// Why an edited cadence or rollout is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CadenceError {
    #[error("{0:?}: enter {1} whole numbers of days separated by spaces, e.g. {2}")]
    Shape(String, usize, &'static str),
    #[error("{0:?}: each range must grow: {1}")]
    Order(String, &'static str),
}

/// Whole days from text such as `12 22 1 15 32`.
fn numbers(text: &str, n: usize, example: &'static str) -> Result<Vec<u32>, CadenceError> {
    let values: Option<Vec<u32>> = text
        .split_whitespace()
        .map(|t| t.parse::<u32>().ok().filter(|d| *d <= 366))
        .collect();
    values
        .filter(|v| v.len() == n)
        .ok_or_else(|| CadenceError::Shape(text.to_owned(), n, example))
}

impl Cadence {
    /// `gap median, gap P90, lag min, lag median, lag P90`, e.g. `12 22 1 15 32`.
    pub fn to_text(self) -> String {
        format!(
            "{} {} {} {} {}",
            self.gap_median_days,
            self.gap_p90_days,
            self.lag_min_days,
            self.lag_median_days,
            self.lag_p90_days
        )
    }

    /// Reads [`Cadence::to_text`]'s form.
    pub fn from_text(text: &str) -> Result<Cadence, CadenceError> {
        let v = numbers(text, 5, "12 22 1 15 32")?;
        if v[0] > v[1] || v[2] > v[3] || v[3] > v[4] || v[0] == 0 {
            return Err(CadenceError::Order(
                text.to_owned(),
                "gap median ≥ 1 and ≤ gap P90; lag min ≤ lag median ≤ lag P90",
            ));
        }
        Ok(Cadence {
            gap_median_days: v[0],
            gap_p90_days: v[1],
            lag_min_days: v[2],
            lag_median_days: v[3],
            lag_p90_days: v[4],
        })
    }
}

impl Rollout {
    /// `earliest likely latest`, e.g. `0 7 14`.
    pub fn to_text(self) -> String {
        format!(
            "{} {} {}",
            self.earliest_days, self.likely_days, self.latest_days
        )
    }

    /// Reads [`Rollout::to_text`]'s form.
    pub fn from_text(text: &str) -> Result<Rollout, CadenceError> {
        let v = numbers(text, 3, "0 7 14")?;
        if v[0] > v[1] || v[1] > v[2] {
            return Err(CadenceError::Order(
                text.to_owned(),
                "earliest ≤ likely ≤ latest",
            ));
        }
        Ok(Rollout {
            earliest_days: v[0],
            likely_days: v[1],
            latest_days: v[2],
        })
    }
}

/// Days from an AKS release until it reaches one region: earliest / likely / latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Rollout {
    pub earliest_days: u32,
    pub likely_days: u32,
    pub latest_days: u32,
}

impl Default for Rollout {
    /// Microsoft Learn "Upgrade AKS node images": an update can take up to a week to reach
    /// all regions (one copy says two weeks); the CHANGELOG's completion estimates of
    /// 2020–2022 had a median of 9 days, P90 13 (docs/node-image-data.md).
    fn default() -> Self {
        Rollout {
            earliest_days: 0,
            likely_days: 7,
            latest_days: 14,
        }
    }
}

/// Where each default comes from, for the UI and the CLI.
pub const ROLLOUT_SOURCE: &str = "Microsoft Learn, \"Upgrade AKS node images\": up to a week to reach all regions, sometimes two; AKS release notes 2020–2022 estimated completion a median 9 days (P90 13) after a release";
pub const CADENCE_SOURCE: &str = "Calibrated from Azure/AKS vhd-notes and CHANGELOG.md, builds from 2025-07-01: gaps between builds and build-to-release lags, median and P90";

#[cfg(test)]
mod tests {
    use super::*;

    fn calib(family: ImageFamily) -> Calibration {
        calibrate(History::builtin(), family, calibration_from())
    }

    #[test]
    fn percentiles_interpolate_inclusively() {
        // numpy.percentile([1, 2, 3, 4, 10], [50, 90]) = 3.0, 7.6
        assert_eq!(percentile_tenths(&[1, 2, 3, 4, 10], 50), Some(30));
        assert_eq!(percentile_tenths(&[1, 2, 3, 4, 10], 90), Some(76));
        assert_eq!(percentile_tenths(&[5], 90), Some(50));
        assert_eq!(percentile_tenths(&[], 50), None);
    }

    #[test]
    fn calibration_reproduces_the_published_statistics() {
        // The data notes' table "Builds from 2025-07-01 only", computed independently from
        // the same Azure/AKS snapshot: (median gap, P90 gap, lag n, median lag, P90 lag,
        // lag min, lag max).
        let table = [
            (ImageFamily::Ubuntu2204, 120, 220, 24, 150, 311, 1, 52),
            (ImageFamily::Ubuntu2404, 120, 220, 24, 150, 311, 1, 52),
            (ImageFamily::AzureLinux3, 120, 254, 24, 150, 311, 1, 52),
            (ImageFamily::AzureLinux2, 150, 346, 6, 95, 235, 5, 29),
            (ImageFamily::Windows2022, 320, 453, 11, 110, 220, -2, 23),
            (ImageFamily::Windows2025, 290, 498, 10, 120, 221, -2, 23),
        ];
        for (family, gm, g90, ln, lm, l90, lmin, lmax) in table {
            let c = calib(family);
            let (g, l) = (c.gaps.unwrap(), c.lags.unwrap());
            assert_eq!(
                (
                    g.median_tenths,
                    g.p90_tenths,
                    l.n,
                    l.median_tenths,
                    l.p90_tenths
                ),
                (gm, g90, ln, lm, l90),
                "{family}"
            );
            assert_eq!((l.min_days, l.max_days), (lmin, lmax), "{family}");
        }
        // The longest Linux gap in that range: 64 days (2025-10-03 → 2025-12-06).
        assert_eq!(calib(ImageFamily::Ubuntu2204).gaps.unwrap().max_days, 64);
    }

    #[test]
    fn edited_cadences_are_checked() {
        let c = Cadence::from_text(" 12 22 1 15 32 ").unwrap();
        assert_eq!(Cadence::from_text(&c.to_text()), Ok(c));
        assert!(matches!(
            Cadence::from_text("12 22 1 15"),
            Err(CadenceError::Shape(..))
        ));
        assert!(matches!(
            Cadence::from_text("30 22 1 15 32"),
            Err(CadenceError::Order(..))
        ));
        assert!(Cadence::from_text("12 22 1 15 x").is_err());
        assert_eq!(Rollout::from_text("0 7 14"), Ok(Rollout::default()));
        assert!(Rollout::from_text("7 0 14").is_err());
    }

    #[test]
    fn defaults_round_the_p90_up() {
        let c = Cadence::calibrated(History::builtin(), ImageFamily::Ubuntu2204);
        assert_eq!(
            c,
            Cadence {
                gap_median_days: 12,
                gap_p90_days: 22,
                lag_min_days: 1,
                lag_median_days: 15,
                lag_p90_days: 32,
            }
        );
    }
}
