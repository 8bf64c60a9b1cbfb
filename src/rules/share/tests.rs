use super::*;
use crate::rules::demo::demo_plan;

/// 10 clusters × 3 pools, each with windows (the issue's size target): the demo's clusters
/// with distinct names, groups, regions, node counts, start times and days, so the links do
/// not compress better than a real fleet would.
pub(crate) fn fleet_of_ten() -> Plan {
    use crate::rules::maintenance::{DayOfWeek, Schedule, StartTime};
    let demo = demo_plan();
    let mut plan = demo.clone();
    plan.clusters.clear();
    let regions = ["westeurope", "northeurope", "eastus2", "westus3", "uksouth"];
    for i in 0..10usize {
        let mut c = demo.clusters[i % 3].clone();
        let env = ["dev", "test", "prod"][i % 3];
        let region = regions[i % 5];
        c.name = format!("aks-{env}-{}-{i:02}", &region[..3]);
        c.resource_group = format!("rg-{env}-{region}-{i:02}");
        c.location = region.to_owned();
        for w in [
            &mut c.maintenance_configurations.auto_upgrade,
            &mut c.maintenance_configurations.node_os,
        ]
        .into_iter()
        .flatten()
        {
            let n = u32::try_from(i).unwrap();
            w.start_time = StartTime::new((n * 5 + 1) % 24, 0).unwrap();
            let day = DayOfWeek::ALL[(i * 3 + 1) % 7];
            match &mut w.schedule {
                Schedule::Weekly { day_of_week, .. }
                | Schedule::RelativeMonthly { day_of_week, .. } => *day_of_week = day,
                _ => {}
            }
        }
        c.agent_pool_profiles.truncate(3);
        while c.agent_pool_profiles.len() < 3 {
            let mut p = c.agent_pool_profiles[0].clone();
            p.name = format!("user{}", c.agent_pool_profiles.len());
            c.agent_pool_profiles.push(p);
        }
        for (j, p) in c.agent_pool_profiles.iter_mut().enumerate() {
            p.count = u32::try_from((i * 7 + j * 11) % 37 + 2).unwrap();
        }
        plan.clusters.push(c);
    }
    plan
}

#[test]
fn a_plan_survives_a_link_unchanged() {
    let plan = demo_plan();
    let link = link("https://planner.example/app?x=1#old", &plan);
    assert!(link.starts_with("https://planner.example/app?x=1#p=1."));
    assert_eq!(decode(&link), Ok(plan));
}

#[test]
fn the_plans_time_zone_travels_in_the_link() {
    let mut plan = demo_plan();
    plan.time_zone = Some("America/New_York".parse().unwrap());
    assert_eq!(decode(&encode(&plan)), Ok(plan.clone()));
    let mut other = plan.clone();
    other.time_zone = None;
    let changes: Vec<String> = diff(&other, &plan)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(changes, ["timeZone: (none) → America/New_York"]);
}

#[test]
fn a_ten_cluster_fleet_fits_in_1500_characters() {
    let fragment = encode(&fleet_of_ten());
    assert!(fragment.len() < 1500, "{} characters", fragment.len());
}

#[test]
fn non_links_and_future_versions_are_named() {
    assert_eq!(
        decode("https://example.com/"),
        Err(ShareError::NotAPlannerLink)
    );
    assert_eq!(decode("#q=1.abc"), Err(ShareError::NotAPlannerLink));
    assert_eq!(
        decode("#p=2.abc"),
        Err(ShareError::UnknownVersion("2".to_owned()))
    );
}

#[test]
fn a_cut_link_is_truncated_and_an_edited_one_tampered() {
    let fragment = encode(&demo_plan());
    for cut in [
        fragment.len() - 1,
        fragment.len() - 7,
        fragment.len() / 2,
        9,
    ] {
        assert_eq!(
            decode(&fragment[..cut]),
            Err(ShareError::Truncated),
            "cut at {cut}"
        );
    }
    // Flip one character in the middle of the compressed data.
    let mut chars: Vec<char> = fragment.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    let edited: String = chars.into_iter().collect();
    assert!(
        matches!(
            decode(&edited),
            Err(ShareError::Tampered | ShareError::Truncated)
        ),
        "{:?}",
        decode(&edited)
    );
    // A correct stream with a wrong checksum.
    let mut bytes = base64url::decode(&fragment[5..]).unwrap();
    bytes[0] ^= 1;
    assert_eq!(
        decode(&format!("#p=1.{}", base64url::encode(&bytes))),
        Err(ShareError::Tampered)
    );
    assert!(matches!(
        decode("#p=1.ab$c"),
        Err(ShareError::BadCharacter {
            position: 2,
            found: '$'
        })
    ));
}

