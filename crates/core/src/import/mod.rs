//! Importers for the text formats interviews come in: the seed's plain Q&A lines (`plain`),
//! "Q:"/"A:" and speaker-labelled transcripts (`turns`), WebVTT and SRT subtitles
//! (`subtitles`) and Markdown (`markdown`). [`detect`] decides the format from the content (and a file name or content
//! type when there is one); [`import_text`] imports with the detected format or the one asked
//! for.
//!
//! Every importer keeps the same promises: it never fails and never drops content. A line that
//! fits no rule is kept (as a paragraph) and reported as an [`ImportProblem`] with its line
//! number. The only characters removed are markup (bullet markers, a label's colon, a speaker's
//! name when it moves into the model's `speaker` or `asker`, cue timings, voice tags, Markdown's
//! marks), white space at either end of a line and a leading BOM.

mod detect;
mod lines;
#[cfg(feature = "text-formats")]
mod markdown;
mod plain;
mod slug;
#[cfg(feature = "text-formats")]
mod subtitles;
// Without the feature only the labels' rules (for `detect`) are used.
#[cfg_attr(not(feature = "text-formats"), allow(dead_code))]
mod turns;

pub use detect::{detect, Detection};
pub use slug::slugify;

use crate::model::{Block, Interview, Question, FORMAT_VERSION};
use crate::text::strip_bom;
use std::fmt;

/// The text formats [`import_text`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// The seed's: a question is a line ending in a question mark, its answer "- " bullets.
    Plain,
    /// Lines labelled "Q:" / "A:" (or "Question:" / "Answer:").
    QuestionAnswer,
    /// Lines labelled with the speaker's name ("MODERATOR: …"); the interviewer is the speaker
    /// who asks.
    Transcript,
    /// WebVTT subtitles (`WEBVTT`, cues with timings, `<v Name>` voice tags).
    WebVtt,
    /// SubRip subtitles (numbered cues with timings).
    Srt,
    /// Markdown (CommonMark): `## Question?` headings, paragraphs and lists, emphasis, links.
    Markdown,
}

impl TextFormat {
    /// Every format, with the name `iv-convert --format` takes.
    pub const ALL: [(TextFormat, &'static str); 6] = [
        (TextFormat::Plain, "plain"),
        (TextFormat::QuestionAnswer, "qa"),
        (TextFormat::Transcript, "transcript"),
        (TextFormat::WebVtt, "webvtt"),
        (TextFormat::Srt, "srt"),
        (TextFormat::Markdown, "markdown"),
    ];

    /// The format named `name` (see [`TextFormat::ALL`]).
    pub fn from_name(name: &str) -> Option<TextFormat> {
        let name = name.trim().to_ascii_lowercase();
        TextFormat::ALL
            .iter()
            .find(|(_, known)| *known == name)
            .map(|(format, _)| *format)
    }

    pub fn name(self) -> &'static str {
        TextFormat::ALL
            .iter()
            .find(|(format, _)| *format == self)
            .map_or("plain", |(_, name)| name)
    }
}

