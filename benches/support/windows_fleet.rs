//! The fleet of issue 3's windows benchmark, 1,000 clusters × 3 maintenance configurations:
//! every schedule kind, offsets, intervals, blackouts and the legacy form. Shared by
//! `benches/windows.rs` and `examples/windows_fleet.rs` (which writes it as a plan file for
//! `benches/windows-vs-dateutil.sh`).

pub const CLUSTERS: usize = 1_000;

/// Cluster `i` of the fleet, as plan JSON.
pub fn cluster_json(i: usize) -> String {
    let days = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    let index = ["First", "Second", "Third", "Fourth", "Last"];
    let day = days[i % 7];
    let default = if i.is_multiple_of(5) {
        format!(r#"{{"name":"default","timeInWeek":[{{"day":"{day}","hourSlots":[1,2,3]}}]}}"#)
    } else {
        format!(
            r#"{{"name":"default","maintenanceWindow":{{"schedule":{{"weekly":{{"intervalWeeks":1,"dayOfWeek":"{day}"}}}},
                "durationHours":4,"startTime":"01:00"}}}}"#
        )
    };
    let auto = if i.is_multiple_of(2) {
        format!(
            r#"{{"relativeMonthly":{{"intervalMonths":{},"weekIndex":"{}","dayOfWeek":"{day}"}}}}"#,
            1 + i % 3,
            index[i % 5]
        )
    } else {
        format!(
            r#"{{"absoluteMonthly":{{"intervalMonths":1,"dayOfMonth":{}}}}}"#,
            1 + i % 31
        )
    };
    let node = if i.is_multiple_of(3) {
        format!(r#"{{"daily":{{"intervalDays":{}}}}}"#, 1 + i % 7)
    } else {
        format!(
            r#"{{"weekly":{{"intervalWeeks":{},"dayOfWeek":"{day}"}}}}"#,
            1 + i % 4
        )
    };
    format!(
        r#"{{"name":"aks-{i}","maintenanceConfigurations":[{default},
          {{"name":"aksManagedAutoUpgradeSchedule","maintenanceWindow":{{"schedule":{auto},
            "durationHours":8,"utcOffset":"+05:30","startDate":"2027-01-0{}","startTime":"22:00"}}}},
          {{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{{"schedule":{node},
            "durationHours":6,"utcOffset":"-08:00","startTime":"{:02}:30",
            "notAllowedDates":[{{"start":"2027-12-20","end":"2028-01-02"}},{{"start":"2027-06-01","end":"2027-06-07"}}]}}}}]}}"#,
        1 + i % 9,
        i % 24
    )
}

/// The whole fleet as a version-1 plan file.
#[allow(dead_code)] // used by the example, not by the benchmark
pub fn plan_json(clusters: usize) -> String {
    let all: Vec<String> = (0..clusters).map(cluster_json).collect();
    format!(
        r#"{{"version":1,"name":"Windows benchmark fleet","clusters":[{}]}}"#,
        all.join(",\n")
    )
}
