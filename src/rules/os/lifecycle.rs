//! When an OS SKU stops being served, which Kubernetes versions it runs on, and whether it is
//! preview (docs/aks-2026.md §1.1). Dates are days (UTC); "now" is always a parameter.

use chrono::{DateTime, NaiveDate, Utc};

use super::OsSku;
use crate::rules::version::KubernetesVersion;

/// An announced end of an OS SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retirement {
    /// From this day: no new images or patches, and no new pools.
    pub retired: NaiveDate,
    /// From this day the existing images are deleted, so scaling and reimage fail; `None` when
    /// no date is announced.
    pub images_deleted: Option<NaiveDate>,
    /// What to move to.
    pub successor: &'static str,
    /// The public announcement.
    pub announced_in: &'static str,
}

/// Where an OS SKU stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// No end announced.
    Current,
    /// Retirement announced for a later day.
    RetiresOn(Retirement),
    /// Retired: no new images or pools; existing nodes still run.
    Retired(Retirement),
    /// The images are gone: scaling and reimage fail.
    ImagesDeleted(Retirement),
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The announced end of `sku`, if any (docs/aks-2026.md §1.1).
pub fn retirement(sku: OsSku) -> Option<Retirement> {
    match sku {
        // CL 2026-03-05, CL 2026-05-29.
        OsSku::Flatcar => Some(Retirement {
            retired: day(2026, 6, 8),
            images_deleted: Some(day(2026, 9, 8)),
            successor: "AzureContainerLinux",
            announced_in: "the AKS changelog of 2026-03-05 and 2026-05-29",
        }),
        // CL 2026-05-29.
        OsSku::Windows2019 => Some(Retirement {
            retired: day(2026, 3, 1),
            images_deleted: Some(day(2027, 4, 1)),
            successor: "Windows2022 or Windows2025",
            announced_in: "the AKS changelog of 2026-05-29",
        }),
        // CL 2026-06-19: retirement moved out to 2028-06-30.
        OsSku::Windows2022 => Some(Retirement {
            retired: day(2028, 6, 30),
            images_deleted: None,
            successor: "Windows2025",
            announced_in: "the AKS changelog of 2026-06-19",
        }),
        // CL 2026-04-02: Ubuntu 22.04 support ends 2027-06-30.
        OsSku::Ubuntu2204 => Some(Retirement {
            retired: day(2027, 6, 30),
            images_deleted: None,
            successor: "Ubuntu2404 (or Ubuntu on Kubernetes 1.35 or later)",
            announced_in: "the AKS changelog of 2026-04-02",
        }),
        _ => None,
    }
}

/// Where `sku` stands at `now`.
pub fn stage(sku: OsSku, now: DateTime<Utc>) -> Stage {
    let today = now.date_naive();
    match retirement(sku) {
        None => Stage::Current,
        Some(r) if r.images_deleted.is_some_and(|d| today >= d) => Stage::ImagesDeleted(r),
        Some(r) if today >= r.retired => Stage::Retired(r),
        Some(r) => Stage::RetiresOn(r),
    }
}

/// The Kubernetes minors an OS SKU runs on, both ends inclusive; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KubernetesRange {
    pub min: Option<(u32, u32)>,
    pub max: Option<(u32, u32)>,
}

impl KubernetesRange {
    pub fn contains(&self, v: KubernetesVersion) -> bool {
        let at = (v.major, v.minor);
        self.min.is_none_or(|m| at >= m) && self.max.is_none_or(|m| at <= m)
    }

    /// "1.32 to 1.38", "1.34 or later", "up to 1.36".
    pub fn describe(&self) -> String {
        let v = |(a, b): (u32, u32)| format!("{a}.{b}");
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => format!("{} to {}", v(lo), v(hi)),
            (Some(lo), None) => format!("{} or later", v(lo)),
            (None, Some(hi)) => format!("up to {}", v(hi)),
            (None, None) => "any version".to_owned(),
        }
    }
}

/// The Kubernetes versions `sku` is supported on (docs/aks-2026.md §1.1).
pub fn kubernetes_range(sku: OsSku) -> KubernetesRange {
    let (min, max) = match sku {
        OsSku::Ubuntu2204 => (Some((1, 25)), Some((1, 36))),
        OsSku::Ubuntu2404 => (Some((1, 32)), Some((1, 38))),
        OsSku::AzureLinuxOSGuard | OsSku::Windows2025 => (Some((1, 32)), None),
        // GA from AKS 1.34 (CL 2026-05-29).
        OsSku::AzureContainerLinux => (Some((1, 34)), None),
        // Not supported on Kubernetes 1.37 or later (CL 2026-06-19).
        OsSku::Windows2022 => (None, Some((1, 36))),
        _ => (None, None),
    };
    KubernetesRange { min, max }
}

/// Whether AKS offers `sku` only as a preview (docs/aks-2026.md §1.1).
pub fn is_preview(sku: OsSku) -> bool {
    matches!(sku, OsSku::AzureLinuxOSGuard | OsSku::Flatcar)
}

/// A short status for pickers: "retired 2026-06-08", "preview", "" when nothing to say.
pub fn status(sku: OsSku, now: DateTime<Utc>) -> String {
    match stage(sku, now) {
        Stage::ImagesDeleted(r) => format!(
            "retired {}, images deleted {}",
            r.retired,
            r.images_deleted.map(|d| d.to_string()).unwrap_or_default()
        ),
        Stage::Retired(r) => format!("retired {}", r.retired),
        _ if is_preview(sku) => "preview".to_owned(),
        _ => String::new(),
    }
}

