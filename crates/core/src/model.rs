//! The interview model: plain serde types that every other part of the viewer reads.
//!
//! The JSON form of these types is the viewer's data format (see `docs/interview.schema.json`).
//! It carries [`FORMAT_VERSION`] so a future, incompatible format is refused with a clear message
//! instead of being misread.

use serde::{Deserialize, Serialize};

use crate::json;

/// The version of the JSON data format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One interview: a title, where it was published, an introduction and the questions.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Interview {
    /// Always [`FORMAT_VERSION`] for data this build writes.
    pub format_version: u32,
    pub title: String,
    /// Where the interview was published, e.g. "Apogee". May be empty.
    #[serde(default)]
    pub source: String,
    /// Introductory paragraphs shown before the questions.
    #[serde(default)]
    pub intro: Vec<String>,
    pub questions: Vec<Question>,
}

/// One question and its answer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// A stable slug of the question text, unique within the interview; used in URLs (`#id`).
    pub id: String,
    pub text: String,
    pub answer: Vec<Block>,
}

/// One piece of an answer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A bullet point, optionally with a short label set apart from its text
    /// ("Increased Integration: Absolutely. …").
    Bullet {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        text: String,
    },
    /// A heading inside an answer ("Examples of Counterspace Capabilities:"), kept without its colon.
    Subheading { text: String },
    /// A plain paragraph.
    Paragraph { text: String },
}

impl Block {
    /// The block's main text (for a bullet, the text after its label).
    pub fn text(&self) -> &str {
        match self {
            Block::Bullet { text, .. } | Block::Subheading { text } | Block::Paragraph { text } => {
                text
            }
        }
    }

    /// The bullet's label, if this is a labelled bullet.
    pub fn label(&self) -> Option<&str> {
        match self {
            Block::Bullet { label, .. } => label.as_deref(),
            _ => None,
        }
    }
}

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

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Malformed(why) => write!(f, "The interview data is not valid: {why}"),
            LoadError::UnsupportedVersion(v) => write!(
                f,
                "The interview data uses format version {v}; this viewer reads version {FORMAT_VERSION}."
            ),
            LoadError::Empty => f.write_str("The interview data is empty."),
        }
    }
}

impl Interview {
    /// Reads an interview from its JSON form, checking the format version first so that a
    /// newer document is refused by version rather than by an obscure field error.
    pub fn from_json(json: &str) -> Result<Interview, LoadError> {
        if json.trim().is_empty() {
            return Err(LoadError::Empty);
        }
        // Our own small reader rather than serde_json: it keeps ~19 KB of brotli out of the wasm
        // (see core::json). The version is checked before the shape, so a document of another
        // version is refused by version rather than by an obscure field error.
        let document = json::parse(crate::strip_bom(json)).map_err(LoadError::Malformed)?;
        if !matches!(document, json::Json::Object(_)) {
            return Err(LoadError::Malformed(
                "expected a JSON object ({ \"format_version\": 1, … })".to_string(),
            ));
        }
        match document.get("format_version").and_then(json::Json::as_u64) {
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            Some(v) => return Err(LoadError::UnsupportedVersion(v)),
            None => {
                return Err(LoadError::Malformed(
                    "missing \"format_version\" (a whole number)".to_string(),
                ))
            }
        }
        let interview = json::interview_from(&document).map_err(LoadError::Malformed)?;
        interview.check_ids().map_err(LoadError::Malformed)?;
        Ok(interview)
    }

    /// The JSON form, pretty-printed.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and vectors cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every question id must be non-empty and unique: ids become element ids and URL fragments.
    fn check_ids(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            if q.id.trim().is_empty() {
                return Err(format!("question {} has an empty \"id\"", i + 1));
            }
            if !seen.insert(q.id.as_str()) {
                return Err(format!("question id \"{}\" is used twice", q.id));
            }
        }
        Ok(())
    }

    /// Every piece of text a reader sees, in reading order (title first).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.intro.iter().map(String::as_str))
            .chain(self.questions.iter().flat_map(|q| {
                std::iter::once(q.text.as_str()).chain(
                    q.answer
                        .iter()
                        .flat_map(|b| b.label().into_iter().chain(std::iter::once(b.text()))),
                )
            }))
    }
}
