//! Interviews written as labelled turns: "Q:" / "A:" lines (also "Question:" / "Answer:" and a
//! few other languages' words), and transcripts whose lines start with the speaker's name
//! ("MODERATOR: …", "**Quispe:** …"). The subtitle importer hands its cues here too, as turns.
//!
//! - A label is a name of at most four words before a colon (ASCII, then a space; or
//!   full-width), optionally in bold (`**Name:**`, `**Name**:`), whose first and last words do not
//!   start with a lowercase letter: in "He said: yes" the colon is inside a sentence.
//! - Lines without a label continue the current turn: a line right after it joins its paragraph
//!   (transcripts wrap), one after a blank line starts a new paragraph. Consecutive turns of one
//!   speaker join.
//! - "Q:" turns are questions and "A:" turns answers. With names, the interviewer is the speaker
//!   most of whose turns end in a question mark (on a tie, the first to speak): their turns are
//!   the questions (the name is the question's `asker`), everyone else's are answer paragraphs
//!   with their `speaker`.
//! - Before the first labelled line: a `# Title` line and introduction paragraphs. A turn before
//!   the first question is kept as an introduction paragraph, its label included, and reported.

use super::lines::{is_question, split_lines, COLONS};
use super::{Draft, DraftQuestion, ImportOptions};
use crate::model::Block;

/// Words that label a question or an answer rather than name a speaker (ASCII letters compared
/// in any case; a full Unicode lowercasing would put 4 KB of tables into the viewer's wasm).
const QUESTION_LABELS: [&str; 9] = [
    "q",
    "question",
    "frage",
    "pregunta",
    "domanda",
    "pergunta",
    "سؤال",
    "вопрос",
    "Вопрос",
];
const ANSWER_LABELS: [&str; 12] = [
    "a",
    "answer",
    "antwort",
    "respuesta",
    "réponse",
    "Réponse",
    "RÉPONSE",
    "risposta",
    "resposta",
    "جواب",
    "ответ",
    "Ответ",
];

/// A speaker's name has at most this many words.
const MAX_NAME_WORDS: usize = 4;
const MAX_NAME_CHARS: usize = 40;

/// What a turn's label says it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Speaker {
    /// "Q:" and its kind.
    Asks,
    /// "A:" and its kind.
    Answers,
    /// A name.
    Named(String),
    /// No label (subtitles without voices).
    Unknown,
}

/// One speaker's turn: paragraphs, where it starts in the source, and when (subtitles).
#[derive(Clone, Debug)]
pub(super) struct Turn {
    pub line: usize,
    pub speaker: Speaker,
    pub paragraphs: Vec<String>,
    pub start_ms: Option<u64>,
    /// The label as written, with its colon, for a turn that must be kept as plain text.
    pub label: Option<String>,
}

impl Turn {
    fn text(&self) -> String {
        self.paragraphs.join(" ")
    }
}

/// Reads `text` (its BOM already gone) into `draft`.
pub(super) fn read(text: &str, options: &ImportOptions, draft: &mut Draft) {
    let mut turns: Vec<Turn> = Vec::new();
    let mut blank_before = false;
    for (index, raw) in split_lines(text).enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if draft.opening_title(number, line, options) {
            continue;
        }
        match (turn_label(line), turns.last_mut()) {
            (Some((label, speaker, rest)), last) => {
                let same_speaker = matches!(&last, Some(turn) if turn.speaker == speaker && matches!(speaker, Speaker::Named(_)));
                match last {
                    Some(turn) if same_speaker => join(turn, rest, blank_before),
                    _ => turns.push(Turn {
                        line: number,
                        speaker,
                        paragraphs: vec![rest.to_string()],
                        start_ms: None,
                        label: Some(label.to_string()),
                    }),
                }
            }
            (None, Some(turn)) => join(turn, line, blank_before),
            (None, None) => draft.intro.push(line.to_string()),
        }
        blank_before = false;
    }
    assemble(turns, draft);
}

/// Adds `text` to `turn`: to its last paragraph, or as a new one after a blank line.
fn join(turn: &mut Turn, text: &str, new_paragraph: bool) {
    match turn.paragraphs.last_mut() {
        Some(last) if !new_paragraph && !last.is_empty() => {
            last.push(' ');
            last.push_str(text);
        }
        Some(last) if last.is_empty() => last.push_str(text),
        _ => turn.paragraphs.push(text.to_string()),
    }
}

