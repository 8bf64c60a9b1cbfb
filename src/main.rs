//! The web app's entry point: trunk builds this for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // index.html paints a static header and a loading line while the wasm loads. Mount once
    // the browser has painted it (the frame after this one: on a fast connection the module
    // can be ready before the first paint), in a task of its own rather than the one that
    // instantiated the module; the shell goes in the task that mounts the app, so no frame
    // shows both or neither.
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
    });
}

#[cfg(target_arch = "wasm32")]
fn mount() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(planner::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("planner-web is the browser app: build it with `trunk build --release`.");
    eprintln!("For the command line, run `cargo run --bin aks-planner -- --help`.");
    std::process::exit(2);
}
