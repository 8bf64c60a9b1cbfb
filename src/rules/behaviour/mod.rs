//! What a node OS channel does on one pool, in plain words (docs/aks-rules.md §1.1–1.4, §1.7), and
//! what the cluster auto-upgrade channel does (§2). The UI's behaviour panel shows these; the
//! findings use [`channel_support`] so both always agree on what is supported.

mod rolling;
mod support;

pub use support::{ChannelSupport, channel_support};

use super::channel::{NodeOsChannel, UpgradeChannel};
use super::cluster::Cluster;
use super::os::OsSku;
use super::pool::AgentPool;
use rolling::rolling;

/// The plain-words description of a channel on a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolBehaviour {
    /// One line, e.g. "Weekly rolling reimage onto the newest Ubuntu node image".
    pub headline: String,
    /// Short sentences: what happens, when, what AKS does and does not do.
    pub points: Vec<String>,
    /// What running workloads feel ("live patch, no drain", "rolling reimage").
    pub disruption: String,
    /// Extra cost, e.g. VHD hosting for SecurityPatch.
    pub cost: String,
    /// The channel behaves like another one on this pool (e.g. Unmanaged on Windows = None).
    pub effectively: Option<NodeOsChannel>,
}

/// Describes the cluster's node OS channel on `pool`.
pub fn describe(cluster: &Cluster, pool: &AgentPool) -> PoolBehaviour {
    let channel = cluster.auto_upgrade_profile.node_os_upgrade_channel;
    let support = channel_support(channel, pool.os_sku, pool.gpu);
    // Whether the channel is supported at all is `channel_support` (the findings use it too).
    let mut b = match (channel, support) {
        (NodeOsChannel::None, _) => none(pool),
        (NodeOsChannel::NodeImage, _) => node_image(cluster, pool),
        (NodeOsChannel::Unmanaged, ChannelSupport::Supported) => unmanaged(pool),
        (NodeOsChannel::SecurityPatch, ChannelSupport::Supported) => security_patch(cluster, pool),
        (_, ChannelSupport::Undocumented) => undocumented(channel, pool),
        (_, ChannelSupport::BehavesLikeNone) => behaves_like_none(channel, pool),
        (_, ChannelSupport::Unsupported) => unsupported(channel, pool),
    };
    if let Some(point) = cluster_channel_point(cluster.auto_upgrade_profile.upgrade_channel) {
        b.points.push(point);
    }
    b
}

/// What the cluster auto-upgrade channel does, in one or two sentences (docs/aks-rules.md §2).
pub fn describe_upgrade_channel(channel: UpgradeChannel) -> String {
    let what = match channel {
        UpgradeChannel::None => {
            return "No automatic Kubernetes upgrades (the default): you upgrade the cluster \
                    yourself, and stay responsible for keeping it inside the support window."
                .to_owned();
        }
        UpgradeChannel::Patch => {
            "Moves to the latest patch of the current minor version as patches are released \
             (e.g. 1.17.7 to 1.17.9); never changes the minor version."
        }
        UpgradeChannel::Stable => {
            "Moves to the latest patch of minor N-1, where N is the newest supported minor \
             (e.g. 1.17.7 to 1.18.6 when 1.19 is the newest)."
        }
        UpgradeChannel::Rapid => {
            "Moves to the latest patch of the newest supported minor, one minor at a time \
             (e.g. 1.17.7 to 1.18.6, then 1.19.1)."
        }
        UpgradeChannel::NodeImage => {
            return "Legacy, planned for deprecation: updates only the node image, like the node \
                    OS channel NodeImage, which it forces; prefer none/patch/stable with \
                    nodeOSUpgradeChannel NodeImage."
                .to_owned();
        }
    };
    format!(
        "{what} AKS upgrades the control plane first, then the node pools one by one, inside the \
         aksManagedAutoUpgradeSchedule window if one is set; every Kubernetes upgrade also \
         reimages the nodes onto the newest node image."
    )
}

