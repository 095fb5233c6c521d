//! The contents: a compact list of the questions to jump to, beside the text on wide screens and
//! behind a "Contents" toggle on narrow ones, marking the question in view.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::use_messages;

use crate::core::ids::Ids;
use crate::core::view::heading_tag;
use crate::ui::SharedInterview;

#[derive(Properties, PartialEq)]
pub struct ContentsProps {
    pub interview: SharedInterview,
    pub id_prefix: AttrValue,
    /// The question in view, if any.
    pub current: Option<usize>,
    /// While a search is active, the matching questions it shows: the contents lists these
    /// instead of every question (whose list stays, hidden, so a search never rebuilds it).
    pub only: Option<Rc<Vec<usize>>>,
    pub has_glossary: bool,
    /// Called when the reader picks a question; the default link behaviour is kept only when
    /// the viewer owns the URL (`follow_links`).
    pub on_go: Callback<usize>,
    pub follow_links: bool,
    /// The questions' heading level; the contents heading uses the same.
    pub heading_level: u8,
}

#[component]
pub fn Contents(props: &ContentsProps) -> Html {
    let messages = use_messages();
    let open = use_state_eq(|| false);
    let ids = Ids(&props.id_prefix);
    let list_id = ids.contents_list();
    let heading_id = ids.contents_heading();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // One stable callback for every item, so an item re-renders only when its own props change.
    let on_pick = {
        let (open, on_go) = (open.clone(), props.on_go.clone());
        use_callback(on_go, move |i: usize, on_go| {
            open.set(false);
            on_go.emit(i);
        })
    };
    let heading_tag = heading_tag(props.heading_level);
    // Unkeyed: a key is a string made for every item on every render (8 ms of a keystroke at a
    // thousand questions, profiled); these lists never reorder, so items match by position.
    let item = |i: usize| {
        html! {
            <ContentsItem
                interview={props.interview.clone()}
                index={i}
                id_prefix={props.id_prefix.clone()}
                current={props.current == Some(i)}
                follow_link={props.follow_links}
                on_pick={on_pick.clone()}
            />
        }
    };
    html! {
        <nav class="iv-contents" aria-labelledby={heading_id.clone()}>
            <@{heading_tag} class="iv-contents-heading" id={heading_id}>
                <button
                    type="button"
                    class="iv-contents-toggle"
                    aria-expanded={if *open { "true" } else { "false" }}
                    aria-controls={list_id.clone()}
                    onclick={toggle}
                >
                    { messages.text(keys::CONTENTS).to_string() }
                    <span class="iv-chevron" aria-hidden="true"></span>
                </button>
                <span class="iv-contents-title">{ messages.text(keys::CONTENTS).to_string() }</span>
            </@>
            <div class={classes!("iv-contents-list", open.then_some("iv-open"))} id={list_id}>
                <ol class="iv-contents-items" hidden={props.only.is_some()}>
                    { for (0..props.interview.questions.len()).map(item) }
                </ol>
                if let Some(only) = &props.only {
                    <ol class="iv-contents-items">{ for only.iter().copied().map(item) }</ol>
                }
                if props.has_glossary {
                    <ul class="iv-contents-items iv-contents-extra">
                        <li>
                            <a href={format!("#{}", ids.glossary())} class="iv-contents-link"
                               onclick={{
                                   let follow = props.follow_links;
                                   Callback::from(move |event: MouseEvent| if !follow { event.prevent_default() })
                               }}>
                                { messages.text(keys::GLOSSARY).to_string() }
                            </a>
                        </li>
                    </ul>
                }
            </div>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct ContentsItemProps {
    interview: SharedInterview,
    index: usize,
    id_prefix: AttrValue,
    current: bool,
    follow_link: bool,
    on_pick: Callback<usize>,
}

#[component]
fn ContentsItem(props: &ContentsItemProps) -> Html {
    let Some(question) = props.interview.questions.get(props.index) else {
        return Html::default();
    };
    let i = props.index;
    let href = format!("#{}", Ids(&props.id_prefix).section(&question.id));
    let onclick = {
        let (on_pick, follow) = (props.on_pick.clone(), props.follow_link);
        Callback::from(move |event: MouseEvent| {
            if !follow {
                event.prevent_default();
            }
            on_pick.emit(i);
        })
    };
    let current = props.current;
    html! {
        <li>
            <a
                {href}
                class={classes!("iv-contents-link", current.then_some("iv-current-item"))}
                aria-current={current.then_some("true")}
                {onclick}
            >
                <span class="iv-contents-number" aria-hidden="true">{ i + 1 }</span>
                <span>{ question.text.clone() }</span>
            </a>
        </li>
    }
}
