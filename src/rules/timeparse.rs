//! Reading dates and instants from text, exactly as chrono's `FromStr` reads them (the same
//! texts accepted, the same values, the same error messages), for the plan file's dates and the
//! release history.
//!
//! WHY: chrono parses through a general format interpreter (`format::parse`, about 13 KB of the
//! browser module after wasm-opt). The two shapes the planner reads are small grammars:
//! - a date, `NaiveDate::from_str`: `YYYY-MM-DD`, spaces allowed around each part, a year of
//!   up to four digits or a signed one of any length, months and days of one or two digits;
//! - an instant, `DateTime<FixedOffset>::from_str` (what chrono's serde reads): a date, `T`, `t`
//!   or a space, `HH:MM:SS` with an optional fraction, then `Z`, `UTC` or an offset `±HH:MM`.
//!
//! The tests compare every function here with chrono on generated texts.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, de};

/// Why a text is not a date or an instant; the message is chrono's `ParseError`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    OutOfRange,
    Impossible,
    NotEnough,
    Invalid,
    TooShort,
    TooLong,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseError::OutOfRange => "input is out of range",
            ParseError::Impossible => "no possible date and time matching input",
            ParseError::NotEnough => "input is not enough for unique date and time",
            ParseError::Invalid => "input contains invalid characters",
            ParseError::TooShort => "premature end of input",
            ParseError::TooLong => "trailing input",
        })
    }
}

impl std::error::Error for ParseError {}

type Parsed<'a, T> = Result<(&'a str, T), ParseError>;

/// Between `min` and `max` ASCII digits.
fn number(s: &str, min: usize, max: usize) -> Parsed<'_, i64> {
    let bytes = s.as_bytes();
    if bytes.len() < min {
        return Err(ParseError::TooShort);
    }
    let mut n = 0i64;
    for (i, &c) in bytes.iter().take(max).enumerate() {
        if !c.is_ascii_digit() {
            return if i < min {
                Err(ParseError::Invalid)
            } else {
                Ok((&s[i..], n))
            };
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(c - b'0')))
            .ok_or(ParseError::OutOfRange)?;
    }
    Ok((&s[max.min(bytes.len())..], n))
}

/// A field of up to `width` digits after optional spaces, within `range`.
fn field(s: &str, width: usize, range: std::ops::RangeInclusive<i64>) -> Parsed<'_, i64> {
    let (s, v) = number(s.trim_start(), 1, width)?;
    if range.contains(&v) {
        Ok((s, v))
    } else {
        Err(ParseError::OutOfRange)
    }
}

/// `text` after optional spaces.
fn literal<'a>(s: &'a str, text: &str) -> Result<&'a str, ParseError> {
    let s = s.trim_start();
    if s.len() < text.len() {
        Err(ParseError::TooShort)
    } else {
        s.strip_prefix(text).ok_or(ParseError::Invalid)
    }
}

/// Year, month and day, each checked alone (as chrono's `Parsed` setters do).
fn ymd(s: &str) -> Parsed<'_, (i32, u32, u32)> {
    let s = s.trim_start();
    let (s, year) = if let Some(rest) = s.strip_prefix('-') {
        let (s, v) = number(rest, 1, usize::MAX)?;
        (s, 0i64.checked_sub(v).ok_or(ParseError::OutOfRange)?)
    } else if let Some(rest) = s.strip_prefix('+') {
        number(rest, 1, usize::MAX)?
    } else {
        number(s, 1, 4)?
    };
    let year = i32::try_from(year).map_err(|_| ParseError::OutOfRange)?;
    let s = literal(s, "-")?;
    let (s, month) = field(s, 2, 1..=12)?;
    let s = literal(s, "-")?;
    let (s, day) = field(s, 2, 1..=31)?;
    // The ranges above make both casts exact.
    Ok((s, (year, month as u32, day as u32)))
}

fn date_of((year, month, day): (i32, u32, u32)) -> Result<NaiveDate, ParseError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(ParseError::OutOfRange)
}

/// A date, as `NaiveDate::from_str` reads it.
pub fn date(s: &str) -> Result<NaiveDate, ParseError> {
    let (rest, parts) = ymd(s)?;
    if !rest.trim_start().is_empty() {
        return Err(ParseError::TooLong);
    }
    date_of(parts)
}

