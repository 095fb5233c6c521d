//! Where a text defines an acronym, in each of the ways the glossary knows (see the parent
//! module): the patterns, what counts as an acronym, and whether a long form spells one.

use super::{alphanumeric_runs, GlossaryEntry};

/// Whether `word` looks like an acronym: 2 to 15 ASCII letters and digits, "&" or "/" only
/// between them, with two capitals or more and at most twice as many lowercase letters as
/// capitals (USSPACECOM, R&D, C2/ISR, LoRaWAN, NetCDF, DoD, but not "McDonald" or "Space"), or
/// capitals and digits with at least one of each (J3, 5G, C4ISR).
pub fn is_acronym(word: &str) -> bool {
    let bytes = word.as_bytes();
    let inner_ok = bytes
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'&' || b == b'/');
    let edges_ok = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    let count = |test: fn(&u8) -> bool| bytes.iter().filter(|b| test(b)).count();
    let (upper, lower, digits) = (
        count(u8::is_ascii_uppercase),
        count(u8::is_ascii_lowercase),
        count(u8::is_ascii_digit),
    );
    (2..=15).contains(&bytes.len())
        && inner_ok
        && edges_ok
        && ((upper >= 2 && lower <= upper * 2) || (upper >= 1 && digits >= 1 && lower == 0))
}

/// Pattern a, "Long Form (ABBR)", for every parenthesised acronym in `text`, with the byte
/// offset of its parenthesis.
pub(super) fn parenthesised_definitions(text: &str) -> Vec<(usize, GlossaryEntry)> {
    let mut entries = Vec::new();
    for (open, content) in enclosed(text, '(', ')') {
        let abbr = content.trim();
        if !is_acronym(abbr) {
            // "ABBR (long form)": the acronym before, its expansion inside.
            let before = text.get(..open).unwrap_or("");
            if let Some(entry) =
                acronym_before(before).and_then(|abbr| defined_as(abbr, content.trim()))
            {
                entries.push((open, entry));
            }
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

/// Each `open` … `close` pair of `text` with nothing of either kind inside: the offset of the
/// opener and the content between. Stopping at a nested opener keeps a text full of openers
/// linear and skips "(a (B) c)" forms.
fn enclosed(text: &str, open: char, close: char) -> impl Iterator<Item = (usize, &str)> {
    text.match_indices(open).filter_map(move |(at, _)| {
        let after = text.get(at + open.len_utf8()..)?;
        let end = after
            .find([open, close])
            .filter(|&i| after.get(i..).is_some_and(|rest| rest.starts_with(close)))?;
        Some((at, after.get(..end)?))
    })
}

/// The acronym that ends `before` (white space aside) as a word of its own, if there is one.
fn acronym_before(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '&' || c == '/'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = trimmed.get(start..)?;
    let standalone = trimmed
        .get(..start)?
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '.');
    (standalone && is_acronym(word)).then_some(word)
}

/// An entry for `abbr` defined as `long`, when `long` plausibly spells it: more than one word,
/// longer than the acronym, not containing it, its first word starting with the acronym's first
/// letter and the acronym's letters appearing in it in order ([`spells`]).
fn defined_as(abbr: &str, long: &str) -> Option<GlossaryEntry> {
    // Quotes and punctuation around the long form are not part of it; a full stop may end an
    // abbreviation inside it ("Co.").
    let long = long
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let plausible = long.chars().count() > abbr.len()
        && long.contains(char::is_whitespace)
        && !alphanumeric_runs(long).any(|word| long.get(word) == Some(abbr))
        && spells(abbr, long);
    plausible.then(|| GlossaryEntry {
        abbr: abbr.to_string(),
        expansion: long.to_string(),
    })
}

/// Whether the letters of `abbr` appear in `long` in order (case aside), the first one starting
/// `long`'s first word. Digits, "&" and "/" of the acronym need not appear; an acronym that
/// starts with a digit may have a number word first ("5G": "fifth generation").
fn spells(abbr: &str, long: &str) -> bool {
    if abbr.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some((_, rest)) = long.trim_start().split_once(char::is_whitespace) {
            return spells(abbr.trim_start_matches(|c: char| c.is_ascii_digit()), rest);
        }
    }
    let mut letters = abbr
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase());
    let Some(first) = letters.next() else {
        return false;
    };
    let mut rest = long.chars().map(|c| c.to_ascii_lowercase());
    if rest.find(|c| c.is_alphanumeric()) != Some(first) {
        return false;
    }
    letters.all(|wanted| rest.any(|c| c == wanted))
}

