//! Fix ETA: a replay of a real case, the never cases, and the properties of issue 9.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;

use super::compute::{Outcome, PoolEta, Verdict};
use super::history::ImageFamily;
use super::sla::Sla;
use super::whatif::suggestions;
use super::{EtaQuestion, fleet_eta};
use crate::rules::plan::Plan;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// One cluster, one pool; `schedule` is the node OS window's `schedule` JSON (or `None`).
fn plan(channel: &str, k8s: &str, os: &str, schedule: Option<&str>, hours: u32) -> Plan {
    let configs = schedule.map_or(String::new(), |s| {
        format!(
            r#"{{"name": "aksManagedNodeOSUpgradeSchedule", "maintenanceWindow": {{"schedule": {s}, "durationHours": {hours}, "utcOffset": "+00:00", "startTime": "00:00"}}}}"#
        )
    });
    let json = format!(
        r#"{{"version": 1, "clusters": [{{"name": "c1", "kubernetesVersion": "{k8s}",
        "autoUpgradeProfile": {{"upgradeChannel": "none", "nodeOSUpgradeChannel": "{channel}"}},
        "agentPoolProfiles": [{{"name": "p1", "mode": "System", "osSKU": "{os}", "vmSize": "Standard_D4s_v5", "count": 3,
          "upgradeSettings": {{"maxSurge": "1"}}}}],
        "maintenanceConfigurations": [{configs}]}}]}}"#
    );
    Plan::from_json(&json).unwrap().0
}

const SATURDAY: &str = r#"{"weekly": {"intervalWeeks": 1, "dayOfWeek": "Saturday"}}"#;

fn copy_fail(disclosed: Option<&str>, sla: Sla) -> EtaQuestion {
    let mut q = EtaQuestion {
        sla,
        ..EtaQuestion::default()
    };
    q.set_image(ImageFamily::Ubuntu2204, "202606.08.1").unwrap();
    q.set_image(ImageFamily::AzureLinux3, "202605.27.0")
        .unwrap();
    if let Some(d) = disclosed {
        q.set_disclosed(d).unwrap();
    }
    q
}

fn only(eta: &super::FleetEta) -> &PoolEta {
    assert_eq!(eta.pools.len(), 1);
    &eta.pools[0]
}

#[test]
fn replay_copy_fail_ubuntu_floor_202606_08_1() {
    // Copy Fail (CVE-2026-31431), disclosed about 2026-04-30 (Azure/AKS#5750); the Ubuntu
    // kernel-fix floor is 202606.08.1 (Azure/AKS#5753), built 2026-06-08 and first named by
    // AKS release 2026-06-19 (CHANGELOG "Release Notes - 2026-06-19"). A Kubernetes 1.34
    // Ubuntu pool (22.04) on NodeImage with a Saturday 00:00 UTC window, asked on 2026-06-01.
    let p = plan("NodeImage", "1.34.2", "Ubuntu", Some(SATURDAY), 8);
    let q = copy_fail(Some("2026-04-30"), Sla::PciDss);
    let eta = fleet_eta(&p, &q, at("2026-06-01T00:00:00Z"));
    let pool = only(&eta);
    assert_eq!(pool.family, Some(ImageFamily::Ubuntu2204));
    let d = pool.dated().unwrap();
    // In region: the release day, + 7 days (documented "up to a week"), + 14 ("sometimes two").
    assert_eq!(d.in_region.earliest, at("2026-06-19T00:00:00Z"));
    assert_eq!(d.in_region.likely, at("2026-06-26T00:00:00Z"));
    assert_eq!(d.in_region.latest, at("2026-07-03T00:00:00Z"));
    // 2026-06-19, 06-26 and 07-03 are Fridays: the next Saturday windows.
    assert_eq!(d.start.earliest, at("2026-06-20T00:00:00Z"));
    assert_eq!(d.start.likely, at("2026-06-27T00:00:00Z"));
    assert_eq!(d.start.latest, at("2026-07-04T00:00:00Z"));
    assert!(d.done.latest < at("2026-07-04T08:00:00Z"));
    // Exposure from disclosure: 51 to 65 days, past PCI DSS's month by 35 days.
    assert_eq!(d.exposure_minutes[1] / 1440, 65);
    assert_eq!(d.exposure_minutes[0] / 1440, 58);
    let Verdict::Missed { by_minutes } = d.verdict else {
        panic!("PCI DSS is missed: {:?}", d.verdict)
    };
    assert_eq!(by_minutes / 1440, 35);
    assert_eq!(eta.missed, 1);
    assert!(!eta.all_met());
}

