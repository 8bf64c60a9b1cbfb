//! `maxSurge` / `maxUnavailable` values and their arithmetic (docs/aks-rules.md §4.1–4.2).
//!
//! Invariant: a [`SurgeValue`] is always a well-formed non-negative integer or percentage
//! (`"5"`, `"33%"`); whether it is *allowed* (e.g. 0 surge with 0 unavailable) is a finding.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An integer node count or a percentage of the pool, as the API's string form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum SurgeValue {
    Nodes(u32),
    Percent(u32),
}

impl SurgeValue {
    /// Nodes this value stands for in a pool of `node_count` nodes: percentages round **up**,
    /// and the result is capped at the nodes still to upgrade (docs/aks-rules.md §4.2).
    pub fn resolve(self, node_count: u32) -> u32 {
        let raw = match self {
            SurgeValue::Nodes(n) => u64::from(n),
            SurgeValue::Percent(p) => (u64::from(node_count) * u64::from(p)).div_ceil(100),
        };
        u32::try_from(raw.min(u64::from(node_count))).unwrap_or(node_count)
    }

    pub fn is_zero(self) -> bool {
        matches!(self, SurgeValue::Nodes(0) | SurgeValue::Percent(0))
    }
}

impl fmt::Display for SurgeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SurgeValue::Nodes(n) => write!(f, "{n}"),
            SurgeValue::Percent(p) => write!(f, "{p}%"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurgeError {
    #[error("{0:?} is empty: write a node count such as 1 or a percentage such as 33%")]
    Empty(String),
    #[error(
        "{0:?} is not a whole number of nodes or a percentage: write e.g. 1, 5 or 33% (no decimals, no sign)"
    )]
    Malformed(String),
}

impl FromStr for SurgeValue {
    type Err = SurgeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(SurgeError::Empty(s.to_owned()));
        }
        let (digits, percent) = match trimmed.strip_suffix('%') {
            Some(d) => (d.trim_end(), true),
            None => (trimmed, false),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SurgeError::Malformed(s.to_owned()));
        }
        let value: u32 = digits
            .parse()
            .map_err(|_| SurgeError::Malformed(s.to_owned()))?;
        Ok(if percent {
            SurgeValue::Percent(value)
        } else {
            SurgeValue::Nodes(value)
        })
    }
}

impl TryFrom<String> for SurgeValue {
    type Error = SurgeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<SurgeValue> for String {
    fn from(v: SurgeValue) -> String {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn percent_rounds_up_like_the_docs_example() {
        // 8 nodes at 10 % -> ceil(0.8) = 1 surge node (SupportArticles PR #2101).
        assert_eq!(SurgeValue::Percent(10).resolve(8), 1);
        // 4 nodes at 50 % -> 2 (D-ROLL).
        assert_eq!(SurgeValue::Percent(50).resolve(4), 2);
    }

    #[test]
    fn surge_is_capped_at_the_pool_size() {
        assert_eq!(SurgeValue::Nodes(10).resolve(3), 3);
        assert_eq!(SurgeValue::Percent(150).resolve(4), 4);
    }

    #[test]
    fn decimals_signs_and_words_are_rejected_with_an_example() {
        for bad in ["1.5", "-1", "abc", "%", "33 %%", ""] {
            let err = bad.parse::<SurgeValue>().unwrap_err();
            assert!(err.to_string().contains("33%"), "{bad}: {err}");
        }
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(n in 0u32..100_000, pct in any::<bool>()) {
            let v = if pct { SurgeValue::Percent(n) } else { SurgeValue::Nodes(n) };
            prop_assert_eq!(v.to_string().parse::<SurgeValue>(), Ok(v));
        }

        #[test]
        fn resolved_surge_never_exceeds_the_pool(n in 0u32..2000, p in 0u32..1000) {
            prop_assert!(SurgeValue::Percent(p).resolve(n) <= n);
            prop_assert!(SurgeValue::Nodes(p).resolve(n) <= n);
        }
    }
}
