//! Which text format a file is in, from its name or content type when they are decisive, else
//! from its content. The rules, in order:
//!
//! 1. A name ending `.vtt` or the type `text/vtt`: WebVTT; `.srt` or `application/x-subrip`:
//!    SubRip.
//! 2. The first non-blank line starts with `WEBVTT`: WebVTT.
//! 3. The first block is a number, then a line with `-->`: SubRip.
//! 4. At least two lines start with "Q:" (or "Question:", …) and one with "A:": Q/A.
//! 5. A name ending `.md` or `.markdown`, the type `text/markdown`, or a line that is a heading
//!    below the title's level (`## …` to `###### …`): Markdown.
//! 6. At least half the lines that are not a `# Title` start with a speaker's name and a colon,
//!    with at least two different names and three such lines: a transcript.
//! 7. Anything else: the seed's plain format.
//!
//! Known ambiguities: a plain interview whose answers are mostly "Name: text" paragraphs without
//! bullet markers reads as a transcript (ask for `plain`); a transcript with one speaker reads as
//! plain (there is no one to answer); a Markdown file without `##` headings and without its name
//! or type reads as plain or as a transcript (ask for `markdown`); a plain text with a line
//! starting "## " reads as Markdown.

use super::lines::split_lines;
use super::turns::{turn_label, Speaker};
use super::TextFormat;

/// The detected format and why, in words for a report ("the first line is WEBVTT").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detection {
    pub format: TextFormat,
    pub because: String,
}

fn found(format: TextFormat, because: impl Into<String>) -> Detection {
    Detection {
        format,
        because: because.into(),
    }
}

/// Whether `line` (trimmed) is an ATX heading of level 2 to 6: `##`…`######`, then a space.
fn is_markdown_heading(line: &str) -> bool {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    (2..=6).contains(&level) && line[level..].starts_with([' ', '\t'])
}

/// Detects the format of `text`; `hints` are file names, addresses or content types.
pub fn detect(text: &str, hints: &[&str]) -> Detection {
    let mut markdown_hint: Option<String> = None;
    for hint in hints.iter().map(|h| h.trim().to_ascii_lowercase()) {
        let path = hint.split(['?', '#']).next().unwrap_or("");
        let essence = hint.split(';').next().unwrap_or("").trim();
        if path.ends_with(".vtt") || essence == "text/vtt" {
            return found(
                TextFormat::WebVtt,
                format!("it is named or typed as WebVTT ({hint})"),
            );
        }
        if path.ends_with(".srt") || essence == "application/x-subrip" || essence == "text/srt" {
            return found(
                TextFormat::Srt,
                format!("it is named or typed as SubRip ({hint})"),
            );
        }
        let markdown = path.ends_with(".md") || path.ends_with(".markdown");
        if markdown || essence == "text/markdown" {
            markdown_hint.get_or_insert(hint);
        }
    }
    let lines: Vec<&str> = split_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.first().is_some_and(|l| l.starts_with("WEBVTT")) {
        return found(TextFormat::WebVtt, "its first line is WEBVTT");
    }
    if lines
        .first()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
        && lines.get(1).is_some_and(|l| l.contains("-->"))
    {
        return found(
            TextFormat::Srt,
            "it starts with a numbered cue and its timing (SubRip)",
        );
    }
    let body: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with("# "))
        .collect();
    let (mut asks, mut answers, mut named) = (0, 0, 0);
    let mut names: Vec<String> = Vec::new();
    for line in &body {
        match turn_label(line).map(|(_, speaker, _)| speaker) {
            Some(Speaker::Asks) => asks += 1,
            Some(Speaker::Answers) => answers += 1,
            Some(Speaker::Named(name)) => {
                named += 1;
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            _ => {}
        }
    }
    if asks >= 2 && answers >= 1 {
        return found(
            TextFormat::QuestionAnswer,
            format!("{asks} lines start with \"Q:\" and {answers} with \"A:\""),
        );
    }
    if let Some(hint) = markdown_hint {
        return found(
            TextFormat::Markdown,
            format!("it is named or typed as Markdown ({hint})"),
        );
    }
    if let Some(heading) = lines.iter().find(|l| is_markdown_heading(l)) {
        return found(
            TextFormat::Markdown,
            format!("it has Markdown headings ({heading:?})"),
        );
    }
    if named >= 3 && names.len() >= 2 && named * 2 >= body.len() {
        return found(
            TextFormat::Transcript,
            format!(
                "{named} of its {} lines start with a speaker's name ({})",
                body.len(),
                names.join(", ")
            ),
        );
    }
    found(
        TextFormat::Plain,
        "no other format's markers (questions are lines ending in \"?\")",
    )
}
