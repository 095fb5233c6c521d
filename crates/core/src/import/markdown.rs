//! Markdown (CommonMark) interviews, parsed by `pulldown-cmark`:
//!
//! - the first heading, when it is a level-1 heading and nothing comes before it, is the title;
//! - the questions are the headings of the level of the first heading after the title (`##` in
//!   the usual layout); deeper headings inside an answer are sub-headings;
//! - paragraphs before the first question are the introduction, after it the answer's paragraphs;
//! - list items are bullets; one that starts with bold text ending in a colon (`- **Label:**
//!   text`) is a labelled bullet;
//! - emphasis, strong emphasis and links in an answer become the block's styles. Only `http:`,
//!   `https:` and `mailto:` links are kept as links; another keeps its text and is reported. The
//!   title, the introduction and the questions are plain text: their emphasis marks go, and a
//!   link there keeps its address after its text, in brackets, so that nothing is lost.
//!
//! What Markdown uses as markup goes (`#`, `*`, `-`, backslash escapes, a link's brackets); all
//! text stays: code keeps its content, raw HTML is kept as text (never as markup), an image
//! keeps its description (and is reported, since it cannot be shown).

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::lines::{split_lines, COLONS};
use super::{Draft, DraftQuestion, ImportOptions};
use crate::model::{is_safe_href, Block, Style, Styled};

/// Reads `text` (its BOM already gone) into `draft`.
pub(super) fn read(text: &str, options: &ImportOptions, draft: &mut Draft) {
    let mut reader = Reader {
        draft,
        options,
        line_starts: line_starts(text),
        question_level: None,
        heading_seen: false,
        leaf: None,
        list_items: 0,
        link_hrefs: Vec::new(),
    };
    for (event, range) in Parser::new(text).into_offset_iter() {
        let line = reader.line_of(range.start);
        reader.event(event, line);
    }
    reader.flush();
}

/// The byte offset where each line starts, the lines split as every importer splits them
/// (`split_lines`: CRLF, CR and LF), so line numbers agree.
fn line_starts(text: &str) -> Vec<usize> {
    let base = text.as_ptr() as usize;
    split_lines(text)
        .map(|line| line.as_ptr() as usize - base)
        .collect()
}

/// What kind of block the text being collected is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LeafKind {
    Heading(HeadingLevel),
    Paragraph,
    Item,
}

/// The text of one block while its events arrive, with its styles.
struct Leaf {
    kind: LeafKind,
    line: usize,
    text: String,
    /// `text.chars().count()`, kept as text arrives.
    chars: usize,
    styles: Vec<Styled>,
    /// Styles opened and not yet closed: the style and the character where it starts.
    open: Vec<(Style, usize)>,
}

impl Leaf {
    fn push(&mut self, piece: &str) {
        self.text.push_str(piece);
        self.chars += piece.chars().count();
    }
}

struct Reader<'d, 'o> {
    draft: &'d mut Draft,
    options: &'o ImportOptions,
    line_starts: Vec<usize>,
    /// The questions' heading level, once the first heading after the title sets it.
    question_level: Option<HeadingLevel>,
    /// Whether any heading has been read (the title is only the very first block).
    heading_seen: bool,
    leaf: Option<Leaf>,
    /// How many list items are open (items nest).
    list_items: usize,
    /// The addresses of the links that are open (links may not nest in CommonMark, but an image
    /// inside a link is allowed).
    link_hrefs: Vec<String>,
}

