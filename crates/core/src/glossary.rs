//! The glossary: acronyms and their expansions, taken from the interview text itself.
//!
//! Interviews define their acronyms where they first use them, in one of three ways:
//!
//! - "U.S. Space Command (USSPACECOM)": the expansion before the acronym in parentheses, found
//!   with the Schwartz–Hearst algorithm (the acronym's letters, right to left, in the words
//!   before it);
//! - "CONOPS [concepts of operation]": the expansion in brackets after the acronym;
//! - "ISR, SATCOM and PNT [intelligence, surveillance and reconnaissance; satellite
//!   communications; and position, navigation and timing]": a list of acronyms and a bracketed
//!   list of expansions separated by ";", paired in order when the counts match.
//!
//! Anything ambiguous is skipped: a missing entry costs the reader a tooltip, a wrong one misleads.

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
    /// Builds a glossary from entries (sorted and de-duplicated by acronym, first one wins).
    pub fn from_entries(mut entries: Vec<GlossaryEntry>) -> Glossary {
        entries.sort_by(|a, b| a.abbr.cmp(&b.abbr));
        entries.dedup_by(|a, b| a.abbr == b.abbr);
        Glossary { entries }
    }

    /// Extracts the glossary from the interview's own text.
    pub fn from_interview(interview: &Interview) -> Glossary {
        let mut entries = Vec::new();
        for text in interview.texts() {
            // In text order, so that the first definition of an acronym is the one kept.
            let mut found = parenthesised_definitions(text);
            found.extend(bracketed_definitions(text));
            found.sort_by_key(|&(position, _)| position);
            entries.extend(found.into_iter().map(|(_, entry)| entry));
        }
        Glossary::from_entries(entries)
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// The entry for an acronym, matched exactly (case-sensitive).
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
    /// "USINDOPACOM’s" holds a use and "EWS" does not. Matching is case-sensitive.
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
                let candidate = (shortest..=longest).contains(&word.len())
                    && text
                        .as_bytes()
                        .get(word.start)
                        .is_some_and(|&first| first_bytes[usize::from(first)]);
                if !candidate {
                    continue;
                }
                if let Some(&index) = text.get(word.clone()).and_then(|w| by_word.get(w)) {
                    uses.push((word, index));
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

/// Byte ranges of the maximal runs of alphanumeric characters ("words") in `text`.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
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

/// Whether `word` looks like an acronym: ASCII capitals and digits, with at least two capitals.
fn is_acronym(word: &str) -> bool {
    word.len() >= 2
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// Pattern a, "Long Form (ABBR)", for every parenthesised acronym in `text`, with the byte
/// offset of its parenthesis.
fn parenthesised_definitions(text: &str) -> Vec<(usize, GlossaryEntry)> {
    let mut entries = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(after) = text.get(open + 1..) else {
            continue;
        };
        // Stopping at a nested "(" keeps a text full of "(" linear and skips "(a (B) c)" forms.
        let Some(close) = after
            .find(['(', ')'])
            .filter(|&i| after.get(i..i + 1) == Some(")"))
        else {
            continue;
        };
        let Some(abbr) = after.get(..close).map(str::trim) else {
            continue;
        };
        if !is_acronym(abbr) {
            continue;
        }
        let Some(before) = text.get(..open) else {
            continue;
        };
        if let Some(expansion) = long_form_before(before, abbr) {
            let entry = GlossaryEntry {
                abbr: abbr.to_string(),
                expansion: expansion.to_string(),
            };
            entries.push((open, entry));
        }
    }
    entries
}

/// The Schwartz–Hearst long form of `abbr` at the end of `before`: the shortest tail of the last
/// few words in which the acronym's letters appear right to left, its first letter starting a word.
fn long_form_before<'a>(before: &'a str, abbr: &str) -> Option<&'a str> {
    // The expansion does not reach back past other brackets or a clause break.
    let clause_start = before
        .rfind(['(', ')', '[', ']', ';', ':'])
        .map_or(0, |i| i + 1);
    let clause = before.get(clause_start..)?.trim_end();
    let abbr_len = abbr.chars().count();
    let max_words = (abbr_len + 5).min(abbr_len * 2);
    let window_start = start_of_last_words(clause, max_words);
    let window = clause.get(window_start..)?;

    let long: Vec<(usize, char)> = window.char_indices().collect();
    let mut long_index = long.len();
    let mut abbr_chars = abbr.chars().rev().peekable();
    while let Some(wanted) = abbr_chars.next() {
        let wanted = wanted.to_ascii_lowercase();
        let is_first = abbr_chars.peek().is_none();
        loop {
            long_index = long_index.checked_sub(1)?;
            let &(_, c) = long.get(long_index)?;
            let starts_word = long_index
                .checked_sub(1)
                .and_then(|i| long.get(i))
                .is_none_or(|&(_, previous)| !previous.is_alphanumeric());
            if c.to_ascii_lowercase() == wanted && (!is_first || starts_word) {
                break;
            }
        }
    }
    let &(start, _) = long.get(long_index)?;
    // A closing quote or comma before the parenthesis belongs to the sentence, not the expansion;
    // a full stop may end an abbreviation inside it ("Co.").
    let expansion = window
        .get(start..)?
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let plausible = expansion.chars().count() > abbr_len
        && expansion.contains(char::is_whitespace)
        && !alphanumeric_runs(expansion).any(|word| expansion.get(word) == Some(abbr));
    plausible.then_some(expansion)
}

