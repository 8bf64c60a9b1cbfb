//! OS SKU lifecycle per pool (docs/aks-2026.md §1.1): retired SKUs with their dates relative to
//! "now" (a parameter), SKUs the cluster's Kubernetes version does not run, and preview SKUs.

use chrono::{DateTime, NaiveDate, Utc};

use crate::rules::cluster::Cluster;
use crate::rules::conflicts::WINDOWS_2025_DEFAULT;
use crate::rules::os::lifecycle::{self, Retirement, Stage};
use crate::rules::os::version::os_version_change;
use crate::rules::plan::Plan;
use crate::rules::pool::AgentPool;

use super::sources::{AKS_CHANGELOG, OS_VERSION};
use super::{FieldPath, Finding, fields, per_pool};
use crate::rules::finding::FindingCode;

/// Every pool's lifecycle findings; date findings only when `now` is known.
pub(super) fn findings(plan: &Plan, now: Option<DateTime<Utc>>) -> Vec<Finding> {
    per_pool(plan, |ci, cluster, pi, pool, out| {
        lifecycle_of(ci, cluster, pi, pool, now, out)
    })
}

/// "2026-06-08 (181 days ago)", "2027-04-01 (in 116 days)", "2026-12-06 (today)".
fn relative(day: NaiveDate, now: DateTime<Utc>) -> String {
    let days = (day - now.date_naive()).num_days();
    match days {
        0 => format!("{day} (today)"),
        d if d > 0 => format!("{day} (in {d} day{})", if d == 1 { "" } else { "s" }),
        d => format!("{day} ({} day{} ago)", -d, if d == -1 { "" } else { "s" }),
    }
}