/// What the text itself does not say.
#[derive(Default, Clone, Debug)]
pub struct ImportOptions {
    /// The title; when `None`, the text's `# ` line gives it, else "Interview".
    pub title: Option<String>,
    /// Where the interview was published; when `None`, left empty.
    pub source: Option<String>,
    /// The format; when `None`, [`detect`] decides. (Without the `text-formats` feature every
    /// text is read as plain.)
    pub format: Option<TextFormat>,
    /// The file's name or address, and its content type, to help [`detect`]: "talk.vtt",
    /// "text/vtt".
    pub hints: Vec<String>,
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

/// The imported interview, the format it was read as, and whatever did not fit the format.
#[derive(Clone, Debug)]
pub struct Imported {
    pub interview: Interview,
    pub format: TextFormat,
    pub problems: Vec<ImportProblem>,
}

/// The title used when neither the options nor the text give one.
const DEFAULT_TITLE: &str = "Interview";

/// Imports an interview from text in any of the [`TextFormat`]s (see the module docs).
pub fn import_text(text: &str, options: &ImportOptions) -> Imported {
    let text = strip_bom(text);
    let format = options.format.unwrap_or_else(|| {
        let hints: Vec<&str> = options.hints.iter().map(String::as_str).collect();
        detect(text, &hints).format
    });
    let mut draft = Draft::default();
    #[cfg(feature = "text-formats")]
    match format {
        TextFormat::Plain => plain::read(text, options, &mut draft),
        TextFormat::QuestionAnswer | TextFormat::Transcript => {
            turns::read(text, options, &mut draft)
        }
        TextFormat::WebVtt | TextFormat::Srt => subtitles::read(text, format, options, &mut draft),
        TextFormat::Markdown => markdown::read(text, options, &mut draft),
    }
    // A build without the other formats' importers (the viewer's wasm) reads every text as
    // plain; `load::load_body` refuses another format before it gets here.
    #[cfg(not(feature = "text-formats"))]
    plain::read(text, options, &mut draft);
    draft.finish(format, options)
}

/// An interview while an importer collects it.
#[derive(Default)]
struct Draft {
    title: Option<String>,
    intro: Vec<String>,
    questions: Vec<DraftQuestion>,
    problems: Vec<ImportProblem>,
    /// Whether the text held anything but white space, and the last line that did.
    seen_content: bool,
    last_content_line: usize,
}

/// A question while its answer is being collected; `line` is kept to report a missing answer.
struct DraftQuestion {
    line: usize,
    text: String,
    asker: Option<String>,
    start_ms: Option<u64>,
    answer: Vec<Block>,
}

impl DraftQuestion {
    fn new(line: usize, text: impl Into<String>) -> DraftQuestion {
        DraftQuestion {
            line,
            text: text.into(),
            asker: None,
            start_ms: None,
            answer: Vec::new(),
        }
    }
}

impl Draft {
    fn problem(&mut self, line: usize, message: &str) {
        self.problems.push(ImportProblem {
            line,
            message: message.to_string(),
        });
    }

    /// Notes a line with content (for the "empty" and "no questions" reports).
    fn saw(&mut self, line: usize) {
        self.seen_content = true;
        self.last_content_line = line;
    }

    /// Notes the non-blank line `text` (number `line`); when it is the text's first and a
    /// `# Title` line, takes its title (or reports it replaced by the options') and returns true:
    /// the line is used up.
    fn opening_title(&mut self, line: usize, text: &str, options: &ImportOptions) -> bool {
        let first = !self.seen_content;
        self.saw(line);
        let Some(title) = lines::title_line(text).filter(|_| first) else {
            return false;
        };
        if options.title.is_some() {
            self.problem(line, "the title line was replaced by the given title");
        } else {
            self.title = Some(title.to_string());
        }
        true
    }

    fn finish(mut self, format: TextFormat, options: &ImportOptions) -> Imported {
        for line in self
            .questions
            .iter()
            .filter(|q| q.answer.is_empty())
            .map(|q| q.line)
            .collect::<Vec<_>>()
        {
            self.problem(line, "a question with no answer");
        }
        if !self.seen_content {
            self.problem(0, "the text is empty");
        } else if self.questions.is_empty() {
            let line = self.last_content_line;
            self.problem(line, no_questions_hint(format));
        }
        self.problems.sort_by_key(|p| p.line);

        let mut ids = slug::IdAllocator::default();
        let questions = self
            .questions
            .into_iter()
            .map(|q| Question {
                id: ids.allocate(slugify(&q.text)),
                text: q.text,
                asker: q.asker,
                start_ms: q.start_ms,
                answer: q.answer,
            })
            .collect();
        Imported {
            interview: Interview {
                format_version: FORMAT_VERSION,
                title: options
                    .title
                    .clone()
                    .or(self.title)
                    .unwrap_or_else(|| DEFAULT_TITLE.to_string()),
                source: options.source.clone().unwrap_or_default(),
                intro: self.intro,
                lang: None,
                questions,
            },
            format,
            problems: self.problems,
        }
    }
}

/// What a question is, in the words of `format`, for the "no questions found" report.
fn no_questions_hint(format: TextFormat) -> &'static str {
    match format {
        TextFormat::Plain => "no questions found (a question is a line ending in \"?\")",
        TextFormat::QuestionAnswer => "no questions found (a question is a line starting \"Q:\")",
        TextFormat::Transcript | TextFormat::WebVtt | TextFormat::Srt => {
            "no questions found (a question is a turn of the speaker who asks)"
        }
        TextFormat::Markdown => {
            "no questions found (a question is a heading: \"## Question?\" after the \"# Title\")"
        }
    }
}