/// The label of a labelled line: `(label as written, what it says, the text after it)`.
pub(super) fn turn_label(line: &str) -> Option<(&str, Speaker, &str)> {
    // "**Name:** text" and "**Name**: text": the bold is markup.
    let (bold, body) = match line.strip_prefix("**").or_else(|| line.strip_prefix("__")) {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let (at, colon) = body.char_indices().find(|&(i, c)| {
        c == '：'
            || (c == ':' && body[i + 1..].starts_with([' ', '\t', '*', '_'])
                || (c == ':' && i + 1 == body.len()))
    })?;
    let mut name = body[..at].trim();
    let mut rest = &body[at + colon.len_utf8()..];
    if bold {
        // The closing ** sits before the colon or after it.
        if let Some(inner) = name.strip_suffix("**").or_else(|| name.strip_suffix("__")) {
            name = inner.trim_end();
        } else {
            rest = rest
                .trim_start()
                .strip_prefix("**")
                .or_else(|| rest.trim_start().strip_prefix("__"))?;
        }
    }
    let rest = rest.trim();
    if !is_name(name) {
        return None;
    }
    let label_end = line.len() - rest.len();
    let label = line[..label_end].trim_end();
    let is = |labels: &[&str]| labels.iter().any(|label| label.eq_ignore_ascii_case(name));
    let speaker = if is(&QUESTION_LABELS) {
        Speaker::Asks
    } else if is(&ANSWER_LABELS) {
        Speaker::Answers
    } else {
        Speaker::Named(name.to_string())
    };
    Some((label, speaker, rest))
}

/// A name: one to four words, no sentence punctuation (but "Dr." and initials), not a number,
/// its first and last words not starting lowercase ("Maria de la Cruz" yes, "He said" no).
fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let starts_lower = |word: &&str| word.chars().next().is_some_and(is_lowercase_letter);
    !words.is_empty()
        && words.len() <= MAX_NAME_WORDS
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.contains(['?', '!', ',', ';', '"', '“', '(', ')', '[', ']', '/'])
        && words
            .iter()
            .all(|word| !word.contains('.') || is_abbreviation(word))
        && !name.contains(COLONS)
        && name.chars().next().is_some_and(is_letter)
        && !words.first().is_some_and(starts_lower)
        && !words.last().is_some_and(starts_lower)
}

/// A letter of any script (not a digit): the alphanumeric table is in the wasm already, the
/// alphabetic one would be more.
fn is_letter(c: char) -> bool {
    c.is_alphanumeric() && !c.is_ascii_digit()
}

/// A lowercase letter of the Latin, Greek or Cyrillic alphabets (scripts without case have
/// none). Ranges rather than `char::is_lowercase`, whose table the wasm would otherwise carry.
fn is_lowercase_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'ß'..='ÿ' | 'α'..='ω' | 'а'..='я' | 'ѐ'..='џ') && c != '÷'
}

/// "Dr.", "Mr.", "J.": a title or an initial, the only words of a name with a full stop (a
/// longer word ending in one ends a sentence: "Note. Then: …" is no name).
fn is_abbreviation(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|letters| {
        (1..=3).contains(&letters.chars().count()) && letters.chars().all(is_letter)
    })
}

/// Turns into questions and answers (see the module docs).
pub(super) fn assemble(turns: Vec<Turn>, draft: &mut Draft) {
    let interviewer = interviewer(&turns);
    if let (Some(name), false) = (&interviewer, turns.iter().any(ends_in_question)) {
        if let Some(first) = turns.first() {
            let message = format!(
                "no speaker asks a question: taking {name}, who speaks first, as the interviewer"
            );
            draft.problem(first.line, &message);
        }
    }
    for turn in turns {
        let asks = match &turn.speaker {
            Speaker::Asks => true,
            Speaker::Answers => false,
            Speaker::Named(name) => interviewer.as_deref() == Some(name.as_str()),
            Speaker::Unknown => is_question(&turn.text()),
        };
        if asks {
            let mut question = DraftQuestion::new(turn.line, turn.text());
            if let Speaker::Named(name) = &turn.speaker {
                question.asker = Some(name.clone());
            }
            question.start_ms = turn.start_ms;
            draft.questions.push(question);
            continue;
        }
        let Some(question) = draft.questions.last_mut() else {
            let label = turn
                .label
                .as_deref()
                .map(|l| format!("{l} "))
                .unwrap_or_default();
            draft.intro.push(format!("{label}{}", turn.text()));
            draft.problem(
                turn.line,
                "an answer before the first question (kept as an introduction paragraph)",
            );
            continue;
        };
        let speaker = match turn.speaker {
            Speaker::Named(name) => Some(name),
            _ => None,
        };
        for (i, paragraph) in turn.paragraphs.into_iter().enumerate() {
            question.answer.push(Block::Paragraph {
                text: paragraph,
                speaker: speaker.clone(),
                start_ms: if i == 0 { turn.start_ms } else { None },
                styles: Vec::new(),
            });
        }
    }
}