#[test]
fn the_demo_plan_link_length_is_known() {
    // Reported in the issue's closing note; a jump here means the format got worse.
    let n = encode(&demo_plan()).len();
    assert!(n < 1000, "{n}");
}

/// The plan inside [`GOLDEN_V1`], as plan JSON.
const GOLDEN_PLAN: &str = r#"{"version":1,"name":"golden v1","clusters":[{"name":"aks-golden","resourceGroup":"rg(golden).eu",
  "location":"westeurope","kubernetesVersion":"1.33.2","tags":{"ring":"1","a":"tag keys survive"},
  "autoUpgradeProfile":{"upgradeChannel":"patch","nodeOSUpgradeChannel":"SecurityPatch"},
  "agentPoolProfiles":[{"name":"system","mode":"System","osSKU":"AzureLinux","vmSize":"Standard_D4s_v5","count":3,
     "upgradeSettings":{"maxSurge":"33%","drainTimeoutInMinutes":30}},
   {"name":"gpu","mode":"User","osSKU":"Ubuntu","vmSize":"Standard_NC6s_v3","count":2,
     "upgradeSettings":{"maxSurge":"1","undrainableNodeBehavior":"Cordon"}}],
  "maintenanceConfigurations":[{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{
     "schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":6,"utcOffset":"-08:00",
     "startDate":"2027-01-03","startTime":"22:00","notAllowedDates":[{"start":"2027-12-23","end":"2028-01-03"}]}}]}]}"#;

/// A link written by link format 1. FROZEN: never regenerate; if this stops decoding, the
/// change broke every link users already shared.
const GOLDEN_V1: &str = "https://planner.example/#p=1.tVCxr12S3W7TQBCFXyUaCQkkJ_IPlOK7kIC4KCkQRVygqtrYg2Psrs3-uHEj8-ycsdOq6o3X883ZM7M7eyJFaRTQnlIqmjpnPesiCiij9NdppKqy8ykDzACmeD3FbxbswX6D3bN17E3TMkABgOWAJVokySJGUFJ6IlNqyYn_P5Qlp4pZxb2dWW-6smMaAvojwhrJVrnsAOUd_receVO6_tvIoNJP7dkele-ga0T3GLQIlg_e8FWp_RHgr2Sd0rky-e36rb3t3oEaSpOArJR0ECTJK8AOMByGYPIvWn8231k2Z-vd3mvnX9puVhfwTSbf-JmvHPiIddWYvNE0DDcB9c8v-KvSquB80-R8vd21hVE5b7MD576WC30Qo6V8vsjnanTfSGmPyj0MA_pI6UVAK8B5eJmGIbatEcRh_H4eRvNQ2vokIJ6Sn8f63x8lUTyPRfJjApfnPcMNmpV2cynMx7YxbjyVMgW7VV2KfPEhkpkYGZJhnbEo9rXKqsa7645NreTScjwPmWdpLd7BGn1jelUp7J65qvulzg6NEQp7t1aOf4LjdMN_";

#[test]
fn share_links_of_version_1_still_open() {
    let (expected, _) = Plan::from_json(GOLDEN_PLAN).unwrap();
    assert_eq!(decode(GOLDEN_V1), Ok(expected));
}

#[test]
fn diff_names_what_changed_by_name_not_position() {
    use crate::rules::surge::SurgeValue;
    let before = demo_plan();
    let mut after = before.clone();
    after.clusters.swap(0, 2); // reordering is not a change
    after.clusters[0].agent_pool_profiles[1]
        .upgrade_settings
        .max_surge = Some(SurgeValue::Percent(50));
    after.clusters.retain(|c| c.name != "aks-dev-weu");
    let mut added = before.clusters[0].clone();
    added.name = "aks-new".to_owned();
    after.clusters.push(added);
    let changes: Vec<String> = diff(&before, &after)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        changes,
        [
            "aks-prod-weu: agentPoolProfiles[apps].upgradeSettings.maxSurge: 33% → 50%",
            "cluster aks-new added",
            "cluster aks-dev-weu removed",
        ]
    );
    assert!(diff(&before, &before).is_empty());
}

