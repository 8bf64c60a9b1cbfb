//! Staggering one maintenance window across clusters: the same window, shifted by N hours per
//! cluster (in selection order) or per ring, or moved to a weekday per ring (ring presets such
//! as "ring 0 Monday, ring 1 Wednesday, ring 2 Saturday").

use std::collections::BTreeMap;

use chrono::Timelike;

use super::filter::ring;
use crate::rules::maintenance::{DayOfWeek, MaintenanceWindow, Schedule, StartTime};
use crate::rules::plan::Plan;

/// How the window differs from one selected cluster to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Stagger {
    /// Every cluster gets the same window.
    #[default]
    Same,
    /// The k-th selected cluster's window starts k × N hours later.
    HoursPerCluster(u32),
    /// A cluster of ring r starts r × N hours later (the `ring` tag, a whole number).
    HoursPerRing(u32),
    /// A weekly window on the day given for the cluster's ring.
    RingDays(RingDays),
}

/// The weekday of each ring (the `ring` tag's text).
pub type RingDays = BTreeMap<String, DayOfWeek>;

/// Why a window cannot be staggered as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaggerError {
    #[error(
        "cluster {cluster} has no whole-number ring tag, so its ring's shift is unknown: set its ring tag (0, 1, 2, …) or stagger per cluster"
    )]
    NoRing { cluster: String },
    #[error(
        "cluster {cluster} is in ring {ring:?}, which the ring days do not name: give that ring a day"
    )]
    RingWithoutDay { cluster: String, ring: String },
    #[error(
        "a day per ring needs a weekly schedule (it sets dayOfWeek): choose the weekly schedule first"
    )]
    NotWeekly,
    #[error(
        "cluster {cluster}'s window would move to another day, which a {schedule} schedule cannot express the same way: use fewer hours, a weekly schedule, or a daily one repeating every day"
    )]
    CannotMoveDay { cluster: String, schedule: String },
}

impl Stagger {
    /// The window for each selected cluster, in selection order.
    pub(super) fn windows(
        &self,
        plan: &Plan,
        selection: &[usize],
        window: &MaintenanceWindow,
    ) -> Result<Vec<MaintenanceWindow>, StaggerError> {
        selection
            .iter()
            .enumerate()
            .filter_map(|(k, &i)| plan.clusters.get(i).map(|c| (k, c)))
            .map(|(k, cluster)| {
                let ring_number = || {
                    ring(cluster)
                        .and_then(|r| r.trim().parse::<u32>().ok())
                        .ok_or_else(|| StaggerError::NoRing {
                            cluster: cluster.name.clone(),
                        })
                };
                let hours = match self {
                    Stagger::Same => 0,
                    Stagger::HoursPerCluster(n) => {
                        u64::try_from(k).unwrap_or(u64::MAX) * u64::from(*n)
                    }
                    Stagger::HoursPerRing(n) => u64::from(ring_number()?) * u64::from(*n),
                    Stagger::RingDays(days) => {
                        let name = ring(cluster).unwrap_or_default().trim().to_owned();
                        let Some(day) = days.get(&name) else {
                            return Err(StaggerError::RingWithoutDay {
                                cluster: cluster.name.clone(),
                                ring: name,
                            });
                        };
                        return on_day(window, *day);
                    }
                };
                shifted(window, hours).ok_or_else(|| StaggerError::CannotMoveDay {
                    cluster: cluster.name.clone(),
                    schedule: window.schedule.type_name().to_owned(),
                })
            })
            .collect()
    }
}

/// `window` on weekday `day` (weekly schedules only).
fn on_day(window: &MaintenanceWindow, day: DayOfWeek) -> Result<MaintenanceWindow, StaggerError> {
    match window.schedule {
        Schedule::Weekly { interval_weeks, .. } => Ok(MaintenanceWindow {
            schedule: Schedule::Weekly {
                interval_weeks,
                day_of_week: day,
            },
            ..window.clone()
        }),
        _ => Err(StaggerError::NotWeekly),
    }
}

/// `window` starting `hours` later; `None` when that moves it to another day in a way its
/// schedule cannot say (monthly schedules, daily ones repeating less than every day).
fn shifted(window: &MaintenanceWindow, hours: u64) -> Option<MaintenanceWindow> {
    let start = window.start_time.time();
    let minutes = u64::from(start.hour()) * 60 + u64::from(start.minute()) + hours * 60;
    let days = minutes / (24 * 60);
    let minutes = minutes % (24 * 60);
    let start_time = StartTime::new(
        u32::try_from(minutes / 60).ok()?,
        u32::try_from(minutes % 60).ok()?,
    )?;
    let schedule = match window.schedule {
        _ if days == 0 => window.schedule,
        Schedule::Daily { interval_days: 1 } => window.schedule,
        // Whole weeks later would change which weeks an every-N-weeks window falls in.
        Schedule::Weekly { interval_weeks, .. } if interval_weeks > 1 && days >= 7 => return None,
        Schedule::Weekly {
            interval_weeks,
            day_of_week,
        } => {
            let mut weekday = day_of_week.weekday();
            for _ in 0..days % 7 {
                weekday = weekday.succ();
            }
            Schedule::Weekly {
                interval_weeks,
                day_of_week: DayOfWeek::from_weekday(weekday),
            }
        }
        _ => return None,
    };
    Some(MaintenanceWindow {
        schedule,
        start_time,
        ..window.clone()
    })
}
