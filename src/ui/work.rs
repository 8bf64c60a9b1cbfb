//! How much work the last edit did (issue 11, "Scale": CI gates bounded work, never
//! wall-clock time). With the `test-hooks` cargo feature and `?bench=N`, the plan state
//! publishes, after each projection and each findings check, how many clusters it projected
//! and checked again, on `window.__plannerWork` (`{projections, projected, checks,
//! rechecked}`: the first and third count the runs, the others are the last run's clusters),
//! and `lateAt`, when the last edit whose projection follows its paint (`ui::checked`) had
//! been painted: `performance.now()` as the task after that paint began.
//! Without the feature, or on an ordinary page, nothing is published.

/// Records a projection that projected `clusters` clusters (again).
pub fn projected(clusters: u32) {
    publish("projections", "projected", clusters);
}

/// Records a findings check that checked `clusters` clusters again.
pub fn rechecked(clusters: u32) {
    publish("checks", "rechecked", clusters);
}

/// Records that an edit whose projection follows its paint has been painted (called first
/// thing in the task after that paint).
pub fn painted_before_projection() {
    #[cfg(feature = "test-hooks")]
    if let Some((window, work)) = work_object() {
        let now = window.performance().map_or(0.0, |p| p.now());
        let _ = js_sys::Reflect::set(&work, &"lateAt".into(), &now.into());
    }
}

#[cfg(feature = "test-hooks")]
fn publish(runs: &str, last: &str, clusters: u32) {
    let Some((_, work)) = work_object() else {
        return;
    };
    let count = js_sys::Reflect::get(&work, &runs.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&work, &runs.into(), &(count + 1.0).into());
    let _ = js_sys::Reflect::set(&work, &last.into(), &f64::from(clusters).into());
}

/// The window and its `__plannerWork` object (made on first use), on a `?bench` page only.
#[cfg(feature = "test-hooks")]
fn work_object() -> Option<(web_sys::Window, wasm_bindgen::JsValue)> {
    use std::sync::OnceLock;
    use wasm_bindgen::JsValue;
    // Read the URL once, not on every edit: the page's `?bench` does not change while it runs.
    static ON: OnceLock<bool> = OnceLock::new();
    if !*ON.get_or_init(|| super::clock::bench_clusters().is_some()) {
        return None;
    }
    let window = web_sys::window()?;
    let key = JsValue::from_str("__plannerWork");
    let work = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(|w| w.is_object())
        .unwrap_or_else(|| {
            let fresh = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&window, &key, &fresh);
            fresh.into()
        });
    Some((window, work))
}

#[cfg(not(feature = "test-hooks"))]
fn publish(_runs: &str, _last: &str, _clusters: u32) {}