impl Reader<'_, '_> {
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, line),
            Event::Text(text)
            | Event::Code(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::FootnoteReference(text) => self.leaf(line).push(&text),
            Event::SoftBreak | Event::HardBreak => self.leaf(line).push(" "),
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.leaf(line).push(if done { "☑ " } else { "☐ " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Heading { level, .. } => self.begin(LeafKind::Heading(level), line),
            Tag::Paragraph => {
                let in_item = self.leaf.as_ref().is_some_and(|l| l.kind == LeafKind::Item);
                if in_item {
                    // A paragraph of a loose list item continues the item's text.
                    let leaf = self.leaf(line);
                    if !leaf.text.trim().is_empty() {
                        leaf.push(" ");
                    }
                } else if self.list_items > 0 {
                    self.begin(LeafKind::Item, line);
                } else {
                    self.begin(LeafKind::Paragraph, line);
                }
            }
            Tag::Item => {
                self.list_items += 1;
                self.begin(LeafKind::Item, line);
            }
            // A nested list ends the text of its item so far; a quote, code or HTML block is a
            // block of its own.
            Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock => self.flush(),
            Tag::Emphasis => self.open(Style::Emphasis, line),
            Tag::Strong => self.open(Style::Strong, line),
            Tag::Link { dest_url, .. } => {
                self.link_hrefs.push(dest_url.to_string());
                self.open(Style::Link, line);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, line: usize) {
        match tag {
            // Text after one of these inside a tight list item is a block of its own. (A
            // paragraph needs no flush at its end: whatever comes next begins a block, and a
            // loose item's paragraphs continue its text.)
            TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_) => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.list_items = self.list_items.saturating_sub(1);
            }
            TagEnd::Emphasis | TagEnd::Strong => self.close(None, line),
            TagEnd::Link => {
                let href = self.link_hrefs.pop().unwrap_or_default();
                self.close(Some(href), line);
            }
            TagEnd::Image => {
                // An end event's range is its element's, so `line` is where the image starts.
                self.draft.problem(
                    line,
                    "an image cannot be shown (its description is kept as text)",
                );
            }
            _ => {}
        }
    }

    /// The block being collected, or a new one (text outside any block: an item's or a
    /// paragraph's).
    fn leaf(&mut self, line: usize) -> &mut Leaf {
        let kind = if self.list_items > 0 {
            LeafKind::Item
        } else {
            LeafKind::Paragraph
        };
        self.leaf.get_or_insert_with(|| new_leaf(kind, line))
    }

    fn begin(&mut self, kind: LeafKind, line: usize) {
        self.flush();
        self.leaf = Some(new_leaf(kind, line));
    }

    fn open(&mut self, style: Style, line: usize) {
        let leaf = self.leaf(line);
        let at = leaf.chars;
        leaf.open.push((style, at));
    }

    /// Closes the innermost open style (`href` for a link).
    fn close(&mut self, href: Option<String>, line: usize) {
        let styled_block = self.keeps_styles();
        let leaf = self.leaf(line);
        let Some((style, start)) = leaf.open.pop() else {
            return;
        };
        let end = leaf.chars;
        match (style, href) {
            (Style::Link, Some(href)) if !is_safe_href(&href) => {
                let message = format!(
                    "a link to {href:?} is kept as plain text (only http, https and mailto links are followed)"
                );
                self.draft.problem(line, &message);
            }
            (Style::Link, Some(href)) if !styled_block => {
                let linked: String = leaf.text.chars().skip(start).collect();
                if linked.trim() != href.trim() {
                    leaf.push(&format!(" ({href})"));
                }
            }
            // Kept even where they will not be shown (a heading, the introduction) or are empty:
            // `flush` only keeps the styles of an answer's blocks, and `trimmed` drops empty ones.
            (style, href) => leaf.styles.push(Styled {
                start,
                end,
                style,
                href,
            }),
        }
    }

    /// Whether the block being collected keeps its styles: a paragraph or an item of an answer.
    fn keeps_styles(&self) -> bool {
        self.leaf
            .as_ref()
            .is_some_and(|l| !matches!(l.kind, LeafKind::Heading(_)))
            && !self.draft.questions.is_empty()
    }

    /// Puts the collected block where it belongs.
    fn flush(&mut self) {
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        let (text, styles) = trimmed(&leaf.text, leaf.styles);
        if text.is_empty() {
            return;
        }
        let first = !self.draft.seen_content;
        self.draft.saw(leaf.line);
        match leaf.kind {
            LeafKind::Heading(level) => {
                let is_title = first && level == HeadingLevel::H1 && !self.heading_seen;
                self.heading_seen = true;
                if is_title {
                    if self.options.title.is_some() {
                        self.draft
                            .problem(leaf.line, "the title line was replaced by the given title");
                    } else {
                        self.draft.title = Some(text);
                    }
                    return;
                }
                let question_level = *self.question_level.get_or_insert(level);
                let order = level.cmp(&question_level);
                if order.is_eq() {
                    self.draft
                        .questions
                        .push(DraftQuestion::new(leaf.line, text));
                } else if let Some(question) = self.draft.questions.last_mut() {
                    question.answer.push(Block::Subheading { text });
                    if order.is_lt() {
                        self.draft.problem(
                            leaf.line,
                            "a heading above the questions' level (kept as a sub-heading)",
                        );
                    }
                } else {
                    self.draft.intro.push(text);
                }
            }
            LeafKind::Paragraph | LeafKind::Item => {
                let Some(question) = self.draft.questions.last_mut() else {
                    self.draft.intro.push(text);
                    return;
                };
                question.answer.push(if leaf.kind == LeafKind::Item {
                    bullet(text, styles)
                } else {
                    Block::Paragraph {
                        text,
                        speaker: None,
                        start_ms: None,
                        styles,
                    }
                });
            }
        }
    }
}

