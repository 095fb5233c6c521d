//! Search over one interview: case- and accent-insensitive, matching words by prefix, quoted
//! phrases, and acronyms both ways through the glossary ("ISR" finds "intelligence, surveillance
//! and reconnaissance" and the other way round).
//!
//! Text and query are compared in [`normalize`]d form, and every highlight is mapped back to a
//! byte range of the original field text. [`SearchIndex`] is built once per interview: it keeps
//! the normalised text of all fields in one string plus the positions of all word starts, sorted
//! by the text that follows them (a suffix array restricted to word starts), so that a term is
//! found by binary search instead of a scan of the whole interview.

use crate::glossary::Glossary;
use crate::model::Interview;
use crate::text::fold_latin;
use std::collections::HashSet;
use std::ops::Range;

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/// A normalised text and, for each of its bytes, where it came from in the source text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Lowercase, accent-folded words separated by single spaces (see [`normalize`]).
    pub text: String,
    /// For each byte of `text`, the byte range in the source of the character(s) that produced it.
    source: Vec<(usize, usize)>,
}

impl Normalized {
    /// The source byte range that produced the normalised byte range `range`, widened to whole
    /// source characters (so always on char boundaries). `None` for an empty or out-of-bounds range.
    pub fn source_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        source_range_in(&self.source, range)
    }
}

fn source_range_in(source: &[(usize, usize)], range: Range<usize>) -> Option<Range<usize>> {
    if range.start >= range.end {
        return None;
    }
    let (start, _) = *source.get(range.start)?;
    let (_, end) = *source.get(range.end - 1)?;
    Some(start..end)
}

/// Normalises text for searching:
///
/// - lowercase, with the accents of Latin-1 and Latin Extended-A letters folded ("é" → "e",
///   "ß" → "ss", "Œ" → "oe") and combining marks dropped, so precomposed and decomposed accents
///   compare equal;
/// - typographic apostrophes (’ ‘ ʼ ′) become `'`, kept only inside a word ("China’s"); at the
///   edge of a word they are quotation marks and count as punctuation;
/// - every run of whitespace, punctuation, dashes and quotation marks becomes one space, and
///   leading and trailing ones are dropped;
/// - other characters (other scripts, emoji, symbols) are kept, lowercased where Unicode says so.
pub fn normalize(text: &str) -> Normalized {
    let mut normalized = Normalized::default();
    normalize_into(text, &mut normalized.text, &mut normalized.source);
    normalized
}

/// What a character is to the normaliser.
enum CharClass {
    /// Part of a word: a letter, a digit, or anything that is not known punctuation.
    Word,
    /// An apostrophe: part of a word when between two word characters, punctuation otherwise.
    Apostrophe,
    Separator,
    /// Dropped without a trace: combining marks, soft hyphens, joiners, variation selectors.
    Ignorable,
}

fn classify(c: char) -> CharClass {
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => CharClass::Apostrophe,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{00AD}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{2060}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' => CharClass::Ignorable,
        _ if c.is_ascii() => {
            if c.is_ascii_alphanumeric() {
                CharClass::Word
            } else {
                CharClass::Separator
            }
        }
        '\u{00D7}' | '\u{00F7}' => CharClass::Separator,
        _ if c.is_alphanumeric() => CharClass::Word,
        _ if c.is_whitespace() || c.is_control() => CharClass::Separator,
        // Punctuation blocks: Latin-1 punctuation, General Punctuation (dashes, quotes, bullets,
        // ellipsis), Supplemental Punctuation, CJK punctuation, and the vertical, small and
        // full-width forms of punctuation.
        '\u{00A0}'..='\u{00BF}'
        | '\u{2000}'..='\u{206F}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FE10}'..='\u{FE1F}'
        | '\u{FE30}'..='\u{FE6F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' => CharClass::Separator,
        _ => CharClass::Word,
    }
}

