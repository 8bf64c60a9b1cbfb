//! Import: the JSON `az` already prints — `az aks show` (or `az aks list`), `az aks nodepool
//! list`, `az aks maintenanceconfiguration list` (and their `show` forms) — one or several, in
//! any order, concatenated or as separate inputs, into a plan (issue 5).
//!
//! Node pools and maintenance configurations are attached to their cluster through the ARM
//! `id` (`…/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/NAME/…`).
//! Missing fields get the API defaults and a note; fields the planner does not model are
//! ignored with one note per object; malformed JSON names the input, line and column.

use serde_json::{Map, Value};

use super::channel::{AutoUpgradeProfile, NodeOsChannel, UpgradeChannel};
use super::cluster::Cluster;
use super::maintenance::MaintenanceConfigurations;
use super::plan::Plan;
use super::pool::{AgentPool, PoolMode};

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

#[derive(Debug, Clone, PartialEq)]
pub struct ImportResult {
    pub plan: Plan,
    pub notes: Vec<ImportNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(
        "nothing to import: paste the output of az aks show -o json, az aks nodepool list -o json or az aks maintenanceconfiguration list -o json"
    )]
    Empty,
    #[error("input {input}, line {line}, column {column}: {message}")]
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

fn json_error(input: u32, e: &serde_json::Error) -> ImportError {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    ImportError::Json {
        input,
        line: e.line(),
        column: e.column(),
        message,
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
}

#[derive(Default)]
struct State {
    clusters: Vec<Draft>,
    notes: Vec<ImportNote>,
}

/// `(resource group, cluster)` from an ARM id, case-insensitively on the segment names.
fn id_parts(id: &str) -> (Option<String>, Option<String>, Option<String>) {
    let parts: Vec<&str> = id.split('/').collect();
    let after = |key: &str| {
        parts
            .iter()
            .position(|p| p.eq_ignore_ascii_case(key))
            .and_then(|i| parts.get(i + 1))
            .map(|s| (*s).to_owned())
    };
    (
        after("subscriptions"),
        after("resourceGroups"),
        after("managedClusters"),
    )
}

fn str_field<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    obj.get(key).and_then(Value::as_str)
}

/// Drops `null` members everywhere: `az` prints unset fields as null; the plan types want
/// them absent.
fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cluster,
    Pool,
    Config,
}

fn classify(obj: &Map<String, Value>) -> Option<Kind> {
    if let Some(t) = str_field(obj, "type") {
        let t = t.to_ascii_lowercase();
        if t.ends_with("/agentpools") {
            return Some(Kind::Pool);
        }
        if t.ends_with("/maintenanceconfigurations") {
            return Some(Kind::Config);
        }
        if t.ends_with("/managedclusters") {
            return Some(Kind::Cluster);
        }
    }
    let has = |k: &str| obj.contains_key(k);
    let props = obj.get("properties").and_then(Value::as_object);
    if has("agentPoolProfiles") || has("autoUpgradeProfile") {
        Some(Kind::Cluster)
    } else if has("maintenanceWindow")
        || has("timeInWeek")
        || props
            .is_some_and(|p| p.contains_key("maintenanceWindow") || p.contains_key("timeInWeek"))
    {
        Some(Kind::Config)
    } else if has("vmSize") || has("osSku") || has("osSKU") {
        Some(Kind::Pool)
    } else {
        None
    }
}

