//! Links to a quoted passage of an answer: writing them from a reader's selection, reading them
//! back from a URL's fragment, and finding the passage again in the answer's text.
//!
//! The fragment is `[name "/"] question-id ["~quote=" passage] [":~:text=" passage]`:
//! * `name/` names an embedded viewer on its host page (its element's `id`), so that the
//!   fragment can never be one of the host's own ids; the standalone page has none.
//! * `~quote=` is the viewer's own copy of the passage, which every browser leaves in
//!   `location.hash`.
//! * `:~:text=` is the standard text fragment (the same passage), for the browser's own highlight
//!   where it has one; browsers remove it from `location.hash`, so the viewer never relies on it.
//!   It is only written for the standalone page: a text fragment cannot reach into an embedded
//!   viewer's shadow root.
//!
//! A passage is the standard's `textStart[,textEnd]`: the whole selection when it is short, else
//! its first and last words. Finding it ignores case and white space (a selection's text puts line
//! breaks between paragraphs where the page's text has none).

/// Where our own copy of the passage starts in a fragment.
pub const QUOTE_KEY: &str = "~quote=";
/// The standard text directive.
pub const TEXT_DIRECTIVE: &str = ":~:text=";

/// A selection of up to this many words is quoted whole; a longer one by its first and last
/// `EDGE_WORDS` words.
const WHOLE_WORDS: usize = 10;
const EDGE_WORDS: usize = 4;

/// A passage to find: its first words and, for a long one, its last words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub start: String,
    pub end: Option<String>,
}

/// What a fragment asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The embedded viewer it is for (`None`: the standalone page's).
    pub name: Option<String>,
    pub question_id: String,
    pub passage: Option<Passage>,
}

/// The passage of a selection; `None` for one without a word.
pub fn passage(selected: &str) -> Option<Passage> {
    let words: Vec<&str> = selected.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    Some(if words.len() <= WHOLE_WORDS {
        Passage {
            start: words.join(" "),
            end: None,
        }
    } else {
        Passage {
            start: words[..EDGE_WORDS].join(" "),
            end: Some(words[words.len() - EDGE_WORDS..].join(" ")),
        }
    })
}

impl Passage {
    /// As a text directive's value: each part percent-encoded, `-`, `,` and `&` included.
    pub fn encode(&self) -> String {
        match &self.end {
            None => encode(&self.start),
            Some(end) => format!("{},{}", encode(&self.start), encode(end)),
        }
    }

    /// Reads a directive's value; a `prefix-` or `-suffix` part (which we never write) is
    /// skipped. `None` when no text is left.
    pub fn decode(value: &str) -> Option<Passage> {
        let parts: Vec<String> = value
            .split(',')
            .filter(|part| !part.ends_with('-') && !part.starts_with('-'))
            .map(decode)
            .filter(|part| !part.trim().is_empty())
            .collect();
        let mut parts = parts.into_iter();
        let start = parts.next()?;
        Some(Passage {
            start,
            end: parts.next(),
        })
    }
}

/// The fragment (without `#`) of a link to `selected` in question `question_id`: for an embedded
/// viewer named `name`, or for the standalone page (`None`), which also gets the standard text
/// fragment. `None` when the selection has no word.
pub fn fragment(name: Option<&str>, question_id: &str, selected: &str) -> Option<String> {
    let passage = passage(selected)?.encode();
    Some(match name {
        Some(name) => format!(
            "{}/{}{QUOTE_KEY}{passage}",
            encode_id(name),
            encode_id(question_id)
        ),
        None => format!(
            "{}{QUOTE_KEY}{passage}{TEXT_DIRECTIVE}{passage}",
            encode_id(question_id)
        ),
    })
}

/// What `fragment` (a `location.hash` without its `#`) asks for: a question, perhaps of a named
/// viewer, perhaps with a passage. Ids are compared after decoding, so `%C3%A9` finds `é`.
pub fn target(fragment: &str) -> Target {
    let (main, directive) = match fragment.find(TEXT_DIRECTIVE) {
        Some(at) => (
            &fragment[..at],
            Some(&fragment[at + TEXT_DIRECTIVE.len()..]),
        ),
        None => (fragment, None),
    };
    let (place, own) = match main.find(QUOTE_KEY) {
        Some(at) => (&main[..at], Some(&main[at + QUOTE_KEY.len()..])),
        None => (main, None),
    };
    // Our own copy first; the standard one (only left in the hash by a browser without text
    // fragments) otherwise. Either may carry further directives after an `&`.
    let passage = own
        .or(directive)
        .and_then(|value| Passage::decode(value.split('&').next().unwrap_or(value)));
    // Split before decoding: an encoded `/` (`%2F`) belongs to the name or the id.
    let (name, question_id) = match place.split_once('/') {
        Some((name, id)) => (Some(decode(name)), decode(id)),
        None => (None, decode(place)),
    };
    Target {
        name,
        question_id,
        passage,
    }
}

/// A position in a list of text nodes: the node, and a UTF-16 offset into it (the DOM's unit).
pub type Position = (usize, u32);

/// Where `passage` is in `texts` (the text nodes of an answer, in order): the position of its
/// first character and the position just after its last. Case and white space are ignored; the
/// end part is looked for after the start. `None` when it is not there.
pub fn locate(texts: &[&str], passage: &Passage) -> Option<(Position, Position)> {
    // Every character that counts, folded, with where it starts and where it ends.
    let mut chars: Vec<(char, Position, Position)> = Vec::new();
    for (node, text) in texts.iter().enumerate() {
        let mut offset = 0u32;
        for c in text.chars() {
            let width = c.len_utf16() as u32;
            if !c.is_whitespace() {
                chars.push((fold(c), (node, offset), (node, offset + width)));
            }
            offset += width;
        }
    }
    let haystack: Vec<char> = chars.iter().map(|c| c.0).collect();
    let start = needle(&passage.start);
    let from = find(&haystack, &start, 0)?;
    let mut last = from + start.len() - 1;
    if let Some(end) = &passage.end {
        let end = needle(end);
        if !end.is_empty() {
            last = find(&haystack, &end, from + start.len())? + end.len() - 1;
        }
    }
    Some((chars[from].1, chars[last].2))
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn needle(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold)
        .collect()
}

/// The first index at or after `from` where `needle` (not empty) starts in `haystack`.
fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

/// Percent-encodes all but letters, digits and `_.!*'()` (so `-`, `,` and `&`, which mean
/// something in a text directive, are encoded; and `~` and `/`, which mean something to us).
fn encode(text: &str) -> String {
    encode_keeping(text, b"_.!*'()")
}

/// A name or an id (usually a slug): as `encode`, but `-` stays readable.
fn encode_id(text: &str) -> String {
    encode_keeping(text, b"_.!*'()-")
}

fn encode_keeping(text: &str, kept: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || kept.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a malformed escape, or bytes that are not UTF-8, stay as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}
