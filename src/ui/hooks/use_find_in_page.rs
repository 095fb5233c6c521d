//! Find-in-page (Ctrl+F) reveals a collapsed answer (`hidden="until-found"`): the browser fires
//! `beforematch` on its panel, and the question opens so `aria-expanded` stays true to the DOM.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Listens for `beforematch` under `root` and sends the revealed panel's question to `open`.
#[hook]
pub fn use_find_in_page(root: NodeRef, open: Callback<usize>) {
    use_effect_with((), move |_| {
        let listener = root.cast::<web_sys::Element>().map(|element| {
            EventListener::new(&element, "beforematch", move |event| {
                let panel = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(q) = panel
                    .and_then(|p| p.get_attribute("data-question"))
                    .and_then(|q| q.parse::<usize>().ok())
                {
                    open.emit(q);
                }
            })
        });
        move || drop(listener)
    });
}
