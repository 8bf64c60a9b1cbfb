//! The `az aks maintenanceconfiguration` steps: flags where the CLI takes them, otherwise
//! `--config-file` with the `{"properties": …}` body (docs/aks-rules.md §5.3, §8 ).

use chrono::{DateTime, Utc};

use super::{Arg, AzCommand, Step, cluster_args};
use crate::rules::cluster::Cluster;
use crate::rules::export::cli_version::{CliFeature, CliVersion};
use crate::rules::maintenance::recurrence::{RecurrenceOptions, local_date};
use crate::rules::maintenance::{ConfigName, MaintenanceWindow, Schedule, TimeInWeek, TimeSpan};

fn maintenance_show(c: &Cluster, name: ConfigName) -> AzCommand {
    let mut args = cluster_args(c, "maintenanceconfiguration");
    args[2] = Arg::Word("show");
    args.push(Arg::Opt("name", name.as_str().to_owned()));
    args.push(Arg::Opt("output", "none".to_owned()));
    AzCommand(args)
}

/// A past `startDate` moves to the first planned window on or after today (the local date of
/// `now` in the window's `utcOffset`): AKS rejects past start dates on update (docs/aks-rules.md §8
/// A-10), and a window date keeps the schedule's phase (`intervalWeeks`/`intervalMonths`, the
/// week anchor), so AKS computes the windows the planner shows from today on. Returns the window
/// to export and the note to print. A window the engine cannot compute (values out of range:
/// an error finding, never exported) falls back to today.
pub fn window_for_export(
    w: &MaintenanceWindow,
    now: DateTime<Utc>,
    options: RecurrenceOptions,
) -> (MaintenanceWindow, Option<String>) {
    let today = local_date(now, w.utc_offset).unwrap_or_else(|| now.date_naive());
    match w.start_date {
        Some(d) if d < today => {
            let mut out = w.clone();
            let note = match w.first_date_on_or_after(today, options) {
                Some(next) => {
                    out.start_date = Some(next);
                    format!(
                        "startDate {d} is in the past and AKS rejects past start dates: exported as {next}, the first planned window on or after today ({today}), which keeps the schedule's phase."
                    )
                }
                None => {
                    out.start_date = Some(today);
                    format!(
                        "startDate {d} is in the past and AKS rejects past start dates: exported as today, {today}. Intervals above 1 now count from {today}."
                    )
                }
            };
            (out, Some(note))
        }
        _ => (w.clone(), None),
    }
}

/// The `{"properties": {...}}` body `--config-file` needs (docs/aks-rules.md §5.3.4).
pub fn window_config_json(w: &MaintenanceWindow) -> String {
    // Structs, not `json!`, so keys keep the API's order (schedule first) instead of sorting.
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Properties<'a> {
        maintenance_window: &'a MaintenanceWindow,
    }
    #[derive(serde::Serialize)]
    struct Body<'a> {
        properties: Properties<'a>,
    }
    let body = Body {
        properties: Properties {
            maintenance_window: w,
        },
    };
    // Serializing plain data structs cannot fail.
    serde_json::to_string(&body).unwrap_or_default()
}

pub(super) fn window_steps(
    c: &Cluster,
    name: ConfigName,
    w: &MaintenanceWindow,
    target: CliVersion,
    now: DateTime<Utc>,
    options: RecurrenceOptions,
) -> Vec<Step> {
    let (w, note) = window_for_export(w, now, options);
    let mut steps = vec![Step::Comment(format!("{} window ({name})", name.label()))];
    if let Some(note) = note {
        steps.push(Step::Comment(note));
    }
    let is_default = name == ConfigName::Default;
    let weekly_once = matches!(
        w.schedule,
        Schedule::Weekly {
            interval_weeks: 1,
            ..
        }
    );
    // Which form the CLI can take (docs/aks-rules.md §5.3, §8 ).
    let file_reason = if !w.not_allowed_dates.is_empty() {
        Some("notAllowedDates has no CLI flag".to_owned())
    } else if matches!(w.schedule, Schedule::AbsoluteMonthly { .. }) {
        Some(
            "--day-of-month is sent as a string by CLI ≥ 2.85, the file carries an integer"
                .to_owned(),
        )
    } else if is_default && !target.supports(CliFeature::DefaultWeeklyFlags) {
        Some(format!(
            "az CLI {target} rejects --schedule-type for default (allowed from {})",
            CliFeature::DefaultWeeklyFlags.since()
        ))
    } else if is_default && !weekly_once {
        Some("default only takes a weekly, every-week schedule from flags".to_owned())
    } else {
        None
    };
    let mut apply = cluster_args(c, "maintenanceconfiguration");
    apply.push(Arg::Opt("name", name.as_str().to_owned()));
    let config_json = match file_reason {
        Some(reason) => {
            steps.push(Step::Comment(format!("via --config-file: {reason}")));
            apply.push(Arg::ConfigFile);
            Some(window_config_json(&w))
        }
        None => {
            apply.extend(window_flags(&w, is_default));
            None
        }
    };
    steps.push(Step::UpsertMaintenance {
        show: maintenance_show(c, name),
        apply: AzCommand(apply),
        config_json,
    });
    steps
}

