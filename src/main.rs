//! The web app's entry point: trunk builds this for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(planner::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("planner-web is the browser app: build it with `trunk build --release`.");
    eprintln!("For the command line, run `cargo run --bin aks-planner -- --help`.");
    std::process::exit(2);
}
