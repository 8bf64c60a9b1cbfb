//! Blackouts (`notAllowedDates`, legacy `notAllowedTime`) as UTC intervals, and what they do to a
//! window: mark it blocked (§8 A-11 "drop", the default) or cut it to the parts outside (A-11
//! "trim").

use std::collections::VecDeque;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc};

use super::recurrence::{BlackoutOverlap, Occurrence};
use super::types::{DateSpan, TimeSpan, UtcOffset};

/// Half-open UTC intervals `[start, end)`, sorted by start. Empty or reversed spans are left out:
/// they block nothing (the findings report them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Blackouts(Vec<(DateTime<Utc>, DateTime<Utc>)>);

/// Local midnight of `d` in `offset`, as a UTC instant.
pub(crate) fn local_midnight_utc(d: NaiveDate, offset: UtcOffset) -> Option<DateTime<Utc>> {
    d.and_time(NaiveTime::MIN)
        .checked_sub_signed(TimeDelta::minutes(i64::from(offset.minutes())))
        .map(|n| n.and_utc())
}

/// The blocked UTC interval of one `notAllowedDates` span: `[start 00:00, end+1 00:00)` local
/// (docs/aks-rules.md §3.5; the SDK docstring example proves the end date is inclusive).
pub(crate) fn span_interval(
    span: &DateSpan,
    offset: UtcOffset,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let start = local_midnight_utc(span.start, offset)?;
    let end = local_midnight_utc(span.end.checked_add_days(Days::new(1))?, offset)?;
    (start < end).then_some((start, end))
}

impl Blackouts {
    pub(crate) fn from_dates(spans: &[DateSpan], offset: UtcOffset) -> Self {
        Self::sorted(
            spans
                .iter()
                .filter_map(|s| span_interval(s, offset))
                .collect(),
        )
    }

    /// Legacy `notAllowedTime`: RFC 3339 instants, taken as `[start, end)`.
    pub(crate) fn from_times(spans: &[TimeSpan]) -> Self {
        Self::sorted(
            spans
                .iter()
                .filter(|s| s.start < s.end)
                .map(|s| (s.start, s.end))
                .collect(),
        )
    }

    fn sorted(mut v: Vec<(DateTime<Utc>, DateTime<Utc>)>) -> Self {
        crate::rules::stable_sort::sort(&mut v);
        Blackouts(v)
    }

    fn overlapping(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> impl Iterator<Item = &(DateTime<Utc>, DateTime<Utc>)> {
        self.0
            .iter()
            .filter(move |(bs, be)| *bs < end && start < *be)
    }

    /// Pushes what remains of the window `[start, end)` onto `out`: the window itself, the window
    /// marked blocked (Drop, or Trim with nothing left), or the pieces outside every blackout.
    /// Pieces that end at or before `from` are left out (the engine yields windows that end
    /// after `from`).
    pub(crate) fn apply(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        mode: BlackoutOverlap,
        from: DateTime<Utc>,
        out: &mut VecDeque<Occurrence>,
    ) {
        let blocked = Occurrence {
            start,
            end,
            blocked: true,
        };
        if self.overlapping(start, end).next().is_none() {
            out.push_back(Occurrence {
                blocked: false,
                ..blocked
            });
            return;
        }
        if mode == BlackoutOverlap::Drop {
            out.push_back(blocked);
            return;
        }
        let mut pieces = Vec::new();
        let mut cursor = start;
        for &(bs, be) in self.overlapping(start, end) {
            if bs > cursor {
                pieces.push((cursor, bs));
            }
            cursor = cursor.max(be);
        }
        if cursor < end {
            pieces.push((cursor, end));
        }
        if pieces.is_empty() {
            out.push_back(blocked);
        }
        out.extend(
            pieces
                .into_iter()
                .filter(|&(_, e)| e > from)
                .map(|(s, e)| Occurrence {
                    start: s,
                    end: e,
                    blocked: false,
                }),
        );
    }
}