#[test]
fn without_a_disclosure_date_exposure_counts_from_the_aks_release() {
    let p = plan("NodeImage", "1.34.2", "Ubuntu", Some(SATURDAY), 8);
    let ce = fleet_eta(
        &p,
        &copy_fail(None, Sla::CyberEssentials),
        at("2026-06-01T00:00:00Z"),
    );
    let d = only(&ce).dated().unwrap();
    assert_eq!(d.exposure_from, at("2026-06-19T00:00:00Z"));
    // Latest 2026-07-04 + the upgrade: 15 days, one past Cyber Essentials' 14.
    assert!(
        matches!(d.verdict, Verdict::Missed { by_minutes } if by_minutes > 1440 && by_minutes < 2 * 1440)
    );
    let pci = fleet_eta(
        &p,
        &copy_fail(None, Sla::PciDss),
        at("2026-06-01T00:00:00Z"),
    );
    assert!(only(&pci).meets());
}

#[test]
fn azure_linux_3_uses_its_own_floor() {
    let p = plan("NodeImage", "1.34.2", "AzureLinux", Some(SATURDAY), 8);
    let eta = fleet_eta(
        &p,
        &copy_fail(None, Sla::PciDss),
        at("2026-05-01T00:00:00Z"),
    );
    let d = only(&eta).dated().unwrap();
    assert_eq!(d.image, "202605.27.0");
    // Named by release 2026-05-29.
    assert_eq!(d.in_region.earliest, at("2026-05-29T00:00:00Z"));
    assert_eq!(d.start.earliest, at("2026-05-30T00:00:00Z"));
}

