//! The app's components, one file each. Tabs of the main area are their own files
//! (`plan_tab.rs` now; `windows_tab.rs`, `timeline_tab.rs`, `export_tab.rs` later).

pub mod assumptions_panel;
pub mod behaviour_panel;
pub mod blackout_list;
pub mod cells;
pub mod channels_panel;
pub mod cluster_editor;
pub mod cluster_list;
pub mod copy_button;
pub mod cost_panel;
pub mod dst_panel;
pub mod export_panel;
pub mod export_tab;
pub mod exposure_panel;
pub mod field;
pub mod findings_panel;
pub mod fleet_panel;
pub mod header;
pub mod icons;
pub mod import_panel;
pub mod link_open;
pub mod plan_tab;
pub mod pool_editor;
pub mod quota_panel;
pub mod quota_paste;
pub mod share_panel;
pub mod tabs;
pub mod timeline_focus;
pub mod timeline_svg;
pub mod timeline_tab;
pub mod timeline_table;
pub mod window_editor;
pub mod window_fields;
pub mod window_list;
pub mod windows_settings;
pub mod windows_tab;
