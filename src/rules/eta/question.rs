//! The fix-ETA question as the user asks it and the plan stores it (issue 9). Below the plan
//! in the module graph: it names families, versions, cadences and SLAs, never the plan or the
//! projection.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cadence::{self, Cadence, Rollout};
use super::history::{self, FamilyMap, History, ImageFamily, ImageVersion};
use super::sla::{self, Sla};

/// The format version of [`EtaQuestion`] (stored in the plan; additive).
pub const ETA_QUESTION_VERSION: u32 = 1;

fn question_version() -> u32 {
    ETA_QUESTION_VERSION
}

/// What the user asks: the fixed image per family, or the date a vulnerability was disclosed
/// (then the fix comes with the first image built after it), and the SLA to meet. Stored in
/// the plan under `eta`, so a share link and the Markdown review carry it.
///
/// In the plan file every value is text, as the user would type it: `{"version": 1,
/// "images": {"AKSUbuntu-2204": "202606.08.1"}, "disclosed": "2026-04-30", "sla": "pci",
/// "cadence": {"AzureLinuxv3": "12 25 1 15 32"}, "rollout": "0 7 14"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawQuestion", into = "RawQuestion")]
pub struct EtaQuestion {
    pub version: u32,
    /// The first image version that carries the fix, per family.
    pub images: FamilyMap<ImageVersion>,
    /// When the vulnerability was disclosed: exposure counts from here, and families without
    /// a fixed image get the first image built after it.
    pub disclosed: Option<NaiveDate>,
    pub sla: Sla,
    /// Cadence per family where the user changed the calibrated default.
    pub cadence: FamilyMap<Cadence>,
    pub rollout: Rollout,
}

/// The stored form of [`EtaQuestion`]: text values (string maps like the plan's tags, so the
/// browser bundle gains little serde code).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawQuestion {
    #[serde(default = "question_version")]
    version: u32,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    images: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    disclosed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sla: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    cadence: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rollout: Option<String>,
}

fn family_of(key: &str) -> Result<ImageFamily, EtaError> {
    ImageFamily::parse(key).ok_or_else(|| EtaError::UnknownFamily(key.to_owned()))
}

impl TryFrom<RawQuestion> for EtaQuestion {
    type Error = EtaError;
    fn try_from(raw: RawQuestion) -> Result<Self, EtaError> {
        let mut q = EtaQuestion {
            version: raw.version,
            ..EtaQuestion::default()
        };
        for (family, version) in &raw.images {
            q.set_image(family_of(family)?, version)?;
        }
        if let Some(d) = &raw.disclosed {
            q.set_disclosed(d)?;
        }
        if let Some(s) = &raw.sla {
            q.sla = s.parse()?;
        }
        for (family, text) in &raw.cadence {
            q.cadence
                .insert(family_of(family)?, Cadence::from_text(text)?);
        }
        if let Some(r) = &raw.rollout {
            q.rollout = Rollout::from_text(r)?;
        }
        Ok(q)
    }
}

impl From<EtaQuestion> for RawQuestion {
    fn from(q: EtaQuestion) -> RawQuestion {
        // Maps filled by `insert` (collecting would compile another sort into the bundle).
        let mut images = BTreeMap::new();
        for (f, v) in q.images.iter() {
            images.insert(f.key().to_owned(), v.to_string());
        }
        let mut cadence = BTreeMap::new();
        for (f, c) in q.cadence.iter() {
            cadence.insert(f.key().to_owned(), c.to_text());
        }
        RawQuestion {
            version: q.version,
            images,
            disclosed: q.disclosed.map(|d| crate::rules::timefmt::iso_date(&d)),
            sla: (q.sla != Sla::default()).then(|| q.sla.key()),
            cadence,
            rollout: (q.rollout != Rollout::default()).then(|| q.rollout.to_text()),
        }
    }
}

impl Default for EtaQuestion {
    fn default() -> Self {
        EtaQuestion {
            version: ETA_QUESTION_VERSION,
            images: FamilyMap::default(),
            disclosed: None,
            sla: Sla::default(),
            cadence: FamilyMap::default(),
            rollout: Rollout::default(),
        }
    }
}

