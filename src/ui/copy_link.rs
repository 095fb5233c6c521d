//! "Copy link" for one question: writes the page URL with the question's `#id` to the clipboard
//! and confirms it visibly and through a polite live region. Where the Clipboard API is missing
//! or refuses (no permission, insecure context), the link is shown selected in a field instead,
//! with the hint to copy it by hand — the reader is never left wondering whether it worked.

use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::{use_clipboard, use_messages, Copy};

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The element id the link points at.
    pub fragment: AttrValue,
    pub question_number: usize,
}

fn link_to(fragment: &str) -> Option<String> {
    let location = crate::ui::dom::window()?.location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or(&href).to_string();
    Some(format!("{base}#{fragment}"))
}

#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let messages = use_messages();
    let (outcome, copy) = use_clipboard::<()>();
    let field = use_node_ref();

    // Select the manual-copy field as soon as it appears.
    {
        let field = field.clone();
        use_effect_with(outcome.clone(), move |current| {
            if matches!(current, Copy::Refused(..)) {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let onclick = {
        let fragment = props.fragment.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = link_to(&fragment) {
                copy.emit(((), url));
            }
        })
    };

    let status = match &outcome {
        Copy::Idle => "",
        Copy::Copied(_) => messages.text(keys::LINK_COPIED),
        Copy::Refused(..) => messages.text(keys::COPY_MANUALLY),
    };
    html! {
        <div class="iv-copy">
            <button
                type="button"
                class="iv-copy-button"
                aria-label={messages.format(keys::COPY_LINK, &[("number", &props.question_number.to_string())])}
                {onclick}
            >
                <span class="iv-copy-icon" aria-hidden="true"></span>
                <span class="iv-copy-text" aria-hidden="true">{ messages.text(keys::LINK_SHORT).to_string() }</span>
            </button>
            <span class="iv-copy-status" role="status">{ status.to_string() }</span>
            if let Copy::Refused(_, url) = &outcome {
                <input
                    ref={field}
                    class="iv-copy-field"
                    type="text"
                    readonly=true
                    value={url.clone()}
                    aria-label={messages.text(keys::LINK_FIELD).to_string()}
                />
            }
        </div>
    }
}
