//! Parsing what the user types into the editor's number, surge and version fields.
//!
//! Invariant: text with no meaning (`"abc"` nodes, `"1.5"` surge) is refused with a message that
//! says what to write; numbers out of the service's range are accepted here and reported by
//! [`findings`](crate::rules::findings), so a plan under edit can hold them.

use std::str::FromStr;

use crate::rules::surge::{SurgeError, SurgeValue};
use crate::rules::version::{KubernetesVersion, VersionError};

/// Why the text in a field is not a value the field can hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("enter a number of nodes, e.g. 3")]
    EmptyCount,
    #[error("{0:?} is not a whole number: write digits only, e.g. 3")]
    NotAWholeNumber(String),
    #[error("{0:?} is below zero: enter zero or more, e.g. 3")]
    Negative(String),
    #[error("{0:?} is not a date: pick one in the calendar or type it as YYYY-MM-DD")]
    NotADate(String),
    #[error(
        "{0} is outside the years this planner plans ({first} to {last}): check the year",
        first = PLAN_YEARS.start(),
        last = PLAN_YEARS.end()
    )]
    YearOutOfRange(String),
    #[error(transparent)]
    Surge(#[from] SurgeError),
    #[error(transparent)]
    Version(#[from] VersionError),
}

/// A node count: digits only (no sign, no decimals). Blank is an error because every pool
/// has a count.
pub fn parse_node_count(text: &str) -> Result<u32, InputError> {
    match parse_optional_number(text)? {
        Some(n) => Ok(n),
        None => Err(InputError::EmptyCount),
    }
}

/// An optional whole number (minutes): blank means "not set", so AKS's default applies.
pub fn parse_optional_number(text: &str) -> Result<Option<u32>, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = trimmed.strip_prefix('-')
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
        && rest.bytes().any(|b| b != b'0')
    {
        return Err(InputError::Negative(trimmed.to_owned()));
    }
    if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InputError::NotAWholeNumber(text.to_owned()));
    }
    trimmed
        .parse()
        .map(Some)
        .map_err(|_| InputError::NotAWholeNumber(text.to_owned()))
}

/// The years a maintenance date (a start date, a blackout) may fall in. A date outside them is
/// a typing slip, never a plan: a browser's date field reports every keystroke of the year
/// (typing 2027 passes through the years 2, 20 and 202, a slip like 12027 through 1202), and
/// storing those would leave the plan holding a date the field no longer shows.
pub const PLAN_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// A date as `<input type=date>` gives it (`YYYY-MM-DD`), in [`PLAN_YEARS`].
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, InputError> {
    use chrono::Datelike;
    let trimmed = text.trim();
    // NaiveDate's FromStr grammar (`rules::timeparse`, also the plan's dates) rather than a
    // strftime parser, which would add to the browser bundle.
    let date = crate::rules::timeparse::date(trimmed)
        .map_err(|_| InputError::NotADate(trimmed.to_owned()))?;
    if PLAN_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(InputError::YearOutOfRange(trimmed.to_owned()))
    }
}

/// An optional `maxSurge`/`maxUnavailable`: blank means "not set" (docs/aks-rules.md §8 A-3).
pub fn parse_optional_surge(text: &str) -> Result<Option<SurgeValue>, InputError> {
    parse_optional(text)
}

/// An optional Kubernetes version: blank means "not recorded".
pub fn parse_optional_version(text: &str) -> Result<Option<KubernetesVersion>, InputError> {
    parse_optional(text)
}

fn parse_optional<T>(text: &str) -> Result<Option<T>, InputError>
where
    T: FromStr,
    InputError: From<T::Err>,
{
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(text.parse()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_field_takes_only_whole_dates_in_the_planned_years() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        assert_eq!(parse_date("2027-03-14"), Ok(day(2027, 3, 14)));
        assert_eq!(parse_date(" 2000-01-01 "), Ok(day(2000, 1, 1)));
        assert_eq!(parse_date("2099-12-31"), Ok(day(2099, 12, 31)));
        // What Chromium's date field reports while "12027" is typed into its year.
        for partial in ["0001-05-01", "0012-05-01", "0120-05-01", "1202-05-01"] {
            assert_eq!(
                parse_date(partial),
                Err(InputError::YearOutOfRange(partial.to_owned()))
            );
        }
        assert_eq!(
            parse_date("2100-01-01"),
            Err(InputError::YearOutOfRange("2100-01-01".to_owned()))
        );
        assert_eq!(
            parse_date("2027-02-30"),
            Err(InputError::NotADate("2027-02-30".to_owned()))
        );
        assert_eq!(parse_date(""), Err(InputError::NotADate(String::new())));
        assert_eq!(
            parse_date("1202-05-01").map_err(|e| e.to_string()),
            Err(
                "1202-05-01 is outside the years this planner plans (2000 to 2099): check the year"
                    .to_owned()
            )
        );
    }

    #[test]
    fn field_text_parses_or_says_what_to_write() {
        assert_eq!(parse_node_count(" 12 "), Ok(12));
        assert_eq!(parse_node_count(""), Err(InputError::EmptyCount));
        for bad in ["abc", "1.5", "-3", "3 nodes"] {
            let err = parse_node_count(bad).unwrap_err();
            assert!(err.to_string().contains("e.g. 3"), "{bad}: {err}");
        }
        // A minus sign is not a "not a whole number" problem: say what range is wanted.
        assert_eq!(
            parse_optional_number(" -1 "),
            Err(InputError::Negative("-1".to_owned()))
        );
        assert_eq!(
            parse_node_count("-1").unwrap_err().to_string(),
            "\"-1\" is below zero: enter zero or more, e.g. 3"
        );
        assert_eq!(
            parse_node_count("-1.5"),
            Err(InputError::NotAWholeNumber("-1.5".to_owned()))
        );
        assert_eq!(parse_optional_number(""), Ok(None));
        // Out-of-range numbers parse: the range is a finding, not a parse error.
        assert_eq!(parse_optional_number("5000"), Ok(Some(5000)));
        assert_eq!(parse_optional_surge(""), Ok(None));
        assert_eq!(
            parse_optional_surge("33%"),
            Ok(Some(SurgeValue::Percent(33)))
        );
        assert!(
            parse_optional_surge("1.5")
                .unwrap_err()
                .to_string()
                .contains("33%")
        );
        assert_eq!(
            parse_optional_version("1.33"),
            Ok(Some(KubernetesVersion::new(1, 33, None)))
        );
        assert!(
            parse_optional_version("abc")
                .unwrap_err()
                .to_string()
                .contains("1.33")
        );
    }
}
