//! The importer for the plain-text Q&A format that magazine interviews are pasted in.
//!
//! The format, one item per line (blank lines are ignored; CRLF, CR and LF all end a line):
//!
//! - an optional title line `# Title` as the first non-blank line (an extension for converted
//!   interviews; the seed has none);
//! - introduction paragraphs, one per line, until the first question;
//! - a question: a line ending in `?` (closing quotes or brackets may follow it);
//! - its answer: bullets (`- Label: text` or `- text`; `•`, `*` and `–` also mark a bullet) and
//!   sub-headings (a line ending in `:`), until the next question.
//!
//! Import never fails and never drops content: a line that fits no rule is kept as a paragraph
//! and reported as an [`ImportProblem`], so the reader still sees every word of the source. The
//! only characters removed are the markup itself (bullet markers, the `: ` after a label, a
//! sub-heading's colon, the `# ` of the title line), whitespace at either end of a line (so
//! indentation means nothing) and a leading BOM.

use crate::model::{Block, Interview, Question, FORMAT_VERSION};
use crate::text::{fold_latin, strip_bom};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// What the text itself does not say.
#[derive(Default, Clone, Debug)]
pub struct ImportOptions {
    /// The title; when `None`, the text's `# ` line gives it, else "Interview".
    pub title: Option<String>,
    /// Where the interview was published; when `None`, left empty.
    pub source: Option<String>,
}

/// A line the importer had to guess about. The content is kept; the problem says how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line number in the source text; 0 when the problem is about the whole (empty) text.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The imported interview and whatever did not fit the format.
#[derive(Clone, Debug)]
pub struct Imported {
    pub interview: Interview,
    pub problems: Vec<ImportProblem>,
}

/// The title used when neither the options nor the text give one.
const DEFAULT_TITLE: &str = "Interview";

/// Slugs are cut to this many bytes (all ASCII) so that URLs stay readable.
const MAX_SLUG_LEN: usize = 60;

/// A label longer than this is more likely a sentence that happens to contain ": ".
const MAX_LABEL_CHARS: usize = 80;
const MAX_LABEL_WORDS: usize = 10;

/// Imports an interview from the plain-text Q&A format (see the module docs).
pub fn import_text(text: &str, options: &ImportOptions) -> Imported {
    let text = strip_bom(text);
    let mut builder = Builder::default();
    let mut title_from_text = None;
    let mut seen_content = false;
    let mut last_content_line = 0;

    for (index, raw) in split_lines(text).enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        last_content_line = number;
        if !seen_content {
            seen_content = true;
            if let Some(title) = title_line(line) {
                if options.title.is_some() {
                    builder.problem(number, "the title line was replaced by the given title");
                } else {
                    title_from_text = Some(title.to_string());
                }
                continue;
            }
        }
        builder.line(number, line);
    }

    let Builder {
        intro,
        questions,
        mut problems,
    } = builder;
    for question in questions.iter().filter(|q| q.answer.is_empty()) {
        problems.push(ImportProblem {
            line: question.line,
            message: "a question with no answer".to_string(),
        });
    }
    if !seen_content {
        problems.push(ImportProblem {
            line: 0,
            message: "the text is empty".to_string(),
        });
    } else if questions.is_empty() {
        problems.push(ImportProblem {
            line: last_content_line,
            message: "no questions found (a question is a line ending in \"?\")".to_string(),
        });
    }
    problems.sort_by_key(|p| p.line);

    let mut ids = IdAllocator::default();
    let questions = questions
        .into_iter()
        .map(|q| Question {
            id: ids.allocate(slugify(&q.text)),
            text: q.text,
            answer: q.answer,
        })
        .collect();

    Imported {
        interview: Interview {
            format_version: FORMAT_VERSION,
            title: options
                .title
                .clone()
                .or(title_from_text)
                .unwrap_or_else(|| DEFAULT_TITLE.to_string()),
            source: options.source.clone().unwrap_or_default(),
            intro,
            questions,
        },
        problems,
    }
}

/// A question while its answer is being collected; `line` is kept to report a missing answer.
struct PendingQuestion {
    line: usize,
    text: String,
    answer: Vec<Block>,
}

/// Sorts trimmed, non-blank lines into the introduction and the questions.
#[derive(Default)]
struct Builder {
    intro: Vec<String>,
    questions: Vec<PendingQuestion>,
    problems: Vec<ImportProblem>,
}

impl Builder {
    fn problem(&mut self, line: usize, message: &str) {
        self.problems.push(ImportProblem {
            line,
            message: message.to_string(),
        });
    }

