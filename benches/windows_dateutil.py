#!/usr/bin/env python3
"""The maintenance windows of a plan file, computed with dateutil's rrule: the yardstick for
`aks-planner windows` in benches/windows-vs-dateutil.sh.

Usage: python3 benches/windows_dateutil.py PLAN.json FROM UNTIL
  (FROM, UNTIL: RFC 3339 instants in UTC, e.g. 2027-01-01T00:00:00Z)

Prints what `aks-planner windows PLAN --from FROM --until UNTIL` prints, except that each
configuration's line stops after its name (the CLI adds a plain-English sentence there). It
reads windows as the app's documented defaults do (the plan's `assumptions` are not read):
- a window starts on a local date in `utcOffset` at `startTime` and lasts `durationHours`;
- the recurrence counts from `startDate`, or from the local date of FROM when there is none;
- weekly: the week containing the start date, weeks starting on Sunday (RFC 5545 WKST=SU);
- absoluteMonthly: months without that day have no window (RFC 5545);
- a window overlapping a `notAllowedDates` day (local, whole days) is listed as blocked;
- the legacy `timeInWeek` form: UTC hour slots, consecutive hours merged into one window.
Every window that ends after FROM and starts before UNTIL is listed.
"""

import heapq
import json
import sys
from datetime import date, datetime, time, timedelta

from dateutil.rrule import DAILY, MONTHLY, SU, WEEKLY, rrule, weekday

CONFIGS = ["default", "aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEK_INDEX = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Last": -1}


def instant(text):
    """A UTC RFC 3339 instant as a naive UTC datetime."""
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (dt - dt.utcoffset()).replace(tzinfo=None)


def offset_of(text):
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text.lstrip("+-").split(":")
    return timedelta(minutes=sign * (int(hours) * 60 + int(minutes)))


def day(name):
    return weekday(DAYS.index(name))


def rule(schedule, dtstart):
    kind, spec = next(iter(schedule.items()))
    if kind == "daily":
        return rrule(DAILY, interval=spec["intervalDays"], dtstart=dtstart)
    if kind == "weekly":
        return rrule(
            WEEKLY, interval=spec["intervalWeeks"], byweekday=day(spec["dayOfWeek"]),
            wkst=SU, dtstart=dtstart,
        )
    if kind == "absoluteMonthly":
        return rrule(
            MONTHLY, interval=spec["intervalMonths"], bymonthday=spec["dayOfMonth"],
            dtstart=dtstart,
        )
    if kind == "relativeMonthly":
        nth = day(spec["dayOfWeek"])(WEEK_INDEX[spec["weekIndex"]])
        return rrule(MONTHLY, interval=spec["intervalMonths"], byweekday=nth, dtstart=dtstart)
    raise ValueError(f"unknown schedule {kind}")


def window_occurrences(w, start, until):
    """(start, end, blocked) in UTC for a `maintenanceWindow`."""
    offset = offset_of(w.get("utcOffset", "+00:00"))
    duration = timedelta(hours=w["durationHours"])
    anchor = date.fromisoformat(w["startDate"]) if w.get("startDate") else (start + offset).date()
    hh, mm = (int(x) for x in w["startTime"].split(":"))
    blackouts = [
        (
            datetime.combine(date.fromisoformat(s["start"]), time()) - offset,
            datetime.combine(date.fromisoformat(s["end"]) + timedelta(days=1), time()) - offset,
        )
        for s in w.get("notAllowedDates", [])
    ]
    for local in rule(w["schedule"], datetime.combine(anchor, time(hh, mm))):
        s = local - offset
        e = s + duration
        if e <= start:
            continue
        if s >= until:
            return
        yield s, e, any(bs < e and s < be for bs, be in blackouts)


def legacy_occurrences(c, start, until):
    """The legacy default configuration: `timeInWeek` UTC hour slots, merged into runs."""
    hours = set()
    for tiw in c.get("timeInWeek", []):
        sunday_based = (DAYS.index(tiw["day"]) + 1) % 7
        hours.update(sunday_based * 24 + h for h in tiw["hourSlots"] if 0 <= h < 24)
    runs = []
    for h in sorted(hours):
        if (h - 1) % 168 in hours and len(hours) < 168:
            continue  # not the first hour of its run
        n = 1
        while (h + n) % 168 in hours and n < 168:
            n += 1
        runs.append((h, n))
    blackouts = [(instant(t["start"]), instant(t["end"])) for t in c.get("notAllowedTime", [])]
    week = start - timedelta(days=7)

    def one(h, n):
        dow = weekday((h // 24 + 6) % 7)
        for s in rrule(WEEKLY, byweekday=dow, byhour=h % 24, byminute=0, bysecond=0,
                       dtstart=week.replace(minute=0, second=0, microsecond=0)):
            e = s + timedelta(hours=n)
            if e <= start:
                continue
            if s >= until:
                return
            yield s, e, any(bs < e and s < be for bs, be in blackouts)

    return heapq.merge(*(one(h, n) for h, n in runs))


def main():
    plan_path, start, until = sys.argv[1], instant(sys.argv[2]), instant(sys.argv[3])
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    out = []
    for cluster in plan["clusters"]:
        out.append(cluster["name"])
        configs = {c["name"]: c for c in cluster.get("maintenanceConfigurations", [])}
        if not configs:
            out.append("  no maintenance configurations: AKS picks the times")
        for name in CONFIGS:
            c = configs.get(name)
            if c is None:
                continue
            out.append(f"  {name}:")
            if "maintenanceWindow" in c:
                occurrences = window_occurrences(c["maintenanceWindow"], start, until)
            else:
                occurrences = legacy_occurrences(c, start, until)
            for s, e, blocked in occurrences:
                mark = "  blocked (notAllowedDates)" if blocked else ""
                out.append(f"    {s:%Y-%m-%dT%H:%M}Z – {e:%Y-%m-%dT%H:%M}Z{mark}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
