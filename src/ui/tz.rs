//! Time zones and "now" for the Windows tab. The rule core knows no time zones (issue 3: "the
//! core stays pure, pass offsets in"), so the browser's Intl API answers "what is the UTC offset
//! of this IANA zone at this instant", and [`TransitionTable::sample`] turns those answers into
//! the table `dst_drift` and the window list read.
//!
//! Testing hook: `?now=2026-11-24T00:00:00Z` (RFC 3339) in the page URL replaces the clock for
//! the Windows tab, so a browser test can assert exact dates. Without it the clock is read.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::rules::maintenance::dst::TransitionTable;

/// Zones offered in the picker's suggestion list (any IANA name may be typed).
pub const COMMON_ZONES: [&str; 30] = [
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Zurich",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Helsinki",
    "Europe/Istanbul",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Adelaide",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/Halifax",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "Pacific/Honolulu",
];

/// The instant the Windows tab computes from: the page's one "now" (`?now=` or the clock).
pub fn now() -> DateTime<Utc> {
    super::clock::now()
}

/// The browser's own zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`), or `UTC`.
pub fn browser_zone() -> String {
    formatter(None)
        .ok()
        .and_then(|f| Reflect::get(&f.resolved_options(), &JsValue::from_str("timeZone")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".to_owned())
}

/// The zone's offsets from `from` to `until`, sampled daily and bisected to the minute; an
/// error message for the user when the browser does not know the zone.
pub fn zone_table(
    zone: &str,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<TransitionTable, String> {
    let unknown = || {
        format!(
            "{zone:?} is not a time zone this browser knows: use an IANA name such as Europe/Berlin or America/New_York"
        )
    };
    if zone.trim().is_empty() {
        return Err("Type a time zone, e.g. Europe/Berlin".to_owned());
    }
    let format = formatter(Some(zone)).map_err(|_| unknown())?;
    // A zone Intl accepts but cannot format (never seen) reads as UTC rather than failing.
    let offset = |t: DateTime<Utc>| offset_minutes(&format, t).unwrap_or(0);
    offset_minutes(&format, from).ok_or_else(unknown)?;
    Ok(TransitionTable::sample(
        from,
        until,
        TimeDelta::days(1),
        offset,
    ))
}

/// `new Intl.DateTimeFormat('en-US', {timeZone, hourCycle: 'h23', numeric fields})`, through
/// `Reflect.construct` so that an unknown zone's RangeError comes back as an `Err` instead of
/// unwinding through wasm.
fn formatter(zone: Option<&str>) -> Result<Intl::DateTimeFormat, JsValue> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))?;
    let constructor: Function =
        Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))?.dyn_into()?;
    let options = Object::new();
    let set = |key: &str, value: &str| {
        Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value))
    };
    if let Some(zone) = zone {
        set("timeZone", zone)?;
    }
    set("hourCycle", "h23")?;
    for key in ["year", "month", "day", "hour", "minute", "second"] {
        set(key, "numeric")?;
    }
    let args = Array::of2(&JsValue::from_str("en-US"), &options);
    Ok(Reflect::construct(&constructor, &args)?.unchecked_into())
}

/// The zone's offset at `t` in minutes east of UTC: its wall-clock reading minus UTC.
fn offset_minutes(format: &Intl::DateTimeFormat, t: DateTime<Utc>) -> Option<i32> {
    let seconds = t.timestamp();
    let date = Date::new(&JsValue::from_f64(seconds as f64 * 1000.0));
    let mut fields = [0u32; 6];
    for part in format.format_to_parts(&date).iter() {
        let kind = Reflect::get(&part, &JsValue::from_str("type"))
            .ok()?
            .as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        let value = Reflect::get(&part, &JsValue::from_str("value"))
            .ok()?
            .as_string()?;
        fields[slot] = value.parse().ok()?;
    }
    let [year, month, day, hour, minute, second] = fields;
    let local = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
        .and_hms_opt(hour, minute, second)?;
    let utc = DateTime::from_timestamp(seconds, 0)?.naive_utc();
    i32::try_from((local - utc).num_minutes()).ok()
}
