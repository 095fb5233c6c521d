//! "Copy link": writes the page's URL with a fragment to the clipboard — a question's `#id`, or a
//! quote link's (`core::quote`) — and confirms it visibly and through a polite live region. Where
//! the Clipboard API is missing or refuses (no permission, insecure context), the link is shown
//! selected in a field instead, with the hint to copy it by hand: the reader is never left
//! wondering whether it worked.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::dom;
use crate::ui::hooks::{use_clipboard, use_messages, Copy};

/// Which link: each has its own words, look and event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A question's: an icon and "Link", named "Copy link to question N".
    Question,
    /// A quoted passage's: "Copy link to quote"; the host page hears `quote-copied`.
    Quote,
}

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    pub kind: LinkKind,
    /// The fragment the link ends with (without `#`).
    pub fragment: AttrValue,
    pub question_number: usize,
    /// For `quote-copied`: the question's id and the quoted text.
    #[prop_or_default]
    pub question_id: AttrValue,
    #[prop_or_default]
    pub quote: AttrValue,
}

/// The page's address (the host page's, for an embedded viewer) with `fragment`.
fn link_to(fragment: &str) -> Option<String> {
    let href = dom::window()?.location().href().ok()?;
    let page = href.split('#').next().unwrap_or(&href);
    Some(format!("{page}#{fragment}"))
}

#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let messages = use_messages();
    let (outcome, copies, copy) = use_clipboard::<()>();
    let field = use_node_ref();
    let button = use_node_ref();
    let quote = props.kind == LinkKind::Quote;

    // Select the manual-copy field as soon as it appears; tell the host page of a copied quote.
    {
        let (field, button) = (field.clone(), button.clone());
        let detail = (
            props.question_id.clone(),
            props.question_number,
            props.quote.clone(),
        );
        use_effect_with(
            (copies, outcome.clone()),
            move |(_, current)| match current {
                Copy::Refused(..) => {
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
                Copy::Copied(_) if quote => {
                    if let Some(button) = button.cast::<web_sys::Element>() {
                        dom::dispatch_host_event(
                            &button,
                            "quote-copied",
                            &[
                                ("id", JsValue::from(detail.0.as_str())),
                                ("number", JsValue::from(detail.1 as u32)),
                                ("text", JsValue::from(detail.2.as_str())),
                            ],
                        );
                    }
                }
                _ => {}
            },
        );
    }

    let onclick = {
        let fragment = props.fragment.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = link_to(&fragment) {
                copy.emit(((), url));
            }
        })
    };
    // Pressing the quote's button must not clear the selection it quotes.
    let onmousedown = quote.then(|| Callback::from(|event: MouseEvent| event.prevent_default()));

    let status = match &outcome {
        Copy::Idle => "",
        Copy::Copied(_) if quote => messages.text(keys::QUOTE_LINK_COPIED),
        Copy::Copied(_) => messages.text(keys::LINK_COPIED),
        Copy::Refused(..) => messages.text(keys::COPY_MANUALLY),
    };
    let (label, content) = if quote {
        (
            None,
            html! { { messages.text(keys::COPY_QUOTE_LINK).to_string() } },
        )
    } else {
        (
            Some(messages.format(
                keys::COPY_LINK,
                &[("number", &props.question_number.to_string())],
            )),
            html! {
                <>
                    <span class="iv-copy-icon" aria-hidden="true"></span>
                    <span class="iv-copy-text" aria-hidden="true">{ messages.text(keys::LINK_SHORT).to_string() }</span>
                </>
            },
        )
    };
    let field_label = if quote {
        keys::QUOTE_LINK_FIELD
    } else {
        keys::LINK_FIELD
    };
    html! {
        <div class={if quote { "iv-copy iv-quote" } else { "iv-copy" }}>
            <button
                type="button"
                class="iv-copy-button"
                ref={button}
                aria-label={label}
                {onclick}
                {onmousedown}
            >
                { content }
            </button>
            <span class="iv-copy-status" role="status">{ status.to_string() }</span>
            if let Copy::Refused(_, url) = &outcome {
                <input
                    ref={field}
                    class="iv-copy-field"
                    type="text"
                    dir="ltr"
                    readonly=true
                    value={url.clone()}
                    aria-label={messages.text(field_label).to_string()}
                />
            }
        </div>
    }
}