fn window_flags(w: &MaintenanceWindow, is_default: bool) -> Vec<Arg> {
    let opt = |f: &'static str, v: String| Arg::Opt(f, v);
    let mut args = vec![opt("schedule-type", w.schedule.type_name().to_owned())];
    match w.schedule {
        Schedule::Daily { interval_days } => {
            args.push(opt("interval-days", interval_days.to_string()))
        }
        Schedule::Weekly {
            interval_weeks,
            day_of_week,
        } => {
            // CLI ≥ 2.89 rejects --interval-weeks for default and injects 1 (§5.3).
            if !is_default {
                args.push(opt("interval-weeks", interval_weeks.to_string()));
            }
            args.push(opt("day-of-week", day_of_week.as_str().to_owned()));
        }
        Schedule::AbsoluteMonthly {
            interval_months,
            day_of_month,
        } => {
            args.push(opt("interval-months", interval_months.to_string()));
            args.push(opt("day-of-month", day_of_month.to_string()));
        }
        Schedule::RelativeMonthly {
            interval_months,
            week_index,
            day_of_week,
        } => {
            args.push(opt("interval-months", interval_months.to_string()));
            args.push(opt("week-index", week_index.as_str().to_owned()));
            args.push(opt("day-of-week", day_of_week.as_str().to_owned()));
        }
    }
    args.push(opt("start-time", w.start_time.to_string()));
    args.push(opt("duration", w.duration_hours.to_string()));
    args.push(opt("utc-offset", w.utc_offset.to_string()));
    if let Some(d) = w.start_date {
        args.push(opt("start-date", d.to_string()));
    }
    args
}

pub(super) fn legacy_default_steps(
    c: &Cluster,
    time_in_week: &[TimeInWeek],
    not_allowed_time: &[TimeSpan],
) -> Vec<Step> {
    let mut apply = cluster_args(c, "maintenanceconfiguration");
    apply.push(Arg::Opt("name", ConfigName::Default.as_str().to_owned()));
    apply.push(Arg::ConfigFile);
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Properties<'a> {
        time_in_week: &'a [TimeInWeek],
        #[serde(skip_serializing_if = "<[TimeSpan]>::is_empty")]
        not_allowed_time: &'a [TimeSpan],
    }
    #[derive(serde::Serialize)]
    struct Body<'a> {
        properties: Properties<'a>,
    }
    let hours: Vec<TimeInWeek> = time_in_week.iter().map(TimeInWeek::hours_of_day).collect();
    let body = Body {
        properties: Properties {
            time_in_week: &hours,
            not_allowed_time,
        },
    };
    // Serializing plain data structs cannot fail.
    let json = serde_json::to_string(&body).unwrap_or_default();
    vec![
        Step::Comment("AKS releases window (default), legacy timeInWeek form".to_owned()),
        Step::Comment(
            "via --config-file: --weekday/--start-hour take one day and one hour only; consider the maintenanceWindow form".to_owned(),
        ),
        Step::UpsertMaintenance {
            show: maintenance_show(c, ConfigName::Default),
            apply: AzCommand(apply),
            config_json: Some(json),
        },
    ]
}
