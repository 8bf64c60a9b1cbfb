//! Reading a cluster (`az aks show`) and a node pool (`agentPoolProfiles[]` or `az aks
//! nodepool list`) into plan types, with notes for defaults and ignored fields.

use serde_json::{Map, Value};

use super::shape::{
    CLUSTER_FIELDS, LOCATION_FIELD, NODE_OS_CHANNEL_FIELD, POOL_FIELDS, POOLS_FIELD, PROFILE_FIELD,
    VERSION_FIELD, id_parts, is_template_expression, json_kind, str_field, strip_nulls, text_field,
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
        if is_template_expression(&name) {
            return Err(field_err(format!(
                "the cluster's name is the ARM template expression {name}, not a name: paste az aks show -o json (or az resource show) of the cluster instead, or export the template with its parameter values"
            )));
        }
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
        let mut missing = Vec::new();
        if version.is_none() {
            missing.push(VERSION_FIELD);
        }
        let (profile, found) = self.profile(input, path, &name, obj.get("autoUpgradeProfile"))?;
        if !found.0 {
            missing.push(PROFILE_FIELD);
        } else if !found.1 {
            missing.push(NODE_OS_CHANNEL_FIELD);
        }
        if !obj.contains_key(POOLS_FIELD) {
            missing.push(POOLS_FIELD);
        }
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
        // The API name (`West Europe` → `westeurope`); a value that is no region (an ARM template
        // expression, say) is kept as found and the plan's findings point at it.
        let location = str_field(&obj, "location")
            .map(crate::rules::region::region_or_raw)
            .unwrap_or_default();
        if location.is_empty() {
            missing.push(LOCATION_FIELD);
        }
        let subscription = str_field(&obj, "subscription")
            .map(str::to_owned)
            .or(sub)
            .unwrap_or_default();
        let configs = match obj.get("maintenanceConfigurations") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        // The live channels only when they were read: a default is not what the cluster runs.
        let current = match obj.get("currentAutoUpgradeProfile") {
            Some(v) => {
                Some(serde_json::from_value(v.clone()).map_err(|e| field_err(e.to_string()))?)
            }
            None if found == (true, true) => Some(profile),
            None => None,
        };
        let draft = self.draft(&rg, &name);
        if draft.shown {
            return Err(field_err(format!(
                "cluster {name} in {rg} appears twice: import each cluster's az aks show once"
            )));
        }
        draft.shown = true;
        draft.missing = missing;
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

    /// The planned channels, and whether (upgradeChannel, nodeOSUpgradeChannel) were found.
    fn profile(
        &mut self,
        input: u32,
        path: &str,
        name: &str,
        value: Option<&Value>,
    ) -> Result<(AutoUpgradeProfile, (bool, bool)), ImportError> {
        let field_err = |message: String| ImportError::Field {
            input,
            path: format!("{path}.autoUpgradeProfile"),
            message,
        };
        let obj = value.and_then(Value::as_object);
        let get = |k: &[&str]| obj.and_then(|o| k.iter().find_map(|k| str_field(o, k)));
        // Within an autoUpgradeProfile, an unset (null) upgradeChannel is the API default
        // none; without the profile nothing is known.
        let found = (
            obj.is_some(),
            get(&["nodeOsUpgradeChannel", "nodeOSUpgradeChannel"]).is_some(),
        );
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
        Ok((
            AutoUpgradeProfile {
                upgrade_channel: upgrade,
                node_os_upgrade_channel: node_os,
            },
            found,
        ))
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
        super::from_value(&Value::Object(known)).map_err(|e| ImportError::Field {
            input,
            path: path.to_owned(),
            message: format!("node pool {name}: {e}"),
        })
    }
}
