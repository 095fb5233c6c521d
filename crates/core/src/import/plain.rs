//! The seed's format: plain-text Q&A as magazine interviews are pasted, one item per line
//! (blank lines are ignored; CRLF, CR and LF all end a line):
//!
//! - an optional title line `# Title` as the first non-blank line (an extension for converted
//!   interviews; the seed has none);
//! - introduction paragraphs, one per line, until the first question;
//! - a question: a line ending in a question mark of its script (`?`, `？`, `؟`, `;`, `⸮`;
//!   closing quotes or brackets may follow it);
//! - its answer: bullets (`- Label: text` or `- text`; `•`, `*` and `–` also mark a bullet; the
//!   label's colon may be full-width, `：`) and sub-headings (a line ending in a colon), until the
//!   next question.
//!
//! A line that fits no rule is kept as a paragraph and reported. The markup removed: bullet
//! markers, the colon after a label, a sub-heading's colon, the `# ` of the title line.

use super::lines::{is_question, split_lines, COLONS};
use super::{Draft, DraftQuestion, ImportOptions};
use crate::model::Block;

/// A label longer than this is more likely a sentence that happens to contain ": ".
const MAX_LABEL_CHARS: usize = 80;
const MAX_LABEL_WORDS: usize = 10;

/// Reads `text` (its BOM already gone) into `draft`.
pub(super) fn read(text: &str, options: &ImportOptions, draft: &mut Draft) {
    for (index, raw) in split_lines(text).enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if draft.opening_title(number, line, options) {
            continue;
        }
        read_line(draft, number, line);
    }
}

fn read_line(draft: &mut Draft, number: usize, line: &str) {
    let bullet = bullet_text(line);
    if bullet.is_none() && is_question(line) {
        draft.questions.push(DraftQuestion::new(number, line));
        return;
    }
    let Some(question) = draft.questions.last_mut() else {
        if bullet.is_some() {
            // Kept whole, marker included: as a paragraph the marker is part of what was written.
            draft.problem(
                number,
                "a bullet before the first question (kept as an introduction paragraph)",
            );
        }
        draft.intro.push(line.to_string());
        return;
    };
    if let Some(text) = bullet {
        question.answer.push(bullet_block(text));
    } else if let Some(heading) = subheading_text(line) {
        question.answer.push(Block::Subheading {
            text: heading.to_string(),
        });
    } else {
        question.answer.push(Block::paragraph(line));
        draft.problem(
            number,
            "a plain paragraph inside an answer (expected a \"- \" bullet)",
        );
    }
}

/// The text after a bullet marker, if the line is a bullet.
fn bullet_text(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let marker = chars.next()?;
    let gap = chars.next()?;
    if !matches!(marker, '-' | '•' | '*' | '–') || !matches!(gap, ' ' | '\t') {
        return None;
    }
    let text = chars.as_str().trim_start();
    (!text.is_empty()).then_some(text)
}

/// The text of a sub-heading line ("Examples of Counterspace Capabilities:"), without its colon.
fn subheading_text(line: &str) -> Option<&str> {
    let text = line.strip_suffix(COLONS)?.trim_end();
    (!text.is_empty()).then_some(text)
}

/// A bullet, with its label when the text starts with a short "Label: ".
fn bullet_block(text: &str) -> Block {
    if let Some((label, rest)) = split_label(text) {
        if is_label(label) && !rest.is_empty() {
            return Block::bullet(Some(label.to_string()), rest);
        }
    }
    Block::bullet(None, text)
}

/// "Label: text" split at its first colon that is followed by a space (an ASCII colon) or by
/// anything (a full-width colon, which CJK text follows without a space).
fn split_label(text: &str) -> Option<(&str, &str)> {
    let (at, colon) = text
        .char_indices()
        .find(|&(i, c)| c == '：' || (c == ':' && text[i + 1..].starts_with([' ', '\t'])))?;
    let label = text[..at].trim_end();
    let rest = text[at + colon.len_utf8()..].trim_start();
    Some((label, rest))
}

/// A label is short and not a sentence: in "Absolutely. The answer is: yes" the part before ": "
/// ends a sentence inside it, so that bullet has no label. A "." on the label's last word
/// ("Inc.") ends no sentence before the colon.
fn is_label(label: &str) -> bool {
    let ends_sentence_inside = label
        .split_whitespace()
        .rev()
        .skip(1)
        .any(|word| word.ends_with(['.', '?', '!']));
    !label.is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && !ends_sentence_inside
}
