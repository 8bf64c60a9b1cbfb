//! Every reader here against chrono's own `FromStr` and serde, the reference it replaces.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use proptest::prelude::*;
use serde::Deserialize;

use super::*;

fn chrono_date(s: &str) -> Result<NaiveDate, String> {
    s.parse::<NaiveDate>().map_err(|e| e.to_string())
}

fn chrono_date_time(s: &str) -> Result<DateTime<Utc>, String> {
    s.parse::<DateTime<FixedOffset>>()
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| e.to_string())
}

fn same(s: &str) {
    assert_eq!(
        date(s).map_err(|e| e.to_string()),
        chrono_date(s),
        "date {s:?}"
    );
    assert_eq!(
        date_time(s).map_err(|e| e.to_string()),
        chrono_date_time(s),
        "date_time {s:?}"
    );
}

#[derive(Debug, PartialEq, Deserialize)]
struct Ours {
    #[serde(deserialize_with = "de_date")]
    d: NaiveDate,
    #[serde(default, deserialize_with = "de_date_opt")]
    o: Option<NaiveDate>,
    #[serde(deserialize_with = "de_date_time")]
    t: DateTime<Utc>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Chronos {
    d: NaiveDate,
    #[serde(default)]
    o: Option<NaiveDate>,
    t: DateTime<Utc>,
}

fn same_serde(json: &str) {
    let ours = serde_json::from_str::<Ours>(json)
        .map(|o| (o.d, o.o, o.t))
        .map_err(|e| e.to_string());
    let chronos = serde_json::from_str::<Chronos>(json)
        .map(|c| (c.d, c.o, c.t))
        .map_err(|e| e.to_string());
    assert_eq!(ours, chronos, "{json}");
}

#[test]
fn examples_read_as_chrono_reads_them() {
    for s in [
        "2026-12-06",
        " 2026 - 1 -6 ",
        "+2026-12-06",
        "-0001-01-01",
        "+99999999999-01-01",
        "20266-01-01",
        "2026-02-30",
        "2026-13-01",
        "2026-12-6x",
        "2026-12",
        "",
        "\u{3000}2026-12-06\u{3000}",
        "2026-12-06T10:00:00Z",
        "2026-12-06t10:00:00z",
        "2026-12-06 10:00:00 UTC",
        "2026-12-06T10:00:00utcx",
        "2026-12-06T10:00:00+01:00",
        "2026-12-06T10:00:00+0100",
        "2026-12-06T10:00:00 - 05 : 30",
        "2026-12-06T10:00:00\u{2212}05:30",
        "2026-12-06T10:00:00+01",
        "2026-12-06T10:00:00+1:00",
        "2026-12-06T10:00:00+01:60",
        "2026-12-06T10:00:00+99:59",
        "2026-12-06T23:59:60.5Z",
        "2026-12-06T10:00:00.123456789123Z",
        "2026-12-06T10:00:00.Z",
        "2026-12-06T24:00:00Z",
        "2026-12-06T10:00Z",
        "2026-12-06X10:00:00Z",
        "2026-12-06T",
        "-262144-01-01T00:00:00Z",
        "+262143-12-31T23:59:59-23:59",
        "+262143-12-31T23:59:59+23:59",
    ] {
        same(s);
    }
    for json in [
        r#"{"d":"2026-12-06","t":"2026-12-06T10:00:00Z"}"#,
        r#"{"d":"2026-12-06","o":null,"t":"2026-12-06T10:00:00Z"}"#,
        r#"{"d":"2026-12-06","o":"2026-01-02","t":"2026-12-06T10:00:00+05:30"}"#,
        r#"{"d":"2026-02-30","t":"2026-12-06T10:00:00Z"}"#,
        r#"{"d":"2026-12-06","o":"nope","t":"2026-12-06T10:00:00Z"}"#,
        r#"{"d":20261206,"t":"2026-12-06T10:00:00Z"}"#,
        r#"{"d":"2026-12-06","o":7,"t":"2026-12-06T10:00:00Z"}"#,
        r#"{"d":"2026-12-06","t":1765015200}"#,
        r#"{"d":"2026-12-06","t":"2026-12-06"}"#,
        r#"{"d":null,"t":null}"#,
        r#"{"d":"2026-12-06","t":"2026-12-06T10:00:00\u0041"}"#,
    ] {
        same_serde(json);
    }
}

/// Texts near the grammar: parts with edge values, optional spaces, separators and offsets.
fn near_valid() -> impl Strategy<Value = String> {
    let sp = prop::sample::select(vec!["", "", "", " ", "\t", "\u{3000}"]);
    let year = prop::sample::select(vec![
        "2026",
        "0",
        "99",
        "+2026",
        "-2026",
        "+262143",
        "-262144",
        "+262144",
        "12345",
        "+",
        "-",
        "x",
        "+2147483648",
        "-99999999999999999999",
    ]);
    let two = prop::sample::select(vec![
        "1", "01", "12", "13", "0", "00", "31", "32", "29", "30", "23", "24", "59", "60", "61",
        "9", "x", "", "001",
    ]);
    let sep = prop::sample::select(vec!["T", "t", " ", "x", "", "TT"]);
    let frac = prop::sample::select(vec![
        "",
        "",
        ".5",
        ".123456789",
        ".1234567891234",
        ".",
        ".x",
        "..1",
    ]);
    let off = prop::sample::select(vec![
        "Z",
        "z",
        "UTC",
        "utc",
        "Utc",
        "UT",
        "+01:00",
        "-05:30",
        "+0100",
        "+01",
        "+1",
        "\u{2212}02:00",
        "+01 : 30",
        "+01::30",
        "+24:00",
        "+99:59",
        "+01:60",
        "+01:6",
        "",
        "x",
        "+ab:cd",
    ]);
    let tail = prop::sample::select(vec!["", "", " ", "x", "Z", "\u{3000}", "0"]);
    (
        (
            sp.clone(),
            year,
            sp.clone(),
            two.clone(),
            sp.clone(),
            two.clone(),
        ),
        (sep, two.clone(), sp.clone(), two.clone(), two, frac),
        (sp, off, tail),
    )
        .prop_map(
            |((s1, y, s2, m, s3, d), (sep, h, s4, mi, s, f), (s5, o, t))| {
                format!("{s1}{y}{s2}-{s3}{m}-{d}{sep}{h}{s4}:{mi}:{s}{f}{s5}{o}{t}")
            },
        )
}

/// Texts of the grammar's characters in any order.
fn scrambled() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "2026", "1", "0", "9", "12", "-", "+", ":", ".", " ", "T", "Z", "UTC", "\u{2212}", "x",
        ]),
        0..14,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn near_valid_texts_read_as_chrono_reads_them(s in near_valid()) {
        same(&s);
        // Just the date part, and the date part with what follows it, too.
        if let Some((d, _)) = s.split_once(['T', 't']) {
            same(d);
        }
        same_serde(&serde_json::json!({"d": s, "o": s, "t": s}).to_string());
    }

    #[test]
    fn scrambled_texts_read_as_chrono_reads_them(s in scrambled()) {
        same(&s);
    }
}