#[test]
fn an_unreleased_image_follows_the_calibrated_lag() {
    // 202611.02.0 is not in the history: released after build + 1 / 15 / 32 days (Ubuntu 22.04
    // from 2025-07: lag min 1, median 15, P90 31.1 rounded up).
    let p = plan(
        "NodeImage",
        "1.34.2",
        "Ubuntu",
        Some(r#"{"daily": {"intervalDays": 1}}"#),
        8,
    );
    let mut q = EtaQuestion::default();
    q.set_image(ImageFamily::Ubuntu2204, "202611.02.0").unwrap();
    let d = fleet_eta(&p, &q, at("2026-10-01T00:00:00Z"));
    let d = only(&d).dated().unwrap();
    let built = at("2026-11-02T00:00:00Z");
    assert_eq!(d.in_region.earliest, built + Duration::days(1));
    assert_eq!(d.in_region.likely, built + Duration::days(15 + 7));
    assert_eq!(d.in_region.latest, built + Duration::days(32 + 14));
}

fn never(p: &Plan, q: &EtaQuestion, now: &str) -> String {
    match &only(&fleet_eta(p, q, at(now))).outcome {
        Outcome::Never { why } => why.clone(),
        Outcome::Dated(d) => panic!("expected never, got {d:?}"),
    }
}

#[test]
fn pools_that_never_get_the_fix_say_why() {
    let q = copy_fail(Some("2026-04-30"), Sla::PciDss);
    let now = "2026-06-01T00:00:00Z";
    assert!(
        never(
            &plan("None", "1.34.2", "Ubuntu", Some(SATURDAY), 8),
            &q,
            now
        )
        .contains("None")
    );
    assert!(never(&plan("NodeImage", "1.34.2", "Ubuntu", None, 8), &q, now).contains("AKS picks"));
    assert!(
        never(
            &plan("NodeImage", "1.34.2", "Flatcar", Some(SATURDAY), 8),
            &q,
            now
        )
        .contains("no public release notes")
    );
    // Windows Server 2019 retired 2026-03-01: no image is built after the disclosure.
    let mut w = EtaQuestion::default();
    w.set_disclosed("2026-04-30").unwrap();
    assert!(
        never(
            &plan("NodeImage", "1.34.2", "Windows2019", Some(SATURDAY), 8),
            &w,
            now
        )
        .contains("retired")
    );
    // A blackout over the whole search horizon: no window ever opens.
    let blocked = r#"{"weekly": {"intervalWeeks": 1, "dayOfWeek": "Saturday"}}"#;
    let mut p = plan("NodeImage", "1.34.2", "Ubuntu", Some(blocked), 8);
    if let Some(win) = p.clusters[0].maintenance_configurations.node_os.as_mut() {
        win.not_allowed_dates
            .push(crate::rules::maintenance::DateSpan {
                start: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                end: NaiveDate::from_ymd_opt(2028, 1, 1).unwrap(),
            });
    }
    assert!(never(&p, &q, now).contains("no node OS window opens"));
    // A Kubernetes minor long out of the support window.
    assert!(
        never(
            &plan("NodeImage", "1.20.0", "Ubuntu", Some(SATURDAY), 8),
            &q,
            now
        )
        .contains("support window")
    );
}

#[test]
fn a_suggestion_turns_a_missed_sla_into_a_met_one() {
    // Monthly window (the 1st): the fix, in the region by 06-26, waits until 07-01, past a
    // 10-day SLA from the 06-19 release; a daily window meets it.
    let monthly = r#"{"absoluteMonthly": {"intervalMonths": 1, "dayOfMonth": 1}}"#;
    let mut p = plan("NodeImage", "1.34.2", "Ubuntu", Some(monthly), 8);
    let mut q = copy_fail(None, Sla::Days(10));
    q.rollout.latest_days = 7;
    let now = at("2026-06-01T00:00:00Z");
    let eta = fleet_eta(&p, &q, now);
    assert_eq!(eta.missed, 1);
    let s = suggestions(&p, &q, &eta, now);
    assert_eq!(s.len(), 1);
    assert!(s[0].change.contains("daily"), "{}", s[0].change);
    p.clusters[0] = s[0].cluster_after.clone();
    let after = fleet_eta(&p, &q, now);
    assert!(after.all_met());
    assert_eq!(after.latest, Some(s[0].latest_after));
}

#[test]
fn a_suggestion_never_leaves_another_pool_without_the_fix() {
    // SecurityPatch would speed up the Ubuntu pool but leave the Windows pool of the same
    // cluster unpatched (not supported on Windows): not offered.
    let monthly = r#"{"absoluteMonthly": {"intervalMonths": 1, "dayOfMonth": 1}}"#;
    let mut p = plan("NodeImage", "1.34.2", "Ubuntu", Some(monthly), 8);
    let mut win = p.clusters[0].agent_pool_profiles[0].clone();
    win.name = "win".to_owned();
    win.os_sku = crate::rules::os::OsSku::Windows2022;
    win.mode = crate::rules::pool::PoolMode::User;
    p.clusters[0].agent_pool_profiles.push(win);
    let mut q = copy_fail(None, Sla::Days(10));
    q.set_image_text("20348.4773.260210").unwrap();
    let now = at("2026-06-01T00:00:00Z");
    let eta = fleet_eta(&p, &q, now);
    let s = suggestions(&p, &q, &eta, now);
    assert!(
        s.iter().all(|s| !s.change.contains("SecurityPatch")),
        "{s:?}"
    );
    for s in &s {
        let mut after = p.clone();
        after.clusters[0] = s.cluster_after.clone();
        let e = fleet_eta(&after, &q, now);
        assert_eq!(e.never, 0, "{}", s.change);
    }
}

#[test]
fn the_question_round_trips_through_the_plan() {
    let mut p = plan("NodeImage", "1.34.2", "Ubuntu", Some(SATURDAY), 8);
    p.eta = Some(copy_fail(Some("2026-04-30"), Sla::FedrampModerate));
    let back = Plan::from_json(&p.to_json()).unwrap();
    assert!(back.1.is_empty(), "{:?}", back.1);
    assert_eq!(back.0, p);
    let json = p.to_json();
    assert!(
        json.contains("\"AKSUbuntu-2204\": \"202606.08.1\""),
        "{json}"
    );
    assert!(json.contains("\"sla\": \"fedramp-moderate\""), "{json}");
    assert!(json.contains("\"disclosed\": \"2026-04-30\""), "{json}");
    // A stored question with a wrong value is refused with the field's message.
    let bad = json.replace("202606.08.1", "2026.06.08");
    let err = Plan::from_json(&bad).unwrap_err().to_string();
    assert!(err.contains("not a node image version"), "{err}");
    // A plan without it writes nothing new.
    p.eta = None;
    assert!(!p.to_json().contains("\"eta\""));
}

#[test]
fn a_share_link_carries_the_question() {
    let mut p = plan("NodeImage", "1.34.2", "Ubuntu", Some(SATURDAY), 8);
    p.eta = Some(copy_fail(Some("2026-04-30"), Sla::CyberEssentials));
    let back = crate::rules::share::decode(&crate::rules::share::encode(&p)).unwrap();
    assert_eq!(back.eta, p.eta);
}

#[test]
fn wrong_os_versions_are_refused_with_a_message() {
    let mut q = EtaQuestion::default();
    let e = q
        .set_image(ImageFamily::Windows2022, "202606.08.1")
        .unwrap_err();
    assert!(e.to_string().contains("Linux image version"), "{e}");
    assert!(q.set_image(ImageFamily::Ubuntu2404, "2026.06.08").is_err());
    assert!(q.set_disclosed("30/04/2026").is_err());
    assert!(q.is_empty());
}

fn schedule(daily: bool, day: usize) -> String {
    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    if daily {
        r#"{"daily": {"intervalDays": 1}}"#.to_owned()
    } else {
        format!(
            r#"{{"weekly": {{"intervalWeeks": 1, "dayOfWeek": "{}"}}}}"#,
            DAYS[day]
        )
    }
}

/// Like [`plan`] (Kubernetes 1.34.2, Ubuntu), optionally on `stable` with a 6-hour
/// auto-upgrade window of schedule `auto`.
fn plan_with(channel: &str, schedule: Option<&str>, hours: u32, auto: Option<&str>) -> Plan {
    let mut configs: Vec<String> = Vec::new();
    if let Some(s) = schedule {
        configs.push(format!(
            r#"{{"name": "aksManagedNodeOSUpgradeSchedule", "maintenanceWindow": {{"schedule": {s}, "durationHours": {hours}, "utcOffset": "+00:00", "startTime": "00:00"}}}}"#
        ));
    }
    if let Some(s) = auto {
        configs.push(format!(
            r#"{{"name": "aksManagedAutoUpgradeSchedule", "maintenanceWindow": {{"schedule": {s}, "durationHours": 6, "utcOffset": "+00:00", "startTime": "00:00"}}}}"#
        ));
    }
    let upgrade = if auto.is_some() { "stable" } else { "none" };
    let json = format!(
        r#"{{"version": 1, "clusters": [{{"name": "c1", "kubernetesVersion": "1.34.2",
        "autoUpgradeProfile": {{"upgradeChannel": "{upgrade}", "nodeOSUpgradeChannel": "{channel}"}},
        "agentPoolProfiles": [{{"name": "p1", "mode": "System", "osSKU": "Ubuntu", "vmSize": "Standard_D4s_v5", "count": 3,
          "upgradeSettings": {{"maxSurge": "1"}}}}],
        "maintenanceConfigurations": [{}]}}]}}"#,
        configs.join(", ")
    );
    Plan::from_json(&json).unwrap().0
}

