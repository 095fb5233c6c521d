//! Turns a downloaded body into an interview: decides between our JSON format and the plain-text
//! format, enforces a size limit, and words every failure as a short message a reader can act on.
//!
//! Decision (documented in docs/embedding.md): a body is JSON when the server says so
//! (`application/json` or any `+json` type) or, whatever the server says, when its first
//! non-blank character is `{`. Everything else is plain text in the seed's format.

use crate::document::LoadError;
use crate::import::{detect, import_text, Detection, ImportOptions, ImportProblem, TextFormat};
use crate::messages::{keys, Messages};
use crate::model::Interview;
use crate::text::{is_blank, strip_bom};

/// Bodies larger than this are refused before parsing: an interview is tens of kilobytes, and a
/// runaway file must not freeze the host page.
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;

/// What a body turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyFormat {
    Json,
    PlainText,
}

/// A loaded interview, with the importer's remarks when it came from plain text.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub interview: Interview,
    pub format: BodyFormat,
    pub problems: Vec<ImportProblem>,
}

/// Why a body could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The body is larger than [`MAX_BODY_BYTES`].
    TooLarge(usize),
    /// JSON that is not an interview of our format (or of another version).
    Json(LoadError),
    /// Nothing, or only white space.
    Empty,
    /// Text in which nothing is a question (read in this format).
    NoQuestions(TextFormat),
    /// Text in a format this build does not import (without the `text-formats` feature).
    NeedsConversion(Detection),
}

impl LoadFailure {
    /// What went wrong, as one stable word for the host page's `failed` event
    /// (docs/embedding.md): `too-large`, `invalid-data`, `unsupported-version`, `empty`,
    /// `no-questions` or `needs-conversion`.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadFailure::TooLarge(_) => "too-large",
            LoadFailure::Json(LoadError::Malformed(_)) => "invalid-data",
            LoadFailure::Json(LoadError::UnsupportedVersion(_)) => "unsupported-version",
            LoadFailure::Json(LoadError::Empty) | LoadFailure::Empty => "empty",
            LoadFailure::NoQuestions(_) => "no-questions",
            LoadFailure::NeedsConversion(_) => "needs-conversion",
        }
    }

    /// What went wrong, in the reader's language (the technical detail of malformed JSON, a
    /// parser's message or the detector's reason, stays in English).
    pub fn message(&self, messages: &Messages) -> String {
        match self {
            LoadFailure::TooLarge(bytes) => {
                // Tenths of a megabyte in integers: float formatting would add kilobytes of wasm.
                let tenths = (bytes.saturating_mul(10) + 512 * 1024) / (1024 * 1024);
                let size = format!("{}.{}", tenths / 10, tenths % 10);
                let limit = (MAX_BODY_BYTES / (1024 * 1024)).to_string();
                messages.format(keys::ERROR_TOO_LARGE, &[("size", &size), ("limit", &limit)])
            }
            LoadFailure::Json(error) => error.message(messages),
            LoadFailure::Empty => messages.text(keys::ERROR_EMPTY).to_string(),
            LoadFailure::NoQuestions(TextFormat::Plain) => {
                messages.text(keys::ERROR_NO_QUESTIONS_PLAIN).to_string()
            }
            LoadFailure::NoQuestions(TextFormat::QuestionAnswer) => {
                messages.text(keys::ERROR_NO_QUESTIONS_QA).to_string()
            }
            LoadFailure::NoQuestions(TextFormat::Markdown) => {
                messages.text(keys::ERROR_NO_QUESTIONS_MARKDOWN).to_string()
            }
            LoadFailure::NoQuestions(format) => {
                messages.format(keys::ERROR_NO_QUESTIONS_TURNS, &[("format", format.name())])
            }
            LoadFailure::NeedsConversion(found) => {
                let format = messages.text(match found.format {
                    TextFormat::QuestionAnswer => keys::FORMAT_QA,
                    TextFormat::Transcript => keys::FORMAT_TRANSCRIPT,
                    TextFormat::WebVtt => keys::FORMAT_WEBVTT,
                    TextFormat::Srt => keys::FORMAT_SRT,
                    TextFormat::Markdown => keys::FORMAT_MARKDOWN,
                    TextFormat::Plain => keys::FORMAT_PLAIN,
                });
                messages.format(
                    keys::ERROR_NEEDS_CONVERSION,
                    &[("format", format), ("reason", &found.because)],
                )
            }
        }
    }
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&Messages::english()))
    }
}

