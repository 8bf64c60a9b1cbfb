//! The rule core: AKS node OS upgrade rules as plain, pure Rust.
//!
//! # Architecture invariants
//! - Pure: std, chrono, serde, serde_json and thiserror only. No browser crate, no Leptos, no
//!   clock reads, no I/O. "Now" is always a parameter. `tests/architecture.rs` enforces this.
//! - Every AKS fact implemented here cites its rule in `docs/aks-rules.md` (section or
//!   ambiguity id), so a reviewer can check it.
//! - Types are named as AKS names them and serialize exactly as ARM does.
//! - Parsing rejects malformed shapes with a typed error a user can act on; value ranges are
//!   reported by [`findings`], so a plan under edit can hold them and still be shown.
//! - `ui` and the CLI use this module; this module uses neither.
//!
//! # Where to start
//! [`plan`] (the document), [`cluster`], [`pool`], [`channel`], [`maintenance`], then
//! [`findings`].

pub mod assumptions;
pub mod behaviour;
pub mod bulk;
pub mod changed;
pub mod channel;
pub mod cluster;
pub mod clusters;
pub mod conflicts;
pub mod demo;
pub mod edit;
pub mod eta;
pub mod export;
pub mod figures;
pub mod finding;
pub mod findings;
pub mod fnv;
pub mod history;
pub mod import;
mod json_error;
pub mod maintenance;
pub mod names;
pub mod os;
pub mod plan;
pub mod pool;
pub mod pretty_json;
pub mod projection;
pub mod region;
pub mod saved;
pub mod share;
pub mod snapshot;
pub mod stable_sort;
pub mod surge;
pub mod timefmt;
pub mod timeparse;
mod unknown_fields;
pub mod usage;
pub mod variant;
pub mod version;
pub mod words;
