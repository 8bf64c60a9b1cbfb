//! Window placement with hand-made windows (independent of the recurrence engine).

use chrono::{DateTime, Duration, Utc};

use super::assumptions::ProjectionAssumptions;
use super::duration::pool_upgrade;
use super::placement::in_windows;
use super::release::Stream;
use super::timeline::{EventKind, PatchState, PoolProjection, Releases, WindowSlot};
use crate::rules::os::OsSku;
use crate::rules::pool::AgentPool;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn pool(name: &str, count: u32, surge: &str) -> PoolProjection {
    let spec: AgentPool = serde_json::from_str(&format!(
        r#"{{"name":"{name}","vmSize":"Standard_D8s_v5","count":{count},"upgradeSettings":{{"maxSurge":"{surge}"}}}}"#
    ))
    .unwrap();
    PoolProjection {
        name: name.to_owned(),
        os_sku: OsSku::Ubuntu,
        vm_size: spec.vm_size.clone(),
        stream: Some(Stream::LinuxNodeImage),
        note: None,
        upgrade: pool_upgrade(&spec, None, &ProjectionAssumptions::default().timings),
        events: Vec::new(),
        patches: Vec::new(),
        deferred: Vec::new(),
        kubernetes_events: Vec::new(),
        kubernetes_deferred: Vec::new(),
    }
}

fn slot(start: &str, minutes: i64) -> WindowSlot {
    let start = at(start);
    WindowSlot {
        start,
        end: start + Duration::minutes(minutes),
        blocked: false,
    }
}

#[test]
fn a_pool_that_overruns_the_window_spills_and_the_next_pool_waits_then_goes_first() {
    let a = ProjectionAssumptions::default();
    let from = at("2026-11-01T00:00:00Z");
    let releases = Releases::new(&a, from, at("2026-11-20T00:00:00Z"));
    // apps: 12 nodes at 33 % = 37 min; web: 4 nodes at 50 % = 27 min.
    let mut pools = vec![pool("apps", 12, "33%"), pool("web", 4, "50%")];
    let windows = [
        slot("2026-11-03T00:00:00Z", 30),
        slot("2026-11-10T00:00:00Z", 30),
    ];
    in_windows(
        &mut pools,
        &windows,
        &releases,
        &a,
        from + Duration::minutes(15),
        &[],
    );

    let apps = &pools[0];
    let web = &pools[1];
    // Window 1: image 202610.27.0 (available 11-03 00:00); apps 00:00–00:37, 7 min spill.
    assert_eq!(apps.events[0].start, Some(at("2026-11-03T00:00:00Z")));
    assert_eq!(apps.events[0].end, Some(at("2026-11-03T00:37:00Z")));
    assert_eq!(apps.events[0].spill_minutes, 7);
    assert_eq!(apps.events[0].kind, EventKind::Reimage);
    // web waits for the next window ...
    assert_eq!(web.deferred, vec![at("2026-11-03T00:30:00Z")]);
    // ... where it goes first and takes both images at once (00:00–00:27),
    assert_eq!(web.events[0].start, Some(at("2026-11-10T00:00:00Z")));
    assert_eq!(web.events[0].covers, 2);
    assert_eq!(
        releases.all[web.events[0].release as usize].label,
        "202611.03.0"
    );
    // then apps starts at 00:27, still inside the window, and spills 34 min.
    assert_eq!(apps.events[1].start, Some(at("2026-11-10T00:27:00Z")));
    assert_eq!(apps.events[1].spill_minutes, 34);
    // web ran 202610.27.0 from 11-10 00:27: 14 days 27 minutes after publication.
    let first = web.patches[0];
    assert_eq!(first.state, PatchState::Patched(at("2026-11-10T00:27:00Z")));
}

#[test]
fn an_image_arriving_inside_an_open_window_is_applied_in_the_same_window() {
    let a = ProjectionAssumptions::default();
    let from = at("2026-11-01T00:00:00Z");
    let releases = Releases::new(&a, from, at("2026-11-20T00:00:00Z"));
    let mut pools = vec![pool("apps", 12, "33%")];
    // 22:00–06:00 across the arrival of 202611.03.0 at 11-10 00:00.
    let windows = [slot("2026-11-09T22:00:00Z", 8 * 60)];
    in_windows(&mut pools, &windows, &releases, &a, from, &[]);
    let starts: Vec<_> = pools[0].events.iter().map(|e| e.start.unwrap()).collect();
    assert_eq!(
        starts,
        [at("2026-11-09T22:00:00Z"), at("2026-11-10T00:00:00Z")]
    );
}

#[test]
fn blocked_windows_and_windows_before_the_lead_time_start_nothing() {
    let a = ProjectionAssumptions::default();
    let from = at("2026-11-03T00:00:00Z");
    let releases = Releases::new(&a, from, at("2026-11-20T00:00:00Z"));
    let mut pools = vec![pool("apps", 3, "1")];
    let mut blocked = slot("2026-11-10T00:00:00Z", 240);
    blocked.blocked = true;
    // The first window opens 10 min after "from" and closes at +10 min; lead time is 15 min.
    let windows = [slot("2026-11-02T23:00:00Z", 70), blocked];
    in_windows(
        &mut pools,
        &windows,
        &releases,
        &a,
        from + Duration::minutes(15),
        &[],
    );
    assert!(pools[0].events.is_empty());
    assert!(
        pools[0]
            .patches
            .iter()
            .all(|p| p.state == PatchState::NotWithinHorizon)
    );
}
