//! `aks-planner import FILE...`: `az` JSON in, plan JSON out.

use std::process::ExitCode;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let _ = raw;
    Err("import: not built yet".to_owned())
}
