//! Whether a new build of the page is ready to take over (static/sw-update.js found its service
//! worker installed and waiting), and the call that lets it: the boot module leaves a function
//! on `globalThis` under `Symbol.for("interview-viewer.update")` and announces it with the
//! window event `interview-viewer:update-ready` (and `interview-viewer:update-gone` when the new
//! build took over meanwhile, from another tab).

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::ui::dom;

/// The boot module's function that activates the waiting worker and reloads, if there is one.
fn update_function() -> Option<js_sys::Function> {
    let key = js_sys::Symbol::for_("interview-viewer.update");
    js_sys::Reflect::get(&js_sys::global(), &key)
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// Lets the waiting build take over; the page reloads once it has. Nothing when there is none.
pub fn apply_update() {
    if let Some(update) = update_function() {
        let _ = update.call0(&JsValue::UNDEFINED);
    }
}

/// When `enabled` (the viewer owns the page): whether a new build is ready, known at mount or
/// announced later.
#[hook]
pub fn use_update_ready(enabled: bool) -> bool {
    let ready = use_state_eq(|| false);
    {
        let ready = ready.clone();
        use_effect_with(enabled, move |enabled| {
            let listeners = enabled.then(dom::window).flatten().map(|window| {
                if update_function().is_some() {
                    ready.set(true);
                }
                let gone = ready.clone();
                [
                    EventListener::new(&window, "interview-viewer:update-ready", move |_| {
                        ready.set(true)
                    }),
                    EventListener::new(&window, "interview-viewer:update-gone", move |_| {
                        gone.set(false)
                    }),
                ]
            });
            move || drop(listeners)
        });
    }
    *ready
}
