//! The index: the normalised text of every field in one string, and the positions of its word
//! starts sorted by the text that follows them (a suffix array restricted to word starts), so a
//! term is found by binary search instead of a scan of the whole interview.

use std::ops::Range;

use super::normalize::{normalize, normalize_into, source_range_in, starts_word};
use super::query::{parse_query, Acronyms, Alternative, Term};
use super::results::{FieldId, Match, SearchResults};
use crate::glossary::Glossary;
use crate::model::Interview;

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
    acronyms: Acronyms,
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
        // Names are searchable where the reader sees them.
        let speakers = interview.shows_speakers();
        for (q, question) in interview.questions.iter().enumerate() {
            let unit = q + 1;
            if let Some(asker) = question.asker.as_deref().filter(|_| speakers) {
                index.add_field(FieldId::Asker(q), unit, asker);
            }
            index.add_field(FieldId::Question(q), unit, &question.text);
            for (b, block) in question.answer.iter().enumerate() {
                if let Some(speaker) = block.speaker().filter(|_| speakers) {
                    index.add_field(FieldId::Speaker(q, b), unit, speaker);
                }
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
            index.acronyms.push(abbr, expansion);
        }
        index
    }

    /// The query as terms, each with its alternatives (see [`SearchIndex::search`]).
    pub fn parse_query(&self, query: &str) -> Vec<Term> {
        parse_query(query, &self.acronyms)
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
        // Where a term may start (normalize::starts_word): after each space (normalised text has
        // no trailing space, so a space is always followed by a word), and at every character of
        // a script written without spaces.
        let field = self.text.get(start..end).unwrap_or("");
        self.word_starts.extend(
            field
                .char_indices()
                .filter(|&(offset, _)| starts_word(field, offset))
                .map(|(offset, _)| start + offset),
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
            if self.fields.get(field).is_some() {
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
