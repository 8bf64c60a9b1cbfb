//! Compliance presets for how soon a fix must run on every node. Used by the fix ETA and the
//! exposure panel, so both speak of the same deadlines.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A remediation deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Sla {
    /// PCI DSS 4.0 requirement 6.3.3: critical security patches within one month of release.
    PciDss,
    /// FedRAMP continuous monitoring: high-risk vulnerabilities within 30 days.
    FedrampHigh,
    /// FedRAMP: moderate-risk within 90 days.
    FedrampModerate,
    /// FedRAMP: low-risk within 180 days.
    FedrampLow,
    /// UK Cyber Essentials: critical or high-risk updates within 14 days of release.
    CyberEssentials,
    /// A number of days the team chose.
    Days(u32),
}

impl Default for Sla {
    fn default() -> Self {
        Sla::Days(14)
    }
}

impl Sla {
    /// Shortest deadline first.
    pub const PRESETS: [Sla; 5] = [
        Sla::CyberEssentials,
        Sla::PciDss,
        Sla::FedrampHigh,
        Sla::FedrampModerate,
        Sla::FedrampLow,
    ];

    /// The deadline in days ("one month" is read as 30 days).
    pub fn days(self) -> u32 {
        match self {
            Sla::PciDss | Sla::FedrampHigh => 30,
            Sla::FedrampModerate => 90,
            Sla::FedrampLow => 180,
            Sla::CyberEssentials => 14,
            Sla::Days(n) => n,
        }
    }

    /// The CLI spelling (`pci`, `fedramp-high`, …, or the number of days).
    pub fn key(self) -> String {
        match self {
            Sla::PciDss => "pci".to_owned(),
            Sla::FedrampHigh => "fedramp-high".to_owned(),
            Sla::FedrampModerate => "fedramp-moderate".to_owned(),
            Sla::FedrampLow => "fedramp-low".to_owned(),
            Sla::CyberEssentials => "cyber-essentials".to_owned(),
            Sla::Days(n) => n.to_string(),
        }
    }

    /// A label for people, saying what the rule asks.
    pub fn label(self) -> String {
        match self {
            Sla::PciDss => {
                "PCI DSS 4.0 requirement 6.3.3: critical patches within one month (30 days)"
                    .to_owned()
            }
            Sla::FedrampHigh => "FedRAMP, high risk: 30 days".to_owned(),
            Sla::FedrampModerate => "FedRAMP, moderate risk: 90 days".to_owned(),
            Sla::FedrampLow => "FedRAMP, low risk: 180 days".to_owned(),
            Sla::CyberEssentials => "UK Cyber Essentials: 14 days".to_owned(),
            Sla::Days(n) => format!("{n} days (your choice)"),
        }
    }

    /// The public source of a preset.
    pub fn source(self) -> Option<&'static str> {
        match self {
            Sla::PciDss => Some("https://www.pcisecuritystandards.org/document_library/"),
            Sla::FedrampHigh | Sla::FedrampModerate | Sla::FedrampLow => {
                Some("https://www.fedramp.gov/docs/rev5/playbook/csp/continuous-monitoring/")
            }
            Sla::CyberEssentials => Some("https://www.ncsc.gov.uk/cyberessentials/overview"),
            Sla::Days(_) => None,
        }
    }
}

/// The presets grouped by their number of days, for a control that stores only days (the
/// exposure panel's SLA): `(days, "PCI DSS 4.0 requirement 6.3.3 or FedRAMP high risk: 30 days")`.
pub fn presets_by_days() -> Vec<(u32, String)> {
    let mut out: Vec<(u32, Vec<&'static str>)> = Vec::new();
    for p in Sla::PRESETS {
        let name = match p {
            Sla::PciDss => "PCI DSS 4.0 requirement 6.3.3",
            Sla::FedrampHigh => "FedRAMP high risk",
            Sla::FedrampModerate => "FedRAMP moderate risk",
            Sla::FedrampLow => "FedRAMP low risk",
            _ => "UK Cyber Essentials",
        };
        match out.iter_mut().find(|(d, _)| *d == p.days()) {
            Some((_, names)) => names.push(name),
            None => out.push((p.days(), vec![name])),
        }
    }
    out.into_iter()
        .map(|(d, names)| (d, format!("{}: {d} days", names.join(" or "))))
        .collect()
}

impl fmt::Display for Sla {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown SLA {0:?}: use pci, fedramp-high, fedramp-moderate, fedramp-low, cyber-essentials or a number of days from 1 to 365"
)]
pub struct BadSla(pub String);

impl FromStr for Sla {
    type Err = BadSla;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if let Some(p) = Sla::PRESETS
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(t))
        {
            return Ok(p);
        }
        match t.parse::<u32>() {
            Ok(n) if (1..=365).contains(&n) => Ok(Sla::Days(n)),
            _ => Err(BadSla(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_carry_the_published_deadlines() {
        assert_eq!(Sla::PciDss.days(), 30);
        assert_eq!(Sla::CyberEssentials.days(), 14);
        let fedramp: Vec<u32> = ["fedramp-high", "fedramp-moderate", "fedramp-low"]
            .iter()
            .map(|k| k.parse::<Sla>().unwrap().days())
            .collect();
        assert_eq!(fedramp, [30, 90, 180]);
        assert_eq!("21".parse::<Sla>(), Ok(Sla::Days(21)));
        assert!("0".parse::<Sla>().is_err());
        assert!("sox".parse::<Sla>().is_err());
        for p in Sla::PRESETS {
            assert_eq!(p.key().parse::<Sla>(), Ok(p));
        }
    }
}
