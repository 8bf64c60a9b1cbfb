//! Reading a cluster (`az aks show`) and a node pool (`agentPoolProfiles[]` or `az aks
//! nodepool list`) into plan types, with notes for defaults and ignored fields.

use serde_json::{Map, Value};

use super::shape::{
    CLUSTER_FIELDS, POOL_FIELDS, id_parts, json_kind, str_field, strip_nulls, text_field,
};
use super::{ImportError, NoteKind, State, upsert_pool};
use crate::rules::channel::{AutoUpgradeProfile, NodeOsChannel, UpgradeChannel};
use crate::rules::pool::AgentPool;

impl State {
    pub(super) fn cluster(
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
        let name = text_field(&obj, "name")
            .map_err(|e| field_err(format!("a cluster: {e}")))?
            .ok_or_else(|| {
                field_err(
                    "a cluster without \"name\": paste the whole az aks show output".to_owned(),
                )
            })?
            .to_owned();
        let (sub, id_rg, _) = id_parts(str_field(&obj, "id").unwrap_or_default());
        let rg = text_field(&obj, "resourceGroup")
            .map_err(|e| field_err(format!("cluster {name}: {e}")))?
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
                    .map_err(|e: crate::rules::version::VersionError| field_err(e.to_string()))?,
            ),
            None => None,
        };
        let profile = self.profile(input, path, &name, obj.get("autoUpgradeProfile"))?;
        let mut pools = Vec::new();
        match obj.get("agentPoolProfiles") {
            None | Some(Value::Array(_)) => {}
            Some(other) => {
                return Err(field_err(format!(
                    "cluster {name}: \"agentPoolProfiles\" must be a list of node pools ([ … ]), but it is {}",
                    json_kind(other)
                )));
            }
        }
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
        // What the live cluster has today: a change from it may reimage (docs/aks-rules.md §1.8).
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
                .map_err(|e: crate::rules::channel::ChannelError| field_err(e.to_string()))?,
            None => {
                self.note(
                    input,
                    path,
                    NoteKind::Assumption,
                    format!("cluster {name}: no upgradeChannel; assumed none (the API default)"),
                );
                UpgradeChannel::None
            }
        };
        let node_os = match get(&["nodeOsUpgradeChannel", "nodeOSUpgradeChannel"]) {
            Some(v) => v
                .parse()
                .map_err(|e: crate::rules::channel::ChannelError| field_err(e.to_string()))?,
            None => {
                self.note(input, path, NoteKind::Assumption, format!("cluster {name}: no nodeOSUpgradeChannel; assumed NodeImage (the default for clusters created with API ≥ 2023-06-01): check it"));
                NodeOsChannel::NodeImage
            }
        };
        Ok(AutoUpgradeProfile {
            upgrade_channel: upgrade,
            node_os_upgrade_channel: node_os,
        })
    }

    pub(super) fn pool(
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
        // `retain`, not a filtering `collect()` (which sorts again; see shape::strip_nulls).
        let mut known = obj;
        known.retain(|k, _| {
            POOL_FIELDS.contains(&k.as_str())
                && !matches!(k.as_str(), "id" | "type" | "resourceGroup")
        });
        serde_json::from_value(Value::Object(known)).map_err(|e| ImportError::Field {
            input,
            path: path.to_owned(),
            message: format!("node pool {name}: {e}"),
        })
    }
}
