//! Getting text out of the page: the clipboard (with a fallback for browsers or contexts that
//! refuse the Clipboard API) and file downloads. Nothing here leaves the machine.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. The asynchronous Clipboard API needs a secure context and
/// permission; when it is missing or refuses, a hidden textarea is selected and copied with
/// `execCommand("copy")`, which still works in most browsers. `Err` carries what to tell the
/// user.
pub async fn copy_text(text: &str) -> Result<(), String> {
    if let Some(clipboard) = clipboard_api()
        && JsFuture::from(clipboard.write_text(text)).await.is_ok()
    {
        return Ok(());
    }
    if copy_with_selection(text) {
        Ok(())
    } else {
        Err("this browser refused to copy: select the text and press Ctrl+C (⌘C on a Mac)".into())
    }
}

/// `navigator.clipboard`, when the page may use it (it is undefined outside secure contexts,
/// and calling a method on undefined would throw).
fn clipboard_api() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into().ok()
}

fn copy_with_selection(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(area) = document
        .create_element("textarea")
        .map(JsCast::unchecked_into::<web_sys::HtmlTextAreaElement>)
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("style", "position:fixed;top:0;left:-9999px;opacity:0");
    // Whatever had the keyboard gets it back afterwards.
    let focused = document.active_element();
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    if let Some(element) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
    copied
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("the browser refused to save {file_name}: use Copy instead");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail(JsValue::NULL))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has started the download synchronously; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of a file the user picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let name = file.name();
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("{name} could not be read as text"))
}
