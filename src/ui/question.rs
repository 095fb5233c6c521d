//! One question of the accordion (WAI-ARIA APG accordion pattern): a heading whose only child is
//! the toggle button (`aria-expanded`, `aria-controls`), the answer panel, and a "copy link"
//! control. Collapsed panels use `hidden="until-found"` so find-in-page still reaches them.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::core::ids::Ids;
use crate::core::quote;
use crate::core::search::FieldId;
use crate::core::view::{heading_tag, FieldMarks, HeadingKey};
use crate::ui::answer::Answer;
use crate::ui::copy_link::{CopyLink, LinkKind};
use crate::ui::rich_text::{rich_text, SharedGlossary};
use crate::ui::SharedInterview;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub interview: SharedInterview,
    pub glossary: SharedGlossary,
    pub index: usize,
    pub open: bool,
    /// Shown by the active search: while one is active, the list hides every question without
    /// this (one class on the list, so a keystroke does not re-render a thousand questions).
    pub found: bool,
    pub marks: Rc<HashMap<FieldId, FieldMarks>>,
    /// Prepended to every id, so several viewers on one page never share an id.
    pub id_prefix: AttrValue,
    /// The heading level of questions (2 = `<h2>`).
    pub heading_level: u8,
    /// Names of who asks and who answers are shown (`Interview::shows_speakers`).
    #[prop_or_default]
    pub show_speakers: bool,
    pub on_toggle: Callback<usize>,
    pub on_heading_key: Callback<(usize, HeadingKey)>,
    /// Only a viewer that follows `#question` fragments offers links to its questions: an
    /// embedded one's ids live in a shadow root that a fragment cannot reach.
    pub show_copy_link: bool,
    /// The passage a reader selected in this answer, offered as a quote link.
    #[prop_or_default]
    pub quote: Option<AttrValue>,
    /// The embedded viewer's name in quote links (`None`: the standalone page).
    #[prop_or_default]
    pub link_name: Option<AttrValue>,
}

/// The answer panel. Built by hand because `html!` only lets `hidden` be a boolean, and a
/// collapsed panel needs `hidden="until-found"` for find-in-page. `quote`: the quote link after
/// the answer's text.
fn answer_panel(id: String, index: usize, open: bool, content: Html, quote: Html) -> Html {
    let mut panel = VTag::new("div");
    panel.add_attribute("class", "iv-answer");
    panel.add_attribute("id", id);
    panel.add_attribute("data-question", index.to_string());
    if !open {
        panel.add_attribute("hidden", "until-found");
    }
    panel.add_child(content);
    panel.add_child(quote);
    panel.into()
}

#[component]
pub fn QuestionItem(props: &QuestionProps) -> Html {
    let Some(question) = props.interview.questions.get(props.index) else {
        return Html::default();
    };
    let index = props.index;
    let ids = Ids(&props.id_prefix);
    let section = ids.section(&question.id);
    let button_id = ids.button(&question.id);
    let panel_id = ids.panel(&question.id);

    let onclick = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(index))
    };
    let onkeydown = {
        let on_heading_key = props.on_heading_key.clone();
        Callback::from(move |event: KeyboardEvent| {
            let key = match event.key().as_str() {
                "ArrowUp" => HeadingKey::Previous,
                "ArrowDown" => HeadingKey::Next,
                "Home" => HeadingKey::First,
                "End" => HeadingKey::Last,
                _ => return,
            };
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            event.prevent_default();
            on_heading_key.emit((index, key));
        })
    };

    let heading_tag = heading_tag(props.heading_level);
    let question_text = rich_text(
        &question.text,
        props.marks.get(&FieldId::Question(index)),
        // No toggletips inside the toggle button: a button may not contain a button.
        None,
    );
    let panel = html! {
        <Answer
            interview={props.interview.clone()}
            glossary={props.glossary.clone()}
            index={index}
            marks={props.marks.clone()}
            id_prefix={props.id_prefix.clone()}
            subheading_level={props.heading_level.saturating_add(1).min(6)}
            show_speakers={props.show_speakers}
        />
    };
    let asker = question
        .asker
        .as_deref()
        .filter(|_| props.show_speakers)
        .map(|name| {
            let name = rich_text(name, props.marks.get(&FieldId::Asker(index)), None);
            html! { <><span class="iv-speaker">{name}{":"}</span>{" "}</> }
        });

    // An embedded viewer's quote links name the question by its id, after the viewer's name;
    // the standalone page's by its section id, as its "Link" buttons do.
    let quote_fragment = props
        .quote
        .as_ref()
        .filter(|_| props.open)
        .and_then(|text| {
            let id = if props.link_name.is_some() {
                &question.id
            } else {
                &section
            };
            quote::fragment(props.link_name.as_deref(), id, text).map(|f| (f, text.clone()))
        });
    let quote = match quote_fragment {
        Some((fragment, text)) => html! {
            <CopyLink
                kind={LinkKind::Quote}
                fragment={AttrValue::from(fragment)}
                question_number={index + 1}
                question_id={AttrValue::from(question.id.clone())}
                quote={text}
            />
        },
        None => Html::default(),
    };

    html! {
        <section
            class={classes!("iv-qa", props.open.then_some("iv-open"), props.found.then_some("iv-found"))}
            id={section.clone()}
        >
            <div class="iv-q-head">
                <@{heading_tag} class="iv-q-heading">
                    <button
                        type="button"
                        class="iv-q-button"
                        id={button_id.clone()}
                        aria-expanded={if props.open { "true" } else { "false" }}
                        aria-controls={panel_id.clone()}
                        {onclick}
                        {onkeydown}
                    >
                        <span class="iv-q-number" aria-hidden="true">{ index + 1 }</span>
                        <span class="iv-q-text">{ asker }{ question_text }</span>
                        <span class="iv-chevron" aria-hidden="true"></span>
                    </button>
                </@>
                if props.show_copy_link {
                    <CopyLink kind={LinkKind::Question} fragment={AttrValue::from(section.clone())} question_number={index + 1} />
                }
            </div>
            { answer_panel(panel_id, index, props.open, panel, quote) }
        </section>
    }
}