#[test]
fn every_malformed_p_value_gets_its_own_message() {
    // As `location.hash` holds them: browsers %-escape spaces, quotes and braces.
    let cases = [
        ("#p=", ShareError::Empty),
        ("#p=%20", ShareError::Empty),
        (
            "#p=hello%20world",
            ShareError::NoVersion {
                found: "hello world".to_owned(),
            },
        ),
        (
            "#p=%ZZ",
            ShareError::BadEscape {
                found: "%ZZ".to_owned(),
            },
        ),
        (
            "#p=abc%4",
            ShareError::BadEscape {
                found: "%4".to_owned(),
            },
        ),
        ("#p=%7B%22clusters%22:%5B%5D%7D", ShareError::PlanJson),
        (
            "#p=%7B%22kubernetesVersion%22:%221.33%22%7D",
            ShareError::PlanJson,
        ),
        ("#p=[1.5]", ShareError::PlanJson),
        ("#p=1", ShareError::Truncated),
        (
            "#p=x.abc",
            ShareError::NoVersion {
                found: "x.abc".to_owned(),
            },
        ),
    ];
    for (fragment, expected) in cases {
        let got = decode(fragment);
        assert_eq!(got, Err(expected), "{fragment}");
        let message = got.unwrap_err().to_string();
        assert!(
            message.contains("#p=") || message.contains("cut short"),
            "{message}"
        );
    }
    // A fragment without `p=` is somebody else's (the skip link's `#main`): left alone.
    assert_eq!(decode("#main"), Err(ShareError::NotAPlannerLink));
    assert_eq!(decode("#p"), Err(ShareError::NotAPlannerLink));
}

#[test]
fn a_malformed_value_is_quoted_briefly() {
    let long = format!("#p={}", "z".repeat(500));
    let message = decode(&long).unwrap_err().to_string();
    assert!(
        message.contains(&format!("{:?}", "z".repeat(20))),
        "{message}"
    );
    assert!(message.len() < 250, "{message}");
}

#[test]
fn a_pasted_link_is_recognised_and_json_is_not() {
    let fragment = encode(&demo_plan());
    let cases = [
        (
            format!("  https://planner.example/app{fragment}\n"),
            Some(fragment.clone()),
        ),
        (fragment.clone(), Some(fragment.clone())),
        (fragment[1..].to_owned(), Some(fragment.clone())),
        (
            "http://127.0.0.1:8099/#p=1.abc".to_owned(),
            Some("#p=1.abc".to_owned()),
        ),
        (
            r#"{"name": "aks", "tags": {"url": "x#p=1"}}"#.to_owned(),
            None,
        ),
        ("https://example.com/#main".to_owned(), None),
        (String::new(), None),
    ];
    for (text, expected) in cases {
        assert_eq!(link_fragment(&text), expected, "{text}");
    }
}

#[test]
fn holds_link_is_true_exactly_when_decode_reads_or_explains_the_link() {
    // The app loads the link opener only for fragments `holds_link` accepts: any text `decode`
    // would explain (a damaged link, a newer version) must be accepted, any it ignores refused.
    let good = encode(&demo_plan());
    let texts = [
        "",
        "#",
        "#main",
        "#q=1.abc",
        "https://example.com/",
        "https://example.com/planner/#main",
        "#p=",
        "#p=1.",
        "#p=2.abc",
        "#p=1.!!",
        "#x=1&p=1.abc",
        "  #p=1.abc  ",
        "p=1.abc",
        "https://org.github.io/planner/#p=1.zzz",
        "#P=1.abc",
        "#%70=1.abc",
        good.as_str(),
        &good[..good.len() / 2],
    ];
    for text in texts {
        let explained = !matches!(decode(text), Err(ShareError::NotAPlannerLink));
        assert_eq!(holds_link(text), explained, "{text:?}");
    }
}
