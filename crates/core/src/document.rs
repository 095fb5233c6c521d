//! Reading an interview document, the JSON format (`docs/interview.schema.json`): the byte
//! order mark, emptiness, the format version, then the shape and the question ids, each refused
//! with a message that says what and where. The one place that knows what a document must be.

use crate::json::{self, Json};
use crate::messages::{keys, Messages};
use crate::model::{Block, Interview, Question, Style, Styled, FORMAT_VERSION, READ_VERSIONS};
use crate::text::{is_blank, strip_bom};

/// Why a JSON document could not be read as an interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or JSON of the wrong shape; the message says where.
    Malformed(String),
    /// JSON of another format version than [`FORMAT_VERSION`].
    UnsupportedVersion(u64),
    /// The document is empty (or only whitespace).
    Empty,
}

impl LoadError {
    /// The error in the reader's language (a malformed document's detail stays in English: it
    /// names JSON paths and syntax for whoever fixes the file).
    pub fn message(&self, messages: &Messages) -> String {
        match self {
            LoadError::Malformed(why) => {
                messages.format(keys::ERROR_DATA_INVALID, &[("reason", why)])
            }
            LoadError::UnsupportedVersion(v) => messages.format(
                keys::ERROR_DATA_VERSION,
                &[
                    ("version", &v.to_string()),
                    ("latest", &FORMAT_VERSION.to_string()),
                ],
            ),
            LoadError::Empty => messages.text(keys::ERROR_DATA_EMPTY).to_string(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&Messages::english()))
    }
}

impl Interview {
    /// Reads an interview from its JSON form, checking the format version first so that a
    /// newer document is refused by version rather than by an obscure field error.
    pub fn from_json(json: &str) -> Result<Interview, LoadError> {
        if is_blank(json) {
            return Err(LoadError::Empty);
        }
        // Our own small reader rather than serde_json: it keeps ~19 KB of brotli out of the wasm
        // (see core::json).
        let document = json::parse(strip_bom(json)).map_err(LoadError::Malformed)?;
        if !matches!(document, Json::Object(_)) {
            return Err(LoadError::Malformed(
                "expected a JSON object ({ \"format_version\": 1, … })".to_string(),
            ));
        }
        let version = match document.get("format_version").and_then(Json::as_u64) {
            Some(v) => match READ_VERSIONS.iter().find(|&&known| u64::from(known) == v) {
                Some(&known) => known,
                None => return Err(LoadError::UnsupportedVersion(v)),
            },
            None => {
                return Err(LoadError::Malformed(
                    "missing \"format_version\" (a whole number)".to_string(),
                ))
            }
        };
        let interview = shape(&document, version).map_err(LoadError::Malformed)?;
        check_ids(&interview).map_err(LoadError::Malformed)?;
        Ok(interview)
    }
}

/// Every question id must be non-empty and unique: ids become element ids and URL fragments.
fn check_ids(interview: &Interview) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for (i, q) in interview.questions.iter().enumerate() {
        if q.id.trim().is_empty() {
            return Err(format!("question {} has an empty \"id\"", i + 1));
        }
        if !seen.insert(q.id.as_str()) {
            return Err(format!("question id \"{}\" is used twice", q.id));
        }
    }
    Ok(())
}

/// Reads the interview format from a parsed document, as the serde model would: `source` and
/// `intro` may be absent, `label` absent or null, unknown members are ignored. (It is a little
/// more lenient than serde_json on one point: a repeated key takes its last value instead of
/// being an error.) Every error names the path of the offending value.
pub fn interview_from(json: &Json) -> Result<Interview, String> {
    let format_version = match json.get("format_version") {
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| {
                format!(
                    "format_version: expected a whole number, found {}",
                    v.kind()
                )
            })?,
        None => return Err("missing field `format_version`".to_string()),
    };
    shape(json, format_version)
}