fn new_leaf(kind: LeafKind, line: usize) -> Leaf {
    Leaf {
        kind,
        line,
        text: String::new(),
        chars: 0,
        styles: Vec::new(),
        open: Vec::new(),
    }
}

/// `text` without white space at either end, its styles moved to fit (and those left empty
/// dropped).
fn trimmed(text: &str, styles: Vec<Styled>) -> (String, Vec<Styled>) {
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let kept = text.trim();
    let len = kept.chars().count();
    let styles = styles
        .into_iter()
        .filter_map(|s| {
            let start = s.start.saturating_sub(lead).min(len);
            let end = s.end.saturating_sub(lead).min(len);
            (start < end).then_some(Styled { start, end, ..s })
        })
        .collect();
    (kept.to_string(), styles)
}

/// A bullet; one whose text starts with strong text that ends in a colon (or is followed by
/// one) is labelled with that text.
fn bullet(text: String, styles: Vec<Styled>) -> Block {
    let label_run = styles
        .iter()
        .position(|s| s.style == Style::Strong && s.start == 0);
    if let Some(index) = label_run {
        let end = styles[index].end;
        let strong: String = text.chars().take(end).collect();
        let after: String = text.chars().skip(end).collect();
        // "**Label:** text" or "**Label**: text".
        let (label, rest, skipped) = match strong.trim_end().strip_suffix(COLONS) {
            Some(label) => (label.trim_end().to_string(), after.as_str(), end),
            None => match after.strip_prefix(COLONS) {
                Some(rest) => (strong.trim_end().to_string(), rest, end + 1),
                None => (String::new(), "", 0),
            },
        };
        let lead = rest.chars().take_while(|c| c.is_whitespace()).count();
        let rest = rest.trim();
        if !label.is_empty() && !rest.is_empty() {
            let shift = skipped + lead;
            let len = rest.chars().count();
            let styles = styles
                .into_iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .filter_map(|(_, s)| {
                    // A run inside the label goes with it; one across its end keeps its rest.
                    let start = s.start.max(shift) - shift;
                    let end = s.end.saturating_sub(shift).min(len);
                    (start < end).then_some(Styled { start, end, ..s })
                })
                .collect();
            return Block::Bullet {
                label: Some(label),
                text: rest.to_string(),
                styles,
            };
        }
    }
    Block::Bullet {
        label: None,
        text,
        styles,
    }
}
