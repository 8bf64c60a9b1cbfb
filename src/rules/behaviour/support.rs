//! Which node OS channel AKS supports on which OS SKU (docs/aks-rules.md §1.2, updated by
//! docs/aks-2026.md §1.1).

use crate::rules::channel::NodeOsChannel;
use crate::rules::os::OsSku;

/// How AKS supports a node OS channel on an OS SKU (docs/aks-rules.md §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelSupport {
    /// Works as documented.
    Supported,
    /// AKS does not support the channel on this SKU; the planner assumes no automatic OS
    /// updates (§8 A-6).
    Unsupported,
    /// Accepted, but nothing patches the nodes: behaves like `None`.
    BehavesLikeNone,
    /// The AKS docs say nothing about it.
    Undocumented,
}

/// The support matrix of docs/aks-rules.md §1.2 as docs/aks-2026.md §1.1 updates it: the immutable
/// images (Azure Linux with OS Guard, Azure Container Linux) take only None and NodeImage.
pub fn channel_support(channel: NodeOsChannel, sku: OsSku, gpu: bool) -> ChannelSupport {
    use ChannelSupport::{BehavesLikeNone, Supported, Undocumented, Unsupported};
    let azure_linux_gpu = sku == OsSku::AzureLinux && gpu;
    match channel {
        NodeOsChannel::None | NodeOsChannel::NodeImage => Supported,
        NodeOsChannel::Unmanaged => match sku {
            OsSku::AzureLinuxOSGuard | OsSku::AzureContainerLinux => Unsupported,
            OsSku::Flatcar => Undocumented,
            _ if sku.is_windows() || azure_linux_gpu => BehavesLikeNone,
            _ => Supported,
        },
        NodeOsChannel::SecurityPatch => match sku {
            _ if sku.is_ubuntu() => Supported,
            OsSku::AzureLinux if !gpu => Supported,
            _ => Unsupported,
        },
    }
}

/// The node OS channels a cluster's pools rule out, and why, for the channel picker: an
/// immutable OS (Azure Container Linux, Azure Linux with OS Guard) takes only NodeImage and None
/// (docs/aks-2026.md §1.1). Other unsupported pairs stay offered; findings explain them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChannelOffer {
    pub ruled_out: Vec<NodeOsChannel>,
    /// E.g. "Azure Container Linux (pool "apps") supports only NodeImage and None."; empty
    /// when nothing is ruled out.
    pub reason: String,
}

pub fn channel_offer(pools: &[crate::rules::pool::AgentPool]) -> ChannelOffer {
    let immutable: Vec<String> = pools
        .iter()
        .filter(|p| p.os_sku.is_immutable())
        .map(|p| format!("{} (pool {:?})", p.os_sku.label(), p.name))
        .collect();
    if immutable.is_empty() {
        return ChannelOffer::default();
    }
    let ruled_out = NodeOsChannel::ALL
        .into_iter()
        .filter(|&c| {
            pools.iter().any(|p| {
                p.os_sku.is_immutable()
                    && channel_support(c, p.os_sku, p.gpu) != ChannelSupport::Supported
            })
        })
        .collect();
    ChannelOffer {
        ruled_out,
        reason: format!(
            "{} support{} only NodeImage and None.",
            immutable.join(", "),
            if immutable.len() == 1 { "s" } else { "" }
        ),
    }
}
