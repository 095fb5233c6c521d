//! What a viewer shows, derived from its state: the search's status line, the highlights grouped
//! by question, where the heading keys move the focus, and heading levels. Pure, so the rules
//! are tested natively; the Yew layer only renders what these return.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::messages::{keys, Messages};
use crate::search::FieldId;
use crate::state::ViewState;

/// Highlights of one field: all match ranges and, if the current match is in this field, which.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMarks {
    pub ranges: Vec<Range<usize>>,
    pub current: Option<Range<usize>>,
}

/// The highlights of one question's fields (or of the title and introduction).
pub type QuestionMarks = Rc<HashMap<FieldId, FieldMarks>>;

/// The search's highlights grouped by question: entry `q` holds question `q`'s, the last entry
/// (index `questions`) the title's and introduction's. Only the questions the search shows get
/// theirs (`ViewState::is_shown_result`). Questions without highlights share one empty map, so
/// they compare equal by pointer and their answers are not rebuilt.
pub fn group_marks(state: &ViewState, questions: usize) -> Vec<QuestionMarks> {
    let mut grouped: Vec<HashMap<FieldId, FieldMarks>> = Vec::new();
    grouped.resize_with(questions + 1, HashMap::new);
    let current = state.current_match;
    for (i, m) in state.results.matches.iter().enumerate() {
        let question = m.field.question();
        if question.is_some_and(|q| !state.is_shown_result(q)) {
            continue;
        }
        let slot = question.unwrap_or(questions).min(questions);
        let field = grouped[slot].entry(m.field).or_default();
        field.ranges.push(m.range.clone());
        if current == Some(i) {
            field.current = Some(m.range.clone());
        }
    }
    let empty = Rc::new(HashMap::new());
    grouped
        .into_iter()
        .map(|g| {
            if g.is_empty() {
                empty.clone()
            } else {
                Rc::new(g)
            }
        })
        .collect()
}

/// The visible summary of a search in the reader's language, e.g. "3 of 9 questions match ·
/// match 2 of 7, in question 3.", or "" when no search is active.
pub fn search_status(state: &ViewState, questions: usize, messages: &Messages) -> String {
    if !state.is_searching() {
        return String::new();
    }
    let results = &state.results;
    let matching = results.matching_questions.len();
    if matching == 0 && !results.intro_matches {
        return messages.text(keys::SEARCH_NONE).to_string();
    }
    let total = questions.to_string();
    // The noun agrees with the total where a language puts it after the total ("1 of 1
    // question"), the verb with the number that match.
    let noun = messages.plural(keys::SEARCH_QUESTIONS, questions as u64, &[]);
    let mut status = messages.plural(
        keys::SEARCH_STATUS,
        matching as u64,
        &[("total", &total), ("questions", &noun)],
    );
    if results.intro_matches {
        let key = if matching == 0 {
            keys::SEARCH_INTRO_ONLY
        } else {
            keys::SEARCH_AND_INTRO
        };
        status = messages.format(key, &[("status", &status)]);
    }
    if let Some(current) = state.current_match {
        // Where the current match is, so a reader who stepped through matches knows.
        let question = results
            .matches
            .get(current)
            .and_then(|m| m.field.question());
        let (current, count) = ((current + 1).to_string(), results.matches.len().to_string());
        let number = question.map(|q| (q + 1).to_string()).unwrap_or_default();
        let key = if question.is_some() {
            keys::SEARCH_POSITION
        } else {
            keys::SEARCH_POSITION_INTRO
        };
        status = messages.format(
            key,
            &[
                ("status", &status),
                ("current", &current),
                ("count", &count),
                ("question", &number),
            ],
        );
    }
    messages.format(keys::SEARCH_SENTENCE, &[("status", &status)])
}

/// Whether a search is active and found nothing at all (the "No matches" state with its hint).
pub fn finds_nothing(state: &ViewState) -> bool {
    state.is_searching()
        && state.results.matching_questions.is_empty()
        && !state.results.intro_matches
}

/// Whether question `question` is drawn open. While a search is active, a question it does not
/// show keeps its look from before the search (hidden by the list's filtering, not by itself),
/// so a keystroke re-renders only the questions it shows, not the thousand others.
pub fn drawn_open(state: &ViewState, question: usize) -> bool {
    match &state.open_before_search {
        Some(before) if !state.is_shown_result(question) => {
            before.get(question).copied().unwrap_or(false)
        }
        _ => state.is_open(question),
    }
}

/// The questions a reader can see, in order: the matching ones a search shows, else all.
pub fn visible_questions(state: &ViewState, questions: usize) -> Vec<usize> {
    if state.is_searching() {
        state.shown_results().to_vec()
    } else {
        (0..questions).collect()
    }
}

/// Keys that move between question headings (the accordion pattern's optional keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingKey {
    Previous,
    Next,
    First,
    Last,
}

/// The question whose heading `key` moves the focus to from question `from`, among the
/// `visible` ones; Up and Down wrap around at the ends. `None` when `from` is not visible.
pub fn heading_target(visible: &[usize], from: usize, key: HeadingKey) -> Option<usize> {
    let position = visible.iter().position(|&q| q == from)?;
    let last = visible.len().saturating_sub(1);
    let target = match key {
        HeadingKey::Previous if position == 0 => last,
        HeadingKey::Previous => position - 1,
        HeadingKey::Next if position >= last => 0,
        HeadingKey::Next => position + 1,
        HeadingKey::First => 0,
        HeadingKey::Last => last,
    };
    visible.get(target).copied()
}

/// A heading level a viewer can use: 2 to 6 (the title sits one level above the questions, so
/// 1 is not one); anything else is brought into that range.
pub fn heading_level(level: u8) -> u8 {
    level.clamp(2, 6)
}

/// The tag of a heading of `level`, brought into range: "h2" … "h6".
pub fn heading_tag(level: u8) -> String {
    format!("h{}", heading_level(level))
}

/// The tag of the title of a viewer whose questions are at `level`: one level above them
/// ("h1" … "h5").
pub fn title_tag(level: u8) -> String {
    format!("h{}", heading_level(level) - 1)
}

/// The page title while a page shows `title` alone (the standalone page, embed.html).
pub fn document_title(title: &str, messages: &Messages) -> String {
    messages.format(keys::DOCUMENT_TITLE, &[("title", title.trim())])
}

/// The page title while a page shows no interview (it could not be loaded, or was refused).
pub fn no_interview_title(messages: &Messages) -> String {
    messages.text(keys::DOCUMENT_NOT_SHOWN).to_string()
}

/// The page description while a page shows an interview titled `title`, published by `source`.
pub fn document_description(title: &str, source: &str, messages: &Messages) -> String {
    let (title, source) = (title.trim(), source.trim());
    if source.is_empty() {
        messages.format(keys::DOCUMENT_DESCRIPTION, &[("title", title)])
    } else {
        messages.format(
            keys::DOCUMENT_DESCRIPTION_SOURCE,
            &[("title", title), ("source", source)],
        )
    }
}
