//! The public node image release history (docs/aks-2026.md §1.2): every AKS node image built
//! since 2024-01-01, per image family, with the date of the first AKS release that named it.
//!
//! The data is `node_images.json`, built from Azure/AKS `vhd-notes/` and `CHANGELOG.md` by
//! `tools/refresh-node-images/refresh.py` (docs/node-image-data.md). It is compiled in, so the
//! app needs no network request, and kept compact: one `"VERSION RELEASED"` string per image
//! (the build date is part of the version).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cadence::Cadence;

/// The compiled-in release history.
const DATA: &str = include_str!("node_images.json");

/// A node image family: one OS image line with its own `vhd-notes/` folder (Azure/AKS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ImageFamily {
    #[serde(rename = "AKSUbuntu-2204")]
    Ubuntu2204,
    #[serde(rename = "AKSUbuntu-2404")]
    Ubuntu2404,
    /// Azure Linux 2.0: frozen at `202512.06.0` (AKS release 2026-01-04).
    #[serde(rename = "AzureLinux")]
    AzureLinux2,
    #[serde(rename = "AzureLinuxv3")]
    AzureLinux3,
    #[serde(rename = "AKSWindows-2019")]
    Windows2019,
    #[serde(rename = "AKSWindows-2022")]
    Windows2022,
    #[serde(rename = "AKSWindows-2025")]
    Windows2025,
}

impl ImageFamily {
    pub const ALL: [ImageFamily; 7] = [
        ImageFamily::Ubuntu2204,
        ImageFamily::Ubuntu2404,
        ImageFamily::AzureLinux2,
        ImageFamily::AzureLinux3,
        ImageFamily::Windows2019,
        ImageFamily::Windows2022,
        ImageFamily::Windows2025,
    ];

