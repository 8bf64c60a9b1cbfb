//! Import: the JSON `az` already prints — `az aks show` (or `az aks list`), `az aks nodepool
//! list`, `az aks maintenanceconfiguration list` (and their `show` forms) — one or several, in
//! any order, concatenated or as separate inputs, into a plan (issue 5). ARM's own shape, with
//! the settings under `properties` (`az rest`, `az resource show`, the `resources` of an ARM
//! template export), reads the same (issue 10).
//!
//! A cluster whose channels, pools, version or region were not in the input is listed in
//! [`ImportResult::incomplete`] with what was missing; a default is never stored as the live
//! cluster's channels (`currentAutoUpgradeProfile` is set only from channels actually read).
//!
//! Node pools and maintenance configurations are attached to their cluster through the ARM
//! `id` (`…/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/NAME/…`).
//! Missing fields get the API defaults and a note; fields the planner does not model are
//! ignored with one note per object; malformed JSON names the input, line and column.

use serde_json::{Map, Value};

use super::cluster::Cluster;
use super::maintenance::MaintenanceConfigurations;
use super::plan::Plan;
use super::pool::{AgentPool, PoolMode};

mod objects;
mod shape;

use shape::{Kind, classify, id_parts, lift_properties, str_field, strip_nulls};

/// What kind of remark a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// A missing field was given a default: check it.
    Assumption,
    /// Fields the planner does not model were dropped.
    Ignored,
    /// Anything else worth knowing.
    Info,
}

/// A remark about an input that was still imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// 1-based input number; 0 = about the result as a whole (e.g. a cluster seen only
    /// through its pools).
    pub input: u32,
    /// Where in that input, e.g. `[2].upgradeSettings` (empty = the whole input).
    pub path: String,
    pub kind: NoteKind,
    pub message: String,
}

/// A cluster imported with fields the input did not have (they hold defaults: check them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub cluster: String,
    /// The ARM field names not found, e.g. `autoUpgradeProfile.upgradeChannel`.
    pub missing: Vec<&'static str>,
}

impl Incomplete {
    /// "cluster aks-a: autoUpgradeProfile.upgradeChannel, agentPoolProfiles not found".
    pub fn summary(&self) -> String {
        format!(
            "cluster {}: {} not found",
            self.cluster,
            self.missing.join(", ")
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportResult {
    pub plan: Plan,
    pub notes: Vec<ImportNote>,
    /// Clusters imported with fields missing, in import order (empty when every field was found).
    pub incomplete: Vec<Incomplete>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(
        "nothing to import: paste the output of az aks show -o json, az aks nodepool list -o json or az aks maintenanceconfiguration list -o json"
    )]
    Empty,
    #[error("input {input} is not valid JSON at line {line}, column {column}: {message}")]
    Json {
        input: u32,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("input {input}{}: not az aks output ({found}): expected a cluster (az aks show), node pools (az aks nodepool list) or maintenance configurations (az aks maintenanceconfiguration list)", at(.path))]
    NotAzOutput {
        input: u32,
        path: String,
        found: String,
    },
    #[error("input {input}{}: {message}", at(.path))]
    Field {
        input: u32,
        path: String,
        message: String,
    },
}

fn at(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    }
}

/// Imports `inputs` into a new plan.
pub fn import(inputs: &[&str]) -> Result<ImportResult, ImportError> {
    import_into(
        &Plan {
            name: "Imported from az".to_owned(),
            ..Plan::default()
        },
        inputs,
    )
}

/// Imports `inputs` over `base`: an imported cluster replaces the plan's cluster with the same
/// name and resource group; other clusters stay.
pub fn import_into(base: &Plan, inputs: &[&str]) -> Result<ImportResult, ImportError> {
    let mut state = State::default();
    for (i, text) in inputs.iter().enumerate() {
        let input = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
            let value = value.map_err(|e| json_error(input, &e))?;
            match value {
                Value::Array(items) => {
                    for (k, item) in items.into_iter().enumerate() {
                        state.item(input, format!("[{k}]"), item)?;
                    }
                }
                other => state.item(input, String::new(), other)?,
            }
        }
    }
    if state.clusters.is_empty() {
        return Err(ImportError::Empty);
    }
    state.finish(base)
}

