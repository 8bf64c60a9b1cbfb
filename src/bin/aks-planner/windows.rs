//! `aks-planner windows PLAN.json --from <RFC 3339 instant> [--until T] [--count N] [--json]`:
//! the maintenance windows per cluster and configuration, in UTC, from the same engine as the
//! app (docs/aks-rules.md §3.4–3.5, readings from `plan.assumptions.recurrence`).
//!
//! The output is streamed: each configuration's windows are written as the engine yields them,
//! so a year of daily windows for a large fleet never sits in memory.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc};
use planner::rules::cluster::Cluster;
use planner::rules::maintenance::describe::{describe, describe_legacy};
use planner::rules::maintenance::{ConfigName, DefaultConfig, Occurrence, RecurrenceOptions};
use planner::rules::plan::Plan;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::args::Args;
use crate::io::read_plan;

/// Windows per configuration when neither `--count` nor `--until` is given.
const DEFAULT_COUNT: usize = 10;
const MAX_COUNT: usize = 10_000;
/// `--until` may be at most this far after `--from` (bounded work: ten years of daily windows).
const MAX_SPAN_DAYS: i64 = 3_660;

/// Which windows of each configuration to list: the first `count` (if any) that start before
/// `until` (if any).
#[derive(Clone, Copy)]
struct Limits {
    count: Option<usize>,
    until: Option<DateTime<Utc>>,
}

impl Limits {
    fn parse(args: &Args, from: DateTime<Utc>) -> Result<Limits, String> {
        let count = args
            .option("count")
            .map(|text| {
                text.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_COUNT).contains(n))
                    .ok_or_else(|| {
                        format!("--count {text:?} must be a whole number from 1 to {MAX_COUNT}")
                    })
            })
            .transpose()?;
        let until = args
            .option("until")
            .map(|text| {
                let until = crate::io::parse_instant(text, "--until")?;
                if until <= from {
                    return Err(format!("--until {text:?} must be after --from"));
                }
                if until - from > TimeDelta::days(MAX_SPAN_DAYS) {
                    return Err(format!(
                        "--until {text:?} is more than {MAX_SPAN_DAYS} days after --from: \
                         list at most ten years at a time"
                    ));
                }
                Ok(until)
            })
            .transpose()?;
        let count = match (count, until) {
            (None, None) => Some(DEFAULT_COUNT),
            (count, _) => count,
        };
        Ok(Limits { count, until })
    }

    /// The windows of one configuration within these limits, lazily.
    fn apply(self, windows: impl Iterator<Item = Occurrence>) -> impl Iterator<Item = Occurrence> {
        windows
            .take(self.count.unwrap_or(usize::MAX))
            .take_while(move |o| self.until.is_none_or(|u| o.start < u))
    }
}

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["from", "until", "count"], &["json"])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    let from_text = args
        .option("from")
        .ok_or("missing --from <RFC 3339 instant>, e.g. --from 2027-01-01T00:00:00Z")?;
    let from = crate::io::parse_instant(from_text, "--from")?;
    let limits = Limits::parse(&args, from)?;
    let listing = Listing {
        plan: &plan,
        from,
        limits,
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = if args.flag("json") {
        serde_json::to_writer_pretty(&mut out, &listing)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        listing.write_text(&mut out)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the windows: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Every configured window of the plan within the limits; serialised and printed lazily.
struct Listing<'a> {
    plan: &'a Plan,
    from: DateTime<Utc>,
    limits: Limits,
}

/// One configuration of one cluster: its sentence and its windows, computed when written.
struct ConfigWindows<'a> {
    cluster: &'a Cluster,
    config: ConfigName,
    from: DateTime<Utc>,
    options: RecurrenceOptions,
    limits: Limits,
}

impl<'a> Listing<'a> {
    /// The configurations of `cluster` that exist, in `ConfigName::ALL` order.
    fn configs(&self, cluster: &'a Cluster) -> impl Iterator<Item = ConfigWindows<'a>> + 'a {
        let (from, limits) = (self.from, self.limits);
        let options = self.plan.assumptions.recurrence;
        ConfigName::ALL.into_iter().filter_map(move |config| {
            cluster
                .maintenance_configurations
                .occurrences(config, from, options)
                .map(|_| ConfigWindows {
                    cluster,
                    config,
                    from,
                    options,
                    limits,
                })
        })
    }

    fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        for cluster in &self.plan.clusters {
            writeln!(out, "{}", cluster.name)?;
            let mut any = false;
            for c in self.configs(cluster) {
                any = true;
                writeln!(out, "  {}: {}", c.config, c.description())?;
                let mut none = true;
                for o in c.windows() {
                    none = false;
                    let blocked = if o.blocked {
                        "  blocked (notAllowedDates)"
                    } else {
                        ""
                    };
                    out.write_all(b"    ")?;
                    write_minute(out, o.start)?;
                    out.write_all(" – ".as_bytes())?;
                    write_minute(out, o.end)?;
                    writeln!(out, "{blocked}")?;
                }
                if none {
                    writeln!(
                        out,
                        "    no windows (a value is out of range: run `aks-planner check`)"
                    )?;
                }
            }
            if !any {
                writeln!(out, "  no maintenance configurations: AKS picks the times")?;
            }
        }
        Ok(())
    }
}

/// `%Y-%m-%dT%H:%MZ` ("2027-01-10T16:30Z"), digits written by hand: a year of windows for a
/// large fleet is a quarter of a million timestamps, and chrono's `format` (which parses its
/// pattern each time) took most of the command's time.
fn write_minute(out: &mut impl Write, t: DateTime<Utc>) -> io::Result<()> {
    let Ok(year) = u32::try_from(t.year()) else {
        return write!(out, "{}", t.format("%Y-%m-%dT%H:%MZ"));
    };
    if year > 9999 {
        return write!(out, "{}", t.format("%Y-%m-%dT%H:%MZ"));
    }
    let mut text = *b"0000-00-00T00:00Z";
    let mut put = |at: usize, value: u32, width: usize| {
        let mut v = value;
        for i in (at..at + width).rev() {
            text[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, year, 4);
    put(5, t.month(), 2);
    put(8, t.day(), 2);
    put(11, t.hour(), 2);
    put(14, t.minute(), 2);
    out.write_all(&text)
}

impl ConfigWindows<'_> {
    fn description(&self) -> String {
        let cfgs = &self.cluster.maintenance_configurations;
        match (self.config, &cfgs.default, cfgs.window(self.config)) {
            (ConfigName::Default, Some(DefaultConfig::Legacy { time_in_week, .. }), _) => {
                describe_legacy(time_in_week)
            }
            (_, _, Some(w)) => describe(w),
            _ => String::new(),
        }
    }

    fn windows(&self) -> impl Iterator<Item = Occurrence> + '_ {
        let all = self
            .cluster
            .maintenance_configurations
            .occurrences(self.config, self.from, self.options)
            .into_iter()
            .flatten();
        self.limits.apply(all)
    }
}

impl Serialize for Listing<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.plan.clusters.iter().flat_map(|c| self.configs(c)))
    }
}

/// Streams the windows array: `collect_seq` pulls them from the engine one at a time.
struct Windows<'a, 'b>(&'b ConfigWindows<'a>);

impl Serialize for Windows<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.windows())
    }
}

impl Serialize for ConfigWindows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ConfigWindows", 4)?;
        s.serialize_field("cluster", &self.cluster.name)?;
        s.serialize_field("config", &self.config)?;
        s.serialize_field("description", &self.description())?;
        s.serialize_field("windows", &Windows(self))?;
        s.end()
    }
}
