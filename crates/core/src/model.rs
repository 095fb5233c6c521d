//! The interview model: plain serde types that every other part of the viewer reads. A leaf:
//! it imports nothing of the crate (reading a JSON document is `document`'s job).
//!
//! The JSON form of these types is the viewer's data format (see `docs/interview.schema.json`).
//! It carries [`FORMAT_VERSION`] so a future, incompatible format is refused with a clear message
//! instead of being misread.

use serde::{Deserialize, Serialize};

/// The version of the JSON data format this build writes. Version 2 added `lang`, a question's
/// `asker`, a paragraph's `speaker` and the `start_ms` of a turn; it reads version 1 as well
/// ([`READ_VERSIONS`]), whose documents are version-2 documents without those fields.
pub const FORMAT_VERSION: u32 = 2;

/// Every format version this build reads.
pub const READ_VERSIONS: [u32; 2] = [1, 2];

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
    /// The interview's language, a BCP 47 tag ("en", "ar", "fr-CA"); `None` when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub questions: Vec<Question>,
}

/// One question and its answer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// A stable slug of the question text, unique within the interview; used in URLs (`#id`).
    pub id: String,
    pub text: String,
    /// Who asks, when the source names the interviewer (a transcript's "MODERATOR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asker: Option<String>,
    /// When the question is asked, in milliseconds from the start of the recording (a timed
    /// transcript's cue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<u64>,
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
        /// Emphasis and links in `text` (a Markdown source's).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Styled>,
    },
    /// A heading inside an answer ("Examples of Counterspace Capabilities:"), kept without its colon.
    Subheading { text: String },
    /// A plain paragraph; in a transcript, one speaker's turn.
    Paragraph {
        text: String,
        /// Who says it, when the source names the speaker.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
        /// When the turn starts, in milliseconds from the start of the recording.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start_ms: Option<u64>,
        /// Emphasis and links in `text` (a Markdown source's).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        styles: Vec<Styled>,
    },
}

/// A run of a block's text set apart: emphasised, strongly emphasised or a link. `start` and
/// `end` count characters (Unicode scalar values) of the text, `end` excluded, so that a JSON
/// author counts what they see whatever the encoding. Runs may nest (a link inside emphasis).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Styled {
    pub start: usize,
    pub end: usize,
    pub style: Style,
    /// The link's address, for [`Style::Link`]: only `http:`, `https:` and `mailto:` addresses
    /// are ever followed ([`is_safe_href`]); another is shown as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

/// How a [`Styled`] run is set apart.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// `<em>`: Markdown's `*text*`.
    Emphasis,
    /// `<strong>`: Markdown's `**text**`.
    Strong,
    /// `<a href>`: Markdown's `[text](address)`.
    Link,
}

impl Style {
    /// Every style with its JSON name.
    pub const ALL: [(Style, &'static str); 3] = [
        (Style::Emphasis, "emphasis"),
        (Style::Strong, "strong"),
        (Style::Link, "link"),
    ];
}

/// Whether a link may point at `href`: an absolute `http:`, `https:` or `mailto:` address.
/// Anything else (`javascript:`, `data:`, a relative path that would resolve against the host
/// page) is not followed.
pub fn is_safe_href(href: &str) -> bool {
    let href = href.trim();
    ["http://", "https://", "mailto:"].iter().any(|scheme| {
        href.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            && href.len() > scheme.len()
    })
}

impl Block {
    /// The block's main text (for a bullet, the text after its label).
    pub fn text(&self) -> &str {
        match self {
            Block::Bullet { text, .. }
            | Block::Subheading { text }
            | Block::Paragraph { text, .. } => text,
        }
    }

    /// The bullet's label, if this is a labelled bullet.
    pub fn label(&self) -> Option<&str> {
        match self {
            Block::Bullet { label, .. } => label.as_deref(),
            _ => None,
        }
    }

    /// A paragraph without a speaker, a time or styles.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            text: text.into(),
            speaker: None,
            start_ms: None,
            styles: Vec::new(),
        }
    }

    /// A bullet without styles.
    pub fn bullet(label: Option<String>, text: impl Into<String>) -> Block {
        Block::Bullet {
            label,
            text: text.into(),
            styles: Vec::new(),
        }
    }

    /// The emphasis and links of the block's text.
    pub fn styles(&self) -> &[Styled] {
        match self {
            Block::Bullet { styles, .. } | Block::Paragraph { styles, .. } => styles,
            Block::Subheading { .. } => &[],
        }
    }

    /// Who says this block, if the source named a speaker.
    pub fn speaker(&self) -> Option<&str> {
        match self {
            Block::Paragraph { speaker, .. } => speaker.as_deref(),
            _ => None,
        }
    }
}

impl Interview {
    /// The JSON form, pretty-printed.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and vectors cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether the reader shows who speaks: when more than one voice answers (a panel, a
    /// transcript with several guests). With one voice the names would only repeat themselves.
    pub fn shows_speakers(&self) -> bool {
        let mut first: Option<&str> = None;
        for speaker in self
            .questions
            .iter()
            .flat_map(|q| q.answer.iter().filter_map(Block::speaker))
        {
            match first {
                None => first = Some(speaker),
                Some(known) if known != speaker => return true,
                Some(_) => {}
            }
        }
        false
    }

    /// Every piece of text a reader sees, in reading order (title first; a speaker's name before
    /// what they say).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.intro.iter().map(String::as_str))
            .chain(self.questions.iter().flat_map(|q| {
                q.asker
                    .as_deref()
                    .into_iter()
                    .chain(std::iter::once(q.text.as_str()))
                    .chain(q.answer.iter().flat_map(|b| {
                        b.speaker()
                            .into_iter()
                            .chain(b.label())
                            .chain(std::iter::once(b.text()))
                    }))
            }))
    }
}