fn latest(p: &Plan, q: &EtaQuestion, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    only(&fleet_eta(p, q, now)).dated().map(|d| d.done.latest)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn etas_respect_the_image_the_region_and_the_windows(
        day in 0usize..7,
        hours in 4u32..=24,
        security in any::<bool>(),
        now_day in 0i64..200,
        build_day in 0i64..200,
        disclosed in any::<bool>(),
        auto_day in proptest::option::of(0usize..7),
    ) {
        let channel = if security { "SecurityPatch" } else { "NodeImage" };
        let mut p = plan(channel, "1.34.2", "Ubuntu", Some(&schedule(false, day)), hours);
        // Optionally `stable` with a weekly auto-upgrade window: its upgrades may deliver.
        if let Some(d) = auto_day {
            p = plan_with(channel, Some(&schedule(false, day)), hours, Some(&schedule(false, d)));
        }
        let base = at("2026-03-01T00:00:00Z");
        let now = base + Duration::days(now_day);
        let built = (base + Duration::days(build_day)).date_naive();
        let mut q = EtaQuestion::default();
        if disclosed {
            q.disclosed = Some(built);
        } else {
            let v = format!("{}.0", built.format("%Y%m.%d"));
            q.set_image(ImageFamily::Ubuntu2204, &v).unwrap();
        }
        let eta = fleet_eta(&p, &q, now);
        let pool = only(&eta);
        let d = pool.dated().unwrap();
        let window = p.clusters[0].maintenance_configurations.node_os.as_ref().unwrap();
        let built_at = built.and_hms_opt(0, 0, 0).unwrap().and_utc();
        for (b, r, s, e) in [
            (d.built.earliest, d.in_region.earliest, d.start.earliest, d.done.earliest),
            (d.built.likely, d.in_region.likely, d.start.likely, d.done.likely),
            (d.built.latest, d.in_region.latest, d.start.latest, d.done.latest),
        ] {
            // Never before the image exists or reaches the region, never before now.
            prop_assert!(b >= built_at);
            prop_assert!(r >= b);
            prop_assert!(s >= r && s >= now && e >= s);
            // Starts inside a window of the pool's configurations (node OS, or auto-upgrade).
            let auto = p.clusters[0].maintenance_configurations.auto_upgrade.as_ref();
            let inside = [Some(window), auto].into_iter().flatten().any(|w| {
                w.occurrences(s - Duration::days(2), p.assumptions.recurrence)
                    .take_while(|o| o.start <= s)
                    .any(|o| !o.blocked && o.start <= s && s < o.end)
            });
            prop_assert!(inside, "start {s} outside every window");
        }
        prop_assert!(d.done.earliest <= d.done.likely && d.done.likely <= d.done.latest);
    }

    #[test]
    fn wider_or_more_frequent_windows_never_make_it_later(
        day in 0usize..7,
        hours in 4u32..=20,
        extra in 1u32..=4,
        now_day in 0i64..120,
        security in any::<bool>(),
    ) {
        let channel = if security { "SecurityPatch" } else { "NodeImage" };
        let now = at("2026-05-01T00:00:00Z") + Duration::days(now_day);
        let q = copy_fail(Some("2026-04-30"), Sla::PciDss);
        let weekly = schedule(false, day);
        let base = latest(&plan(channel, "1.34.2", "Ubuntu", Some(&weekly), hours), &q, now).unwrap();
        let wider = latest(&plan(channel, "1.34.2", "Ubuntu", Some(&weekly), hours + extra), &q, now).unwrap();
        let daily = latest(&plan(channel, "1.34.2", "Ubuntu", Some(&schedule(true, day)), hours), &q, now).unwrap();
        prop_assert!(wider <= base, "wider {wider} later than {base}");
        prop_assert!(daily <= base, "daily {daily} later than {base}");
    }

    #[test]
    fn channel_none_never_gets_an_eta(day in 0usize..7, now_day in 0i64..200, os in 0usize..3) {
        let sku = ["Ubuntu", "AzureLinux", "Windows2022"][os];
        let p = plan("None", "1.34.2", sku, Some(&schedule(false, day)), 4);
        let mut q = copy_fail(Some("2026-04-30"), Sla::PciDss);
        q.set_image(ImageFamily::Windows2022, "20348.4773.260210").unwrap();
        let eta = fleet_eta(&p, &q, at("2026-03-01T00:00:00Z") + Duration::days(now_day));
        prop_assert!(only(&eta).dated().is_none());
        prop_assert_eq!(eta.never, 1);
    }
}