fn cluster_channel_point(channel: UpgradeChannel) -> Option<String> {
    match channel {
        UpgradeChannel::Patch | UpgradeChannel::Stable | UpgradeChannel::Rapid => Some(format!(
            "Cluster auto-upgrade ({channel}) also reimages every node onto the newest node image \
             at each Kubernetes upgrade, whatever the node OS channel."
        )),
        UpgradeChannel::NodeImage => Some(
            "The legacy cluster channel node-image forces the node OS channel to NodeImage."
                .to_owned(),
        ),
        UpgradeChannel::None => None,
    }
}

/// The OS-native updater Unmanaged relies on (§1.1).
fn updater(sku: OsSku) -> &'static str {
    match sku {
        OsSku::Ubuntu => "unattended-upgrades",
        OsSku::AzureLinux => "dnf-automatic",
        _ => "the OS's own updater",
    }
}

fn blank(headline: String) -> PoolBehaviour {
    PoolBehaviour {
        headline,
        points: Vec::new(),
        disruption: String::new(),
        cost: String::new(),
        effectively: None,
    }
}

fn none(pool: &AgentPool) -> PoolBehaviour {
    let mut b = blank(format!(
        "No automatic OS updates: your team patches these {} nodes",
        pool.os_sku.label()
    ));
    b.points = vec![
        format!(
            "AKS applies no OS updates and {} is switched off.",
            updater(pool.os_sku)
        ),
        "Nodes only change image when you run `az aks nodepool upgrade --node-image-only` or \
         upgrade Kubernetes."
            .to_owned(),
    ];
    b.disruption = "None from AKS; only the upgrades you start yourself.".to_owned();
    b.cost = "None.".to_owned();
    b
}

fn unmanaged(pool: &AgentPool) -> PoolBehaviour {
    let tool = updater(pool.os_sku);
    let mut b = blank(format!(
        "Nightly in-place patching by {tool} around 06:00 UTC; AKS never reboots"
    ));
    b.points = vec![
        format!(
            "{tool} installs OS updates on every node roughly once a day around 06:00 UTC; \
             maintenance windows do not govern it."
        ),
        "AKS does not reboot nodes: kernel patches wait in /var/run/reboot-required until kured \
         (checks hourly, one node at a time) or you reboot them."
            .to_owned(),
        "New nodes start from the pool's node image and catch up at the next nightly run; the \
         node image itself is not updated by this channel."
            .to_owned(),
    ];
    b.disruption = "None from AKS; reboots only if you run kured, one node at a time.".to_owned();
    b.cost = "None.".to_owned();
    b
}

fn security_patch(cluster: &Cluster, pool: &AgentPool) -> PoolBehaviour {
    let roll = rolling(cluster, pool);
    let mut b = blank(
        "AKS-tested security patches, usually applied live; reimage only when needed".to_owned(),
    );
    b.points = vec![
        "AKS applies tested, security-only patches, usually live on the running node: no drain, \
         no reboot, no new image."
            .to_owned(),
        format!(
            "When a patch cannot be applied live (e.g. some kernel packages), AKS builds a new \
             VHD in the node resource group and reimages the pool: {}.",
            roll.text
        ),
        window_point(cluster),
        "Releases are AKS-determined, typically faster than weekly; a daily window lets urgent \
         fixes land within days."
            .to_owned(),
        format!(
            "{} is switched off by default: AKS owns patching.",
            updater(pool.os_sku)
        ),
    ];
    if pool.os_sku == OsSku::Ubuntu {
        b.points
            .push("Nodes need outbound access to snapshot.ubuntu.com.".to_owned());
    }
    b.disruption = format!(
        "Usually none (live patch); occasionally a rolling reimage: {}.",
        roll.short
    );
    b.cost = format!(
        "Extra cost for hosting the patched VHDs in the node resource group (no public price){}.",
        roll.surge_cost(" and, during reimages, ")
    );
    b
}

