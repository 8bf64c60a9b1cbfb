//! "Now" for the whole page, read once (the rule core never reads a clock: it is passed in).
//! With the `test-hooks` cargo feature (on by default), `?now=<RFC 3339>` overrides it so
//! browser tests see a fixed date, and `?bench=N` opens a generated N-cluster fleet on the
//! Timeline tab for performance measurements (never saved).

use std::cell::OnceCell;

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;

thread_local! {
    static NOW: OnceCell<DateTime<Utc>> = const { OnceCell::new() };
}

/// The page's "now": `?now=` if it parses as RFC 3339, else the browser clock at first call.
pub fn now() -> DateTime<Utc> {
    NOW.with(|cell| *cell.get_or_init(read_now))
}

fn read_now() -> DateTime<Utc> {
    pinned_now().unwrap_or_else(|| {
        // Milliseconds since the epoch fit i64 exactly for any date a browser reports.
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    })
}

/// `?now=<RFC 3339>` (test hook).
#[cfg(feature = "test-hooks")]
fn pinned_now() -> Option<DateTime<Utc>> {
    query_param("now")
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .map(|d| d.with_timezone(&Utc))
}

#[cfg(not(feature = "test-hooks"))]
fn pinned_now() -> Option<DateTime<Utc>> {
    None
}

/// `?bench=N` (test hook): the number of generated clusters to open, if asked for
/// (1..=5000). The generated fleet is never saved (`PlanState::open`).
#[cfg(feature = "test-hooks")]
pub fn bench_clusters() -> Option<u32> {
    query_param("bench")
        .and_then(|s| s.trim().parse().ok())
        .filter(|n| (1..=5_000).contains(n))
}

#[cfg(not(feature = "test-hooks"))]
pub fn bench_clusters() -> Option<u32> {
    None
}

/// The decoded value of `name` in the page's query string.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| js_sys::decode_uri_component(value).ok().map(String::from))
}

/// `performance.now()` in ms (sub-millisecond where the browser allows), for the benchmark.
pub fn performance_now() -> f64 {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"performance".into())
        .ok()
        .and_then(|perf| {
            let now = js_sys::Reflect::get(&perf, &"now".into()).ok()?;
            now.dyn_into::<js_sys::Function>()
                .ok()?
                .call0(&perf)
                .ok()?
                .as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}

/// Runs `f` `runs` times and returns the mean time of one run in ms with the last result: the
/// timing loop of the `?bench` probes.
pub fn mean_ms<T>(runs: u32, mut f: impl FnMut() -> T) -> (f64, Option<T>) {
    let start = performance_now();
    let mut last = None;
    for _ in 0..runs {
        last = Some(f());
    }
    ((performance_now() - start) / f64::from(runs.max(1)), last)
}
