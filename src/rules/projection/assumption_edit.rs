//! Editing the projection's assumptions from text, one input at a time (the app's assumptions
//! panel; issue 4: every [ASSUMPTION] is an editable input labelled as an estimate). Shapes are
//! rejected here with a message saying what to write, and so are numbers no estimate can take
//! (a 0-day release interval, a 250 % share): typed in the panel they would silently distort
//! every projected date. A plan file holding such a number is still read; the projection
//! clamps it.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::super::assumptions::AssumptionKey;
use super::super::plan::Plan;
use super::super::version::KubernetesVersion;
use super::assumptions::{AssumptionInput, DailyWindow, ProjectionAssumptions, VmSizeEntry};
use super::vmsize::{Provenance, lookup};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AssumptionEditError {
    #[error("`{text}` is not a whole number: write digits, e.g. 7")]
    NotANumber { text: String },
    #[error("`{text}` is not an amount: write e.g. 0.05 (at most 6 decimals)")]
    NotAnAmount { text: String },
    #[error("`{text}` is not an RFC 3339 instant: write e.g. 2026-01-06T00:00:00Z")]
    NotAnInstant { text: String },
    #[error("`{text}` is not a reboot window: write `none` or e.g. `22:00 UTC for 4 h`")]
    NotARebootWindow { text: String },
    #[error("`{text}` is not a currency code: write three capital letters, e.g. USD")]
    NotACurrency { text: String },
    #[error("`{text}` is not a Kubernetes minor version: write e.g. 1.32")]
    NotAMinorVersion { text: String },
    #[error("`{text}` is out of range: {what} is {} to {}", .range.start(), .range.end())]
    OutOfRange {
        text: String,
        what: &'static str,
        range: RangeInclusive<u32>,
    },
}

/// [`ProjectionAssumptions::inputs`] as the panel shows them: the VHD price as an amount of the
/// currency instead of millionths.
pub fn panel_inputs(a: &ProjectionAssumptions) -> Vec<AssumptionInput> {
    a.inputs()
        .into_iter()
        .map(|mut input| {
            if input.key == AssumptionKey::VhdPricePerGbMonthMicros {
                input.label = "VHD price per GB-month";
                input.value = amount_text(a.costs.vhd_price_per_gb_month_micros);
            }
            if input.key == AssumptionKey::WindowsLicensePerVcpuHourMicros {
                input.label = "Windows license per vCPU-hour (added to built-in Linux prices)";
                input.value = amount_text(a.costs.windows_license_per_vcpu_hour_micros);
            }
            input
        })
        .collect()
}

