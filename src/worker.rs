//! The exports worker: a second wasm module that trunk builds as a web worker (index.html,
//! `data-type="worker"`), fetched the first time the Export tab opens. It answers the jobs of
//! `planner::offload` (the six exports and the `az`/ARM import), so the app's first load does
//! not carry their code. Messages are JSON text: a `Request` in, a `Reply` out, after one
//! `offload::READY` when the module has started.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::{Closure, JsValue};

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = ev.data().as_string().unwrap_or_default();
            let reply = planner::offload::answer(&request);
            // Posting a string to the page that started this worker cannot fail.
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(planner::offload::READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("planner-exports is the browser app's exports worker: trunk builds it.");
    eprintln!("For exports on the command line, run `aks-planner export`.");
    std::process::exit(2);
}
