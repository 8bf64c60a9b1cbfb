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
    use planner::ui::{App, lazy::Loader};
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(|| {
        leptos::view! { <App parts=Loader(parts::load) /> }
    });
}

/// The split points of the parts loaded on first use (`planner::ui::lazy`): each
/// `#[wasm_split]` function becomes, after `scripts/postbuild.mjs` runs `wasm-split-cli`, a stub
/// that fetches the module holding what only it reaches, then calls it. Here rather than in the
/// library so that the exports worker, which links the same library, does not keep them.
#[cfg(target_arch = "wasm32")]
mod parts {
    use leptos::wasm_split::{SplitLoaderError, wasm_split};
    use planner::ui::lazy::{NotLoaded, Part, PartBuilder, PartLoad};
    use planner::ui::parts;

    /// A split point returning `view`, the builder of a part's view (`planner::ui::parts`).
    macro_rules! split_point {
        ($name:ident, $view:path) => {
            #[wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $name() -> Result<PartBuilder, SplitLoaderError> {
                Ok($view)
            }
        };
    }

    split_point!(windows_tab, parts::windows_view);
    split_point!(timeline_tab, parts::timeline_view);
    split_point!(export_tab, parts::export_view);
    split_point!(bulk_editor, parts::bulk_editor_view);
    split_point!(link_opener, parts::link_opener_view);
    split_point!(filters, parts::filters_view);

    /// What builds `part`'s view, once its module is loaded. The split points return the
    /// builder rather than the view, so that the app builds it only where it is still wanted.
    pub fn load(part: Part) -> PartLoad {
        Box::pin(async move {
            match part {
                Part::WindowsTab => windows_tab().await,
                Part::TimelineTab => timeline_tab().await,
                Part::ExportTab => export_tab().await,
                Part::BulkEditor => bulk_editor().await,
                Part::LinkOpener => link_opener().await,
                Part::Filters => filters().await,
            }
            .map_err(|_| NotLoaded)
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("planner-web is the browser app: build it with `trunk build --release`.");
    eprintln!("For the command line, run `cargo run --bin aks-planner -- --help`.");
    std::process::exit(2);
}
