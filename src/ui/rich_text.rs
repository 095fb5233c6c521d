//! Renders one field's text with its search highlights (`<mark>`), glossary acronyms and its own
//! styles (`<em>`, `<strong>`, `<a>`). Text always goes into the DOM as text nodes: markup in
//! the data can never become markup, and a link only ever points at a safe address.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::glossary::Glossary;
use crate::core::ids::{Ids, TipIds};
use crate::core::model::Styled;
use crate::core::spans::{spans, style_ranges, Mark, Span};
use crate::core::view::FieldMarks;
use crate::ui::toggletip::Toggletip;

/// The glossary shared by every field of a viewer; equality is identity.
#[derive(Clone, Debug)]
pub struct SharedGlossary {
    pub glossary: Rc<Glossary>,
    /// The viewer's id prefix: the glossary panel's entries describe the toggletips.
    pub id_prefix: AttrValue,
}

impl PartialEq for SharedGlossary {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.glossary, &other.glossary) && self.id_prefix == other.id_prefix
    }
}

/// `text` as Html: plain text nodes, `<mark>`s, and, given a glossary, a toggletip for each
/// acronym use, with ids from `tips` (unique in the document).
pub fn rich_text(
    text: &str,
    marks: Option<&FieldMarks>,
    glossary: Option<(&SharedGlossary, &TipIds)>,
) -> Html {
    styled_text(text, &[], marks, glossary)
}

/// [`rich_text`] for a text with styles (an answer's block): emphasis and links too. Inside a
/// link acronyms are plain text, since a control may not sit inside a link.
pub fn styled_text(
    text: &str,
    styles: &[Styled],
    marks: Option<&FieldMarks>,
    glossary: Option<(&SharedGlossary, &TipIds)>,
) -> Html {
    let empty = FieldMarks::default();
    let marks = marks.unwrap_or(&empty);
    let uses = glossary
        .map(|(g, _)| g.glossary.find_uses(text))
        .unwrap_or_default();
    let styled = style_ranges(text, styles);
    if marks.ranges.is_empty() && uses.is_empty() && styled.is_empty() {
        return html! { {text.to_string()} };
    }
    let all = spans(text, &marks.ranges, marks.current.as_ref(), &uses, &styled);
    let mut out: Vec<Html> = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let span = &all[i];
        if let Some(link) = span.link {
            let mut inner: Vec<Html> = Vec::new();
            let mut j = i;
            while j < all.len() && all[j].link == Some(link) {
                inner.push(piece(text, &all[j]));
                j += 1;
            }
            let href = styles
                .get(link)
                .and_then(|s| s.href.clone())
                .unwrap_or_default();
            out.push(html! { <a class="iv-link" href={href}>{ for inner }</a> });
            i = j;
            continue;
        }
        match (span.acronym_use, span.acronym, glossary) {
            (Some(use_index), Some(entry_index), Some((glossary, tips))) => {
                // Gather every span of this one acronym use into one control.
                let mut inner: Vec<Html> = Vec::new();
                let mut j = i;
                while j < all.len()
                    && all[j].acronym_use == Some(use_index)
                    && all[j].link.is_none()
                {
                    inner.push(piece(text, &all[j]));
                    j += 1;
                }
                if let Some(entry) = glossary.glossary.entries().get(entry_index) {
                    out.push(html! {
                        <Toggletip
                            id={tips.tip(use_index)}
                            expansion={AttrValue::from(entry.expansion.clone())}
                            description_id={Ids(&glossary.id_prefix).glossary_entry(entry_index)}
                        >
                            { for inner }
                        </Toggletip>
                    });
                } else {
                    out.extend(inner);
                }
                i = j;
            }
            _ => {
                out.push(piece(text, span));
                i += 1;
            }
        }
    }
    html! { <>{ for out }</> }
}

/// One span: its text, marked if the search found it, in `<em>`/`<strong>` if styled.
fn piece(text: &str, span: &Span) -> Html {
    let mut html = marked(&text[span.range.clone()], span.mark);
    if span.emphasis {
        html = html! { <em>{ html }</em> };
    }
    if span.strong {
        html = html! { <strong>{ html }</strong> };
    }
    html
}

fn marked(piece: &str, mark: Mark) -> Html {
    match mark {
        Mark::None => html! { {piece.to_string()} },
        Mark::Match => html! { <mark class="iv-match">{piece.to_string()}</mark> },
        Mark::Current => html! {
            <mark class="iv-match iv-current" data-current="true">{piece.to_string()}</mark>
        },
    }
}