/// Decides the body's format from its content type and first character.
pub fn sniff(body: &str, content_type: Option<&str>) -> BodyFormat {
    let declared_json = content_type
        .map(|t| {
            let essence = t
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            essence == "application/json" || essence.ends_with("+json")
        })
        .unwrap_or(false);
    let looks_json = strip_bom(body).trim_start().starts_with('{');
    if declared_json || looks_json {
        BodyFormat::Json
    } else {
        BodyFormat::PlainText
    }
}

/// Reads a body of either format. `address`, where it came from, and `content_type` help to
/// tell the text formats apart (`import::detect`).
pub fn load_body(
    body: &str,
    content_type: Option<&str>,
    address: Option<&str>,
) -> Result<Loaded, LoadFailure> {
    if body.len() > MAX_BODY_BYTES {
        return Err(LoadFailure::TooLarge(body.len()));
    }
    // The BOM is stripped by the reader of each format (once: a second U+FEFF is content).
    if is_blank(body) {
        return Err(LoadFailure::Empty);
    }
    match sniff(body, content_type) {
        BodyFormat::Json => Interview::from_json(body)
            .map(|interview| Loaded {
                interview,
                format: BodyFormat::Json,
                problems: Vec::new(),
            })
            .map_err(LoadFailure::Json),
        BodyFormat::PlainText => {
            let options = ImportOptions {
                hints: address
                    .into_iter()
                    .chain(content_type)
                    .map(str::to_string)
                    .collect(),
                ..ImportOptions::default()
            };
            if !cfg!(feature = "text-formats") {
                let hints: Vec<&str> = options.hints.iter().map(String::as_str).collect();
                let detection = detect(strip_bom(body), &hints);
                if detection.format != TextFormat::Plain {
                    return Err(LoadFailure::NeedsConversion(detection));
                }
            }
            let imported = import_text(body, &options);
            if imported.interview.questions.is_empty() {
                return Err(LoadFailure::NoQuestions(imported.format));
            }
            Ok(Loaded {
                interview: imported.interview,
                format: BodyFormat::PlainText,
                problems: imported.problems,
            })
        }
    }
}

