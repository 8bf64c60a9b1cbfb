//! Per-pool channel support (docs/aks-rules.md §1.2, §8 A-6): which node OS channel works on which
//! OS SKU, from the same matrix the behaviour panel uses.

use crate::rules::behaviour::{ChannelSupport, channel_support};
use crate::rules::channel::NodeOsChannel;
use crate::rules::cluster::Cluster;
use crate::rules::finding::FindingCode;
use crate::rules::os::OsSku;
use crate::rules::plan::Plan;
use crate::rules::pool::AgentPool;

use super::sources::NODE_OS_UPGRADE;
use super::{FieldPath, Finding, fields, per_pool};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    per_pool(plan, pool_support)
}

/// One finding per pool whose OS SKU the cluster's node OS channel does not serve (§1.2, A-6).
fn pool_support(ci: usize, cluster: &Cluster, pi: usize, pool: &AgentPool, out: &mut Vec<Finding>) {
    let node_os = cluster.auto_upgrade_profile.node_os_upgrade_channel;
    let path = |field: &str| FieldPath::pool(ci, cluster, pi, pool, field);
    let azure_linux_gpu = pool.os_sku == OsSku::AzureLinux && pool.gpu;
    let what = format!(
        "node pool {:?} ({}{})",
        pool.name,
        pool.os_sku,
        if pool.gpu { ", GPU" } else { "" }
    );
    let finding = match (node_os, channel_support(node_os, pool.os_sku, pool.gpu)) {
        (_, ChannelSupport::Supported) => return,
        (NodeOsChannel::SecurityPatch, _) if azure_linux_gpu => Finding::error(
            FindingCode::SecuritypatchUnsupportedGpu,
            path(fields::GPU),
            NODE_OS_UPGRADE,
        )
        .why(
            "AKS does not support SecurityPatch on Azure Linux node pools with NVIDIA GPU \
             VM sizes. The channel is cluster-wide, so the planner assumes this pool gets \
             no automatic OS updates.",
        )
        .fix(
            "Use NodeImage for this cluster, or run the GPU pool on Ubuntu, where \
             SecurityPatch is supported.",
        ),
        (NodeOsChannel::SecurityPatch, _) if pool.os_sku.is_windows() => Finding::error(
            FindingCode::SecuritypatchUnsupportedOs,
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(
            "AKS does not support SecurityPatch on Windows node pools. The channel is \
             cluster-wide and AKS does not document whether the change is rejected or \
             Windows pools silently get nothing; the planner assumes they get no \
             automatic OS updates.",
        )
        .fix(
            "Use NodeImage for this cluster (Windows receives a new node image monthly), \
             or move the Windows pools to a cluster on NodeImage.",
        ),
        (NodeOsChannel::SecurityPatch, _) => Finding::error(
            FindingCode::SecuritypatchUnsupportedOs,
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(format!(
            "AKS does not support SecurityPatch on {}; the planner assumes this pool gets \
             no automatic OS updates.",
            pool.os_sku.label()
        ))
        .fix("Use NodeImage for this cluster, or change the pool to Ubuntu or Azure Linux."),
        (NodeOsChannel::Unmanaged, ChannelSupport::Unsupported) => Finding::error(
            FindingCode::UnmanagedUnsupportedOsGuard,
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(
            "Azure Linux with OS Guard is immutable: AKS supports only None and NodeImage \
             on it.",
        )
        .fix("Use NodeImage for this cluster, or change the pool's OS SKU."),
        (NodeOsChannel::Unmanaged, ChannelSupport::BehavesLikeNone) if pool.os_sku.is_windows() => {
            Finding::warning(
                FindingCode::UnmanagedWindowsBehavesLikeNone,
                path(fields::OS_SKU),
                NODE_OS_UPGRADE,
            )
            .why(
                "Windows nodes have no automatic patching under Unmanaged: it behaves like \
                 None, so they stay on their image until you upgrade them.",
            )
            .fix(
                "Use NodeImage for this cluster (monthly Windows images), or schedule `az aks \
                 nodepool upgrade --node-image-only` for this pool.",
            )
        }
        (NodeOsChannel::Unmanaged, ChannelSupport::BehavesLikeNone) => Finding::warning(
            FindingCode::UnmanagedAzureLinuxGpuNoUpdates,
            path(fields::GPU),
            NODE_OS_UPGRADE,
        )
        .why(
            "On Azure Linux with NVIDIA GPU VM sizes the OS's unattended upgrades are \
             disabled, so Unmanaged behaves like None on this pool.",
        )
        .fix("Use NodeImage for this cluster, or upgrade the pool's node image yourself."),
        (NodeOsChannel::Unmanaged, _) => Finding::note(
            FindingCode::UnmanagedFlatcarUndocumented,
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(
            "AKS documents no Unmanaged behaviour for Flatcar Container Linux; whether \
             its own update engine patches the nodes is not stated.",
        )
        .fix(
            "Prefer NodeImage for Flatcar pools, or verify on a test pool what Unmanaged \
             does.",
        ),
        // None and NodeImage serve every SKU (channel_support says Supported).
        _ => return,
    };
    let verb = match finding.code {
        FindingCode::UnmanagedWindowsBehavesLikeNone
        | FindingCode::UnmanagedAzureLinuxGpuNoUpdates => "gets no OS updates under",
        FindingCode::UnmanagedFlatcarUndocumented => "has undocumented behaviour under",
        _ => "cannot use",
    };
    out.push(finding.message(format!("{what} {verb} nodeOSUpgradeChannel {node_os}")));
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, with_channel};
    use super::*;

    #[test]
    fn unsupported_channel_and_os_pairs_are_reported_on_the_pool() {
        use NodeOsChannel::{SecurityPatch, Unmanaged};
        let table: [(NodeOsChannel, OsSku, bool, &str, Severity, &str); 9] = [
            (
                SecurityPatch,
                OsSku::Windows2019,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::Windows2022,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::Windows2025,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::Flatcar,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::AzureLinuxOSGuard,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::AzureLinux,
                true,
                "securitypatch-unsupported-gpu",
                Severity::Error,
                "gpu",
            ),
            (
                Unmanaged,
                OsSku::AzureLinuxOSGuard,
                false,
                "unmanaged-unsupported-os-guard",
                Severity::Error,
                "osSKU",
            ),
            (
                Unmanaged,
                OsSku::Windows2022,
                false,
                "unmanaged-windows-behaves-like-none",
                Severity::Warning,
                "osSKU",
            ),
            (
                Unmanaged,
                OsSku::AzureLinux,
                true,
                "unmanaged-azure-linux-gpu-no-updates",
                Severity::Warning,
                "gpu",
            ),
        ];
        for (channel, sku, gpu, code, severity, field) in table {
            let found = with_channel(findings, channel, sku, gpu);
            let f = only(&found, code, severity);
            assert_eq!(f.path.pool, Some(1), "{code}");
            assert_eq!(f.path.field, field, "{code}");
            assert!(
                f.message.contains("\"extra\"") && f.message.contains(channel.as_str()),
                "{}",
                f.message
            );
        }
    }

    #[test]
    fn supported_pairs_have_no_pool_findings() {
        for channel in [NodeOsChannel::NodeImage, NodeOsChannel::None] {
            for sku in OsSku::ALL {
                let found = with_channel(findings, channel, sku, true);
                assert!(
                    found.iter().all(|f| f.path.pool.is_none()),
                    "{channel} {sku}: {:?}",
                    codes(&found)
                );
            }
        }
        for (sku, gpu) in [(OsSku::Ubuntu, true), (OsSku::AzureLinux, false)] {
            let found = with_channel(findings, NodeOsChannel::SecurityPatch, sku, gpu);
            assert!(
                found.iter().all(|f| f.path.pool.is_none()),
                "{sku}: {:?}",
                codes(&found)
            );
        }
    }

    #[test]
    fn unmanaged_on_flatcar_is_flagged_as_undocumented() {
        let found = with_channel(findings, NodeOsChannel::Unmanaged, OsSku::Flatcar, false);
        only(&found, "unmanaged-flatcar-undocumented", Severity::Note);
    }
}