/// `Z`, `z`, `UTC` (any case) or `±HH:MM` (`:` and spaces between optional, `−` as minus).
fn offset(s: &str) -> Parsed<'_, i32> {
    if s.len() >= 3 && s.as_bytes()[..3].eq_ignore_ascii_case(b"UTC") {
        return Ok((&s[3..], 0));
    }
    if let Some(rest) = s.strip_prefix(['Z', 'z']) {
        return Ok((rest, 0));
    }
    let (negative, s) = if let Some(rest) = s.strip_prefix('+') {
        (false, rest)
    } else if let Some(rest) = s.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix('\u{2212}') {
        (true, rest)
    } else if s.is_empty() {
        return Err(ParseError::TooShort);
    } else {
        return Err(ParseError::Invalid);
    };
    let digits = |s: &str| -> Result<(u8, u8), ParseError> {
        match s.as_bytes() {
            [a, b, ..] => Ok((*a, *b)),
            _ => Err(ParseError::TooShort),
        }
    };
    let hours = match digits(s)? {
        (h1 @ b'0'..=b'9', h2 @ b'0'..=b'9') => i32::from((h1 - b'0') * 10 + (h2 - b'0')),
        _ => return Err(ParseError::Invalid),
    };
    let s = s[2..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let minutes = match digits(s)? {
        (m1 @ b'0'..=b'5', m2 @ b'0'..=b'9') => i32::from((m1 - b'0') * 10 + (m2 - b'0')),
        (b'6'..=b'9', b'0'..=b'9') => return Err(ParseError::OutOfRange),
        _ => return Err(ParseError::Invalid),
    };
    let seconds = hours * 3600 + minutes * 60;
    Ok((&s[2..], if negative { -seconds } else { seconds }))
}

/// An instant, as `DateTime<FixedOffset>::from_str` reads it (chrono's relaxed RFC 3339), in
/// UTC.
pub fn date_time(s: &str) -> Result<DateTime<Utc>, ParseError> {
    let (s, parts) = ymd(s)?;
    let s = match s.as_bytes().first() {
        Some(b't' | b'T' | b' ') => &s[1..],
        Some(_) => return Err(ParseError::Invalid),
        None => return Err(ParseError::TooShort),
    };
    let (s, hour) = field(s, 2, 0..=23)?;
    let s = literal(s, ":")?;
    let (s, minute) = field(s, 2, 0..=59)?;
    let s = literal(s, ":")?;
    let (s, second) = field(s, 2, 0..=60)?;
    let (s, nano) = match s.strip_prefix('.') {
        Some(rest) => {
            let (after, v) = number(rest, 1, 9)?;
            let digits = rest.len() - after.len();
            let nano = v * 10i64.pow(9 - digits as u32);
            (after.trim_start_matches(|c: char| c.is_ascii_digit()), nano)
        }
        None => (s, 0),
    };
    let (s, offset) = offset(s.trim_start())?;
    if !s.trim_start().is_empty() {
        return Err(ParseError::TooLong);
    }
    let date = date_of(parts)?;
    // A leap second is 59 s and a billion nanoseconds, as chrono keeps it.
    let (second, leap) = if second == 60 {
        (59, 1_000_000_000)
    } else {
        (second, 0)
    };
    // The ranges checked above make these casts exact.
    let time = NaiveTime::from_hms_nano_opt(
        hour as u32,
        minute as u32,
        second as u32,
        (nano + leap) as u32,
    )
    .ok_or(ParseError::OutOfRange)?;
    let zone = FixedOffset::east_opt(offset).ok_or(ParseError::OutOfRange)?;
    zone.from_local_datetime(&date.and_time(time))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(ParseError::Impossible)
}

/// Serde: a date string, read as chrono's `NaiveDate` serde reads it (`deserialize_with`).
pub fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Text("a formatted date string", date))
}

/// Serde: an optional date string (`null` or absent is `None`).
pub fn de_date_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Ok(Option::<DateText>::deserialize(d)?.map(|t| t.0))
}

/// Serde: an instant string, read as chrono's `DateTime<Utc>` serde reads it.
pub fn de_date_time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Text(
        "an RFC 3339 formatted date and time string",
        date_time,
    ))
}

/// A date read by [`de_date`] (for `Option`).
struct DateText(NaiveDate);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_date(d).map(DateText)
    }
}

/// Reads a string with `parse`; `.0` is what an error says was expected (chrono's words).
struct Text<T>(&'static str, fn(&str) -> Result<T, ParseError>);

impl<T> de::Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        (self.1)(value).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests;