    /// The family's key in the data and its `vhd-notes/` folder name, e.g. `AKSUbuntu-2204`.
    pub fn key(self) -> &'static str {
        match self {
            ImageFamily::Ubuntu2204 => "AKSUbuntu-2204",
            ImageFamily::Ubuntu2404 => "AKSUbuntu-2404",
            ImageFamily::AzureLinux2 => "AzureLinux",
            ImageFamily::AzureLinux3 => "AzureLinuxv3",
            ImageFamily::Windows2019 => "AKSWindows-2019",
            ImageFamily::Windows2022 => "AKSWindows-2022",
            ImageFamily::Windows2025 => "AKSWindows-2025",
        }
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            ImageFamily::Ubuntu2204 => "Ubuntu 22.04",
            ImageFamily::Ubuntu2404 => "Ubuntu 24.04",
            ImageFamily::AzureLinux2 => "Azure Linux 2.0",
            ImageFamily::AzureLinux3 => "Azure Linux 3",
            ImageFamily::Windows2019 => "Windows Server 2019",
            ImageFamily::Windows2022 => "Windows Server 2022",
            ImageFamily::Windows2025 => "Windows Server 2025",
        }
    }

    pub fn is_windows(self) -> bool {
        matches!(
            self,
            ImageFamily::Windows2019 | ImageFamily::Windows2022 | ImageFamily::Windows2025
        )
    }

    /// The day after which AKS builds no new image of this family, if it is retired
    /// (docs/aks-2026.md §1.1: Windows Server 2019 retired 2026-03-01; Azure Linux 2.0 frozen
    /// at 202512.06.0, CHANGELOG release 2026-01-04).
    pub fn last_build(self) -> Option<NaiveDate> {
        match self {
            ImageFamily::AzureLinux2 => NaiveDate::from_ymd_opt(2025, 12, 6),
            ImageFamily::Windows2019 => NaiveDate::from_ymd_opt(2026, 3, 1),
            _ => None,
        }
    }

    /// The family's position in [`ImageFamily::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses a family key (`AKSUbuntu-2204`) or a label (`Ubuntu 22.04`), any case.
    pub fn parse(s: &str) -> Option<ImageFamily> {
        let s = s.trim();
        ImageFamily::ALL
            .into_iter()
            .find(|f| f.key().eq_ignore_ascii_case(s) || f.label().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for ImageFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A node image version: Linux `YYYYMM.DD.N`, Windows `BUILD.REVISION.YYMMDD`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ImageVersion {
    text: String,
    built: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a node image version: Linux images look like 202606.08.1 (YYYYMM.DD.N), Windows images like 26100.32370.260210 (BUILD.REVISION.YYMMDD)"
)]
pub struct BadImageVersion(pub String);

impl ImageVersion {
    /// Parses and validates a version; the build date is the date it encodes.
    pub fn parse(s: &str) -> Result<ImageVersion, BadImageVersion> {
        let text = s.trim();
        let bad = || BadImageVersion(s.to_owned());
        let parts: Vec<&str> = text.split('.').collect();
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if parts.len() != 3 || !parts.iter().all(|p| digits(p)) {
            return Err(bad());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        let built = match (parts[0].len(), parts[1].len(), parts[2].len()) {
            // YYYYMM.DD.N
            (6, 2, _) => NaiveDate::from_ymd_opt(
                i32::try_from(num(&parts[0][..4])?).map_err(|_| bad())?,
                num(&parts[0][4..])?,
                num(parts[1])?,
            ),
            // BUILD.REVISION.YYMMDD
            (5, _, 6) => NaiveDate::from_ymd_opt(
                2000 + i32::try_from(num(&parts[2][..2])?).map_err(|_| bad())?,
                num(&parts[2][2..4])?,
                num(&parts[2][4..])?,
            ),
            _ => None,
        }
        .ok_or_else(bad)?;
        Ok(ImageVersion {
            text: text.to_owned(),
            built,
        })
    }

    /// The build date the version encodes.
    pub fn built(&self) -> NaiveDate {
        self.built
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the version names a Windows image (`BUILD.REVISION.YYMMDD`).
    pub fn is_windows(&self) -> bool {
        self.text.split('.').next().is_some_and(|p| p.len() == 5)
    }
}

impl TryFrom<String> for ImageVersion {
    type Error = BadImageVersion;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ImageVersion::parse(&s)
    }
}

impl From<ImageVersion> for String {
    fn from(v: ImageVersion) -> String {
        v.text
    }
}

impl fmt::Display for ImageVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The families a version string can belong to: Linux versions are shared by the current
/// Linux families; a Windows version's OS build names its family.
pub fn families_of(version: &ImageVersion) -> Vec<ImageFamily> {
    if version.is_windows() {
        let family = match version.as_str().get(..5) {
            Some("17763") => Some(ImageFamily::Windows2019),
            Some("20348") => Some(ImageFamily::Windows2022),
            Some("26100") => Some(ImageFamily::Windows2025),
            _ => None,
        };
        family.into_iter().collect()
    } else {
        LINUX_FAMILIES.to_vec()
    }
}

/// The Linux families AKS builds today; they share version strings.
pub const LINUX_FAMILIES: [ImageFamily; 3] = [
    ImageFamily::Ubuntu2204,
    ImageFamily::Ubuntu2404,
    ImageFamily::AzureLinux3,
];

/// One value per image family (a small fixed map: no tree code in the browser bundle).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyMap<T>([Option<T>; 7]);

impl<T> Default for FamilyMap<T> {
    fn default() -> Self {
        FamilyMap(std::array::from_fn(|_| None))
    }
}

impl<T> FamilyMap<T> {
    pub fn get(&self, family: ImageFamily) -> Option<&T> {
        self.0[family.index()].as_ref()
    }

    pub fn insert(&mut self, family: ImageFamily, value: T) {
        self.0[family.index()] = Some(value);
    }

    pub fn clear(&mut self) {
        self.0.iter_mut().for_each(|v| *v = None);
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The families with a value, in [`ImageFamily::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (ImageFamily, &T)> {
        ImageFamily::ALL
            .into_iter()
            .zip(&self.0)
            .filter_map(|(f, v)| Some((f, v.as_ref()?)))
    }
}

/// One published node image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeImage {
    pub version: ImageVersion,
    /// Heading date of the first AKS release (CHANGELOG.md) naming it; `None` if none did.
    pub released: Option<NaiveDate>,
}

/// The whole history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The newest AKS release heading the data covers ("release data as of").
    pub as_of: NaiveDate,
    /// Where the data comes from (repository, paths, commit).
    pub source: String,
    families: FamilyMap<Vec<NodeImage>>,
    /// The calibrated default cadence per family, computed once when the history is read.
    defaults: FamilyMap<Cadence>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw {
    #[serde(deserialize_with = "crate::rules::timeparse::de_date")]
    as_of: NaiveDate,
    source: String,
    families: BTreeMap<String, Vec<String>>,
}

impl History {
    /// Reads the compact form written by the refresh script. Families the planner does not
    /// model (Ubuntu 18.04, Windows 23H2: retired before the planner's time) are skipped.
    pub fn from_json(text: &str) -> Result<History, String> {
        let raw: Raw = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut families = FamilyMap::default();
        for (key, items) in raw.families {
            let Some(family) = ImageFamily::parse(&key) else {
                continue;
            };
            let mut images = Vec::with_capacity(items.len());
            for item in items {
                let (version, released) = item
                    .split_once(' ')
                    .ok_or_else(|| format!("{key}: {item:?} is not \"VERSION DATE\""))?;
                let version = ImageVersion::parse(version).map_err(|e| e.to_string())?;
                let released = match released {
                    "-" => None,
                    d => Some(
                        crate::rules::timeparse::date(d)
                            .map_err(|e| format!("{key} {version}: {e}"))?,
                    ),
                };
                images.push(NodeImage { version, released });
            }
            families.insert(family, images);
        }
        let mut history = History {
            as_of: raw.as_of,
            source: raw.source,
            families,
            defaults: FamilyMap::default(),
        };
        for f in ImageFamily::ALL {
            let c = Cadence::calibrated(&history, f);
            history.defaults.insert(f, c);
        }
        Ok(history)
    }

    /// The compiled-in history (parsed once).
    pub fn builtin() -> &'static History {
        static CELL: OnceLock<History> = OnceLock::new();
        CELL.get_or_init(|| {
            History::from_json(DATA).unwrap_or_else(|_| History {
                as_of: NaiveDate::MIN,
                source: String::new(),
                families: FamilyMap::default(),
                defaults: FamilyMap::default(),
            })
        })
    }

    /// The images of `family`, oldest build first (the refresh script writes them so).
    pub fn images(&self, family: ImageFamily) -> &[NodeImage] {
        self.families.get(family).map_or(&[], Vec::as_slice)
    }

    /// The calibrated default cadence of `family` (see [`Cadence::calibrated`]).
    pub fn default_cadence(&self, family: ImageFamily) -> Cadence {
        self.defaults
            .get(family)
            .copied()
            .unwrap_or_else(|| Cadence::calibrated(self, family))
    }

    /// The image `version` of `family`, if the history has it.
    pub fn find(&self, family: ImageFamily, version: &ImageVersion) -> Option<&NodeImage> {
        self.images(family)
            .iter()
            .find(|i| i.version.as_str() == version.as_str())
    }

    /// Days from the data's date to `today`, and whether that is past the 60-day staleness
    /// limit.
    pub fn age_days(&self, today: NaiveDate) -> i64 {
        (today - self.as_of).num_days()
    }
}

/// After this many days the release data is shown with a warning.
pub const STALE_AFTER_DAYS: i64 = 60;

/// "Release data as of 2026-07-17", plus a warning when it is older than
/// [`STALE_AFTER_DAYS`] at `today` (shown in the app, the CLI and the Markdown review).
pub fn data_notice(history: &History, today: NaiveDate) -> (String, Option<String>) {
    let line = format!(
        "Release data as of {} (Azure/AKS release notes)",
        crate::rules::timefmt::iso_date(&history.as_of)
    );
    let age = history.age_days(today);
    let warning = (age > STALE_AFTER_DAYS).then(|| {
        format!(
            "The release data is {age} days old (over {STALE_AFTER_DAYS}): newer images and a changed cadence are not in it. Refresh it (docs/node-image-data.md) or treat the ranges with care."
        )
    });
    (line, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn versions_encode_their_build_date() {
        assert_eq!(
            ImageVersion::parse("202606.08.1").unwrap().built(),
            d(2026, 6, 8)
        );
        let w = ImageVersion::parse("26100.32370.260210").unwrap();
        assert_eq!(w.built(), d(2026, 2, 10));
        assert!(w.is_windows());
        for bad in [
            "",
            "2026.06.08",
            "202613.01.0",
            "202606.8.1",
            "abc",
            "26100.1.261399",
        ] {
            assert!(ImageVersion::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_builtin_history_matches_the_azure_aks_record() {
        // Counts and dates from the data notes (Azure/AKS at 8d1c890900df): 63 Ubuntu 22.04
        // builds, 49 of them named by a release; 202606.08.1 released on 2026-06-19
        // (CHANGELOG "Release Notes - 2026-06-19" links the notes file of 202606.08.1).
        let h = History::builtin();
        assert_eq!(h.as_of, d(2026, 7, 17));
        let u = h.images(ImageFamily::Ubuntu2204);
        assert_eq!(u.len(), 63);
        assert_eq!(u.iter().filter(|i| i.released.is_some()).count(), 49);
        let copy_fail = ImageVersion::parse("202606.08.1").unwrap();
        assert_eq!(
            h.find(ImageFamily::Ubuntu2204, &copy_fail)
                .unwrap()
                .released,
            Some(d(2026, 6, 19))
        );
        assert_eq!(h.images(ImageFamily::AzureLinux3).len(), 37);
        // Oldest build first in every family (the refresh script's order; nothing re-sorts).
        for f in ImageFamily::ALL {
            let built: Vec<_> = h.images(f).iter().map(|i| i.version.built()).collect();
            assert!(built.windows(2).all(|w| w[0] <= w[1]), "{f}");
        }
        assert_eq!(h.images(ImageFamily::Windows2025).len(), 10);
        assert_eq!(
            h.images(ImageFamily::AzureLinux2)
                .last()
                .unwrap()
                .version
                .as_str(),
            "202512.06.0"
        );
    }

    #[test]
    fn family_maps_hold_one_value_per_family() {
        let mut m = FamilyMap::default();
        assert!(m.is_empty());
        for (i, f) in ImageFamily::ALL.into_iter().enumerate() {
            assert_eq!(f.index(), i);
            m.insert(f, i);
        }
        assert_eq!(m.get(ImageFamily::Windows2022), Some(&5));
        assert_eq!(m.iter().count(), 7);
        m.clear();
        assert!(m.is_empty());
    }

    #[test]
    fn data_older_than_sixty_days_warns() {
        let h = History::builtin();
        assert!(data_notice(h, d(2026, 9, 15)).1.is_none());
        assert!(data_notice(h, d(2026, 9, 16)).1.is_some());
        assert!(data_notice(h, d(2026, 12, 6)).0.contains("2026-07-17"));
    }
}