/// Why an ETA question cannot be taken as entered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EtaError {
    #[error(transparent)]
    Version(#[from] history::BadImageVersion),
    #[error(
        "{version} is a {kind} image version but {family} is a {other} family: enter it for a {kind} family"
    )]
    WrongOs {
        version: String,
        family: ImageFamily,
        kind: &'static str,
        other: &'static str,
    },
    #[error("{0:?} is not a date: write the disclosure date as YYYY-MM-DD, e.g. 2026-04-30")]
    BadDate(String),
    #[error(
        "unknown image family {0:?}: use AKSUbuntu-2204, AKSUbuntu-2404, AzureLinuxv3, AzureLinux, AKSWindows-2019, AKSWindows-2022 or AKSWindows-2025"
    )]
    UnknownFamily(String),
    #[error(transparent)]
    Sla(#[from] sla::BadSla),
    #[error(transparent)]
    Cadence(#[from] cadence::CadenceError),
    #[error(
        "say what to look for: a fixed image version (e.g. Ubuntu 202606.08.1) or a disclosure date"
    )]
    Empty,
}

impl EtaQuestion {
    /// Sets the fixed image of `family` from text, checking it is a version of that OS.
    pub fn set_image(&mut self, family: ImageFamily, text: &str) -> Result<(), EtaError> {
        let version = ImageVersion::parse(text)?;
        let kind = |w: bool| if w { "Windows" } else { "Linux" };
        if version.is_windows() != family.is_windows() {
            return Err(EtaError::WrongOs {
                version: version.to_string(),
                family,
                kind: kind(version.is_windows()),
                other: kind(family.is_windows()),
            });
        }
        self.images.insert(family, version);
        Ok(())
    }

    /// Sets a fixed image from `FAMILY=VERSION` (`AKSUbuntu-2204=202606.08.1`) or a bare
    /// version: a Linux version applies to every current Linux family (they share version
    /// strings), a Windows version to the family of its OS build.
    pub fn set_image_text(&mut self, text: &str) -> Result<(), EtaError> {
        if let Some((family, version)) = text.split_once('=') {
            let family = ImageFamily::parse(family)
                .ok_or_else(|| EtaError::UnknownFamily(family.trim().to_owned()))?;
            return self.set_image(family, version);
        }
        let version = ImageVersion::parse(text)?;
        let families = history::families_of(&version);
        if families.is_empty() {
            return Err(EtaError::UnknownFamily(text.trim().to_owned()));
        }
        for family in families {
            self.set_image(family, text)?;
        }
        Ok(())
    }

    /// Replaces every fixed image from a list such as `202606.08.1 20348.4773.260210` (entries
    /// as in [`EtaQuestion::set_image_text`], separated by spaces or commas). On an error
    /// nothing changes.
    pub fn set_images_text(&mut self, text: &str) -> Result<(), EtaError> {
        let mut next = self.clone();
        next.images.clear();
        for entry in text
            .split([' ', ',', '\n'])
            .filter(|e| !e.trim().is_empty())
        {
            next.set_image_text(entry)?;
        }
        *self = next;
        Ok(())
    }

    /// The fixed images as [`EtaQuestion::set_images_text`] reads them, shortest form: a
    /// Linux version shared by every current Linux family is written once, bare.
    pub fn images_text(&self) -> String {
        let linux = history::LINUX_FAMILIES;
        let shared = linux
            .iter()
            .map(|f| self.images.get(*f))
            .collect::<Option<Vec<_>>>()
            .filter(|v| v.windows(2).all(|w| w[0] == w[1]))
            .and_then(|v| v.first().copied().cloned());
        let mut out: Vec<String> = Vec::new();
        if let Some(v) = &shared {
            out.push(v.to_string());
        }
        for (family, version) in self.images.iter() {
            let covered = shared.is_some() && linux.contains(&family);
            let bare = family.is_windows() && history::families_of(version).as_slice() == [family];
            if covered {
                continue;
            }
            out.push(if bare {
                version.to_string()
            } else {
                format!("{}={version}", family.key())
            });
        }
        out.join(" ")
    }

    /// Sets the disclosure date from `YYYY-MM-DD` text (empty clears it).
    pub fn set_disclosed(&mut self, text: &str) -> Result<(), EtaError> {
        let t = text.trim();
        self.disclosed = if t.is_empty() {
            None
        } else {
            Some(crate::rules::timeparse::date(t).map_err(|_| EtaError::BadDate(text.to_owned()))?)
        };
        Ok(())
    }

    /// Whether the question asks anything.
    pub fn is_empty(&self) -> bool {
        self.images.is_empty() && self.disclosed.is_none()
    }

    /// The cadence used for `family`: the user's, or the calibrated default.
    pub fn cadence_of(&self, history: &History, family: ImageFamily) -> Cadence {
        self.cadence
            .get(family)
            .copied()
            .unwrap_or_else(|| history.default_cadence(family))
    }
}