/// The byte offset where the last `count` whitespace-separated words of `text` start (0 when it
/// has fewer). Scans from the end, so a long clause costs only its last words.
fn start_of_last_words(text: &str, count: usize) -> usize {
    let mut words = 0;
    let mut previous: Option<(usize, char)> = None;
    for (offset, c) in text.char_indices().rev() {
        // `previous` is the char after `c`: a word starts there when `c` is a space before it.
        if let Some((word_offset, next)) = previous {
            if c.is_whitespace() && !next.is_whitespace() {
                words += 1;
                if words == count {
                    return word_offset;
                }
            }
        }
        previous = Some((offset, c));
    }
    0
}

/// Patterns b and c, "ABBR [long form]" and "A, B and C [a; b; and c]", in `text`, with the
/// byte offset of the bracket.
fn bracketed_definitions(text: &str) -> Vec<(usize, GlossaryEntry)> {
    let mut entries = Vec::new();
    for (open, _) in text.match_indices('[') {
        let Some(after) = text.get(open + 1..) else {
            continue;
        };
        let Some(close) = after
            .find([']', '['])
            .filter(|&i| after.get(i..i + 1) == Some("]"))
        else {
            continue;
        };
        let Some(content) = after.get(..close) else {
            continue;
        };
        let expansions: Vec<&str> = content
            .split(';')
            .map(|item| {
                let item = item.trim();
                item.strip_prefix("and ").map_or(item, str::trim_start)
            })
            .collect();
        let abbrs = text
            .get(..open)
            .map(acronym_list_before)
            .unwrap_or_default();
        // With a different count, or several acronyms for one expansion, the pairing is a guess;
        // so it is when one pair does not even start alike.
        let paired = abbrs.len() == expansions.len()
            && abbrs
                .iter()
                .zip(&expansions)
                .all(|(abbr, expansion)| starts_alike(abbr, expansion));
        if !paired {
            continue;
        }
        entries.extend(abbrs.into_iter().zip(expansions).map(|(abbr, expansion)| {
            let entry = GlossaryEntry {
                abbr: abbr.to_string(),
                expansion: expansion.to_string(),
            };
            (open, entry)
        }));
    }
    entries
}

/// The acronyms right before a bracket: "PNT" in "use PNT", or "ISR", "SATCOM", "PNT" in
/// "space-based ISR, SATCOM and PNT" (joined by ", ", " and " or ", and").
fn acronym_list_before(before: &str) -> Vec<&str> {
    let mut abbrs = Vec::new();
    let mut rest = before.trim_end();
    loop {
        let word_start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_ascii_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (Some(head), Some(word)) = (rest.get(..word_start), rest.get(word_start..)) else {
            break;
        };
        // "space-ISR" or "x.ISR" is not a standalone acronym.
        let standalone = head
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '\''));
        if !is_acronym(word) || !standalone {
            break;
        }
        abbrs.push(word);
        let Some(next) = [", and ", " and ", ", "]
            .iter()
            .find_map(|separator| head.strip_suffix(separator))
        else {
            break;
        };
        rest = next;
    }
    abbrs.reverse();
    abbrs
}

/// A bracketed expansion starts with the acronym's first letter ("CSP [campaign support plan]");
/// an aside like "the CEO [Jane Doe]" does not.
fn starts_alike(abbr: &str, expansion: &str) -> bool {
    let first_letter = |s: &str| {
        s.chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
    };
    expansion.chars().count() > abbr.len()
        && first_letter(abbr).is_some()
        && first_letter(abbr) == first_letter(expansion)
}
