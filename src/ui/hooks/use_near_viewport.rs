//! Calls back when an element comes within a viewport's height below the visible part of the
//! page: the "show more results" button loads the next page before the reader reaches it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How far below the viewport the element counts as near: one viewport's height.
const NEAR: &str = "0px 0px 100% 0px";

/// After each render that changes `key` (and while `key` is `Some`), calls `on_near` once if
/// `node` is near the viewport, at once or when scrolling brings it near; but not while the focus
/// is inside `node`: a keyboard reader who moved to the button (which scrolls it into view) has
/// it in hand, and showing more by itself would move it from under them. The browser's
/// `IntersectionObserver` reports after the frame is painted, so the call never lengthens the
/// frame that showed the element.
#[hook]
pub fn use_near_viewport<K>(node: NodeRef, key: Option<K>, on_near: Callback<()>)
where
    K: PartialEq + Clone + 'static,
{
    use_effect_with(key, move |key| {
        let observer = key.as_ref().and_then(|_| observe(&node, on_near));
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

type Observed = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
);

fn observe(node: &NodeRef, on_near: Callback<()>) -> Option<Observed> {
    let element = node.cast::<web_sys::Element>()?;
    let watched = element.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            // `:focus-within` also sees a focus inside the embedding's shadow root.
            let in_hand = watched.matches(":focus-within").unwrap_or(false);
            if near && !in_hand {
                // Once per key: the render that follows makes a new observer.
                observer.disconnect();
                on_near.emit(());
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(NEAR);
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(&element);
    Some((observer, callback))
}