const CLUSTER_FIELDS: &[&str] = &[
    "name",
    "id",
    "type",
    "resourceGroup",
    "location",
    "subscription",
    "kubernetesVersion",
    "currentKubernetesVersion",
    "tags",
    "autoUpgradeProfile",
    "currentAutoUpgradeProfile",
    "agentPoolProfiles",
    "maintenanceConfigurations",
];
const POOL_FIELDS: &[&str] = &[
    "name",
    "id",
    "type",
    "resourceGroup",
    "mode",
    "osType",
    "osSku",
    "osSKU",
    "gpu",
    "vmSize",
    "count",
    "upgradeSettings",
];

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
        match classify(&obj) {
            Some(Kind::Cluster) => self.cluster(input, &path, obj),
            Some(Kind::Pool) => self.child(input, &path, obj, Kind::Pool),
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

    fn cluster(
        &mut self,
        input: u32,
        path: &str,
        obj: Map<String, Value>,
    ) -> Result<(), ImportError> {
        let field_err = |message: String| ImportError::Field {
            input,
            path: path.to_owned(),
            message,
        };
        let name = str_field(&obj, "name")
            .ok_or_else(|| {
                field_err(
                    "a cluster without \"name\": paste the whole az aks show output".to_owned(),
                )
            })?
            .to_owned();
        let (sub, id_rg, _) = id_parts(str_field(&obj, "id").unwrap_or_default());
        let rg = str_field(&obj, "resourceGroup")
            .map(str::to_owned)
            .or(id_rg)
            .unwrap_or_default();
        if rg.is_empty() {
            self.note(input, path, NoteKind::Assumption, format!("cluster {name}: no resourceGroup or id; set the resource group before exporting"));
        }
        self.ignored(
            input,
            path,
            &format!("cluster {name}"),
            &obj,
            CLUSTER_FIELDS,
        );
        let version =
            str_field(&obj, "currentKubernetesVersion").or(str_field(&obj, "kubernetesVersion"));
        let version = match version {
            Some(v) => Some(
                v.parse()
                    .map_err(|e: super::version::VersionError| field_err(e.to_string()))?,
            ),
            None => None,
        };
        let profile = self.profile(input, path, &name, obj.get("autoUpgradeProfile"))?;
        let mut pools = Vec::new();
        if let Some(Value::Array(items)) = obj.get("agentPoolProfiles") {
            for (k, item) in items.iter().enumerate() {
                let p = if path.is_empty() {
                    format!("agentPoolProfiles[{k}]")
                } else {
                    format!("{path}.agentPoolProfiles[{k}]")
                };
                if let Value::Object(o) = item {
                    pools.push(self.pool(input, &p, o.clone())?);
                }
            }
        }
        let tags = obj
            .get("tags")
            .and_then(Value::as_object)
            .map(|t| {
                t.iter()
                    .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
                    .collect()
            })
            .unwrap_or_default();
        let location = str_field(&obj, "location").unwrap_or_default().to_owned();
        let subscription = str_field(&obj, "subscription")
            .map(str::to_owned)
            .or(sub)
            .unwrap_or_default();
        let configs = match obj.get("maintenanceConfigurations") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let current = match obj.get("currentAutoUpgradeProfile") {
            Some(v) => {
                Some(serde_json::from_value(v.clone()).map_err(|e| field_err(e.to_string()))?)
            }
            None => Some(profile),
        };
        let draft = self.draft(&rg, &name);
        if draft.shown {
            return Err(field_err(format!(
                "cluster {name} in {rg} appears twice: import each cluster's az aks show once"
            )));
        }
        draft.shown = true;
        let c = &mut draft.cluster;
        c.location = location;
        c.subscription = subscription;
        c.kubernetes_version = version;
        c.tags = tags;
        c.auto_upgrade_profile = profile;
        // What the live cluster has today: a change from it may reimage (aks-rules.md §1.8).
        c.current_auto_upgrade_profile = current;
        for pool in pools {
            if !draft.listed_pools.contains(&pool.name) {
                upsert_pool(&mut draft.cluster.agent_pool_profiles, pool);
            }
        }
        if !configs.is_empty() {
            draft.config_origin = (input, path.to_owned());
            draft.configs.extend(configs.into_iter().map(strip_nulls));
        }
        Ok(())
    }

    fn profile(
        &mut self,
        input: u32,
        path: &str,
        name: &str,
        value: Option<&Value>,
    ) -> Result<AutoUpgradeProfile, ImportError> {
        let field_err = |message: String| ImportError::Field {
            input,
            path: format!("{path}.autoUpgradeProfile"),
            message,
        };
        let obj = value.and_then(Value::as_object);
        let get = |k: &[&str]| obj.and_then(|o| k.iter().find_map(|k| str_field(o, k)));
        let upgrade = match get(&["upgradeChannel"]) {
            Some(v) => v
                .parse()
                .map_err(|e: super::channel::ChannelError| field_err(e.to_string()))?,
            None => {
                self.note(input, path, NoteKind::Assumption, format!("cluster {name}: no upgradeChannel; assumed none (the API default, aks-rules.md §2)"));
                UpgradeChannel::None
            }
        };
        let node_os = match get(&["nodeOsUpgradeChannel", "nodeOSUpgradeChannel"]) {
            Some(v) => v
                .parse()
                .map_err(|e: super::channel::ChannelError| field_err(e.to_string()))?,
            None => {
                self.note(input, path, NoteKind::Assumption, format!("cluster {name}: no nodeOSUpgradeChannel; assumed NodeImage (the default for clusters created with API ≥ 2023-06-01, aks-rules.md §1.5): check it"));
                NodeOsChannel::NodeImage
            }
        };
        Ok(AutoUpgradeProfile {
            upgrade_channel: upgrade,
            node_os_upgrade_channel: node_os,
        })
    }

    fn pool(
        &mut self,
        input: u32,
        path: &str,
        obj: Map<String, Value>,
    ) -> Result<AgentPool, ImportError> {
        let name = str_field(&obj, "name").unwrap_or("?").to_owned();
        self.ignored(input, path, &format!("node pool {name}"), &obj, POOL_FIELDS);
        if !obj.contains_key("mode") {
            self.note(
                input,
                path,
                NoteKind::Assumption,
                format!("node pool {name}: no mode; assumed User"),
            );
        }
        if !obj.contains_key("count") {
            self.note(input, path, NoteKind::Assumption, format!("node pool {name}: no count; assumed 0 nodes: set the node count for durations and costs"));
        }
        let known: Map<String, Value> = obj
            .into_iter()
            .filter(|(k, _)| {
                POOL_FIELDS.contains(&k.as_str())
                    && !matches!(k.as_str(), "id" | "type" | "resourceGroup")
            })
            .collect();
        serde_json::from_value(Value::Object(known)).map_err(|e| ImportError::Field {
            input,
            path: path.to_owned(),
            message: format!("node pool {name}: {e}"),
        })
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
        for mut d in drafts {
            // The same pools whatever order the inputs came in: System pools first, then by name.
            d.cluster.agent_pool_profiles.sort_by(|a, b| {
                (a.mode != PoolMode::System, &a.name).cmp(&(b.mode != PoolMode::System, &b.name))
            });
            if !d.configs.is_empty() {
                let (input, path) = d.config_origin.clone();
                d.cluster.maintenance_configurations =
                    serde_json::from_value::<MaintenanceConfigurations>(Value::Array(d.configs))
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
            match plan.clusters.iter_mut().find(|c| same(c)) {
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
                    *existing = d.cluster;
                }
                None => plan.clusters.push(d.cluster),
            }
        }
        Ok(ImportResult {
            plan,
            notes: self.notes,
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
mod tests;
