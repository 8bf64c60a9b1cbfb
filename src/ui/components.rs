//! The app's components, one file each. Tabs of the main area are their own files
//! (`plan_tab.rs` now; `windows_tab.rs`, `timeline_tab.rs`, `export_tab.rs` later).

pub mod behaviour_panel;
pub mod blackout_list;
pub mod cluster_editor;
pub mod cluster_list;
pub mod dst_panel;
pub mod field;
pub mod findings_panel;
pub mod header;
pub mod icons;
pub mod plan_tab;
pub mod pool_editor;
pub mod tabs;
pub mod window_editor;
pub mod window_fields;
pub mod window_list;
pub mod windows_settings;
pub mod windows_tab;
