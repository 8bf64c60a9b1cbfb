//! AKS node OS upgrade planner.
//!
//! # Where to start
//! - [`rules`]: the pure rule core (domain types, findings, recurrence, projections, exports).
//!   Built and tested natively; the same code runs in the browser.
//! - [`offload`]: the jobs the browser app hands to its exports worker (exports, import).
//! - `ui` (wasm32 only): the Leptos app, a thin layer of views over [`rules`].
//! - `src/bin/aks-planner`: the command-line twin, for pipelines.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod offload;
pub mod rules;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