/// "LEO — low Earth orbit": an acronym, a dash (— or –, spaces around it optional), then the
/// fewest words that spell it, within the clause (up to the next punctuation). With the byte
/// offset of the dash.
pub(super) fn dashed_definitions(text: &str) -> Vec<(usize, GlossaryEntry)> {
    let mut entries = Vec::new();
    for (dash, mark) in text.match_indices(['—', '–']) {
        let Some(abbr) = text.get(..dash).and_then(acronym_before) else {
            continue;
        };
        let Some(after) = text.get(dash + mark.len()..) else {
            continue;
        };
        let clause_end = after
            .find([',', '.', ';', ':', '(', ')', '[', ']', '—', '–', '!', '?'])
            .unwrap_or(after.len());
        let clause = after.get(..clause_end).unwrap_or("").trim();
        let words: Vec<&str> = clause.split_whitespace().collect();
        let letters = abbr.chars().filter(char::is_ascii_alphabetic).count();
        // The fewest leading words that spell the acronym, the last of them holding its last
        // letter: "low Earth orbit", not the rest of the sentence.
        let last_letter = abbr
            .chars()
            .rev()
            .find(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase());
        let long = (2..=words.len().min(letters + 3))
            .map(|n| words.get(..n).unwrap_or(&[]).join(" "))
            .find(|head| {
                let last = head.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
                spells(abbr, head) && last_letter.is_some_and(|l| last.contains(l))
            });
        if let Some(entry) = long.and_then(|long| defined_as(abbr, &long)) {
            entries.push((dash, entry));
        }
    }
    entries
}

/// The Schwartz–Hearst long form of `abbr` at the end of `before`: the shortest tail of the last
/// few words in which the acronym's letters appear right to left, its first letter starting a word.
fn long_form_before<'a>(before: &'a str, abbr: &str) -> Option<&'a str> {
    // The expansion does not reach back past other brackets or a clause break.
    let clause = before
        .rsplit_once(['(', ')', '[', ']', ';', ':'])
        .map_or(before, |(_, clause)| clause)
        .trim_end();
    let abbr_len = abbr.chars().count();
    let letters = letter_sequences(abbr)
        .first()
        .map_or(0, Vec::len)
        .max(abbr_len);
    let max_words = (letters + 5).min(letters * 2);
    let window_start = start_of_last_words(clause, max_words);
    let window = clause.get(window_start..)?;

    let long: Vec<(usize, char)> = window.char_indices().collect();
    // "C4ISR" reads as four C-words then I, S, R; when no long form has that, as C, I, S, R
    // ("J3" is the third J-directorate, not three J-words).
    let start = letter_sequences(abbr)
        .iter()
        .find_map(|letters| schwartz_hearst_start(&long, letters))?;
    let &(start, _) = long.get(start)?;
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

/// The letters an acronym's long form must hold, lowercase, each with whether it must start a
/// word, in the order to try: with a digit after a letter repeating it ("C4" → four words
/// starting with c), then the letters alone. Digits, "&" and "/" stand for no letter.
fn letter_sequences(abbr: &str) -> Vec<Vec<(char, bool)>> {
    let plain: Vec<(char, bool)> = abbr
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| (c.to_ascii_lowercase(), false))
        .collect();
    let mut repeated: Vec<(char, bool)> = Vec::new();
    for c in abbr.chars() {
        match c.to_digit(10) {
            // A digit with no letter before it ("5G") repeats nothing.
            Some(n @ 2..=9) => {
                if let Some(last) = repeated.last_mut() {
                    last.1 = true;
                    let letter = last.0;
                    repeated.extend(std::iter::repeat_n((letter, true), n as usize - 1));
                }
            }
            _ if c.is_ascii_alphabetic() => repeated.push((c.to_ascii_lowercase(), false)),
            _ => {}
        }
    }
    if repeated.iter().map(|l| l.0).eq(plain.iter().map(|l| l.0)) {
        vec![plain]
    } else {
        vec![repeated, plain]
    }
}

/// Where in `long` (chars with their offsets) the Schwartz–Hearst match of `letters` starts:
/// the letters found right to left, the first one (and any marked so) starting a word.
fn schwartz_hearst_start(long: &[(usize, char)], letters: &[(char, bool)]) -> Option<usize> {
    let mut long_index = long.len();
    let mut wanted_letters = letters.iter().rev().peekable();
    while let Some(&(wanted, starts)) = wanted_letters.next() {
        let must_start_word = starts || wanted_letters.peek().is_none();
        loop {
            long_index = long_index.checked_sub(1)?;
            let &(_, c) = long.get(long_index)?;
            let starts_word = long_index
                .checked_sub(1)
                .and_then(|i| long.get(i))
                .is_none_or(|&(_, previous)| !previous.is_alphanumeric());
            if c.to_ascii_lowercase() == wanted && (!must_start_word || starts_word) {
                break;
            }
        }
    }
    (!letters.is_empty()).then_some(long_index)
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
pub(super) fn bracketed_definitions(text: &str) -> Vec<(usize, GlossaryEntry)> {
    let mut entries = Vec::new();
    for (open, content) in enclosed(text, '[', ']') {
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
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '&' || c == '/'))
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