/// Applies the text of input `key` (as listed by [`panel_inputs`]) to `a`.
pub fn set_input(
    a: &mut ProjectionAssumptions,
    key: AssumptionKey,
    text: &str,
) -> Result<(), AssumptionEditError> {
    use AssumptionKey::*;
    let r = &mut a.releases;
    let t = &mut a.timings;
    let k = &mut a.kubernetes;
    let slot: &mut u32 = match key {
        NodeImageAnchor => {
            r.node_image_anchor = parse_instant(text)?;
            return Ok(());
        }
        AnchorGa => {
            k.anchor_ga = parse_instant(text)?;
            return Ok(());
        }
        AnchorMinor => {
            // A minor only: the model counts minors, and a patch number would look real.
            k.anchor_minor = text
                .trim()
                .parse::<KubernetesVersion>()
                .ok()
                .filter(|v| v.patch.is_none())
                .ok_or_else(|| AssumptionEditError::NotAMinorVersion {
                    text: text.to_owned(),
                })?;
            return Ok(());
        }
        KuredReboot => {
            r.kured_reboot = parse_reboot(text)?;
            return Ok(());
        }
        Currency => {
            let code = text.trim();
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(AssumptionEditError::NotACurrency {
                    text: text.to_owned(),
                });
            }
            a.costs.currency = code.to_owned();
            return Ok(());
        }
        VhdPricePerGbMonthMicros => {
            a.costs.vhd_price_per_gb_month_micros = parse_amount(text)?;
            return Ok(());
        }
        WindowsLicensePerVcpuHourMicros => {
            a.costs.windows_license_per_vcpu_hour_micros = parse_amount(text)?;
            return Ok(());
        }
        LinuxImageIntervalDays => &mut r.linux_image_interval_days,
        NodeImageRolloutHours => &mut r.node_image_rollout_hours,
        SecurityIntervalDays => &mut r.security_interval_days,
        SecurityRolloutHours => &mut r.security_rollout_hours,
        SecurityReimagePercent => &mut r.security_reimage_percent,
        UnmanagedPatchHourUtc => &mut r.unmanaged_patch_hour_utc,
        MinorIntervalDays => &mut k.minor_interval_days,
        PatchIntervalDays => &mut k.patch_interval_days,
        RolloutHours => &mut k.rollout_hours,
        ControlPlaneMinutes => &mut k.control_plane_minutes,
        CreateSurgeMinutes => &mut t.create_surge_minutes,
        DrainMinutes => &mut t.drain_minutes,
        ReimageMinutes => &mut t.reimage_minutes,
        DeleteSurgeMinutes => &mut t.delete_surge_minutes,
        LivePatchMinutes => &mut t.live_patch_minutes,
        RetainedVhdsPerOsSku => &mut a.costs.retained_vhds_per_os_sku,
        VhdUsedGb => &mut a.costs.vhd_used_gb,
        ExposureSlaDays => &mut a.exposure_sla_days,
        PodGracePeriodSeconds => &mut a.pod_grace_period_seconds,
        RingSoakHours => &mut a.ring_soak_hours,
        ChannelChangeDelayHours => &mut a.channel_change_delay_hours,
        WindowLeadTimeMinutes => &mut a.window_lead_time_minutes,
    };
    *slot = parse_in_range(key, text)?;
    Ok(())
}

/// A whole number within [`AssumptionKey::range`] (any `u32` for an input without a range).
fn parse_in_range(key: AssumptionKey, text: &str) -> Result<u32, AssumptionEditError> {
    let (what, range) = key.range().unwrap_or(("a whole number", 0..=u32::MAX));
    // Read as i64 so that "-1" is reported as out of range rather than as not a number.
    let n: i64 = text
        .trim()
        .parse()
        .map_err(|_| AssumptionEditError::NotANumber {
            text: text.to_owned(),
        })?;
    u32::try_from(n)
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| AssumptionEditError::OutOfRange {
            text: text.trim().to_owned(),
            what,
            range,
        })
}

/// The hourly price of one VM size used in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VmPriceInput {
    pub size: String,
    /// Amount per hour, empty when unknown.
    pub value: String,
    /// From the built-in list (an estimate) rather than typed by the user.
    pub estimate: bool,
    pub known: bool,
}

/// One entry per distinct VM size of the plan's pools, sorted by name.
pub fn vm_price_inputs(plan: &Plan) -> Vec<VmPriceInput> {
    // Inserted by `extend`: collecting into a set sorts the items first, which compiled one
    // more copy of the stable sort (README "Bundle-size levers").
    let mut sizes = BTreeSet::new();
    sizes.extend(
        plan.clusters
            .iter()
            .flat_map(|c| &c.agent_pool_profiles)
            .map(|p| p.vm_size.as_str())
            .filter(|s| !s.trim().is_empty()),
    );
    let costs = &plan.assumptions.projection.costs;
    sizes
        .into_iter()
        .map(|size| {
            let info = lookup(size, costs);
            VmPriceInput {
                size: size.to_owned(),
                value: info
                    .price_per_hour_micros
                    .map(amount_text)
                    .unwrap_or_default(),
                estimate: info.price_from == Provenance::BuiltIn,
                known: info.price_from != Provenance::Unknown,
            }
        })
        .collect()
}

/// Sets the user's hourly price of `size`; empty text goes back to the built-in estimate.
pub fn set_vm_price(
    a: &mut ProjectionAssumptions,
    size: &str,
    text: &str,
) -> Result<(), AssumptionEditError> {
    let price = if text.trim().is_empty() {
        None
    } else {
        Some(parse_amount(text)?)
    };
    let entry = a.costs.vm_sizes.entry(size.to_owned()).or_default();
    entry.price_per_hour_micros = price;
    if *entry == VmSizeEntry::default() {
        a.costs.vm_sizes.remove(size);
    }
    Ok(())
}

