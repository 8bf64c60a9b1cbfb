//! Which node OS channel AKS supports on which OS SKU (docs/aks-rules.md §1.2).

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

/// The support matrix of docs/aks-rules.md §1.2.
pub fn channel_support(channel: NodeOsChannel, sku: OsSku, gpu: bool) -> ChannelSupport {
    use ChannelSupport::{BehavesLikeNone, Supported, Undocumented, Unsupported};
    let azure_linux_gpu = sku == OsSku::AzureLinux && gpu;
    match channel {
        NodeOsChannel::None | NodeOsChannel::NodeImage => Supported,
        NodeOsChannel::Unmanaged => match sku {
            OsSku::AzureLinuxOSGuard => Unsupported,
            OsSku::Flatcar => Undocumented,
            _ if sku.is_windows() || azure_linux_gpu => BehavesLikeNone,
            _ => Supported,
        },
        NodeOsChannel::SecurityPatch => match sku {
            OsSku::Ubuntu => Supported,
            OsSku::AzureLinux if !gpu => Supported,
            _ => Unsupported,
        },
    }
}
