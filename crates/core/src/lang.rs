//! An interview's language and reading direction. A leaf: it imports nothing of the crate.
//!
//! The direction follows the language when one is given (`lang` in the JSON, the element's or
//! the host page's); without one, the text's first strong character decides, as the Unicode
//! bidirectional algorithm's "first strong" rule does for a paragraph.

/// Languages written right to left (ISO 639 codes of the primary subtag).
const RTL_LANGUAGES: [&str; 13] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi",
];

/// Scripts written right to left (ISO 15924 codes, as BCP 47 script subtags).
const RTL_SCRIPTS: [&str; 9] = [
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "samr", "mand",
];

/// "rtl" or "ltr" for an interview in language `lang` (a BCP 47 tag) whose text begins with
/// `sample`; `None` when neither says (no language, no strong character): the page's
/// direction then applies.
pub fn direction(lang: Option<&str>, sample: &str) -> Option<&'static str> {
    if let Some(lang) = lang.map(str::trim).filter(|l| !l.is_empty()) {
        let mut subtags = lang.split(['-', '_']).map(str::to_ascii_lowercase);
        let primary = subtags.next().unwrap_or_default();
        // A script subtag ("az-Arab", "sr-Latn") decides over the language's usual script.
        if let Some(script) =
            subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            return Some(if RTL_SCRIPTS.contains(&script.as_str()) {
                "rtl"
            } else {
                "ltr"
            });
        }
        return Some(if RTL_LANGUAGES.contains(&primary.as_str()) {
            "rtl"
        } else {
            "ltr"
        });
    }
    sample.chars().find_map(|c| {
        if is_rtl_letter(c) {
            Some("rtl")
        } else if c.is_alphanumeric() && !c.is_ascii_digit() && !is_arabic_digit(c) {
            Some("ltr")
        } else {
            None
        }
    })
}

/// A character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
/// Mandaic, and their presentation forms): bidirectional class R or AL.
fn is_rtl_letter(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{065F}' | '\u{066A}'..='\u{06EF}' | '\u{06FA}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// Arabic-Indic digits are weak (class AN), like ASCII digits: they decide nothing.
fn is_arabic_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_decides_then_the_first_strong_character() {
        let cases: &[(Option<&str>, &str, Option<&str>)] = &[
            (Some("ar"), "Hello", Some("rtl")),
            (Some("AR-eg"), "", Some("rtl")),
            (Some("he"), "", Some("rtl")),
            (Some("fa-IR"), "", Some("rtl")),
            (Some("en"), "مرحبا", Some("ltr")),
            (Some("az-Arab"), "", Some("rtl")),
            (Some("ks-Deva"), "", Some("ltr")),
            (Some("  "), "مرحبا", Some("rtl")),
            (None, "2026 — «مرحبا»", Some("rtl")),
            (None, "١٢٣ Hello", Some("ltr")),
            (None, "١٢٣ مرحبا", Some("rtl")),
            (None, "۱۲۳ سلام", Some("rtl")),
            (None, "¿Qué?", Some("ltr")),
            (None, "שלום", Some("rtl")),
            (None, "123 …", None),
            (None, "", None),
        ];
        for (lang, sample, expected) in cases {
            assert_eq!(direction(*lang, sample), *expected, "{lang:?} {sample:?}");
        }
    }
}
