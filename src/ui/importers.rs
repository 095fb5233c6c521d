//! The importers of the text formats the viewer's wasm leaves out (transcripts, "Q:"/"A:",
//! WebVTT, SRT): a WebAssembly module of their own (`crates/importers`), loaded only when a
//! fetched file needs it, through a function the page's boot module or the custom element puts
//! on `globalThis` under `Symbol.for("interview-viewer.import-text")` (static/importers-hook.js:
//! it knows where the module's files are). The single-file edition has no such function: there
//! the viewer says the file needs converting.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The key of the hook on `globalThis`.
const HOOK: &str = "interview-viewer.import-text";

/// Imports `text` (its address and content type in `hints`) with the importers module: our
/// JSON with the importer's problems (`core::load::from_importers` reads it). `None` when this
/// page offers no importers module; `Some(Err(reason))` when it could not be loaded.
pub async fn import_elsewhere(text: &str, hints: &[&str]) -> Option<Result<String, String>> {
    let key = js_sys::Symbol::for_(HOOK);
    let hook = js_sys::Reflect::get(&js_sys::global(), &key)
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let call = hook.call2(
        &JsValue::NULL,
        &JsValue::from_str(text),
        &JsValue::from_str(&hints.join("\n")),
    );
    let promise = match call.map(|value| value.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(promise)) => promise,
        _ => return Some(Err("the importers could not start".to_string())),
    };
    Some(match JsFuture::from(promise).await {
        Ok(json) => json
            .as_string()
            .ok_or_else(|| "the importers gave no text".to_string()),
        Err(error) => Err(error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the importers could not be loaded".to_string())),
    })
}