fn node_image(cluster: &Cluster, pool: &AgentPool) -> PoolBehaviour {
    let roll = rolling(cluster, pool);
    let windows = pool.os_sku.is_windows();
    let cadence = if windows { "Monthly" } else { "Weekly" };
    let mut b = blank(format!(
        "{cadence} rolling reimage onto the newest {} node image",
        pool.os_sku.label()
    ));
    b.points = vec![
        if windows {
            "AKS publishes a new Windows node image monthly; each one reimages the pool.".to_owned()
        } else {
            format!(
                "AKS publishes a new {} node image about every week with security and bug fixes; \
                 a new image takes up to about 2 weeks to reach every region.",
                pool.os_sku.label()
            )
        },
        format!("Every new image reimages the whole pool: {}.", roll.text),
        window_point(cluster),
    ];
    if !windows {
        b.points.push(format!(
            "{} is switched off: nodes change only through new images.",
            updater(pool.os_sku)
        ));
    }
    b.disruption = format!(
        "Rolling reimage of every node at every new image: {}.",
        roll.short
    );
    b.cost = format!(
        "No image hosting cost (AKS hosts the images){}.",
        roll.surge_cost("; ")
    );
    b
}

fn behaves_like_none(channel: NodeOsChannel, pool: &AgentPool) -> PoolBehaviour {
    let mut b = blank(format!(
        "Behaves like None on {}: no automatic patching",
        pool_label(pool)
    ));
    b.points = vec![if pool.os_sku.is_windows() {
        format!(
            "Windows has no OS-native updater under {channel}, so nodes are never patched \
             automatically."
        )
    } else {
        "On Azure Linux with NVIDIA GPU VM sizes the OS's unattended upgrades are disabled, so \
         nothing patches the nodes."
            .to_owned()
    }];
    b.points.push(image_hint(pool));
    b.disruption = "None from AKS.".to_owned();
    b.cost = "None.".to_owned();
    b.effectively = Some(NodeOsChannel::None);
    b
}

fn unsupported(channel: NodeOsChannel, pool: &AgentPool) -> PoolBehaviour {
    let mut b = blank(format!(
        "Not supported on {}: assume no automatic OS updates",
        pool_label(pool)
    ));
    b.points = vec![
        format!("AKS does not support {channel} on {}.", pool_label(pool)),
        "The channel is cluster-wide and AKS does not say whether it rejects the setting or \
         skips this pool; the planner assumes the pool gets no automatic OS updates."
            .to_owned(),
        image_hint(pool),
    ];
    b.disruption = "None from AKS (nothing is applied).".to_owned();
    b.cost = "None.".to_owned();
    b.effectively = Some(NodeOsChannel::None);
    b
}

fn undocumented(channel: NodeOsChannel, pool: &AgentPool) -> PoolBehaviour {
    let mut b = blank(format!(
        "Undocumented: AKS does not say what {channel} does on {}",
        pool_label(pool)
    ));
    b.points = vec![
        format!(
            "The AKS docs do not describe {channel} on {}; whether its own update engine patches \
             the nodes is unknown.",
            pool_label(pool)
        ),
        image_hint(pool),
    ];
    b.disruption = "Unknown; none is scheduled by AKS.".to_owned();
    b.cost = "None from AKS.".to_owned();
    b
}

fn pool_label(pool: &AgentPool) -> String {
    if pool.gpu && !pool.os_sku.is_windows() {
        format!("{} (GPU)", pool.os_sku.label())
    } else {
        pool.os_sku.label().to_owned()
    }
}

fn image_hint(pool: &AgentPool) -> String {
    let cadence = if pool.os_sku.is_windows() {
        "monthly"
    } else {
        "weekly"
    };
    format!(
        "New {} node images come {cadence}; the NodeImage channel would apply them, or run \
         `az aks nodepool upgrade --node-image-only`.",
        pool.os_sku.label()
    )
}

/// Whether AKS holds this channel's work to the node OS maintenance window (§3.1, §3.7).
fn window_point(cluster: &Cluster) -> String {
    match &cluster.maintenance_configurations.node_os {
        Some(w) => format!(
            "AKS starts this work only inside the aksManagedNodeOSUpgradeSchedule window \
             ({}, {} h from {} UTC{}); work in flight at the end finishes, new work waits. \
             Windows are best effort: urgent fixes may still come outside them.",
            w.schedule.type_name(),
            w.duration_hours,
            w.start_time,
            w.utc_offset
        ),
        None => "No aksManagedNodeOSUpgradeSchedule window: AKS picks the time.".to_owned(),
    }
}

#[cfg(test)]
mod tests;