/// Appends the searchable form of the word character `c` to `out`.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(folded) = fold_latin(c) {
        out.push_str(folded);
        return;
    }
    for lower in c.to_lowercase() {
        if let Some(folded) = fold_latin(lower) {
            // "Å" (ANGSTROM SIGN) lowercases to "å", which still has to lose its ring.
            out.push_str(folded);
        } else if matches!(classify(lower), CharClass::Ignorable) {
            // A lowercase mapping that adds a combining dot ("İ") would otherwise leave it in.
        } else if lower == 'ς' {
            // Per-character lowercasing cannot know where a Greek word ends: compare all sigmas
            // as σ.
            out.push('σ');
        } else {
            out.push(lower);
        }
    }
}

/// A run of characters seen after a word that only becomes output once another word follows
/// (so nothing is emitted at the end of the text).
enum Pending {
    Nothing,
    Separator(usize, usize),
    Apostrophe(usize, usize),
}

/// Appends the normalised form of `input` to `out`, and for each appended byte its source range
/// (in `input`) to `source`.
fn normalize_into(input: &str, out: &mut String, source: &mut Vec<(usize, usize)>) {
    // Where the output of the last word character begins, once there is one.
    let mut last_word_char: Option<usize> = None;
    let mut pending = Pending::Nothing;
    for (start, c) in input.char_indices() {
        let end = start + c.len_utf8();
        match classify(c) {
            CharClass::Ignorable => match &mut pending {
                Pending::Separator(_, run_end) | Pending::Apostrophe(_, run_end) => *run_end = end,
                Pending::Nothing => {
                    // A dropped accent belongs to its letter: highlighting "e" in "e\u{301}"
                    // must not split the accent off.
                    if let Some(at) = last_word_char {
                        for span in source.iter_mut().skip(at) {
                            span.1 = end;
                        }
                    }
                }
            },
            CharClass::Apostrophe => match &mut pending {
                Pending::Nothing if last_word_char.is_some() => {
                    pending = Pending::Apostrophe(start, end);
                }
                Pending::Nothing => {}
                Pending::Separator(_, run_end) | Pending::Apostrophe(_, run_end) => *run_end = end,
            },
            CharClass::Separator => match &mut pending {
                Pending::Nothing if last_word_char.is_some() => {
                    pending = Pending::Separator(start, end);
                }
                Pending::Nothing => {}
                Pending::Apostrophe(run_start, _) => pending = Pending::Separator(*run_start, end),
                Pending::Separator(_, run_end) => *run_end = end,
            },
            CharClass::Word => {
                let run_at = out.len();
                match pending {
                    Pending::Nothing => {}
                    Pending::Separator(s, e) => {
                        out.push(' ');
                        source.push((s, e));
                    }
                    Pending::Apostrophe(s, e) => {
                        out.push('\'');
                        source.push((s, e));
                    }
                }
                let word_at = out.len();
                push_folded(c, out);
                if out.len() == word_at {
                    // Folded to nothing: as if the character were not there.
                    out.truncate(run_at);
                    source.truncate(run_at);
                    continue;
                }
                pending = Pending::Nothing;
                last_word_char = Some(word_at);
                source.resize(out.len(), (start, end));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fields and results
// ---------------------------------------------------------------------------------------------

/// One searchable piece of text in an interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldId {
    Title,
    /// An introduction paragraph, by index.
    Intro(usize),
    /// A question's text, by question index.
    Question(usize),
    /// The label of a bullet: (question index, block index).
    Label(usize, usize),
    /// The text of an answer block: (question index, block index).
    Block(usize, usize),
}

impl FieldId {
    /// The question this field belongs to; `None` for the title and introduction.
    pub fn question(self) -> Option<usize> {
        match self {
            FieldId::Title | FieldId::Intro(_) => None,
            FieldId::Question(q) | FieldId::Label(q, _) | FieldId::Block(q, _) => Some(q),
        }
    }

    /// A key that sorts fields in reading order (the derived order puts all question texts
    /// before all labels, which is not reading order).
    fn reading_order(self) -> (u8, usize, u8, usize, u8) {
        match self {
            FieldId::Title => (0, 0, 0, 0, 0),
            FieldId::Intro(i) => (0, 0, 1, i, 0),
            FieldId::Question(q) => (1, q, 0, 0, 0),
            FieldId::Label(q, b) => (1, q, 1, b, 0),
            FieldId::Block(q, b) => (1, q, 1, b, 1),
        }
    }
}

/// One highlight: a byte range of the original text of one field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Match {
    pub field: FieldId,
    pub range: Range<usize>,
}

/// What a query found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// The query has nothing to search for (blank, or only punctuation): nothing is filtered.
    pub query_is_empty: bool,
    /// Indices of the questions that match, ascending.
    pub matching_questions: Vec<usize>,
    /// The title and introduction (searched as one unit) match.
    pub intro_matches: bool,
    /// Every highlight, in reading order; within a field sorted and non-overlapping.
    pub matches: Vec<Match>,
}

impl SearchResults {
    /// The highlights in one field, sorted, as byte ranges of its original text.
    pub fn highlights_for(&self, field: FieldId) -> Vec<Range<usize>> {
        self.matches_in(field)
            .iter()
            .map(|m| m.range.clone())
            .collect()
    }

    /// The matches in one field: a slice of [`SearchResults::matches`], found by binary search
    /// since `matches` is in reading order.
    pub fn matches_in(&self, field: FieldId) -> &[Match] {
        let key = field.reading_order();
        let start = self
            .matches
            .partition_point(|m| m.field.reading_order() < key);
        let rest = self.matches.get(start..).unwrap_or(&[]);
        let len = rest.partition_point(|m| m.field == field);
        rest.get(..len).unwrap_or(&[])
    }

    /// Does question `question` match?
    pub fn question_matches(&self, question: usize) -> bool {
        self.matching_questions.binary_search(&question).is_ok()
    }
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/// One way a term can occur: a normalised string found at a word start.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Alternative {
    /// Normalised, never empty.
    pub text: String,
    /// Must end at a word end (acronyms and expansions); otherwise the text is a prefix
    /// ("integr" finds "integration").
    pub whole_word: bool,
}

/// One term of a query: a unit matches when every term occurs in it by at least one alternative.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    /// The term itself first, then its acronyms or expansions.
    pub alternatives: Vec<Alternative>,
}