fn ends_in_question(turn: &Turn) -> bool {
    is_question(&turn.text())
}

/// The named speaker most of whose turns end in a question mark (the first to speak on a tie,
/// or when nobody asks); `None` when no turn has a name.
fn interviewer(turns: &[Turn]) -> Option<String> {
    let mut speakers: Vec<(&str, usize, usize)> = Vec::new(); // name, questions, turns
    for turn in turns {
        let Speaker::Named(name) = &turn.speaker else {
            continue;
        };
        let asks = usize::from(ends_in_question(turn));
        match speakers.iter_mut().find(|(known, ..)| known == name) {
            Some(entry) => {
                entry.1 += asks;
                entry.2 += 1;
            }
            None => speakers.push((name, asks, 1)),
        }
    }
    // By share of questions among their turns, then by count; the first to speak wins a tie.
    let mut best: Option<(&str, usize, usize)> = None;
    for &(name, asks, count) in &speakers {
        let better = match best {
            None => true,
            Some((_, best_asks, best_count)) => {
                asks * best_count > best_asks * count
                    || (asks * best_count == best_asks * count && asks > best_asks)
            }
        };
        if better {
            best = Some((name, asks, count));
        }
    }
    best.map(|(name, ..)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_short_names_before_a_colon() {
        let cases: &[(&str, Option<(&str, Speaker, &str)>)] = &[
            ("Q: Why?", Some(("Q:", Speaker::Asks, "Why?"))),
            (
                "Answer: Because.",
                Some(("Answer:", Speaker::Answers, "Because.")),
            ),
            (
                "MODERATOR: Welcome.",
                Some(("MODERATOR:", Speaker::Named("MODERATOR".into()), "Welcome.")),
            ),
            (
                "**Ana Quispe:** Yes.",
                Some((
                    "**Ana Quispe:**",
                    Speaker::Named("Ana Quispe".into()),
                    "Yes.",
                )),
            ),
            (
                "**Ana Quispe**: Yes.",
                Some((
                    "**Ana Quispe**:",
                    Speaker::Named("Ana Quispe".into()),
                    "Yes.",
                )),
            ),
            (
                "Maria de la Cruz: Hola.",
                Some((
                    "Maria de la Cruz:",
                    Speaker::Named("Maria de la Cruz".into()),
                    "Hola.",
                )),
            ),
            ("سؤال: لماذا؟", Some(("سؤال:", Speaker::Asks, "لماذا؟"))),
            (
                "司会者：ようこそ。",
                Some(("司会者：", Speaker::Named("司会者".into()), "ようこそ。")),
            ),
            ("He said: yes", None),
            // Lowercase beyond ASCII too (Latin, Greek, Cyrillic); a capital starts a name.
            ("él dijo: nada", None),
            ("είπε: ναι", None),
            ("сказал: да", None),
            (
                "Élodie: Oui.",
                Some(("Élodie:", Speaker::Named("Élodie".into()), "Oui.")),
            ),
            ("The five people in the room agreed: yes", None),
            ("At 10:30 we met", None),
            ("Note. Then: this", None),
            (
                "Dr. J. Rao: Yes.",
                Some(("Dr. J. Rao:", Speaker::Named("Dr. J. Rao".into()), "Yes.")),
            ),
            ("https://example.org", None),
        ];
        for (line, expected) in cases {
            assert_eq!(&turn_label(line), expected, "{line}");
        }
    }
}
