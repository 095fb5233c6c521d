//! Text helpers that every reader of text shares: the byte order mark, blankness, and the one
//! table that folds accented Latin letters to ASCII, for question ids (slugs) and for search
//! alike, so "Ș" means the same to both.

/// The text after its byte order mark, if it starts with one. A BOM is only ever the first
/// character of a file: a second U+FEFF is content and stays (the importer keeps every
/// character). Whoever receives a file's raw text strips it, once.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Whether a file's text holds nothing but a byte order mark and white space.
pub fn is_blank(text: &str) -> bool {
    strip_bom(text).trim().is_empty()
}

/// The ASCII spelling of an accented Latin letter of either case ("É" and "é" → "e", "ß" →
/// "ss", "Œ" → "oe"), if it has one: Latin-1 Supplement, Latin Extended-A, and the Romanian
/// comma-below letters Ș ș Ț ț.
pub fn fold_latin(c: char) -> Option<&'static str> {
    match c {
        'Ș' | 'ș' => Some("s"),
        'Ț' | 'ț' => Some("t"),
        _ => table_fold(c),
    }
}

/// The first character of [`LATIN_FOLDS`].
const LATIN_FOLD_FIRST: u32 = 0xC0;

/// What each letter of U+00C0..=U+017F (Latin-1 Supplement letters and Latin Extended-A) folds
/// to, in code point order, 16 to a row. × and ÷ are punctuation and never reach this table.
const LATIN_FOLDS: [&str; 192] = [
    // U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
];

fn table_fold(c: char) -> Option<&'static str> {
    let index = (c as u32).checked_sub(LATIN_FOLD_FIRST)?;
    LATIN_FOLDS
        .get(usize::try_from(index).ok()?)
        .copied()
        .filter(|folded| !folded.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Upper and lower case of each folded letter fold alike ("É" and "é" both to "e"), and
    /// every folding is lowercase ASCII.
    #[test]
    fn latin_folds_agree_across_case() {
        let romanian = ['Ș', 'ș', 'Ț', 'ț'].map(u32::from);
        for code in (LATIN_FOLD_FIRST..LATIN_FOLD_FIRST + 192).chain(romanian) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let Some(folded) = fold_latin(c) else {
                assert!(matches!(c, '×' | '÷'), "{c:?} has no folding");
                continue;
            };
            assert!(folded.bytes().all(|b| b.is_ascii_lowercase()), "{c:?}");
            // 'İ' lowercases to "i" plus a combining dot, which is dropped here as search drops
            // it; 'ĸ', 'ŉ' and 'ſ' have no case pair and fold as themselves.
            let lower: String = c
                .to_lowercase()
                .filter(|l| !('\u{300}'..='\u{36f}').contains(l))
                .map(|l| fold_latin(l).map_or_else(|| l.to_string(), str::to_string))
                .collect();
            assert_eq!(lower, folded, "{c:?}");
        }
    }

    #[test]
    fn examples_of_each_kind_of_folding() {
        for (letter, folded) in [
            ('à', "a"),
            ('Æ', "ae"),
            ('ç', "c"),
            ('Ð', "d"),
            ('ß', "ss"),
            ('þ', "th"),
            ('Ĳ', "ij"),
            ('Œ', "oe"),
            ('ſ', "s"),
            ('ĸ', "k"),
            ('ŋ', "n"),
            ('ș', "s"),
            ('Ț', "t"),
        ] {
            assert_eq!(fold_latin(letter), Some(folded), "{letter:?}");
        }
        for other in ['a', '×', '÷', 'ж', '日', 'ǅ'] {
            assert_eq!(fold_latin(other), None, "{other:?}");
        }
    }

    #[test]
    fn only_the_first_byte_order_mark_is_stripped() {
        assert_eq!(strip_bom("\u{feff}\u{feff}a"), "\u{feff}a");
        assert_eq!(strip_bom("a\u{feff}"), "a\u{feff}");
        assert!(is_blank("\u{feff} \n\t"));
        assert!(!is_blank("\u{feff}\u{feff}"));
    }
}
