//! The search box with its result count and next/previous buttons. It only reports what the
//! reader typed or pressed; the viewer decides what that means.

use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::use_messages;

use crate::core::ids::Ids;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub id_prefix: AttrValue,
    pub query: AttrValue,
    /// "3 of 9 questions match · 2 of 7" — shown under the box.
    pub status: AttrValue,
    /// Whether the current search found nothing (shows the hint).
    pub no_matches: bool,
    /// Whether next/previous have anything to move between.
    pub has_matches: bool,
    pub input_ref: NodeRef,
    pub on_input: Callback<String>,
    pub on_clear: Callback<()>,
    pub on_next: Callback<()>,
    pub on_previous: Callback<()>,
}

#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let messages = use_messages();
    let ids = Ids(&props.id_prefix);
    let (input_id, status_id) = (ids.search_input(), ids.search_status());
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_input.emit(input.value());
            }
        })
    };
    let onkeydown = {
        let (on_clear, on_next, on_previous) = (
            props.on_clear.clone(),
            props.on_next.clone(),
            props.on_previous.clone(),
        );
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                if event.shift_key() {
                    on_previous.emit(());
                } else {
                    on_next.emit(());
                }
            }
            "Escape" => {
                event.prevent_default();
                on_clear.emit(());
            }
            _ => {}
        })
    };
    let searching = !props.query.trim().is_empty();
    html! {
        <div class="iv-search" role="search">
            <label class="iv-search-label" for={input_id.clone()}>{ messages.text(keys::SEARCH_LABEL).to_string() }</label>
            <div class="iv-search-row">
                <input
                    ref={props.input_ref.clone()}
                    id={input_id}
                    class="iv-search-input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder={messages.text(keys::SEARCH_PLACEHOLDER).to_string()}
                    aria-describedby={status_id.clone()}
                    aria-keyshortcuts="/"
                    value={props.query.clone()}
                    {oninput}
                    {onkeydown}
                />
                <button
                    type="button"
                    class="iv-search-step"
                    aria-label={messages.text(keys::SEARCH_PREVIOUS).to_string()}
                    title={messages.text(keys::SEARCH_PREVIOUS_HINT).to_string()}
                    disabled={!props.has_matches}
                    onclick={props.on_previous.reform(|_: MouseEvent| ())}
                >
                    <span class="iv-arrow-up" aria-hidden="true"></span>
                </button>
                <button
                    type="button"
                    class="iv-search-step"
                    aria-label={messages.text(keys::SEARCH_NEXT).to_string()}
                    title={messages.text(keys::SEARCH_NEXT_HINT).to_string()}
                    disabled={!props.has_matches}
                    onclick={props.on_next.reform(|_: MouseEvent| ())}
                >
                    <span class="iv-arrow-down" aria-hidden="true"></span>
                </button>
                if searching {
                    <button
                        type="button"
                        class="iv-search-clear"
                        onclick={props.on_clear.reform(|_: MouseEvent| ())}
                    >
                        { messages.text(keys::SEARCH_CLEAR).to_string() }
                    </button>
                }
            </div>
            <p class="iv-search-status" id={status_id}>
                { props.status.clone() }
                if props.no_matches {
                    <span class="iv-search-hint">
                        {" "}{ messages.text(keys::SEARCH_HINT).to_string() }
                    </span>
                }
            </p>
        </div>
    }
}