/// The interview's shape, once its format version is known.
fn shape(json: &Json, format_version: u32) -> Result<Interview, String> {
    let questions = array(json, "questions", "questions")?
        .iter()
        .enumerate()
        .map(|(i, q)| question_from(q, &format!("questions[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Interview {
        format_version,
        title: string(json, "title", "title")?,
        source: match json.get("source") {
            None => String::new(),
            Some(_) => string(json, "source", "source")?,
        },
        intro: match json.get("intro") {
            None => Vec::new(),
            Some(_) => array(json, "intro", "intro")?
                .iter()
                .enumerate()
                .map(|(i, p)| match p {
                    Json::String(s) => Ok(s.clone()),
                    other => Err(format!(
                        "intro[{i}]: expected a string, found {}",
                        other.kind()
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?,
        },
        lang: optional_string(json, "lang", "lang")?.filter(|lang| !lang.trim().is_empty()),
        questions,
    })
}

fn question_from(json: &Json, path: &str) -> Result<Question, String> {
    if !matches!(json, Json::Object(_)) {
        return Err(format!("{path}: expected an object, found {}", json.kind()));
    }
    let answer = array(json, "answer", &format!("{path}.answer"))?
        .iter()
        .enumerate()
        .map(|(i, b)| block_from(b, &format!("{path}.answer[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Question {
        id: string(json, "id", &format!("{path}.id"))?,
        text: string(json, "text", &format!("{path}.text"))?,
        asker: optional_string(json, "asker", &format!("{path}.asker"))?,
        start_ms: optional_u64(json, "start_ms", &format!("{path}.start_ms"))?,
        answer,
    })
}

fn block_from(json: &Json, path: &str) -> Result<Block, String> {
    if !matches!(json, Json::Object(_)) {
        return Err(format!("{path}: expected an object, found {}", json.kind()));
    }
    let kind = string(json, "kind", &format!("{path}.kind"))?;
    let text = string(json, "text", &format!("{path}.text"))?;
    match kind.as_str() {
        "bullet" => Ok(Block::Bullet {
            label: optional_string(json, "label", &format!("{path}.label"))?,
            styles: styles_from(json, &text, path)?,
            text,
        }),
        "subheading" => Ok(Block::Subheading { text }),
        "paragraph" => Ok(Block::Paragraph {
            speaker: optional_string(json, "speaker", &format!("{path}.speaker"))?,
            start_ms: optional_u64(json, "start_ms", &format!("{path}.start_ms"))?,
            styles: styles_from(json, &text, path)?,
            text,
        }),
        other => Err(format!(
            "{path}.kind: unknown kind {other:?} (expected \"bullet\", \"subheading\" or \"paragraph\")"
        )),
    }
}

/// A block's `styles`: each a run of characters of `text` inside it, of a known style, a link
/// with its `href`.
fn styles_from(json: &Json, text: &str, path: &str) -> Result<Vec<Styled>, String> {
    let Some(_) = json.get("styles") else {
        return Ok(Vec::new());
    };
    let chars = text.chars().count();
    array(json, "styles", &format!("{path}.styles"))?
        .iter()
        .enumerate()
        .map(|(i, styled)| {
            let path = format!("{path}.styles[{i}]");
            if !matches!(styled, Json::Object(_)) {
                return Err(format!("{path}: expected an object, found {}", styled.kind()));
            }
            let bound = |key: &str| {
                styled
                    .get(key)
                    .and_then(Json::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| format!("{path}.{key}: expected a character offset (a whole number)"))
            };
            let (start, end) = (bound("start")?, bound("end")?);
            if start >= end || end > chars {
                return Err(format!(
                    "{path}: characters {start} to {end} are not a run of the text's {chars} characters"
                ));
            }
            let name = string(styled, "style", &format!("{path}.style"))?;
            let Some(&(style, _)) = Style::ALL.iter().find(|(_, known)| *known == name) else {
                return Err(format!(
                    "{path}.style: unknown style {name:?} (expected \"emphasis\", \"strong\" or \"link\")"
                ));
            };
            let href = optional_string(styled, "href", &format!("{path}.href"))?;
            if style == Style::Link && href.is_none() {
                return Err(format!("missing field `{path}.href` (a link's address)"));
            }
            Ok(Styled {
                start,
                end,
                style,
                href,
            })
        })
        .collect()
}

fn string(json: &Json, key: &str, path: &str) -> Result<String, String> {
    match json.get(key) {
        Some(Json::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("{path}: expected a string, found {}", other.kind())),
        None => Err(format!("missing field `{path}`")),
    }
}

fn optional_string(json: &Json, key: &str, path: &str) -> Result<Option<String>, String> {
    match json.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{path}: expected a string, found {}", other.kind())),
    }
}

fn optional_u64(json: &Json, key: &str, path: &str) -> Result<Option<u64>, String> {
    match json.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(value) => value.as_u64().map(Some).ok_or_else(|| {
            format!(
                "{path}: expected a whole number of milliseconds, found {}",
                value.kind()
            )
        }),
    }
}

fn array<'a>(json: &'a Json, key: &str, path: &str) -> Result<&'a [Json], String> {
    match json.get(key) {
        Some(Json::Array(items)) => Ok(items),
        Some(other) => Err(format!("{path}: expected an array, found {}", other.kind())),
        None => Err(format!("missing field `{path}`")),
    }
}