/// A glossary entry in normalised form.
#[derive(Clone, Debug)]
struct Acronym {
    abbr: String,
    expansion: String,
}

/// A piece of the query, normalised: one unquoted word or one quoted phrase. An unquoted word
/// is whatever lies between white space, so "Indo-Pacific" or "SJ-21" is one token of two
/// normalised words, and must be found as written, not as two independent words.
struct Token {
    text: String,
    quoted: bool,
}

/// Straight and curly double quotes, and guillemets, open and close phrases in a query.
fn is_query_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// Splits a query into words and quoted phrases; an unclosed quote runs to the end.
fn tokenize(query: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (index, segment) in query.split(is_query_quote).enumerate() {
        // Segments alternate outside and inside quotes, starting outside.
        let quoted = index % 2 == 1;
        let pieces: Vec<&str> = if quoted {
            vec![segment]
        } else {
            segment.split_whitespace().collect()
        };
        for piece in pieces {
            let text = normalize(piece).text;
            if !text.is_empty() {
                tokens.push(Token { text, quoted });
            }
        }
    }
    tokens
}

/// How many of `tokens` spell out `expansion` exactly, if they do and none is quoted.
fn expansion_run_len(tokens: &[Token], expansion: &str) -> Option<usize> {
    let mut rest = expansion;
    for (count, token) in tokens.iter().enumerate() {
        if token.quoted {
            return None;
        }
        rest = rest.strip_prefix(token.text.as_str())?;
        if rest.is_empty() {
            return Some(count + 1);
        }
        rest = rest.strip_prefix(' ')?;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/// Word starts are sorted by at most this many bytes of the text that follows them: longer keys
/// would make building slow on repetitive text, and a longer needle is checked in full anyway.
const SORT_KEY_BYTES: usize = 32;

/// Separates fields in the index text; normalised text never contains it.
const FIELD_SEPARATOR: char = '\n';

/// The unit of the title and introduction; question `q` is unit `q + 1`.
const INTRO_UNIT: usize = 0;

/// One field's place in the index text.
#[derive(Clone, Debug)]
struct IndexedField {
    id: FieldId,
    unit: usize,
    /// Where the field ends in the index text (fields are in order, so this locates it).
    end: usize,
}

/// One occurrence of a term in the index text.
#[derive(Clone, Copy, Debug)]
struct Occurrence {
    /// Index into `SearchIndex::fields`.
    field: usize,
    start: usize,
    end: usize,
}

/// The search index of one interview; see the module docs for how it works.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// The normalised text of every non-empty field, in reading order, separated by
    /// [`FIELD_SEPARATOR`].
    text: String,
    /// For each byte of `text`, the source range within its own field (separators: (0, 0)).
    source: Vec<(usize, usize)>,
    fields: Vec<IndexedField>,
    /// Every word start in `text`, sorted by the (first [`SORT_KEY_BYTES`] bytes of the) text
    /// from there on.
    word_starts: Vec<usize>,
    /// 1 + the number of questions.
    unit_count: usize,
    acronyms: Vec<Acronym>,
}

impl SearchIndex {
    /// Builds the index of an interview, with the glossary's acronyms for matching both ways.
    pub fn new(interview: &Interview, glossary: &Glossary) -> SearchIndex {
        let mut index = SearchIndex {
            unit_count: interview.questions.len() + 1,
            ..SearchIndex::default()
        };
        index.add_field(FieldId::Title, INTRO_UNIT, &interview.title);
        for (i, paragraph) in interview.intro.iter().enumerate() {
            index.add_field(FieldId::Intro(i), INTRO_UNIT, paragraph);
        }
        for (q, question) in interview.questions.iter().enumerate() {
            let unit = q + 1;
            index.add_field(FieldId::Question(q), unit, &question.text);
            for (b, block) in question.answer.iter().enumerate() {
                if let Some(label) = block.label() {
                    index.add_field(FieldId::Label(q, b), unit, label);
                }
                index.add_field(FieldId::Block(q, b), unit, block.text());
            }
        }
        index.sort_word_starts();

        for entry in glossary.entries() {
            let abbr = normalize(&entry.abbr).text;
            let expansion = normalize(&entry.expansion).text;
            if abbr.is_empty() || expansion.is_empty() {
                continue;
            }
            index.acronyms.push(Acronym { abbr, expansion });
        }
        index
    }

    fn add_field(&mut self, id: FieldId, unit: usize, text: &str) {
        let before = self.text.len();
        if before > 0 {
            self.text.push(FIELD_SEPARATOR);
            self.source.push((0, 0));
        }
        let start = self.text.len();
        normalize_into(text, &mut self.text, &mut self.source);
        let end = self.text.len();
        if start == end {
            // Nothing searchable: drop the separator too.
            self.text.truncate(before);
            self.source.truncate(before);
            return;
        }
        self.word_starts.push(start);
        let bytes = self.text.as_bytes().get(start..end).unwrap_or(&[]);
        // Normalised text has no trailing space, so a space is always followed by a word.
        self.word_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, &byte)| byte == b' ')
                .map(|(offset, _)| start + offset + 1),
        );
        self.fields.push(IndexedField { id, unit, end });
    }

    /// The bytes that word starts are sorted by.
    fn sort_key(&self, position: usize) -> &[u8] {
        let bytes = self.text.as_bytes();
        let end = position.saturating_add(SORT_KEY_BYTES).min(bytes.len());
        bytes.get(position..end).unwrap_or(&[])
    }

    fn sort_word_starts(&mut self) {
        let mut word_starts = std::mem::take(&mut self.word_starts);
        word_starts
            .sort_unstable_by(|&a, &b| self.sort_key(a).cmp(self.sort_key(b)).then(a.cmp(&b)));
        self.word_starts = word_starts;
    }

    /// Is `position` the end of a word (a possessive "’s" may follow: "SCIF’s" has "SCIF")?
    fn is_word_end(&self, position: usize) -> bool {
        matches!(
            self.text.as_bytes().get(position),
            None | Some(b' ' | b'\n' | b'\'')
        )
    }

    /// The query as terms, each with its alternatives (see [`SearchIndex::search`]).
    pub fn parse_query(&self, query: &str) -> Vec<Term> {
        let tokens = tokenize(query);
        let mut terms = Vec::new();
        let mut seen = HashSet::new();
        let mut i = 0;
        while let Some(token) = tokens.get(i) {
            let (text, consumed) = if token.quoted {
                (token.text.clone(), 1)
            } else {
                match self.longest_expansion_at(&tokens, i) {
                    Some(count) => {
                        let run = tokens.get(i..i + count).unwrap_or(&[]);
                        let texts: Vec<&str> = run.iter().map(|t| t.text.as_str()).collect();
                        (texts.join(" "), count)
                    }
                    None => (token.text.clone(), 1),
                }
            };
            i += consumed.max(1);
            // A repeated term adds nothing but work.
            if seen.insert(text.clone()) {
                terms.push(self.term_for(text));
            }
        }
        terms
    }

    /// The number of tokens of the longest glossary expansion spelled out by the unquoted tokens
    /// starting at `tokens[at]`.
    fn longest_expansion_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let rest = tokens.get(at..)?;
        self.acronyms
            .iter()
            .filter_map(|acronym| {
                let count = expansion_run_len(rest, &acronym.expansion)?;
                Some((acronym.expansion.len(), count))
            })
            .max()
            .map(|(_, count)| count)
    }

    /// A term for normalised `text`, with the acronyms it expands and the expansions it
    /// abbreviates as whole-word alternatives.
    fn term_for(&self, text: String) -> Term {
        let mut alternatives = Vec::new();
        for acronym in &self.acronyms {
            if acronym.expansion == text {
                alternatives.push(Alternative {
                    text: acronym.abbr.clone(),
                    whole_word: true,
                });
            }
            if acronym.abbr == text {
                alternatives.push(Alternative {
                    text: acronym.expansion.clone(),
                    whole_word: true,
                });
            }
        }
        alternatives.sort();
        alternatives.dedup();
        // An acronym that is its own expansion is already covered by the prefix match.
        alternatives.retain(|alternative| alternative.text != text);
        alternatives.insert(
            0,
            Alternative {
                text,
                whole_word: false,
            },
        );
        Term { alternatives }
    }

    /// Appends every occurrence of `alternative` at a word start to `out`.
    fn find_into(&self, alternative: &Alternative, out: &mut Vec<Occurrence>) {
        let needle = alternative.text.as_bytes();
        if needle.is_empty() {
            return;
        }
        let key = needle.get(..SORT_KEY_BYTES).unwrap_or(needle);
        let first = self
            .word_starts
            .partition_point(|&p| self.sort_key(p) < key);
        let rest = self.word_starts.get(first..).unwrap_or(&[]);
        let count = rest.partition_point(|&p| self.sort_key(p).starts_with(key));
        // In text order, so that fields are found by walking forward instead of one binary
        // search (and cache miss) per occurrence.
        let mut starts: Vec<usize> = rest.get(..count).unwrap_or(&[]).to_vec();
        starts.sort_unstable();
        let bytes = self.text.as_bytes();
        let mut field = 0;
        for start in starts {
            let end = start.saturating_add(needle.len());
            // Only needles longer than the sort key can differ past it.
            if needle.len() > SORT_KEY_BYTES && bytes.get(start..end) != Some(needle) {
                continue;
            }
            if alternative.whole_word && !self.is_word_end(end) {
                continue;
            }
            while self.fields.get(field).is_some_and(|f| f.end <= start) {
                field += 1;
            }
            if field < self.fields.len() {
                out.push(Occurrence { field, start, end });
            }
        }
    }

    /// Searches the interview.
    ///
    /// The query is words (separated by white space) and "quoted phrases" (straight or curly
    /// quotes; an unclosed quote runs to the end). Each word or phrase is a term found at a word
    /// start, as a prefix: "integr" finds "integration", "isr" does not match inside
    /// "disrupting". A word with punctuation inside ("Indo-Pacific", "U.S.") is found as written,
    /// like a phrase, with any punctuation or spacing in the text ("Indo Pacific"). A unit — the title with
    /// the introduction, or one question with its whole answer — matches when it contains every
    /// term, in any order. A term equal to a glossary acronym also finds the acronym's expansion,
    /// and words (or a phrase) spelling out an expansion form one term that also finds the
    /// acronym; these alternatives match whole words only. Every occurrence of every term in a
    /// matching unit is highlighted.
    pub fn search(&self, query: &str) -> SearchResults {
        let terms = self.parse_query(query);
        if terms.is_empty() {
            return SearchResults {
                query_is_empty: true,
                ..SearchResults::default()
            };
        }

        // terms_found[unit] = how many of the terms so far the unit has *all* of: a unit keeps
        // up only if it had every earlier term, so at the end the count equals the number of
        // terms exactly for the matching units.
        let mut terms_found = vec![0usize; self.unit_count];
        let mut occurrences = Vec::new();
        for (term_index, term) in terms.iter().enumerate() {
            let before = occurrences.len();
            for alternative in &term.alternatives {
                self.find_into(alternative, &mut occurrences);
            }
            let mut any_unit_left = false;
            for occurrence in occurrences.get(before..).unwrap_or(&[]) {
                let unit = self.fields.get(occurrence.field).map_or(0, |f| f.unit);
                if let Some(found) = terms_found.get_mut(unit) {
                    if *found == term_index {
                        *found = term_index + 1;
                    }
                    any_unit_left |= *found == term_index + 1;
                }
            }
            if !any_unit_left {
                return SearchResults::default();
            }
        }

        let all = terms.len();
        let unit_matches = |unit: usize| terms_found.get(unit) == Some(&all);
        let mut highlights: Vec<(usize, Range<usize>)> = occurrences
            .iter()
            .filter_map(|occurrence| {
                let field = self.fields.get(occurrence.field)?;
                if !unit_matches(field.unit) {
                    return None;
                }
                let range = source_range_in(&self.source, occurrence.start..occurrence.end)?;
                Some((occurrence.field, range))
            })
            .collect();
        // Each alternative's occurrences are already in order: a stable sort merges such runs
        // in close to linear time.
        highlights.sort_by_key(|(field, range)| (*field, range.start, range.end));

        let mut matches: Vec<Match> = Vec::with_capacity(highlights.len());
        let mut last_field = usize::MAX;
        for (field, range) in highlights {
            match matches.last_mut() {
                Some(last) if last_field == field && range.start <= last.range.end => {
                    last.range.end = last.range.end.max(range.end);
                }
                _ => {
                    if let Some(indexed) = self.fields.get(field) {
                        matches.push(Match {
                            field: indexed.id,
                            range,
                        });
                        last_field = field;
                    }
                }
            }
        }

        SearchResults {
            query_is_empty: false,
            matching_questions: (1..self.unit_count)
                .filter(|&unit| unit_matches(unit))
                .map(|unit| unit - 1)
                .collect(),
            intro_matches: unit_matches(INTRO_UNIT),
            matches,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_order_keys_follow_the_document() {
        let in_order = [
            FieldId::Title,
            FieldId::Intro(0),
            FieldId::Intro(1),
            FieldId::Question(0),
            FieldId::Block(0, 0),
            FieldId::Label(0, 1),
            FieldId::Block(0, 1),
            FieldId::Question(1),
            FieldId::Label(1, 0),
        ];
        for pair in in_order.windows(2) {
            assert!(
                pair[0].reading_order() < pair[1].reading_order(),
                "{pair:?}"
            );
        }
    }
}
