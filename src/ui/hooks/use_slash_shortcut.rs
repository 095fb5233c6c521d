//! The "/" shortcut: it focuses the search box (and selects its text) unless the reader is
//! typing somewhere.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::dom;

/// When `enabled`, "/" anywhere in the document focuses `input`.
#[hook]
pub fn use_slash_shortcut(enabled: bool, input: NodeRef) {
    use_effect_with((), move |_| {
        let listener = enabled.then(dom::document).flatten().map(|document| {
            // Not passive: the "/" must not also be typed into the box.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if key.key() != "/" || key.ctrl_key() || key.meta_key() || key.alt_key() {
                    return;
                }
                if dom::is_typing_target(key.target()) {
                    return;
                }
                if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                    key.prevent_default();
                    let _ = input.focus();
                    input.select();
                }
            })
        });
        move || drop(listener)
    });
}
