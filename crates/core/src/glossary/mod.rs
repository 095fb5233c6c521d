//! The glossary: acronyms and their expansions, taken from the interview text itself.
//!
//! Interviews define their acronyms where they first use them, in one of these ways:
//!
//! - "U.S. Space Command (USSPACECOM)": the expansion before the acronym in parentheses, found
//!   with the Schwartz–Hearst algorithm (the acronym's letters, right to left, in the words
//!   before it);
//! - "USSPACECOM (U.S. Space Command)": the acronym, then its expansion in parentheses;
//! - "CONOPS [concepts of operation]": the expansion in brackets after the acronym;
//! - "LEO — low Earth orbit": the acronym, a dash (— or –), then its expansion, up to the next
//!   punctuation;
//! - "ISR, SATCOM and PNT [intelligence, surveillance and reconnaissance; satellite
//!   communications; and position, navigation and timing]": a list of acronyms and a bracketed
//!   list of expansions separated by ";", paired in order when the counts match.
//!
//! An acronym is two or more capitals, digits and "&" or "/" inside, with some lowercase allowed
//! (USSPACECOM, C4ISR, J3, 5G, R&D, C2/ISR, LoRaWAN, NetCDF, DoD; see [`is_acronym`]). A use is
//! a whole word, also in the plural ("SCIFs") and the possessive ("USINDOPACOM's"). An acronym
//! defined twice with different expansions keeps both.
//!
//! Anything ambiguous is skipped: a missing entry costs the reader a tooltip, a wrong one misleads.

mod definitions;

pub use definitions::is_acronym;
use definitions::{bracketed_definitions, dashed_definitions, parenthesised_definitions};

use crate::model::Interview;
use std::collections::HashMap;
use std::ops::Range;

/// One acronym and what it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The acronym as written, e.g. "USINDOPACOM".
    pub abbr: String,
    /// Its expansion as written in the text, e.g. "U.S. Indo-Pacific Command".
    pub expansion: String,
}

/// All acronyms of one interview, sorted by acronym, one entry per acronym.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
}

impl Glossary {
    /// Builds a glossary from entries: sorted by acronym (stable: the first definition of an
    /// acronym comes first), an expansion repeated for one acronym (in any case) kept once.
    pub fn from_entries(mut entries: Vec<GlossaryEntry>) -> Glossary {
        entries.sort_by(|a, b| a.abbr.cmp(&b.abbr));
        let mut kept: Vec<GlossaryEntry> = Vec::with_capacity(entries.len());
        for entry in entries {
            let repeated = kept
                .iter()
                .rev()
                .take_while(|k| k.abbr == entry.abbr)
                .any(|k| k.expansion.to_lowercase() == entry.expansion.to_lowercase());
            if !repeated {
                kept.push(entry);
            }
        }
        Glossary { entries: kept }
    }