/// Reads what the importers module (`interview-importers`, loaded by the viewer only for the
/// formats its wasm leaves out) returned: our JSON with the importer's problems in
/// `"import_problems"` (`[[line, "message"], …]`), which the format's readers ignore.
pub fn from_importers(json: &str) -> Result<Loaded, LoadFailure> {
    let interview = Interview::from_json(json).map_err(LoadFailure::Json)?;
    let problems = crate::json::parse(json)
        .ok()
        .and_then(|document| match document.get("import_problems") {
            Some(crate::json::Json::Array(items)) => Some(
                items
                    .iter()
                    .filter_map(|item| match item {
                        crate::json::Json::Array(pair) => match pair.as_slice() {
                            [line, crate::json::Json::String(message)] => Some(ImportProblem {
                                line: line
                                    .as_u64()
                                    .and_then(|l| usize::try_from(l).ok())
                                    .unwrap_or(0),
                                message: message.clone(),
                            }),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default();
    if interview.questions.is_empty() {
        let format = crate::json::parse(json)
            .ok()
            .and_then(|d| {
                d.get("import_format").and_then(|f| match f {
                    crate::json::Json::String(name) => TextFormat::from_name(name),
                    _ => None,
                })
            })
            .unwrap_or(TextFormat::Transcript);
        return Err(LoadFailure::NoQuestions(format));
    }
    Ok(Loaded {
        interview,
        format: BodyFormat::PlainText,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The viewer's build (without `text-formats`) refuses another format by name, and still
    /// reads the seed's plain format itself.
    #[cfg(not(feature = "text-formats"))]
    #[test]
    fn other_formats_need_the_importers_module() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Host>Why?\n";
        match load_body(vtt, None, Some("talk.vtt")) {
            Err(LoadFailure::NeedsConversion(found)) => {
                assert_eq!(found.format, TextFormat::WebVtt)
            }
            other => panic!("{other:?}"),
        }
        let plain = load_body("Why?\n- Because.\n", None, Some("talk.txt")).map(|l| l.problems);
        assert_eq!(plain, Ok(Vec::new()));
    }

    /// Renders the outcome as "json: 9 questions", "text: 1 questions, 2 problems" or the error.
    fn check(body: &str, content_type: Option<&str>, expected: &str) {
        let actual = match load_body(body, content_type, None) {
            Ok(loaded) => format!(
                "{}: {} questions{}",
                match loaded.format {
                    BodyFormat::Json => "json",
                    BodyFormat::PlainText => "text",
                },
                loaded.interview.questions.len(),
                if loaded.problems.is_empty() {
                    String::new()
                } else {
                    format!(", {} problems", loaded.problems.len())
                }
            ),
            Err(failure) => failure.to_string(),
        };
        assert_eq!(actual, expected);
    }

    fn seed_json() -> String {
        crate::seed::seed().interview.to_json()
    }

    #[test]
    fn json_by_content_or_type() {
        check(&seed_json(), None, "json: 9 questions");
        check(&seed_json(), Some("text/plain"), "json: 9 questions");
        check(
            &seed_json(),
            Some("application/json; charset=utf-8"),
            "json: 9 questions",
        );
        check(
            &format!("\u{feff}  {}", seed_json()),
            None,
            "json: 9 questions",
        );
    }

    #[test]
    fn a_byte_order_mark_is_stripped_once() {
        // The reader of each format strips the BOM; loading must not strip it first, or a
        // second U+FEFF (content) would be lost.
        let loaded = load_body("\u{feff}\u{feff}Intro\nWhy?\n- a", None, None).unwrap();
        assert_eq!(loaded.interview.intro, vec!["\u{feff}Intro".to_string()]);
        check("\u{feff}", None, "The interview file is empty.");
        check(
            &format!("\u{feff}{}", seed_json()),
            None,
            "json: 9 questions",
        );
    }

    #[test]
    fn plain_text_by_default() {
        check(crate::seed::SEED_TEXT, None, "text: 9 questions");
        check(
            "Intro\nWhy?\n- A: b\nstray\n",
            Some("text/plain"),
            "text: 1 questions, 1 problems",
        );
    }

    #[test]
    fn other_text_formats_load_or_ask_for_conversion() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Host>Why?\n\n00:02.000 --> 00:03.000\n<v Ana>Because.\n";
        if cfg!(feature = "text-formats") {
            check(vtt, None, "text: 1 questions");
        } else {
            // The viewer's build: it says what it found and what to do.
            check(vtt, None, "The file looks like WebVTT subtitles (its first line is WEBVTT). This viewer reads its own JSON and plain Q&A text: convert the file with iv-convert first (see docs/format.md).");
            check("Intro\nWhy?\n- a", Some("text/plain"), "text: 1 questions");
        }
    }

    #[test]
    fn failures_are_worded_for_readers() {
        check("", None, "The interview file is empty.");
        check(
            " \n\t ",
            Some("application/json"),
            "The interview file is empty.",
        );
        check("just some text", None, "The file has no questions: a question is a line ending in \"?\", followed by \"- \" bullets.");
        check(
            "{\"format_version\": 99}",
            None,
            "The interview data uses format version 99; this viewer reads versions 1 to 2.",
        );
        check(
            "{nope",
            None,
            "The interview data is not valid: expected a string key at line 1 column 2",
        );
        check(
            "[1,2]",
            Some("application/json"),
            "The interview data is not valid: expected a JSON object ({ \"format_version\": 1, … })",
        );
        check(
            "{\"title\": \"x\"}",
            None,
            "The interview data is not valid: missing \"format_version\" (a whole number)",
        );
        assert_eq!(
            LoadFailure::TooLarge(10 * 1024 * 1024 + 300 * 1024).to_string(),
            "The interview file is too large (10.3 MB; the limit is 5 MB)."
        );
        check(
            &"x".repeat(MAX_BODY_BYTES + 1),
            None,
            "The interview file is too large (5.0 MB; the limit is 5 MB).",
        );
        // Exactly the limit is read (and refused for what it is, not for its size).
        check(
            &"x".repeat(MAX_BODY_BYTES),
            None,
            "The file has no questions: a question is a line ending in \"?\", followed by \"- \" bullets.",
        );
    }
}
