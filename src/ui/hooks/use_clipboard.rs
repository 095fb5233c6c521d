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

/// The outcome of the last copy, how many copies have ended (so that an effect can tell a second
/// copy from the first even when their outcomes are equal), and the callback that copies
/// `(which, text)`.
#[hook]
pub fn use_clipboard<K>() -> (Copy<K>, u32, Callback<(K, String)>)
where
    K: Clone + PartialEq + 'static,
{
    let outcome = use_state(|| (0u32, Copy::Idle));
    {
        let outcome = outcome.clone();
        use_effect_with((*outcome).clone(), move |(copies, current)| {
            let copies = *copies;
            let timer = matches!(current, Copy::Copied(_)).then(|| {
                gloo::timers::callback::Timeout::new(CONFIRMATION_MS, move || {
                    outcome.set((copies, Copy::Idle))
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
                        let copies = outcome.0 + 1;
                        match JsFuture::from(promise).await {
                            Ok(_) => outcome.set((copies, Copy::Copied(which))),
                            Err(_) => outcome.set((copies, Copy::Refused(which, text))),
                        }
                    });
                }
                None => outcome.set((outcome.0 + 1, Copy::Refused(which, text))),
            }
        })
    };
    let (copies, current) = (*outcome).clone();
    (current, copies, copy)
}