    /// Extracts the glossary from the interview's own text.
    pub fn from_interview(interview: &Interview) -> Glossary {
        let mut entries = Vec::new();
        for text in interview.texts() {
            // In text order, so that the first definition of an acronym is the one kept.
            let mut found = parenthesised_definitions(text);
            found.extend(bracketed_definitions(text));
            found.extend(dashed_definitions(text));
            found.sort_by_key(|&(position, _)| position);
            entries.extend(found.into_iter().map(|(_, entry)| entry));
        }
        Glossary::from_entries(entries)
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// The (first) entry for an acronym, matched exactly (case-sensitive).
    pub fn lookup(&self, abbr: &str) -> Option<&GlossaryEntry> {
        self.entries
            .binary_search_by(|e| e.abbr.as_str().cmp(abbr))
            .ok()
            .and_then(|i| self.entries.get(i))
    }

    /// Whole-word uses of known acronyms in `text`: byte ranges (sorted, non-overlapping, on char
    /// boundaries) with the index of the entry in [`Glossary::entries`].
    ///
    /// A word boundary is any non-alphanumeric character or the edge of the text, so
    /// "USINDOPACOM’s" holds a use and "EWS" does not; a plural "s" right after an acronym that
    /// ends in a capital or digit is allowed ("SCIFs": the use is "SCIF"). Matching is
    /// case-sensitive. An acronym with several entries points at its first.
    pub fn find_uses(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        // Acronyms made only of letters and digits are whole words: one scan over the words of
        // the text with a map lookup finds them all. Others (from `from_entries`, e.g. "C-17")
        // are searched one by one.
        let mut by_word: HashMap<&str, usize> = HashMap::new();
        let mut others = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let abbr = entry.abbr.as_str();
            if abbr.is_empty() {
                continue;
            }
            if abbr.chars().all(char::is_alphanumeric) {
                by_word.entry(abbr).or_insert(index);
            } else {
                others.push((abbr, index));
            }
        }

        let mut uses: Vec<(Range<usize>, usize)> = Vec::new();
        if !by_word.is_empty() {
            // Cheap filters first, so most words of a long text cost no hashing.
            let shortest = by_word.keys().map(|abbr| abbr.len()).min().unwrap_or(0);
            let longest = by_word.keys().map(|abbr| abbr.len()).max().unwrap_or(0);
            let mut first_bytes = [false; 256];
            for abbr in by_word.keys() {
                if let Some(&first) = abbr.as_bytes().first() {
                    first_bytes[usize::from(first)] = true;
                }
            }
            for word in alphanumeric_runs(text) {
                // One more byte for a plural's "s".
                let candidate = (shortest..=longest + 1).contains(&word.len())
                    && text
                        .as_bytes()
                        .get(word.start)
                        .is_some_and(|&first| first_bytes[usize::from(first)]);
                if !candidate {
                    continue;
                }
                if let Some(&index) = text.get(word.clone()).and_then(|w| by_word.get(w)) {
                    uses.push((word, index));
                } else if let Some((singular, index)) = plural_of(text, &word, &by_word) {
                    uses.push((singular, index));
                }
            }
        }
        if others.is_empty() {
            return uses;
        }
        for (abbr, index) in others {
            for (start, _) in text.match_indices(abbr) {
                let end = start + abbr.len();
                if is_word_edge(text, start, end) {
                    uses.push((start..end, index));
                }
            }
        }
        // Earliest first; of two uses starting together the longer one; then drop overlaps.
        uses.sort_by(|a, b| {
            a.0.start
                .cmp(&b.0.start)
                .then(b.0.end.cmp(&a.0.end))
                .then(a.1.cmp(&b.1))
        });
        let mut kept: Vec<(Range<usize>, usize)> = Vec::with_capacity(uses.len());
        for (range, index) in uses {
            if kept.last().is_none_or(|(last, _)| last.end <= range.start) {
                kept.push((range, index));
            }
        }
        kept
    }
}

/// The use inside `word` when it is the plural of a known acronym: "SCIFs" → "SCIF", for an
/// acronym ending in a capital or a digit (so "Bus" is no plural of "Bu").
fn plural_of(
    text: &str,
    word: &Range<usize>,
    by_word: &HashMap<&str, usize>,
) -> Option<(Range<usize>, usize)> {
    let singular = word.start..word.end.checked_sub(1)?;
    let stem = text.get(word.clone())?.strip_suffix('s')?;
    let ends_upper = stem
        .bytes()
        .last()
        .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let index = *by_word.get(stem)?;
    ends_upper.then_some((singular, index))
}

/// Byte ranges of the maximal runs of alphanumeric characters ("words") in `text`.
pub(super) fn alphanumeric_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut position = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some(&byte) = bytes.get(position) {
            // Most text is ASCII: decode a char only where a byte says one starts beyond ASCII.
            let (alphanumeric, len) = if byte.is_ascii() {
                (byte.is_ascii_alphanumeric(), 1)
            } else {
                match text.get(position..).and_then(|rest| rest.chars().next()) {
                    Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                    // Not at a char boundary cannot happen: positions advance by whole chars.
                    None => (false, 1),
                }
            };
            match (alphanumeric, start) {
                (true, None) => start = Some(position),
                (false, Some(word_start)) => return Some(word_start..position),
                _ => {}
            }
            position += len;
        }
        start.map(|word_start| word_start..bytes.len())
    })
}

/// Whether `start..end` of `text` has a non-alphanumeric character or the text's edge on each side.
fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
