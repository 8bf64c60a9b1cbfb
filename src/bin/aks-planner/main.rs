//! `aks-planner`: the command-line twin of the app, built from the same rule core.
//!
//! Exit codes: 0 = fine, 1 = the plan has errors, 2 = unreadable input or bad arguments.

mod args;
mod check;
mod export;
mod import;
mod io;
mod link;
mod open;
mod project;
mod quota;
mod windows;

use std::process::ExitCode;

const USAGE: &str = "\
aks-planner: plan AKS node OS upgrades from a plan file (same rules as the web app)

USAGE:
    aks-planner demo                       print the demo plan (a starting template)
    aks-planner check PLAN.json [--json] [--now T]
                                           list findings; exit 1 if any error
    aks-planner project PLAN.json --from <RFC 3339 instant> [--weeks N] [--json]
                                           projected upgrades per pool, exposure, cost,
                                           the four channels side by side (N default 26)
    aks-planner windows PLAN.json --from <RFC 3339 instant> [--until T] [--count N] [--json]
                                           maintenance windows per cluster and
                                           configuration, in UTC: those starting before
                                           --until, at most N each (default 10 when
                                           neither is given); printed as computed
    aks-planner export PLAN.json --format az|pwsh|bicep|terraform|ics|markdown
                [--cluster NAME] [--today YYYY-MM-DD] [--weeks N]
                                           print the plan as a script or snippet; a plan
                                           with errors exports nothing (exit 1). --today
                                           (default: today, UTC) replaces past start dates;
                                           ics: a calendar of N weeks (default 26) of windows
    aks-planner link PLAN.json [--base URL]  print a share link holding the whole plan; URL is
                                           where your team serves the planner, e.g.
                                           https://contoso.github.io/planner/ (without
                                           it: only the #p=… part, to append)
    aks-planner open LINK                  print the plan JSON inside a share link
    aks-planner import FILE...             read `az aks show`, `az aks nodepool list` and
                                           `az aks maintenanceconfiguration list` JSON
                                           (- reads stdin) and print the plan JSON
    aks-planner quota PLAN.json --subscription S --location L USAGE.json
                                           record the free vCPU quota printed by
                                           `az vm list-usage --location L -o json`
                                           (- reads stdin) and print the plan JSON
    aks-planner help                       this text

Exit codes: 0 ok, 1 the plan has errors, 2 unreadable file or bad arguments.
";

fn main() -> ExitCode {
    // `aks-planner demo | head` must not panic on a closed pipe: exit quietly instead.
    std::panic::set_hook(Box::new(|info| {
        let text = info.to_string();
        if text.contains("Broken pipe") {
            std::process::exit(0);
        }
        eprintln!("aks-planner: internal error: {text}");
    }));
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "demo" => {
            println!("{}", planner::rules::demo::demo_plan().to_json());
            Ok(ExitCode::SUCCESS)
        }
        "check" => check::run(rest),
        "export" => export::run(rest),
        "link" => link::run(rest),
        "open" => open::run(rest),
        "import" => import::run(rest),
        "project" => project::run(rest),
        "quota" => quota::run(rest),
        "windows" => windows::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("aks-planner: {message}");
            ExitCode::from(2)
        }
    }
}
