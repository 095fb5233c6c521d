//! The contents: a compact list of the questions to jump to, beside the text on wide screens and
//! behind a "Contents" toggle on narrow ones, marking the question in view.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::question::section_id;
use crate::ui::SharedInterview;

#[derive(Properties, PartialEq)]
pub struct ContentsProps {
    pub interview: SharedInterview,
    pub id_prefix: AttrValue,
    /// The question in view, if any.
    pub current: Option<usize>,
    /// While searching, only these questions are listed.
    pub only: Option<Rc<HashSet<usize>>>,
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
    let open = use_state_eq(|| false);
    let prefix = props.id_prefix.to_string();
    let list_id = format!("{prefix}contents-list");
    let heading_id = format!("{prefix}contents-heading");
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let items = props
        .interview
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            props
                .only
                .as_ref()
                .map(|only| only.contains(i))
                .unwrap_or(true)
        });
    let heading_tag = format!("h{}", props.heading_level.clamp(2, 6));
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
                    {"Contents"}
                    <span class="iv-chevron" aria-hidden="true"></span>
                </button>
                <span class="iv-contents-title">{"Contents"}</span>
            </@>
            <ol class={classes!("iv-contents-list", open.then_some("iv-open"))} id={list_id}>
                { for items.map(|(i, q)| {
                    let href = format!("#{}", section_id(&prefix, &q.id));
                    let current = props.current == Some(i);
                    let onclick = {
                        let (on_go, follow, open) = (props.on_go.clone(), props.follow_links, open.clone());
                        Callback::from(move |event: MouseEvent| {
                            if !follow {
                                event.prevent_default();
                            }
                            open.set(false);
                            on_go.emit(i);
                        })
                    };
                    html! {
                        <li>
                            <a
                                {href}
                                class={classes!("iv-contents-link", current.then_some("iv-current-item"))}
                                aria-current={current.then_some("true")}
                                {onclick}
                            >
                                <span class="iv-contents-number" aria-hidden="true">{ i + 1 }</span>
                                <span>{ q.text.clone() }</span>
                            </a>
                        </li>
                    }
                }) }
                if props.has_glossary {
                    <li class="iv-contents-extra">
                        <a href={format!("#{prefix}glossary")} class="iv-contents-link"
                           onclick={{
                               let follow = props.follow_links;
                               Callback::from(move |event: MouseEvent| if !follow { event.prevent_default() })
                           }}>
                            {"Glossary"}
                        </a>
                    </li>
                }
            </ol>
        </nav>
    }
}