    fn line(&mut self, number: usize, line: &str) {
        let bullet = bullet_text(line);
        if bullet.is_none() && is_question(line) {
            self.questions.push(PendingQuestion {
                line: number,
                text: line.to_string(),
                answer: Vec::new(),
            });
            return;
        }
        let Some(question) = self.questions.last_mut() else {
            if bullet.is_some() {
                // Kept whole, marker included: as a paragraph the marker is part of what was written.
                self.problem(
                    number,
                    "a bullet before the first question (kept as an introduction paragraph)",
                );
            }
            self.intro.push(line.to_string());
            return;
        };
        if let Some(text) = bullet {
            question.answer.push(bullet_block(text));
        } else if let Some(heading) = subheading_text(line) {
            question.answer.push(Block::Subheading {
                text: heading.to_string(),
            });
        } else {
            question.answer.push(Block::Paragraph {
                text: line.to_string(),
            });
            self.problem(
                number,
                "a plain paragraph inside an answer (expected a \"- \" bullet)",
            );
        }
    }
}

/// Splits at CRLF, CR or LF, so that line numbers match what an editor shows for any of them.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let crlf = current
                    .get(end..)
                    .is_some_and(|after| after.starts_with("\r\n"));
                let break_len = if crlf { 2 } else { 1 };
                // The break characters are ASCII, so these byte offsets are char boundaries.
                rest = current.get(end + break_len..);
                current.get(..end)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// The title of a `# Title` line.
fn title_line(line: &str) -> Option<&str> {
    let title = line.strip_prefix("# ")?.trim_start();
    (!title.is_empty()).then_some(title)
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

/// A question ends in "?", possibly followed by closing quotes or brackets (`?”`, `?)`).
fn is_question(line: &str) -> bool {
    let closers: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
    line.trim_end_matches(closers).ends_with(['?', '？'])
}

/// The text of a sub-heading line ("Examples of Counterspace Capabilities:"), without its colon.
fn subheading_text(line: &str) -> Option<&str> {
    let text = line.strip_suffix(':')?.trim_end();
    (!text.is_empty()).then_some(text)
}

/// A bullet, with its label when the text starts with a short "Label: ".
fn bullet_block(text: &str) -> Block {
    if let Some((label, rest)) = text.split_once(": ") {
        let label = label.trim_end();
        let rest = rest.trim_start();
        if is_label(label) && !rest.is_empty() {
            return Block::Bullet {
                label: Some(label.to_string()),
                text: rest.to_string(),
            };
        }
    }
    Block::Bullet {
        label: None,
        text: text.to_string(),
    }
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

/// Makes a URL-friendly id from a question: lowercase ASCII words joined by "-", at most 60
/// bytes, cut at a word boundary where possible; "question" when nothing is left.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '’' | 'ʼ') || is_combining_mark(c) {
            // "China’s" → "chinas"; a decomposed accent folds into its letter.
            continue;
        }
        let mut utf8 = [0; 4];
        let letters: &str = if c.is_ascii_alphanumeric() {
            c.encode_utf8(&mut utf8)
        } else if let Some(folded) = fold_latin(c) {
            folded
        } else {
            pending_dash = true;
            continue;
        };
        if pending_dash && !slug.is_empty() {
            slug.push('-');
        }
        pending_dash = false;
        slug.push_str(letters);
    }
    if slug.len() > MAX_SLUG_LEN {
        let cut_at_word_end = slug.as_bytes().get(MAX_SLUG_LEN) == Some(&b'-');
        let end = if cut_at_word_end {
            MAX_SLUG_LEN
        } else {
            // The slug is ASCII, so every byte offset is a char boundary.
            slug.get(..MAX_SLUG_LEN)
                .and_then(|head| head.rfind('-'))
                .filter(|&dash| dash > 0)
                .unwrap_or(MAX_SLUG_LEN)
        };
        slug.truncate(end);
        let trimmed_len = slug.trim_end_matches('-').len();
        slug.truncate(trimmed_len);
    }
    if slug.is_empty() {
        slug.push_str("question");
    }
    slug
}

/// Makes ids unique within one interview by appending "-2", "-3", … to repeated slugs.
#[derive(Default)]
struct IdAllocator {
    used: HashSet<String>,
    /// The next suffix to try for each repeated slug, so that many equal questions stay linear.
    next_suffix: HashMap<String, usize>,
}

impl IdAllocator {
    fn allocate(&mut self, slug: String) -> String {
        if self.used.insert(slug.clone()) {
            return slug;
        }
        let mut n = self.next_suffix.get(&slug).copied().unwrap_or(2);
        let mut id = format!("{slug}-{n}");
        while self.used.contains(&id) {
            n += 1;
            id = format!("{slug}-{n}");
        }
        self.next_suffix.insert(slug, n + 1);
        self.used.insert(id.clone());
        id
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        let lines: Vec<&str> = split_lines("a\r\nb\rc\nd\n").collect();
        assert_eq!(lines, ["a", "b", "c", "d", ""]);
    }

    #[test]
    fn folds_to_ascii() {
        assert_eq!(slugify("Ünïcödé Straße Œuvre"), "unicode-strasse-oeuvre");
    }
}
