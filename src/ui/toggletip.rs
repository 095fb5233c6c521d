//! An acronym with its expansion as a toggletip (WCAG 1.4.13): it opens on hover, keyboard focus
//! or tap, stays open while the pointer is over it or its bubble, and closes with Escape from
//! anywhere. Screen readers get the expansion as the button's description.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToggletipProps {
    /// Unique in the document; the bubble's id is derived from it.
    pub id: AttrValue,
    pub expansion: AttrValue,
    pub children: Html,
}

#[component]
pub fn Toggletip(props: &ToggletipProps) -> Html {
    let open = use_state_eq(|| false);
    let tip_id = format!("{}-tip", props.id);

    // Escape closes the bubble wherever the focus is, as 1.4.13 "dismissible" asks.
    {
        let open = open.clone();
        use_effect_with(*open, move |&is_open| {
            let listener = is_open.then(|| {
                let document = web_sys::window().and_then(|w| w.document());
                document.map(|d| {
                    EventListener::new(&d, "keydown", move |event| {
                        if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                            if key.key() == "Escape" {
                                open.set(false);
                            }
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }

    let show = {
        let open = open.clone();
        Callback::from(move |_: ()| open.set(true))
    };
    let hide = {
        let open = open.clone();
        Callback::from(move |_: ()| open.set(false))
    };
    // A tap fires mouseenter, focus and click in a row: a click that toggled would close the
    // bubble the tap just opened, so a click only ever opens it.
    let onclick = show.reform(|_: MouseEvent| ());

    html! {
        <span
            class="iv-term"
            onmouseenter={show.reform(|_: MouseEvent| ())}
            onmouseleave={hide.reform(|_: MouseEvent| ())}
        >
            <button
                type="button"
                class="iv-abbr"
                id={props.id.clone()}
                aria-expanded={if *open { "true" } else { "false" }}
                aria-describedby={tip_id.clone()}
                onclick={onclick}
                onfocus={show.reform(|_: FocusEvent| ())}
                onblur={hide.reform(|_: FocusEvent| ())}
            >
                { props.children.clone() }
            </button>
            <span class="iv-tip" role="tooltip" id={tip_id} hidden={!*open}>
                { props.expansion.clone() }
            </span>
        </span>
    }
}
