//! One answer's blocks: runs of bullets become one list (label set apart from its text),
//! sub-headings a heading one level below the question's, paragraphs paragraphs (each after its
//! speaker's name when the interview has several answering voices).
//!
//! The colons the importer takes as markup (after a label, ending a sub-heading) are written
//! back as text, so the reader's text (what a screen reader reads, what copy and paste gives)
//! is the source's: "Force multipliers: Our international partners…".
//!
//! A component of its own so that opening, closing or filtering a question (which re-renders the
//! question) does not rebuild its answer: with a thousand questions, that is what keeps a
//! keystroke within a frame.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::ids::Ids;
use crate::core::model::Block;
use crate::core::search::FieldId;
use crate::core::view::{heading_tag, FieldMarks};
use crate::ui::rich_text::{rich_text, styled_text, SharedGlossary};
use crate::ui::SharedInterview;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub interview: SharedInterview,
    pub glossary: SharedGlossary,
    pub index: usize,
    /// This question's highlights (shared and compared by value: usually the same empty map).
    pub marks: Rc<HashMap<FieldId, FieldMarks>>,
    pub id_prefix: AttrValue,
    pub subheading_level: u8,
    /// Who says each paragraph is shown (`Interview::shows_speakers`).
    #[prop_or_default]
    pub show_speakers: bool,
}

#[component]
pub fn Answer(props: &AnswerProps) -> Html {
    match props.interview.questions.get(props.index) {
        Some(question) => answer_blocks(
            props.index,
            &question.id,
            &question.answer,
            &props.marks,
            &props.glossary,
            Ids(&props.id_prefix),
            props.subheading_level,
            props.show_speakers,
        ),
        None => Html::default(),
    }
}

/// Renders the answer of question `question` (id `question_id`, blocks `blocks`).
fn answer_blocks(
    question: usize,
    question_id: &str,
    blocks: &[Block],
    marks: &HashMap<FieldId, FieldMarks>,
    glossary: &SharedGlossary,
    ids: Ids,
    subheading_level: u8,
    show_speakers: bool,
) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut bullets: Vec<Html> = Vec::new();
    let flush = |bullets: &mut Vec<Html>, out: &mut Vec<Html>| {
        if !bullets.is_empty() {
            let items = std::mem::take(bullets);
            out.push(html! { <ul class="iv-bullets">{ for items }</ul> });
        }
    };
    for (b, block) in blocks.iter().enumerate() {
        let tips = ids.answer_tips(question_id, question, b, false);
        let text = styled_text(
            block.text(),
            block.styles(),
            marks.get(&FieldId::Block(question, b)),
            Some((glossary, &tips)),
        );
        match block {
            Block::Bullet { label, .. } => {
                let label = label.as_deref().map(|l| {
                    let tips = ids.answer_tips(question_id, question, b, true);
                    let label_html = rich_text(
                        l,
                        marks.get(&FieldId::Label(question, b)),
                        Some((glossary, &tips)),
                    );
                    html! { <><strong class="iv-label">{label_html}{":"}</strong>{" "}</> }
                });
                bullets.push(html! { <li>{label}<span class="iv-text">{text}</span></li> });
            }
            Block::Subheading { .. } => {
                flush(&mut bullets, &mut out);
                let tag = heading_tag(subheading_level);
                out.push(html! { <@{tag} class="iv-subheading">{text}{":"}</@> });
            }
            Block::Paragraph { speaker, .. } => {
                flush(&mut bullets, &mut out);
                // The name as the source wrote it, with its colon, so copying gives the turn.
                let speaker = speaker.as_deref().filter(|_| show_speakers).map(|name| {
                    let name = rich_text(name, marks.get(&FieldId::Speaker(question, b)), None);
                    html! { <><strong class="iv-speaker">{name}{":"}</strong>{" "}</> }
                });
                out.push(html! { <p class="iv-paragraph">{speaker}{text}</p> });
            }
        }
    }
    flush(&mut bullets, &mut out);
    html! { <>{ for out }</> }
}
