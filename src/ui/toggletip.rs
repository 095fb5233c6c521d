//! An acronym with its expansion as a toggletip (WCAG 1.4.13): it opens on hover, keyboard focus
//! or tap, stays open while the pointer is over it or its bubble, and closes with Escape from
//! anywhere. Screen readers get the expansion as the button's description, which points at the
//! glossary panel's entry.
//!
//! The acronym stands in the middle of a sentence, so the bubble holds no text of its own: the
//! stylesheet draws the expansion from its `data-expansion` attribute. The sentence's text (what
//! copy and paste, find-in-page and a screen reader's reading of the paragraph give) is then
//! exactly the interview's, with no expansion inside it.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToggletipProps {
    /// Unique in the document; the bubble's id is derived from it.
    pub id: AttrValue,
    pub expansion: AttrValue,
    /// The element whose text is the expansion (the glossary panel's entry).
    pub description_id: AttrValue,
    pub children: Html,
}

#[component]
pub fn Toggletip(props: &ToggletipProps) -> Html {
    let open = use_state_eq(|| false);
    let tip = use_node_ref();

    // Keep the bubble on screen: shift it left by however much it would overflow the right
    // edge (set through the CSSOM, which a strict CSP allows, unlike a style attribute).
    {
        let tip = tip.clone();
        use_effect_with(*open, move |&is_open| {
            if let Some(bubble) = tip.cast::<web_sys::HtmlElement>() {
                let style = bubble.style();
                let _ = style.set_property("--iv-tip-shift", "0px");
                if is_open {
                    let viewport = crate::ui::dom::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.document_element())
                        .map(|e| f64::from(e.client_width()))
                        .unwrap_or(0.0);
                    let rect = bubble.get_bounding_client_rect();
                    let margin = 8.0;
                    let overflow = rect.right() - (viewport - margin);
                    if viewport > 0.0 && overflow > 0.0 {
                        // Whole pixels: formatting an f64 would pull float printing into the wasm.
                        let shift = overflow.min(rect.left() - margin).max(0.0).ceil() as i32;
                        let _ = style.set_property("--iv-tip-shift", &format!("-{shift}px"));
                    }
                }
            }
        });
    }

    // Escape closes the bubble wherever the focus is, as 1.4.13 "dismissible" asks.
    {
        let open = open.clone();
        use_effect_with(*open, move |&is_open| {
            let listener = is_open.then(|| {
                let document = crate::ui::dom::window().and_then(|w| w.document());
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
                aria-describedby={props.description_id.clone()}
                onclick={onclick}
                onfocus={show.reform(|_: FocusEvent| ())}
                onblur={hide.reform(|_: FocusEvent| ())}
            >
                { props.children.clone() }
            </button>
            <span
                class="iv-tip"
                aria-hidden="true"
                data-expansion={props.expansion.clone()}
                hidden={!*open}
                ref={tip}
            ></span>
        </span>
    }
}