/// Micro-units as a plain decimal without trailing zeros: `0.05`, `1.234567`, `3`.
pub fn amount_text(micros: u64) -> String {
    let whole = micros / 1_000_000;
    let frac = micros % 1_000_000;
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

fn parse_instant(text: &str) -> Result<DateTime<Utc>, AssumptionEditError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| AssumptionEditError::NotAnInstant {
            text: text.to_owned(),
        })
}

/// `0.384` → 384 000 micro-units.
fn parse_amount(text: &str) -> Result<u64, AssumptionEditError> {
    let bad = || AssumptionEditError::NotAnAmount {
        text: text.to_owned(),
    };
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 6 {
        return Err(bad());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac: u64 = format!("{frac:0<6}").parse().map_err(|_| bad())?;
    whole
        .checked_mul(1_000_000)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(bad)
}

/// `none` (or empty) → no reboots; otherwise the first two numbers are the start hour (UTC)
/// and the length in hours, as [`ProjectionAssumptions::inputs`] writes it.
fn parse_reboot(text: &str) -> Result<Option<DailyWindow>, AssumptionEditError> {
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let numbers: Vec<u32> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let start = numbers.first().copied().filter(|h| *h < 24);
    // "22:00 UTC for 4 h" has the minutes "00" as its second number.
    let duration = match numbers.as_slice() {
        [_, 0, d, ..] | [_, d] | [_, d, ..] => Some(*d).filter(|d| (1..=24).contains(d)),
        _ => None,
    };
    match (start, duration) {
        (Some(start_hour_utc), Some(duration_hours)) => Ok(Some(DailyWindow {
            start_hour_utc,
            duration_hours,
        })),
        _ => Err(AssumptionEditError::NotARebootWindow {
            text: text.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::demo_plan;

    #[test]
    fn every_listed_input_accepts_its_own_text_back() {
        let original = ProjectionAssumptions::default();
        let mut a = original.clone();
        for input in panel_inputs(&original) {
            set_input(&mut a, input.key, &input.value)
                .unwrap_or_else(|e| panic!("{}: {e}", input.key));
        }
        assert_eq!(a, original);
    }

    #[test]
    fn numbers_amounts_instants_and_currencies_are_parsed_or_explained() {
        let mut a = ProjectionAssumptions::default();
        set_input(&mut a, AssumptionKey::DrainMinutes, " 4 ").unwrap();
        assert_eq!(a.timings.drain_minutes, 4);
        set_input(&mut a, AssumptionKey::ExposureSlaDays, "7").unwrap();
        assert_eq!(a.exposure_sla_days, 7);
        set_input(&mut a, AssumptionKey::VhdPricePerGbMonthMicros, "0.12").unwrap();
        assert_eq!(a.costs.vhd_price_per_gb_month_micros, 120_000);
        set_input(&mut a, AssumptionKey::Currency, "EUR").unwrap();
        assert_eq!(a.costs.currency, "EUR");
        set_input(
            &mut a,
            AssumptionKey::NodeImageAnchor,
            "2026-02-03T00:00:00+01:00",
        )
        .unwrap();
        assert_eq!(
            a.releases.node_image_anchor.to_rfc3339(),
            "2026-02-02T23:00:00+00:00"
        );
        let refused = [
            (AssumptionKey::DrainMinutes, "four"),
            (AssumptionKey::DrainMinutes, "-1"),
            (AssumptionKey::VhdPricePerGbMonthMicros, "1,5"),
            (AssumptionKey::VhdPricePerGbMonthMicros, "0.1234567"),
            (AssumptionKey::VhdPricePerGbMonthMicros, "."),
            (AssumptionKey::Currency, "euro"),
            (AssumptionKey::NodeImageAnchor, "tuesday"),
            (AssumptionKey::KuredReboot, "at night"),
            (AssumptionKey::AnchorMinor, "1.32.4"),
            (AssumptionKey::AnchorMinor, "latest"),
            (AssumptionKey::AnchorGa, "March 2025"),
        ];
        for (key, text) in refused {
            let before = a.clone();
            let err = set_input(&mut a, key, text).unwrap_err();
            assert!(err.to_string().contains(text), "{err}");
            assert_eq!(a, before, "{key} {text}");
        }
    }

    #[test]
    fn numbers_no_estimate_can_take_are_refused_with_the_range() {
        let cases = [
            (AssumptionKey::LinuxImageIntervalDays, "0", "1 to 90"),
            (
                AssumptionKey::SecurityReimagePercent,
                "250",
                "a percentage is 0 to 100",
            ),
            (AssumptionKey::UnmanagedPatchHourUtc, "24", "0 to 23"),
            (AssumptionKey::DrainMinutes, "-1", "0 to 1440"),
            (AssumptionKey::ExposureSlaDays, "0", "1 to 365"),
        ];
        for (key, text, expected) in cases {
            let mut a = ProjectionAssumptions::default();
            let err = set_input(&mut a, key, text).unwrap_err();
            let message = err.to_string();
            assert!(
                message.starts_with(&format!("`{text}` is out of range")),
                "{message}"
            );
            assert!(message.contains(expected), "{key}: {message}");
            assert_eq!(a, ProjectionAssumptions::default(), "{key} unchanged");
        }
        // The ends of a range are accepted.
        let mut a = ProjectionAssumptions::default();
        set_input(&mut a, AssumptionKey::SecurityReimagePercent, "100").unwrap();
        set_input(&mut a, AssumptionKey::LinuxImageIntervalDays, "1").unwrap();
        assert_eq!(a.releases.security_reimage_percent, 100);
        assert_eq!(a.releases.linux_image_interval_days, 1);
    }

    #[test]
    fn every_range_holds_its_default() {
        let a = ProjectionAssumptions::default();
        let mut checked = 0;
        for input in panel_inputs(&a) {
            if let Some((_, range)) = input.key.range() {
                let value: u32 = input.value.parse().unwrap();
                assert!(range.contains(&value), "{} = {value}", input.key);
                checked += 1;
            }
        }
        assert_eq!(checked, 22, "whole-number inputs with a range");
    }

    #[test]
    fn a_kured_window_reads_in_the_form_it_is_shown() {
        let cases = [
            ("none", None),
            ("", None),
            ("22:00 UTC for 4 h", Some((22, 4))),
            ("3 2", Some((3, 2))),
        ];
        for (text, want) in cases {
            let got = parse_reboot(text)
                .unwrap()
                .map(|w| (w.start_hour_utc, w.duration_hours));
            assert_eq!(got, want, "{text}");
        }
        assert!(parse_reboot("25:00 UTC for 4 h").is_err());
    }

    #[test]
    fn amounts_round_trip_through_text() {
        for micros in [0, 50_000, 384_000, 1_000_000, 1_234_567, 96_000_000] {
            assert_eq!(parse_amount(&amount_text(micros)).unwrap(), micros);
        }
        assert_eq!(amount_text(50_000), "0.05");
        assert_eq!(parse_amount(".5").unwrap(), 500_000);
    }

    #[test]
    fn vm_prices_list_the_plans_sizes_and_user_prices_override_estimates() {
        let mut plan = demo_plan();
        let inputs = vm_price_inputs(&plan);
        let sizes: Vec<&str> = inputs.iter().map(|i| i.size.as_str()).collect();
        assert_eq!(
            sizes,
            ["Standard_D4s_v5", "Standard_D8s_v5", "Standard_NC6s_v3"]
        );
        assert!(inputs.iter().all(|i| i.known && i.estimate), "{inputs:?}");
        let a = &mut plan.assumptions.projection;
        set_vm_price(a, "Standard_D8s_v5", "0.5").unwrap();
        let d8 = vm_price_inputs(&plan).into_iter().nth(1).unwrap();
        assert_eq!((d8.value.as_str(), d8.estimate), ("0.5", false));
        set_vm_price(&mut plan.assumptions.projection, "Standard_D8s_v5", " ").unwrap();
        assert!(plan.assumptions.projection.costs.vm_sizes.is_empty());
    }
}
