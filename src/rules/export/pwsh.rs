//! Renders a [`Script`] as PowerShell: `$ErrorActionPreference = 'Stop'`, `$LASTEXITCODE`
//! checked after every `az` call, try/catch naming the cluster being applied, one function per
//! cluster and one for the whole plan. Every argument is a verbatim `'…'` string in an array
//! that is splatted to `az`, so PowerShell's argument-mode parsing never sees a value.

use std::fmt::Write;

use super::Meta;
use super::az::{Arg, AzCommand, Script, Step};
use super::quote::{comment, pwsh as q};
use super::skeleton::{self, Dialect, Selector};

const DIALECT: Dialect = Dialect {
    indent: "    ",
    prerequisites_open: "function Invoke-Prerequisites {\n",
    nothing_to_do: "#",
    cluster_open: |number, quoted_name| {
        format!("function Invoke-Cluster{number} {{\n    $script:CurrentCluster = {quoted_name}\n")
    },
    plan_open: "function Invoke-Plan {\n    Invoke-Prerequisites\n",
    plan_call: |number| format!("    Invoke-Cluster{number}\n"),
    plan_close: "}\n\n",
    quote: q,
    step_lines,
};

pub fn render(meta: &Meta<'_>, script: &Script) -> String {
    let mut out = String::new();
    for line in super::header(
        meta,
        &format!(
            "az CLI script (PowerShell, target az CLI {})",
            script.target_cli
        ),
    ) {
        let _ = writeln!(out, "# {}", comment(&line));
    }
    out.push_str(skeleton::APPLY_ORDER_NOTE);
    out.push_str(
        "# Usage: ./THIS.ps1                     apply the whole plan\n\
         #        ./THIS.ps1 -Cluster NAME,...   apply only the named clusters\n",
    );
    if skeleton::shares_names(script) {
        out.push_str(
            "#        (a name two clusters share: SUBSCRIPTION/RESOURCE_GROUP/NAME instead)\n",
        );
    }
    out.push_str(
        "# Stops at the first failing command and names the cluster it was applying.\n\
         [CmdletBinding()]\n\
         param([string[]]$Cluster)\n\
         Set-StrictMode -Version 3.0\n\
         $ErrorActionPreference = 'Stop'\n\
         # PowerShell 7.3+: pass each argument to az exactly as written.\n\
         $PSNativeCommandArgumentPassing = 'Standard'\n\
         $script:CurrentCluster = '(prerequisites)'\n\
         $script:Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ('aks-planner-' + [System.IO.Path]::GetRandomFileName())\n\n\
         function Invoke-Az {\n\
         \x20   param([string[]]$AzArgs)\n\
         \x20   & az @AzArgs\n\
         \x20   if ($LASTEXITCODE -ne 0) { throw \"az $($AzArgs[0..2] -join ' ') exited with code $LASTEXITCODE\" }\n\
         }\n\n\
         # True when the az command succeeds; its output and errors are discarded.\n\
         function Test-Az {\n\
         \x20   param([string[]]$AzArgs)\n\
         \x20   $ErrorActionPreference = 'Continue'\n\
         \x20   & az @AzArgs 2>$null | Out-Null\n\
         \x20   return ($LASTEXITCODE -eq 0)\n\
         }\n\n",
    );
    skeleton::functions(script, &DIALECT, &mut out);
    out.push_str(
        "New-Item -ItemType Directory -Path $script:Tmp | Out-Null\n\
         try {\n\
         \x20   if (-not $Cluster) {\n\
         \x20       Invoke-Plan\n\
         \x20   } else {\n\
         \x20       Invoke-Prerequisites\n\
         \x20       foreach ($name in $Cluster) {\n\
         \x20           switch -Exact -CaseSensitive ($name) {\n",
    );
    for selector in skeleton::selectors(script) {
        match selector {
            Selector::Apply { key, number } => {
                let _ = writeln!(
                    out,
                    "                {} {{ Invoke-Cluster{number} }}",
                    q(key)
                );
            }
            Selector::Ambiguous { key, message } => {
                let _ = writeln!(
                    out,
                    "                {} {{ throw {} }}",
                    q(key),
                    q(&message)
                );
            }
        }
    }
    out.push_str(
        "                default { throw \"no cluster named $name in this script\" }\n\
         \x20           }\n\
         \x20       }\n\
         \x20   }\n\
         \x20   [Console]::Error.WriteLine('aks-planner: plan applied')\n\
         } catch {\n\
         \x20   [Console]::Error.WriteLine(\"aks-planner: a command failed while applying cluster $($script:CurrentCluster); later commands were not run: $_\")\n\
         \x20   exit 1\n\
         } finally {\n\
         \x20   Remove-Item -LiteralPath $script:Tmp -Recurse -Force -ErrorAction SilentlyContinue\n\
         }\n",
    );
    out
}

/// `@('aks', 'update', …)`: the argument array.
fn array(cmd: &AzCommand) -> String {
    let parts: Vec<String> = cmd
        .0
        .iter()
        .map(|arg| match arg {
            Arg::Word(w) => q(w),
            Arg::Opt(flag, value) => q(&format!("--{flag}={value}")),
            Arg::Switch(flag) => q(&format!("--{flag}")),
            Arg::Verb => "$verb".to_owned(),
            Arg::ConfigFile => "('--config-file=' + $config)".to_owned(),
        })
        .collect();
    format!("@({})", parts.join(", "))
}

fn step_lines(step: &Step, files: &mut u32, out: &mut String) {
    match step {
        Step::Comment(text) => {
            let _ = writeln!(out, "    # {}", comment(text));
        }
        Step::Warning(text) => {
            let _ = writeln!(out, "    # WARNING: {}", comment(text));
            let _ = writeln!(
                out,
                "    [Console]::Error.WriteLine({})",
                q(&format!("aks-planner: warning: {text}"))
            );
        }
        Step::Az(cmd) => {
            let _ = writeln!(out, "    Invoke-Az -AzArgs {}", array(cmd));
        }
        Step::UpsertMaintenance {
            show,
            apply,
            config_json,
        } => {
            if let Some(json) = config_json {
                *files += 1;
                // WriteAllText writes UTF-8 without a BOM on every PowerShell version.
                let _ = writeln!(
                    out,
                    "    $config = Join-Path $script:Tmp 'config-{files}.json'\n    [System.IO.File]::WriteAllText($config, @'\n{json}\n'@)"
                );
            }
            let _ = writeln!(
                out,
                "    $verb = if (Test-Az -AzArgs {}) {{ 'update' }} else {{ 'add' }}",
                array(show)
            );
            let _ = writeln!(out, "    Invoke-Az -AzArgs {}", array(apply));
        }
        Step::RequireSubscription {
            subscription,
            check,
        } => {
            let _ = writeln!(
                out,
                "    if (-not (Test-Az -AzArgs {})) {{\n        [Console]::Error.WriteLine({})\n        exit 1\n    }}",
                array(check),
                q(&skeleton::missing_subscription_message(subscription))
            );
        }
        Step::WaitForFeature {
            namespace,
            feature,
            subscription,
        } => {
            let show = skeleton::feature_state(namespace, feature, subscription);
            let _ = writeln!(
                out,
                "    $attempts = 0\n    while ((& az {}) -ne 'Registered') {{\n        $attempts++\n        if ($attempts -ge 60) {{ throw {} }}\n        Start-Sleep -Seconds 30\n    }}",
                array(&show),
                q(&format!(
                    "feature {namespace}/{feature} is not Registered after 30 minutes; check az feature show and run this script again"
                ))
            );
        }
    }
}
