//! The message catalogues the viewer's wasm leaves out (every language but English): a JSON
//! file each (`dist/messages-<lang>-<hash>.json`), fetched through a function the page's boot
//! module or the custom element puts on `globalThis` under
//! `Symbol.for("interview-viewer.catalogue")` (static/catalogues-hook.js: it knows the files'
//! names and where they are, and the element starts the download with the wasm's).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The key of the hook on `globalThis`.
const HOOK: &str = "interview-viewer.catalogue";

/// The JSON text of the catalogue of `lang` (a primary subtag): `None` when the page offers no
/// such hook or no such catalogue, or the download failed (the reader keeps English).
pub async fn fetch_catalogue(lang: &str) -> Option<String> {
    let key = js_sys::Symbol::for_(HOOK);
    let hook = js_sys::Reflect::get(&js_sys::global(), &key)
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = hook
        .call1(&JsValue::NULL, &JsValue::from_str(lang))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}
