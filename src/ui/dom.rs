//! Small helpers over web-sys for the few things Yew does not do itself: finding an element by
//! id, moving focus, scrolling, reading and replacing the URL. Every one of them fails quietly:
//! a missing element or a browser without the API leaves the page as it was.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The browser window; `None` when prerendering natively, where web-sys calls would panic.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The element with this id, looked up under `root` (so it also works inside a shadow root).
pub fn by_id(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[id=\"{}\"]", css_escape(id)))
        .ok()
        .flatten()
}

/// Escapes the few characters that could end an attribute selector's quoted string.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

pub fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    }
}

/// Scrolls `element` to the middle of the viewport, instantly when the reader asked for reduced
/// motion (the stylesheet's `scroll-behavior` decides the rest).
pub fn scroll_into_view(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The value of a query parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// Every value of a repeated query parameter of the page's URL, in order.
pub fn query_params(name: &str) -> Vec<String> {
    let Some(search) = window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    params
        .get_all(name)
        .iter()
        .filter_map(|value| value.as_string())
        .collect()
}

/// Sets a query parameter to `values` (repeated; none removes it), without a history entry.
pub fn replace_query_params(name: &str, values: &[&str]) {
    let Some(window) = window() else {
        return;
    };
    let Ok(url) = window
        .location()
        .href()
        .and_then(|href| web_sys::Url::new(&href))
    else {
        return;
    };
    let params = url.search_params();
    params.delete(name);
    for value in values {
        params.append(name, value);
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// Sets (or, for an empty value, removes) a query parameter without adding a history entry.
pub fn replace_query_param(name: &str, value: &str) {
    let Some(window) = window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    if value.is_empty() {
        params.delete(name);
    } else {
        params.set(name, value);
    }
    let new_url = url.href();
    if new_url != href {
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&new_url));
        }
    }
}

/// Is the keyboard focus in a place where typed characters are text (a field or editable)?
pub fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || element
            .dyn_ref::<HtmlElement>()
            .map(|h| h.is_content_editable())
            .unwrap_or(false)
}

/// Reads a value from localStorage; `None` when it is absent or storage is blocked.
pub fn stored(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Writes a value to localStorage; returns false (and changes nothing) when storage is blocked
/// or full, so a reader's choice still applies for this visit.
pub fn store(key: &str, value: &str) -> bool {
    let storage = window().and_then(|w| w.local_storage().ok().flatten());
    storage
        .map(|s| s.set_item(key, value).is_ok())
        .unwrap_or(false)
}

/// Dispatches the event `interview-viewer:{name}` from `target` for the host page
/// (docs/embedding.md): it bubbles, and is composed, so it leaves an embedded viewer's shadow
/// root; its `detail` is a plain object of `detail`'s fields. A host listener that throws is
/// reported by the browser and stops nothing here.
pub fn dispatch_host_event(target: &Element, name: &str, detail: &[(&str, wasm_bindgen::JsValue)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    let name = format!("interview-viewer:{name}");
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Indices of the answer panels under `root` that are open (have no `hidden` attribute).
pub fn open_panels(root: &Element) -> Vec<usize> {
    let Ok(panels) = root.query_selector_all(".iv-answer[data-question]") else {
        return Vec::new();
    };
    (0..panels.length())
        .filter_map(|i| panels.item(i)?.dyn_into::<Element>().ok())
        .filter(|panel| !panel.has_attribute("hidden"))
        .filter_map(|panel| panel.get_attribute("data-question")?.parse().ok())
        .collect()
}