/// `serde_json::from_value`, read through the text parser: the browser module then holds one
/// copy of each type's reading code (the plan reader's) instead of a second one for `Value`
/// (bundle size, README "Bundle-size levers"). The message is the one `from_value` gives (the
/// same words, without the " at line 1 column N" of the re-written text), except where a
/// name-valued field (`mode`, `osSKU`, …) holds a number, `true` or a list: the text parser only
/// says "expected value" there, so the message names the field instead.
fn from_value<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, String> {
    let text = value.to_string();
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        if message != "expected value" {
            return message;
        }
        // The column is 1-based and the text one line: the field is the last key before it.
        let before = &text[..e.column().saturating_sub(1).min(text.len())];
        let field = before
            .strip_suffix("\":")
            .and_then(|b| b.rfind('"').map(|i| &b[i + 1..]))
            .unwrap_or("a field");
        format!("invalid type: {field} must be a name in double quotes")
    })
}

fn json_error(input: u32, e: &serde_json::Error) -> ImportError {
    ImportError::Json {
        input,
        line: e.line(),
        column: e.column(),
        message: super::json_error::plain(e),
    }
}

/// One cluster being assembled.
struct Draft {
    cluster: Cluster,
    /// Seen through `az aks show` (else only through pools/configurations).
    shown: bool,
    configs: Vec<Value>,
    config_origin: (u32, String),
    /// Pools read from `az aks nodepool list`/`show`: they win over the same pool in
    /// `az aks show`'s agentPoolProfiles, whatever the input order.
    listed_pools: Vec<String>,
    /// Cluster fields `az aks show` (or the ARM resource) did not have.
    missing: Vec<&'static str>,
}

#[derive(Default)]
struct State {
    clusters: Vec<Draft>,
    notes: Vec<ImportNote>,
}

impl State {
    fn note(&mut self, input: u32, path: &str, kind: NoteKind, message: String) {
        self.notes.push(ImportNote {
            input,
            path: path.to_owned(),
            kind,
            message,
        });
    }

    fn ignored(
        &mut self,
        input: u32,
        path: &str,
        what: &str,
        obj: &Map<String, Value>,
        known: &[&str],
    ) {
        let unknown: Vec<&str> = obj
            .keys()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect();
        if unknown.is_empty() {
            return;
        }
        let mut list = unknown
            .iter()
            .take(6)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if unknown.len() > 6 {
            list.push_str(", …");
        }
        self.note(
            input,
            path,
            NoteKind::Ignored,
            format!(
                "{what}: {} field(s) the planner does not model were ignored ({list})",
                unknown.len()
            ),
        );
    }

    /// The draft for `(rg, name)`, created if new.
    fn draft(&mut self, rg: &str, name: &str) -> &mut Draft {
        let pos = self.clusters.iter().position(|d| {
            d.cluster.name.eq_ignore_ascii_case(name)
                && d.cluster.resource_group.eq_ignore_ascii_case(rg)
        });
        let i = match pos {
            Some(i) => i,
            None => {
                let mut cluster = Cluster::new(name);
                cluster.resource_group = rg.to_owned();
                self.clusters.push(Draft {
                    cluster,
                    shown: false,
                    configs: Vec::new(),
                    config_origin: (0, String::new()),
                    listed_pools: Vec::new(),
                    missing: Vec::new(),
                });
                self.clusters.len() - 1
            }
        };
        &mut self.clusters[i]
    }

    fn item(&mut self, input: u32, path: String, value: Value) -> Result<(), ImportError> {
        let Value::Object(obj) = strip_nulls(value) else {
            return Err(ImportError::NotAzOutput {
                input,
                path,
                found: "not a JSON object".to_owned(),
            });
        };
        // An ARM template export: its resources, one by one (others, e.g. a VNet, are skipped).
        if obj.contains_key("$schema")
            && let Some(Value::Array(resources)) = obj.get("resources")
        {
            let mut any = false;
            for (k, item) in resources.iter().enumerate() {
                if let Value::Object(r) = item
                    && classify(r).is_some()
                {
                    any = true;
                    self.item(input, format!("{path}resources[{k}]"), item.clone())?;
                }
            }
            if !any {
                return Err(ImportError::NotAzOutput {
                    input,
                    path,
                    found: "an ARM template without an AKS cluster, node pool or maintenance configuration".to_owned(),
                });
            }
            return Ok(());
        }
        match classify(&obj) {
            Some(Kind::Cluster) => self.cluster(input, &path, lift_properties(obj)),
            Some(Kind::Pool) => self.child(input, &path, lift_properties(obj), Kind::Pool),
            Some(Kind::Config) => self.child(input, &path, obj, Kind::Config),
            None => {
                let keys: Vec<&str> = obj.keys().take(5).map(String::as_str).collect();
                Err(ImportError::NotAzOutput {
                    input,
                    path,
                    found: format!(
                        "an object with {}",
                        if keys.is_empty() {
                            "no fields".to_owned()
                        } else {
                            keys.join(", ")
                        }
                    ),
                })
            }
        }
    }