fn lifecycle_of(
    ci: usize,
    cluster: &Cluster,
    pi: usize,
    pool: &AgentPool,
    now: Option<DateTime<Utc>>,
    out: &mut Vec<Finding>,
) {
    let sku = pool.os_sku;
    let path = || FieldPath::pool(ci, cluster, pi, pool, fields::OS_SKU);
    let what = format!("node pool {:?} ({sku})", pool.name);
    if let Some(now) = now {
        let deleted = |r: &Retirement| {
            r.images_deleted
                .map(|d| relative(d, now))
                .unwrap_or_else(|| "on a date not yet announced".to_owned())
        };
        match lifecycle::stage(sku, now) {
            Stage::Current => {}
            Stage::ImagesDeleted(r) => out.push(
                Finding::error(FindingCode::OsSkuImagesDeleted, path(), AKS_CHANGELOG)
                    .message(format!(
                        "{what}: {} was retired on {} and its node images were deleted on {}",
                        sku.label(),
                        relative(r.retired, now),
                        deleted(&r)
                    ))
                    .why(format!(
                        "Announced in {}: once the images are deleted, scaling the pool and \
                         every reimage (node image or Kubernetes upgrade) fail.",
                        r.announced_in
                    ))
                    .fix(format!(
                        "Move the workloads to a new pool with osSKU {} and delete this pool.",
                        r.successor
                    )),
            ),
            Stage::Retired(r) => out.push(
                Finding::warning(FindingCode::OsSkuRetired, path(), AKS_CHANGELOG)
                    .message(format!(
                        "{what}: {} was retired on {}; its node images are deleted {}",
                        sku.label(),
                        relative(r.retired, now),
                        deleted(&r)
                    ))
                    .why(format!(
                        "Announced in {}: a retired OS SKU gets no new node images or \
                         patches and no new pools; after the image deletion, scaling and \
                         reimage fail.",
                        r.announced_in
                    ))
                    .fix(format!(
                        "Before the images are deleted, move the workloads to a new pool with \
                         osSKU {} and delete this pool.",
                        r.successor
                    )),
            ),
            Stage::RetiresOn(r) => out.push(
                Finding::note(FindingCode::OsSkuRetiring, path(), AKS_CHANGELOG)
                    .message(format!(
                        "{what}: {} retires on {}",
                        sku.label(),
                        relative(r.retired, now)
                    ))
                    .why(format!(
                        "Announced in {}: from that day the SKU gets no new node images or \
                         patches.",
                        r.announced_in
                    ))
                    .fix(format!(
                        "Plan the move to osSKU {} before then.",
                        r.successor
                    )),
            ),
        }
    }
    let range = lifecycle::kubernetes_range(sku);
    if let Some(v) = cluster.kubernetes_version
        && !range.contains(v)
    {
        out.push(
            Finding::error(FindingCode::OsSkuKubernetesUnsupported, path(), OS_VERSION)
                .message(format!(
                    "{what}: {} runs on Kubernetes {} only, the cluster is on {v}",
                    sku.label(),
                    range.describe()
                ))
                .why(format!(
                    "AKS supports osSKU {sku} on Kubernetes {} only.{}",
                    range.describe(),
                    if sku.is_windows() {
                        format!(" {}", WINDOWS_2025_DEFAULT.sentence())
                    } else {
                        String::new()
                    }
                ))
                .fix(
                    "Change the pool's OS SKU (e.g. Windows2025 instead of Windows2022 from \
                     Kubernetes 1.37, Ubuntu2404 instead of Ubuntu2204 from 1.37), or the \
                     cluster's Kubernetes version.",
                ),
        );
    }
    if let (Some(live), Some(planned)) = (
        cluster.current_kubernetes_version,
        cluster.kubernetes_version,
    ) && let Some(change) = os_version_change(sku, live, planned)
    {
        let conflict = change
            .conflict
            .map_or(String::new(), |c| format!(" {}", c.sentence()));
        out.push(
            Finding::warning(
                FindingCode::PlannedUpgradeChangesOsVersion,
                path(),
                OS_VERSION,
            )
            .message(format!(
                "{what}: upgrading the cluster from {live} to {planned} moves the pool from {}",
                change.label()
            ))
            .why(format!(
                "With osSKU Ubuntu the Ubuntu version follows the Kubernetes version: 22.04 up \
                     to 1.34, 24.04 from 1.35. A new OS version under the workloads can break \
                     them.{conflict}"
            ))
            .fix(
                "Test the workloads on the new OS version first, or pin the version with \
                     osSKU Ubuntu2204 (Kubernetes up to 1.36) or Ubuntu2404.",
            ),
        );
    }
    if lifecycle::is_preview(sku) && lifecycle::retirement(sku).is_none() {
        out.push(
            Finding::note(FindingCode::OsSkuPreview, path(), OS_VERSION)
                .message(format!("{what}: {} is a preview", sku.label()))
                .why(
                    "Preview features have no SLA and may change; Azure Linux with OS Guard \
                     runs IPE in audit mode and SELinux permissive, and its OS version moves \
                     only through node image upgrades.",
                )
                .fix("Keep preview SKUs off production clusters, or accept the preview terms."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, pool};
    use super::*;
    use crate::rules::os::OsSku;
    use crate::rules::pool::PoolMode;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn with_pool(sku: OsSku, version: &str, now: &str) -> Vec<Finding> {
        let plan = plan_with(|c| {
            c.kubernetes_version = version.parse().ok();
            c.agent_pool_profiles
                .push(pool("extra", PoolMode::User, sku));
        });
        findings(&plan, Some(at(now)))
    }

    #[test]
    fn flatcar_after_retirement_warns_with_both_dates_relative_to_now() {
        // docs/aks-2026.md §1.1: retired 2026-06-08, images deleted 2026-09-08.
        let found = with_pool(OsSku::Flatcar, "1.33.2", "2026-07-08T10:00:00Z");
        let f = only(
            &found,
            FindingCode::OsSkuRetired.as_str(),
            Severity::Warning,
        );
        assert!(
            f.message.contains("2026-06-08 (30 days ago)"),
            "{}",
            f.message
        );
        assert!(
            f.message.contains("2026-09-08 (in 62 days)"),
            "{}",
            f.message
        );
        assert!(f.fix.contains("AzureContainerLinux"), "{}", f.fix);
        assert_eq!(f.path.pool, Some(1));
    }

    #[test]
    fn flatcar_after_image_deletion_is_an_error() {
        let found = with_pool(OsSku::Flatcar, "1.33.2", "2026-12-06T10:00:00Z");
        only(
            &found,
            FindingCode::OsSkuImagesDeleted.as_str(),
            Severity::Error,
        );
        assert!(!codes(&found).contains(&FindingCode::OsSkuRetired.as_str()));
    }

    #[test]
    fn windows_2019_is_retired_in_december_2026_and_an_error_from_april_2027() {
        // docs/aks-2026.md §1.1: retired 2026-03-01, images deleted 2027-04-01.
        let found = with_pool(OsSku::Windows2019, "1.33.2", "2026-12-06T10:00:00Z");
        let f = only(
            &found,
            FindingCode::OsSkuRetired.as_str(),
            Severity::Warning,
        );
        assert!(
            f.message.contains("2027-04-01 (in 116 days)"),
            "{}",
            f.message
        );
        let later = with_pool(OsSku::Windows2019, "1.33.2", "2027-04-01T00:00:00Z");
        only(
            &later,
            FindingCode::OsSkuImagesDeleted.as_str(),
            Severity::Error,
        );
    }

    #[test]
    fn windows_2022_on_1_37_is_an_error_and_a_retirement_note_before() {
        // docs/aks-2026.md §1.1: not supported on Kubernetes >= 1.37; retires 2028-06-30.
        let found = with_pool(OsSku::Windows2022, "1.37.0", "2026-12-06T10:00:00Z");
        let f = only(
            &found,
            FindingCode::OsSkuKubernetesUnsupported.as_str(),
            Severity::Error,
        );
        assert!(f.message.contains("up to 1.36"), "{}", f.message);
        only(&found, FindingCode::OsSkuRetiring.as_str(), Severity::Note);
        let ok = with_pool(OsSku::Windows2022, "1.36.1", "2026-12-06T10:00:00Z");
        assert!(!codes(&ok).contains(&FindingCode::OsSkuKubernetesUnsupported.as_str()));
    }

    #[test]
    fn azure_container_linux_needs_1_34_and_os_guard_is_a_preview() {
        let found = with_pool(OsSku::AzureContainerLinux, "1.33.2", "2026-12-06T10:00:00Z");
        only(
            &found,
            FindingCode::OsSkuKubernetesUnsupported.as_str(),
            Severity::Error,
        );
        let guard = with_pool(OsSku::AzureLinuxOSGuard, "1.33.2", "2026-12-06T10:00:00Z");
        assert_eq!(codes(&guard), [FindingCode::OsSkuPreview.as_str()]);
    }

    #[test]
    fn a_planned_upgrade_across_1_35_moves_an_ubuntu_pool_to_24_04() {
        // docs/aks-2026.md §1.1: 24.04 is the default for osSKU Ubuntu from 1.35.
        let plan = plan_with(|c| {
            c.current_kubernetes_version = "1.34.6".parse().ok();
            c.kubernetes_version = "1.35.1".parse().ok();
            c.agent_pool_profiles
                .push(pool("pinned", PoolMode::User, OsSku::Ubuntu2204));
        });
        let found = findings(&plan, None);
        let f = only(
            &found,
            FindingCode::PlannedUpgradeChangesOsVersion.as_str(),
            Severity::Warning,
        );
        // The baseline's Ubuntu system pool moves; the pinned Ubuntu2204 pool does not.
        assert_eq!(f.path.pool, Some(0));
        assert!(
            f.message
                .contains("from 1.34.6 to 1.35.1 moves the pool from Ubuntu 22.04 → Ubuntu 24.04"),
            "{}",
            f.message
        );
        // 1.35 is where the sources disagree (docs/aks-2026.md §1.9 item 2): both sides shown.
        assert!(
            f.why.contains("1.25 to 1.35") && f.why.contains("1.25 to 1.34"),
            "{}",
            f.why
        );
        let same = plan_with(|c| {
            c.current_kubernetes_version = "1.35.1".parse().ok();
            c.kubernetes_version = "1.36.0".parse().ok();
        });
        assert!(findings(&same, None).is_empty());
    }

    #[test]
    fn without_now_no_date_findings_are_made() {
        let plan = plan_with(|c| {
            c.agent_pool_profiles
                .push(pool("extra", PoolMode::User, OsSku::Windows2019));
        });
        assert!(findings(&plan, None).is_empty());
    }
}
