//! "Now", read once from the browser. Rules never read a clock (PREAMBLE: "now" is always a
//! parameter); the UI reads it here and passes it in. A `?now=<RFC 3339>` query parameter
//! overrides it, so that a review ("what will this plan do from 1 March?") and the browser tests
//! see a fixed date.

use chrono::{DateTime, NaiveDate, Utc};

/// The current instant, or the one `?now=` names (ignored when it does not parse).
pub fn now() -> DateTime<Utc> {
    override_from_query()
        .or_else(|| DateTime::from_timestamp_millis(js_sys::Date::now() as i64))
        .unwrap_or_default()
}

/// The user's local calendar date at [`now`] (exports date their header with it and never
/// emit a start date before it).
pub fn today() -> NaiveDate {
    let instant = now();
    let local = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        instant.timestamp_millis() as f64
    ));
    // JS months are 0-based; the three getters read the browser's local time zone.
    NaiveDate::from_ymd_opt(
        local.get_full_year() as i32,
        local.get_month() + 1,
        local.get_date(),
    )
    .unwrap_or_else(|| instant.date_naive())
}

fn override_from_query() -> Option<DateTime<Utc>> {
    let search = web_sys::window()?.location().search().ok()?;
    let value = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("now="))?;
    let value = js_sys::decode_uri_component(value).ok()?.as_string()?;
    DateTime::parse_from_rfc3339(&value)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
