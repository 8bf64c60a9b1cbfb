//! The app's side of the exports worker (`src/worker.rs`): the six exports and the `az` import
//! run in a second wasm module, fetched from the app's own folder the first time a job is asked
//! for (the Export tab opens), so the first load does not carry their code.
//!
//! The worker's loader is a hashed file beside the app's; scripts/postbuild.mjs names it in
//! index.html's `<meta name="exports-worker">`. Jobs wait until the worker says it has started
//! ([`offload::READY`]); a worker that cannot be fetched or started, or that stops later (a
//! crash, a reply it cannot have sent), fails every job with a message saying which and what to
//! do (reload), and so does every later job until the page reloads. No job waits for ever: a
//! request the worker cannot read, or cannot be handed to it, fails with a message too.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::offload::{self, Answer, Job, Reply, Request};

/// The `<meta name>` that holds the worker loader's URL (relative to the page).
const META: &str = "exports-worker";

/// The message the worker's loader posts when the module did not start.
const FAILED: &str = "failed:";

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests posted before the worker was ready.
    queued: Vec<String>,
    /// The callbacks of the jobs not answered yet (resolve, reject), by request number.
    waiting: HashMap<u32, (Function, Function)>,
    /// Answers received, until their job takes them.
    answers: HashMap<u32, Answer>,
    next_id: u32,
}

enum Link {
    NotStarted,
    Running(Running),
    Failed(String),
}

thread_local! {
    static LINK: RefCell<Link> = const { RefCell::new(Link::NotStarted) };
}

/// Runs `job` in the worker (starting it on first use). `Err` says why there is no answer, in
/// words for the user.
pub async fn run(job: Job) -> Result<Answer, String> {
    let mut id = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        LINK.with(|link| {
            let mut link = link.borrow_mut();
            if matches!(*link, Link::NotStarted) {
                *link = start();
            }
            match &mut *link {
                Link::Running(running) => {
                    let n = running.next_id;
                    running.next_id = n.wrapping_add(1);
                    let request = Request {
                        id: n,
                        job: job.clone(),
                    }
                    .to_json();
                    if !running.ready {
                        running.queued.push(request);
                    } else if let Err(why) = post(&running.worker, &request) {
                        let message = unsent_message(&why);
                        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
                        return;
                    }
                    running.waiting.insert(n, (resolve, reject));
                    id = Some(n);
                }
                Link::Failed(message) => {
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(message));
                }
                Link::NotStarted => {}
            }
        });
    });
    JsFuture::from(promise).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| failed_message("no reason given"))
    })?;
    let answer = id.and_then(|n| {
        LINK.with(|link| match &mut *link.borrow_mut() {
            Link::Running(running) => running.answers.remove(&n),
            _ => None,
        })
    });
    match answer {
        Some(Answer::Invalid(message)) => Err(format!(
            "The exports module could not read the request ({message}). Reload the page to try again."
        )),
        Some(answer) => Ok(answer),
        None => Err(failed_message("it gave no answer")),
    }
}

fn failed_message(why: &str) -> String {
    format!(
        "The exports module could not be loaded ({why}). Exports and import need it from the same place as the planner: check the connection and reload the page."
    )
}

/// The worker has stopped after it started (it crashed, or sent what it cannot have sent).
fn stopped_message(why: &str) -> String {
    format!(
        "The exports module stopped ({why}). Exports and import need it: reload the page to start it again."
    )
}

fn unsent_message(why: &str) -> String {
    format!(
        "The request could not be handed to the exports module ({why}). Reload the page to try again."
    )
}

/// Hands `request` to the worker; `Err` says why the browser refused.
fn post(worker: &web_sys::Worker, request: &str) -> Result<(), String> {
    worker
        .post_message(&JsValue::from_str(request))
        .map_err(|e| {
            e.as_string()
                .or_else(|| {
                    Reflect::get(&e, &JsValue::from_str("message"))
                        .ok()?
                        .as_string()
                })
                .unwrap_or_else(|| "the browser refused it".to_owned())
        })
}

fn worker_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{META}\"]"))
        .ok()??
        .get_attribute("content")
}

fn start() -> Link {
    let Some(url) = worker_url() else {
        return Link::Failed(failed_message("this page does not name it"));
    };
    let worker = match web_sys::Worker::new(&url) {
        Ok(worker) => worker,
        Err(e) => {
            let why = e
                .as_string()
                .or_else(|| {
                    Reflect::get(&e, &JsValue::from_str("message"))
                        .ok()?
                        .as_string()
                })
                .unwrap_or_else(|| "the browser refused to start it".to_owned());
            return Link::Failed(failed_message(&why));
        }
    };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let text = ev.data().as_string().unwrap_or_default();
        if text == offload::READY {
            let unsent = LINK.with(|link| {
                let Link::Running(running) = &mut *link.borrow_mut() else {
                    return None;
                };
                running.ready = true;
                let queued: Vec<String> = running.queued.drain(..).collect();
                queued
                    .iter()
                    .find_map(|request| post(&running.worker, request).err())
            });
            // A request that cannot be handed over leaves its job waiting: fail them all.
            if let Some(why) = unsent {
                fail(&format!("a request could not be handed to it: {why}"));
            }
        } else if let Some(why) = text.strip_prefix(FAILED) {
            fail(why.trim());
        } else {
            answered(&text);
        }
    });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // A script that could not be fetched gives a plain event; a crash, an ErrorEvent.
        let why = Reflect::get(&ev, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "it could not be fetched or started".to_owned());
        ev.prevent_default();
        fail(&why);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page (one worker per page).
    on_message.forget();
    on_error.forget();
    Link::Running(Running {
        worker,
        ready: false,
        queued: Vec::new(),
        waiting: HashMap::new(),
        answers: HashMap::new(),
        next_id: 1,
    })
}

fn answered(text: &str) {
    let reply = match Reply::from_json(text) {
        Ok(reply) => reply,
        Err(why) => return fail(&why),
    };
    // A request the worker could not read comes back without its number (0): no job can be
    // told which it was, so every waiting one is, rather than waiting for ever.
    if let (0, Answer::Invalid(why)) = (reply.id, &reply.answer) {
        let message = format!(
            "The exports module could not read a request ({why}). Reload the page to try again."
        );
        let rejects: Vec<Function> = LINK.with(|link| match &mut *link.borrow_mut() {
            Link::Running(running) => running.waiting.drain().map(|(_, (_, r))| r).collect(),
            _ => Vec::new(),
        });
        for reject in rejects {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
        }
        return;
    }
    let resolve = LINK.with(|link| match &mut *link.borrow_mut() {
        Link::Running(running) => {
            let (resolve, _) = running.waiting.remove(&reply.id)?;
            running.answers.insert(reply.id, reply.answer);
            Some(resolve)
        }
        _ => None,
    });
    if let Some(resolve) = resolve {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// The worker is unusable: every waiting job and every later one fails with `why`, said as "could
/// not be loaded" before it started and "stopped" after.
fn fail(why: &str) {
    let started = LINK.with(|link| matches!(&*link.borrow(), Link::Running(r) if r.ready));
    let message = if started {
        stopped_message(why)
    } else {
        failed_message(why)
    };
    let previous = LINK.with(|link| link.replace(Link::Failed(message.clone())));
    if let Link::Running(running) = previous {
        running.worker.terminate();
        for (_, reject) in running.waiting.into_values() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
        }
    }
}