#[test]
fn a_kubernetes_auto_upgrade_delivers_the_fix_earlier() {
    // NodeImage with a monthly window on the 1st, and `stable` with a Saturday auto-upgrade
    // window. Asked on Friday 2026-07-03, when the fixed Ubuntu image (AKS release 06-19) is in
    // the region in every case (06-19 / 06-26 / 07-03): the node OS channel would reimage on
    // 2026-08-01. The next 1.34 patch of the release model (monthly patches) reaches the
    // region in the week before Saturday 2026-07-18, so `stable` upgrades in that window and
    // installs the newest node image on the pool right after the control plane
    // (docs/aks-rules.md §2 rule 2).
    let monthly = r#"{"absoluteMonthly": {"intervalMonths": 1, "dayOfMonth": 1}}"#;
    let json = format!(
        r#"{{"version": 1, "clusters": [{{"name": "c1", "kubernetesVersion": "1.34.0",
        "autoUpgradeProfile": {{"upgradeChannel": "{{CHANNEL}}", "nodeOSUpgradeChannel": "NodeImage"}},
        "agentPoolProfiles": [{{"name": "p1", "mode": "System", "osSKU": "Ubuntu", "vmSize": "Standard_D4s_v5", "count": 3,
          "upgradeSettings": {{"maxSurge": "1"}}}}],
        "maintenanceConfigurations": [
          {{"name": "aksManagedNodeOSUpgradeSchedule", "maintenanceWindow": {{"schedule": {monthly}, "durationHours": 8, "utcOffset": "+00:00", "startTime": "00:00"}}}},
          {{"name": "aksManagedAutoUpgradeSchedule", "maintenanceWindow": {{"schedule": {SATURDAY}, "durationHours": 8, "utcOffset": "+00:00", "startTime": "00:00"}}}}]}}]}}"#
    );
    let q = copy_fail(Some("2026-04-30"), Sla::PciDss);
    let now = at("2026-07-03T00:00:00Z");
    let eta_of = |channel: &str| {
        let p = Plan::from_json(&json.replace("{CHANNEL}", channel))
            .unwrap()
            .0;
        only(&fleet_eta(&p, &q, now)).dated().unwrap().clone()
    };
    // Without Kubernetes auto-upgrades: the monthly node OS window of 08-01 in every case.
    let none = eta_of("none");
    assert_eq!(none.start.earliest, at("2026-08-01T00:00:00Z"));
    assert_eq!(none.start.latest, at("2026-08-01T00:00:00Z"));
    // With `stable`: the Saturday 07-18 auto-upgrade window, in every case.
    let stable = eta_of("stable");
    let p = Plan::from_json(&json.replace("{CHANNEL}", "stable"))
        .unwrap()
        .0;
    let window = (at("2026-07-18T00:00:00Z"), at("2026-07-18T08:00:00Z"));
    // Cross-check with the projection: its first Kubernetes upgrade opens that window.
    let projected = crate::rules::projection::project(&p, now, 8);
    let first = &projected.clusters[0].kubernetes.upgrades[0];
    assert_eq!(first.start, Some(window.0));
    let control_plane = Duration::minutes(i64::from(
        p.assumptions.projection.kubernetes.control_plane_minutes,
    ));
    for (s, e) in [
        (stable.start.earliest, stable.done.earliest),
        (stable.start.likely, stable.done.likely),
        (stable.start.latest, stable.done.latest),
    ] {
        // The control plane goes first, then the pool's step.
        assert_eq!(s, window.0 + control_plane);
        assert!(s < e && e < window.1, "done {e}");
    }
    assert!(
        stable.how.starts_with("Kubernetes auto-upgrade (stable)"),
        "{}",
        stable.how
    );
    assert!(stable.how.contains("in every case"), "{}", stable.how);
    assert!(stable.exposure_minutes[1] < none.exposure_minutes[1]);
}
