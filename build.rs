//! The browser app's module keeps its relocations (`--emit-relocs`), which `wasm-split-cli`
//! needs to move the parts loaded on first use into modules of their own (`src/ui/lazy.rs`,
//! `scripts/postbuild.mjs`). Only for `planner-web` on wasm32: the exports worker and native
//! builds link as before.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo:rustc-link-arg-bin=planner-web=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
