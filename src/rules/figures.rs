//! How the planner writes a figure: one text per kind of number, used by the core's own texts
//! (finding messages, labels) and, through `crate::view::format`, by the app, the CLI and the
//! Markdown review. A leaf: plain arithmetic on numbers.

/// `minutes` as days with one decimal, e.g. `3.5 d` (exposure, delays).
pub fn format_days(minutes: i64) -> String {
    let tenths = (minutes * 10 + 720) / 1440;
    format!("{}.{} d", tenths / 10, tenths % 10)
}

/// A duration in minutes: `37 min` under an hour, else `4 h 05 min` (upgrade durations,
/// spill).
pub fn format_duration(minutes: u32) -> String {
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

/// `micros` of a currency as `1,234.56 USD`.
pub fn format_money(micros: u64, currency: &str) -> String {
    let cents = (micros + 5_000) / 10_000;
    let grouped = group_thousands(cents / 100);
    format!("{grouped}.{:02} {currency}", cents % 100)
}

/// `n` with its thousands grouped by commas: `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

/// Thousandths as `1.25` (rates per month).
pub fn format_milli(milli: u64) -> String {
    let hundredths = (milli + 5) / 10;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_durations_and_money_format_for_people() {
        assert_eq!(format_days(3 * 1440 + 720), "3.5 d");
        assert_eq!(format_days(0), "0.0 d");
        assert_eq!(format_duration(37), "37 min");
        assert_eq!(format_duration(60), "1 h 00 min");
        assert_eq!(format_duration(245), "4 h 05 min");
        assert_eq!(format_money(1_234_564_999, "USD"), "1,234.56 USD");
        assert_eq!(format_money(4_999, "EUR"), "0.00 EUR");
        assert_eq!(format_money(192_000, "USD"), "0.19 USD");
        assert_eq!(format_milli(1_254), "1.25");
        assert_eq!(format_milli(0), "0.00");
    }
}
