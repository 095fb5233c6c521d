//! Normalisation: what text and queries are compared as (lowercase, accents folded, punctuation
//! runs as one space, apostrophes inside words dropped), with a map from every normalised byte
//! back to the original text so highlights land on the source.

use std::ops::Range;

use crate::text::fold_latin;

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

pub(super) fn source_range_in(
    source: &[(usize, usize)],
    range: Range<usize>,
) -> Option<Range<usize>> {
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
/// - Arabic (and Persian) letters are folded as search engines fold them: short vowels and other
///   marks, and the tatweel, dropped; أ إ آ ٱ → ا, ى ی → ي, ک → ك, ة → ه; Arabic punctuation
///   (، ؛ ؟ ٪ ۔) separates words;
/// - Greek accents (tonos, dialytika) fold ("ά" → "α"), the Greek question mark and ano teleia
///   separate words; Cyrillic "ё" folds to "е";
/// - other characters (other scripts, emoji, symbols) are kept, lowercased where Unicode says so.
///
/// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar)
/// have no word boundaries to find: a term may start at any of their characters
/// ([`starts_word`]).
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
        | '\u{FEFF}'
        // Arabic harakat and other marks, the superscript alef, the tatweel.
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' => CharClass::Ignorable,
        _ if c.is_ascii() => {
            if c.is_ascii_alphanumeric() {
                CharClass::Word
            } else {
                CharClass::Separator
            }
        }
        '\u{00D7}' | '\u{00F7}' => CharClass::Separator,
        // Arabic comma, semicolon, question mark, percent and full stop signs; the Greek
        // question mark and ano teleia.
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' | '\u{037E}' | '\u{0387}' => {
            CharClass::Separator
        }
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

/// The searchable form of a letter of another script than Latin, if it folds: Arabic letter
/// variants, Greek accented vowels (lowercase), Cyrillic ё.
fn fold_other(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        'ة' => 'ه',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ё' => 'е',
        _ => return None,
    })
}

/// Whether `c` belongs to a script written without spaces between words (Han, Hiragana,
/// Katakana, Thai, Lao, Khmer, Myanmar).
fn without_spaces(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}' | '\u{20000}'..='\u{3FFFF}' | '\u{0E00}'..='\u{0EFF}' | '\u{1780}'..='\u{17FF}'
        | '\u{1000}'..='\u{109F}')
}

/// Whether a term may start at byte `at` of the normalised `text`: at the start of a word, or
/// anywhere inside a run of a script written without spaces.
pub fn starts_word(text: &str, at: usize) -> bool {
    at == 0
        || text.get(..at).is_some_and(|before| before.ends_with(' '))
        || text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(without_spaces)
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
    if let Some(folded) = fold_other(c) {
        out.push(folded);
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
        } else if let Some(folded) = fold_other(lower) {
            // "Ά" lowercases to "ά", "Ё" to "ё", which still fold.
            out.push(folded);
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
pub(super) fn normalize_into(input: &str, out: &mut String, source: &mut Vec<(usize, usize)>) {
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