/// The OS SKU as the picker offers it: its name, then what restricts it, e.g. "Azure Container
/// Linux: NodeImage or None only", "Flatcar Container Linux: retired 2026-06-08, images
/// deleted 2026-09-08".
pub fn picker_label(sku: OsSku, now: DateTime<Utc>) -> String {
    let mut notes: Vec<String> = Vec::new();
    let status = status(sku, now);
    if !status.is_empty() {
        notes.push(status);
    }
    if let Stage::RetiresOn(r) = stage(sku, now)
        && r.images_deleted.is_some()
    {
        notes.push(format!("retires {}", r.retired));
    }
    if sku.is_immutable() && retirement(sku).is_none() {
        notes.push("NodeImage or None only".to_owned());
    }
    let range = kubernetes_range(sku);
    if range.min.is_some() || range.max.is_some() {
        notes.push(format!("Kubernetes {}", range.describe()));
    }
    if notes.is_empty() {
        sku.label().to_owned()
    } else {
        format!("{}: {}", sku.label(), notes.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn flatcar_is_retired_on_2026_06_08_and_its_images_go_on_2026_09_08() {
        // docs/aks-2026.md §1.1, Flatcar row.
        assert!(matches!(
            stage(OsSku::Flatcar, at("2026-06-07T23:59:59Z")),
            Stage::RetiresOn(_)
        ));
        assert!(matches!(
            stage(OsSku::Flatcar, at("2026-06-08T00:00:00Z")),
            Stage::Retired(_)
        ));
        assert!(matches!(
            stage(OsSku::Flatcar, at("2026-09-08T00:00:00Z")),
            Stage::ImagesDeleted(_)
        ));
    }

    #[test]
    fn windows_2019_is_retired_from_2026_03_01_with_images_until_2027_04_01() {
        // docs/aks-2026.md §1.1, Windows Server 2019 row.
        let s = stage(OsSku::Windows2019, at("2026-12-06T12:00:00Z"));
        let Stage::Retired(r) = s else {
            panic!("{s:?}")
        };
        assert_eq!(r.retired.to_string(), "2026-03-01");
        assert_eq!(r.images_deleted.unwrap().to_string(), "2027-04-01");
        assert!(matches!(
            stage(OsSku::Windows2019, at("2027-04-01T00:00:00Z")),
            Stage::ImagesDeleted(_)
        ));
        assert_eq!(
            status(OsSku::Windows2019, at("2026-12-06T12:00:00Z")),
            "retired 2026-03-01"
        );
    }

    #[test]
    fn current_skus_have_no_end_and_previews_say_so() {
        let now = at("2026-12-06T00:00:00Z");
        for sku in [OsSku::Ubuntu, OsSku::AzureLinux, OsSku::AzureContainerLinux] {
            assert_eq!(stage(sku, now), Stage::Current, "{sku}");
        }
        assert_eq!(status(OsSku::AzureLinuxOSGuard, now), "preview");
        assert_eq!(status(OsSku::Ubuntu, now), "");
    }

    #[test]
    fn the_picker_names_each_restriction() {
        let now = at("2026-12-06T00:00:00Z");
        assert_eq!(
            picker_label(OsSku::AzureContainerLinux, now),
            "Azure Container Linux: NodeImage or None only; Kubernetes 1.34 or later"
        );
        assert_eq!(
            picker_label(OsSku::Flatcar, now),
            "Flatcar Container Linux: retired 2026-06-08, images deleted 2026-09-08"
        );
        assert_eq!(
            picker_label(OsSku::AzureLinuxOSGuard, now),
            "Azure Linux with OS Guard: preview; NodeImage or None only; Kubernetes 1.32 or later"
        );
        assert_eq!(picker_label(OsSku::Ubuntu, now), "Ubuntu");
    }

    #[test]
    fn kubernetes_ranges_follow_the_2026_table() {
        let v = |s: &str| s.parse::<KubernetesVersion>().unwrap();
        // (sku, version, supported) from docs/aks-2026.md §1.1.
        let table = [
            (OsSku::Windows2022, "1.36.2", true),
            (OsSku::Windows2022, "1.37", false),
            (OsSku::Windows2025, "1.31", false),
            (OsSku::Windows2025, "1.32", true),
            (OsSku::AzureContainerLinux, "1.33", false),
            (OsSku::AzureContainerLinux, "1.34", true),
            (OsSku::AzureLinuxOSGuard, "1.31", false),
            (OsSku::Ubuntu2404, "1.38", true),
            (OsSku::Ubuntu2404, "1.39", false),
            (OsSku::Ubuntu2204, "1.36", true),
            (OsSku::Ubuntu2204, "1.37", false),
            (OsSku::Ubuntu, "1.40", true),
        ];
        for (sku, version, ok) in table {
            assert_eq!(
                kubernetes_range(sku).contains(v(version)),
                ok,
                "{sku} {version}"
            );
        }
        assert_eq!(
            kubernetes_range(OsSku::Ubuntu2404).describe(),
            "1.32 to 1.38"
        );
        assert_eq!(
            kubernetes_range(OsSku::Windows2022).describe(),
            "up to 1.36"
        );
    }
}