    /// A node pool or maintenance configuration, attached through its `id`.
    fn child(
        &mut self,
        input: u32,
        path: &str,
        obj: Map<String, Value>,
        kind: Kind,
    ) -> Result<(), ImportError> {
        let what = if kind == Kind::Pool {
            "node pool"
        } else {
            "maintenance configuration"
        };
        let name = str_field(&obj, "name").unwrap_or("?").to_owned();
        let (_, id_rg, cluster) = id_parts(str_field(&obj, "id").unwrap_or_default());
        let Some(cluster) = cluster else {
            return Err(ImportError::Field {
                input,
                path: path.to_owned(),
                message: format!(
                    "{what} {name} has no \"id\" naming its cluster (…/managedClusters/NAME/…): paste the az output unchanged"
                ),
            });
        };
        let rg = str_field(&obj, "resourceGroup")
            .map(str::to_owned)
            .or(id_rg)
            .unwrap_or_default();
        match kind {
            Kind::Pool => {
                let pool = self.pool(input, path, obj)?;
                let draft = self.draft(&rg, &cluster);
                draft.listed_pools.push(pool.name.clone());
                upsert_pool(&mut draft.cluster.agent_pool_profiles, pool);
            }
            _ => {
                let draft = self.draft(&rg, &cluster);
                if draft.configs.is_empty() {
                    draft.config_origin = (input, path.to_owned());
                }
                draft.configs.push(Value::Object(obj));
            }
        }
        Ok(())
    }

    fn finish(mut self, base: &Plan) -> Result<ImportResult, ImportError> {
        let mut plan = base.clone();
        let drafts = std::mem::take(&mut self.clusters);
        let mut incomplete = Vec::new();
        for mut d in drafts {
            let mut missing = if d.shown {
                std::mem::take(&mut d.missing)
            } else {
                shape::SHOW_FIELDS.to_vec()
            };
            if !d.cluster.agent_pool_profiles.is_empty() {
                missing.retain(|f| *f != shape::POOLS_FIELD);
            }
            if !missing.is_empty() {
                incomplete.push(Incomplete {
                    cluster: d.cluster.name.clone(),
                    missing,
                });
            }
            // The same pools whatever order the inputs came in: System pools first, then by name.
            crate::rules::stable_sort::sort_by(&mut d.cluster.agent_pool_profiles, |a, b| {
                (a.mode != PoolMode::System, &a.name).cmp(&(b.mode != PoolMode::System, &b.name))
            });
            if !d.configs.is_empty() {
                let (input, path) = d.config_origin.clone();
                d.cluster.maintenance_configurations = from_value::<MaintenanceConfigurations>(
                    &Value::Array(d.configs),
                )
                .map_err(|e| ImportError::Field {
                    input,
                    path,
                    message: format!(
                        "cluster {}: maintenance configurations: {e}",
                        d.cluster.name
                    ),
                })?;
            }
            if !d.shown {
                self.note(0, "", NoteKind::Assumption, format!(
                    "cluster {} is known only from its node pools or maintenance configurations: its channels are the API defaults until you also import az aks show -g {} -n {} -o json",
                    d.cluster.name, d.cluster.resource_group, d.cluster.name
                ));
            }
            let same = |c: &Cluster| {
                c.name.eq_ignore_ascii_case(&d.cluster.name)
                    && c.resource_group
                        .eq_ignore_ascii_case(&d.cluster.resource_group)
            };
            let existing = plan.clusters.iter().position(same);
            match existing {
                Some(existing) => {
                    self.notes.push(ImportNote {
                        input: 0,
                        path: String::new(),
                        kind: NoteKind::Info,
                        message: format!(
                            "cluster {} replaced the plan's cluster of the same name",
                            d.cluster.name
                        ),
                    });
                    plan.clusters.set(existing, d.cluster);
                }
                None => plan.clusters.push(d.cluster),
            }
        }
        Ok(ImportResult {
            plan,
            notes: self.notes,
            incomplete,
        })
    }
}

/// Adds `pool`, replacing a pool of the same name (nodepool list is as current as aks show).
fn upsert_pool(pools: &mut Vec<AgentPool>, pool: AgentPool) {
    match pools.iter_mut().find(|p| p.name == pool.name) {
        Some(p) => *p = pool,
        None => pools.push(pool),
    }
}

#[cfg(test)]
mod arm_tests;
#[cfg(test)]
mod tests;
