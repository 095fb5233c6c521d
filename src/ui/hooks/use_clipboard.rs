//! Copying text to the clipboard, with an outcome to show: copied (which goes away after a few
//! seconds, as a toast would) or refused — the Clipboard API is missing (an insecure page, an old
//! browser) or said no — so the component can offer the text to copy by hand instead.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::ui::dom;

/// What became of the last copy of the text named `K`.
#[derive(Clone, Debug, PartialEq)]
pub enum Copy<K> {
    Idle,
    Copied(K),
    /// Not copied: the text, to be shown selected for the reader to copy.
    Refused(K, String),
}

/// How long "copied" stays said.
const CONFIRMATION_MS: u32 = 2500;

/// The outcome of the last copy, and the callback that copies `(which, text)`.
#[hook]
pub fn use_clipboard<K>() -> (Copy<K>, Callback<(K, String)>)
where
    K: Clone + PartialEq + 'static,
{
    let outcome = use_state_eq(|| Copy::Idle);
    {
        let outcome = outcome.clone();
        use_effect_with((*outcome).clone(), move |current| {
            let timer = matches!(current, Copy::Copied(_)).then(|| {
                gloo::timers::callback::Timeout::new(CONFIRMATION_MS, move || {
                    outcome.set(Copy::Idle)
                })
            });
            move || drop(timer)
        });
    }
    let copy = {
        let outcome = outcome.clone();
        Callback::from(move |(which, text): (K, String)| {
            let outcome = outcome.clone();
            // `navigator.clipboard` is missing outside secure contexts: read it, don't assume it.
            let clipboard = dom::window().and_then(|w| {
                let value = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok()?;
                (!value.is_undefined()).then(|| value.unchecked_into::<web_sys::Clipboard>())
            });
            match clipboard {
                Some(clipboard) => {
                    let promise = clipboard.write_text(&text);
                    wasm_bindgen_futures::spawn_local(async move {
                        match JsFuture::from(promise).await {
                            Ok(_) => outcome.set(Copy::Copied(which)),
                            Err(_) => outcome.set(Copy::Refused(which, text)),
                        }
                    });
                }
                None => outcome.set(Copy::Refused(which, text)),
            }
        })
    };
    ((*outcome).clone(), copy)
}
