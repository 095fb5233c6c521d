//! "Copy link" for one question: writes the page URL with the question's `#id` to the clipboard
//! and confirms it visibly and through a polite live region. Where the Clipboard API is missing
//! or refuses (no permission, insecure context), the link is shown selected in a field instead,
//! with the hint to copy it by hand — the reader is never left wondering whether it worked.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The element id the link points at.
    pub fragment: AttrValue,
    pub question_number: usize,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    /// Copying failed: show this URL for the reader to copy.
    Manual(String),
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
    let outcome = use_state_eq(|| Outcome::Idle);
    let field = use_node_ref();

    // The confirmation goes away by itself after a few seconds.
    {
        let outcome = outcome.clone();
        use_effect_with((*outcome).clone(), move |current| {
            let timer = (*current == Outcome::Copied).then(|| {
                gloo::timers::callback::Timeout::new(2500, move || outcome.set(Outcome::Idle))
            });
            move || drop(timer)
        });
    }
    // Select the manual-copy field as soon as it appears.
    {
        let field = field.clone();
        use_effect_with((*outcome).clone(), move |current| {
            if matches!(current, Outcome::Manual(_)) {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let onclick = {
        let outcome = outcome.clone();
        let fragment = props.fragment.to_string();
        Callback::from(move |_: MouseEvent| {
            let Some(url) = link_to(&fragment) else {
                return;
            };
            let outcome = outcome.clone();
            let clipboard = crate::ui::dom::window()
                .map(|w| w.navigator())
                .and_then(|n| {
                    let value = js_sys::Reflect::get(&n, &"clipboard".into()).ok()?;
                    (!value.is_undefined()).then(|| value.unchecked_into::<web_sys::Clipboard>())
                });
            match clipboard {
                Some(clipboard) => {
                    let promise = clipboard.write_text(&url);
                    wasm_bindgen_futures::spawn_local(async move {
                        match JsFuture::from(promise).await {
                            Ok(_) => outcome.set(Outcome::Copied),
                            Err(_) => outcome.set(Outcome::Manual(url)),
                        }
                    });
                }
                None => outcome.set(Outcome::Manual(url)),
            }
        })
    };

    let status = match &*outcome {
        Outcome::Idle => "",
        Outcome::Copied => messages.text(keys::LINK_COPIED),
        Outcome::Manual(_) => messages.text(keys::COPY_MANUALLY),
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
            if let Outcome::Manual(url) = &*outcome {
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
