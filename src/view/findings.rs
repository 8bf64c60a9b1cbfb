//! How a finding is presented: its severity label, the note on findings that rest on
//! estimates, and the findings reference (docs/findings.md) generated from the registry.

use std::fmt::Write;

use crate::rules::finding::{Basis, Finding, FindingCode, RETIRED, Severity};

/// The lowercase label: `error`, `warning`, `note` (CLI lines, test ids).
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// One line naming a finding: `warning[code] cluster/pool/field: message` (the CLI's form).
pub fn headline(finding: &Finding) -> String {
    format!(
        "{}[{}] {}: {}",
        severity_label(finding.severity),
        finding.code,
        finding.path.display(),
        finding.message
    )
}

/// What every finding that rests on the projection's estimates says about itself.
pub const ESTIMATE_NOTE: &str = "Estimate: this rests on the step timings and release cadence \
     under Assumptions, not on a figure AKS publishes.";

/// [`ESTIMATE_NOTE`] for a finding that rests on estimates, else nothing.
pub fn estimate_note(finding: &Finding) -> Option<&'static str> {
    finding.is_estimate().then_some(ESTIMATE_NOTE)
}

/// docs/findings.md: every code with its severity, rule, source and basis, then the retired
/// codes and what replaced them. Generated; `tests/findings_doc.rs` keeps the file current.
pub fn reference() -> String {
    let mut out = String::from(
        "# Findings reference\n\n\
         Generated from the findings registry (`src/rules/finding/code.rs`) by \
         `tests/findings_doc.rs`; do not edit by hand (`UPDATE_FINDINGS_DOC=1 cargo test --test \
         findings_doc` rewrites it).\n\n\
         Every finding the planner raises, in the app's Findings panel, `aks-planner check`, \
         `aks-planner project` and the Markdown review, has one of these codes. `check` exits 1 \
         when any finding is an error. Codes are stable: a pipeline may match on them. \
         \"Estimate\" findings rest on the projection's step timings and release cadence, which \
         you can edit under Assumptions.\n\n\
         | Code | Severity | Rule | Basis | Source |\n\
         |---|---|---|---|---|\n",
    );
    for code in FindingCode::ALL {
        let rule = code.rule();
        let basis = match rule.basis {
            Basis::Rule => "rule",
            Basis::Estimate => "estimate",
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {basis} | [{}]({}) |",
            code.as_str(),
            severity_label(rule.severity),
            rule.rule,
            rule.source.title,
            rule.source.url
        );
    }
    out.push_str(
        "\n## Retired codes\n\n\
         Each of these was raised by two engines for one rule; the registry keeps one code. \
         A pipeline that matched the old code should match the new one.\n\n\
         | Retired code | Now reported as |\n\
         |---|---|\n",
    );
    for (old, new) in RETIRED {
        let _ = writeln!(out, "| `{old}` | `{}` |", new.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_lists_every_code_once_and_every_retired_code() {
        let doc = reference();
        for code in FindingCode::ALL {
            let row = format!("\n| `{}` |", code.as_str());
            assert_eq!(doc.matches(&row).count(), 1, "{row}");
        }
        for (old, new) in RETIRED {
            assert!(doc.contains(&format!("| `{old}` | `{}` |", new.as_str())));
        }
    }
}
