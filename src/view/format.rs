//! One text per figure, for the app, the CLI and the Markdown review: exposure (`3.5 d`,
//! `≥ 16.0 d`), the mark for "no value" (`—`), and bar lengths of the small charts. The plain
//! number formats (days, durations, money, rates) are `crate::rules::figures`, re-exported here
//! so a view needs one import. Floats drawn as text (pixels, percentages) go through [`fixed`].

use std::ops::RangeInclusive;

use crate::rules::finding::fields::Field;
use crate::rules::projection::compare::ChannelOutcome;

pub use crate::rules::figures::{format_days, format_duration, format_milli, format_money};
pub use fixed::{fixed, tenths};

mod fixed;

/// What a cell or a line shows when there is no value to show (nothing measured, no limit
/// recorded): one mark everywhere, never "n/a" in one place and "–" in another.
pub const NO_VALUE: &str = "—";

/// Exposure minutes as a short text: `3.5 d`, `≥ 16.0 d`, or `—`.
pub fn exposure_text(minutes: Option<i64>, lower_bound: bool) -> String {
    match minutes {
        Some(m) if lower_bound => format!("≥ {}", format_days(m)),
        Some(m) => format_days(m),
        None => NO_VALUE.to_owned(),
    }
}

/// One line for a channel of the side-by-side comparison, e.g. "SecurityPatch + daily window:
/// worst 3.0 d".
pub fn channel_summary(o: &ChannelOutcome) -> String {
    let worst = match (o.worst_minutes, o.aks_determined) {
        (Some(_), _) => format!(
            "worst {}",
            exposure_text(o.worst_minutes, o.worst_is_lower_bound)
        ),
        (None, n) if n > 0 => "worst unknown (AKS-determined)".to_owned(),
        (None, _) => "no releases".to_owned(),
    };
    format!("{} + {}: {worst}", o.channel, o.cadence)
}

/// The hint for a field with a range, generated from the core's constant: `Allowed: 5–1440
/// minutes.` (`unit` empty: `Allowed: 5–1440.`).
pub fn allowed(range: &RangeInclusive<u32>, unit: &str) -> String {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    format!("Allowed: {}–{}{unit}.", range.start(), range.end())
}

/// [`allowed`] for a plan field, from [`Field::range`] and [`Field::unit`]; empty when the
/// field has no range.
pub fn allowed_for(field: Field) -> String {
    match (field.range(), field.unit()) {
        (Some(range), unit) => allowed(&range, unit.unwrap_or("")),
        (None, _) => String::new(),
    }
}

/// `value` as text, or [`NO_VALUE`].
pub fn or_no_value(value: Option<u64>) -> String {
    value.map_or(NO_VALUE.to_owned(), |v| v.to_string())
}

/// Bar lengths 0..=`full` proportional to `values` (the largest gets `full`), for the small
/// side-by-side charts; all zero when every value is zero.
pub fn bar_lengths(values: &[u64], full: f64) -> Vec<f64> {
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if max == 0 {
                0.0
            } else {
                v as f64 / max as f64 * full
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposure_reads_the_same_everywhere() {
        assert_eq!(exposure_text(Some(3 * 1440 + 720), false), "3.5 d");
        assert_eq!(exposure_text(Some(16 * 1440), true), "≥ 16.0 d");
        assert_eq!(exposure_text(None, false), "—");
        assert_eq!(or_no_value(None), "—");
        assert_eq!(or_no_value(Some(12)), "12");
    }

    #[test]
    fn hints_are_generated_from_the_core_ranges() {
        assert_eq!(allowed_for(Field::DrainTimeout), "Allowed: 5–1440 minutes.");
        assert_eq!(allowed_for(Field::SoakDuration), "Allowed: 0–30 minutes.");
        assert_eq!(allowed_for(Field::Mode), "");
        assert_eq!(allowed(&(4..=24), "hours"), "Allowed: 4–24 hours.");
    }
}
