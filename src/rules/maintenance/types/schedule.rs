//! The recurrence of a `maintenanceWindow`: exactly one of the four API sub-objects
//! (docs/aks-rules.md §3.2), read from and written to their JSON shape.

use serde::{Deserialize, Serialize};

use super::{DayOfWeek, MaintenanceError, WeekIndex};

/// The recurrence: exactly one of the four API sub-objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawSchedule", into = "RawSchedule")]
pub enum Schedule {
    /// Every `interval_days` days (API 1–7).
    Daily { interval_days: u32 },
    /// Every `interval_weeks` weeks (API 1–4) on `day_of_week`.
    Weekly {
        interval_weeks: u32,
        day_of_week: DayOfWeek,
    },
    /// Every `interval_months` months (API 1–6) on `day_of_month` (API 1–31).
    AbsoluteMonthly {
        interval_months: u32,
        day_of_month: u32,
    },
    /// Every `interval_months` months (API 1–6) on the `week_index`-th `day_of_week`.
    RelativeMonthly {
        interval_months: u32,
        week_index: WeekIndex,
        day_of_week: DayOfWeek,
    },
}

impl Schedule {
    /// The API's `--schedule-type` name.
    pub fn type_name(&self) -> &'static str {
        match self {
            Schedule::Daily { .. } => "Daily",
            Schedule::Weekly { .. } => "Weekly",
            Schedule::AbsoluteMonthly { .. } => "AbsoluteMonthly",
            Schedule::RelativeMonthly { .. } => "RelativeMonthly",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSchedule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    daily: Option<RawDaily>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weekly: Option<RawWeekly>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    absolute_monthly: Option<RawAbsoluteMonthly>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relative_monthly: Option<RawRelativeMonthly>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDaily {
    interval_days: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawWeekly {
    interval_weeks: u32,
    day_of_week: DayOfWeek,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAbsoluteMonthly {
    interval_months: u32,
    day_of_month: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRelativeMonthly {
    interval_months: u32,
    week_index: WeekIndex,
    day_of_week: DayOfWeek,
}

impl TryFrom<RawSchedule> for Schedule {
    type Error = MaintenanceError;
    fn try_from(raw: RawSchedule) -> Result<Self, Self::Error> {
        let mut found = Vec::new();
        if let Some(d) = raw.daily {
            found.push(Schedule::Daily {
                interval_days: d.interval_days,
            });
        }
        if let Some(w) = raw.weekly {
            found.push(Schedule::Weekly {
                interval_weeks: w.interval_weeks,
                day_of_week: w.day_of_week,
            });
        }
        if let Some(a) = raw.absolute_monthly {
            found.push(Schedule::AbsoluteMonthly {
                interval_months: a.interval_months,
                day_of_month: a.day_of_month,
            });
        }
        if let Some(r) = raw.relative_monthly {
            found.push(Schedule::RelativeMonthly {
                interval_months: r.interval_months,
                week_index: r.week_index,
                day_of_week: r.day_of_week,
            });
        }
        match found.as_slice() {
            [one] => Ok(*one),
            _ => Err(MaintenanceError::ScheduleCount(found.len())),
        }
    }
}

impl From<Schedule> for RawSchedule {
    fn from(s: Schedule) -> Self {
        let mut raw = RawSchedule::default();
        match s {
            Schedule::Daily { interval_days } => raw.daily = Some(RawDaily { interval_days }),
            Schedule::Weekly {
                interval_weeks,
                day_of_week,
            } => {
                raw.weekly = Some(RawWeekly {
                    interval_weeks,
                    day_of_week,
                })
            }
            Schedule::AbsoluteMonthly {
                interval_months,
                day_of_month,
            } => {
                raw.absolute_monthly = Some(RawAbsoluteMonthly {
                    interval_months,
                    day_of_month,
                })
            }
            Schedule::RelativeMonthly {
                interval_months,
                week_index,
                day_of_week,
            } => {
                raw.relative_monthly = Some(RawRelativeMonthly {
                    interval_months,
                    week_index,
                    day_of_week,
                })
            }
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_schedule_kinds_are_rejected() {
        let json =
            r#"{"daily":{"intervalDays":1},"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}}"#;
        let err = serde_json::from_str::<Schedule>(json).unwrap_err();
        assert!(err.to_string().contains("exactly one"));
    }
}
