//! The message catalogues: complete in every language, placeholders kept, plural forms chosen by
//! each language's rule, a host's overrides first; the JSON files of the catalogues the viewer's
//! wasm fetches read back as the compiled tables.
#![cfg(feature = "all-languages")]

use interview_core::messages::catalogues::{self, ENGLISH};
use interview_core::messages::keys::{self, ALL};
use interview_core::messages::plural::categories;
use interview_core::messages::{parse_catalogue, parse_overrides, Messages};
use std::rc::Rc;

/// The `{names}` of a template, sorted.
fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_catalogue_has_every_text_with_its_placeholders() {
    for catalogue in catalogues::ALL {
        let lang = catalogue.lang;
        for &(key, plural) in ALL {
            if plural {
                let english = placeholders(ENGLISH.get(&format!("{key}.other")).unwrap());
                for form in categories(lang) {
                    let full = format!("{key}.{}", form.name());
                    let text = catalogue
                        .get(&full)
                        .unwrap_or_else(|| panic!("{lang}: {full} is missing"));
                    // A form may spell its number out ("سؤال واحد"), so it may leave {count} out;
                    // it may not bring a placeholder English does not fill.
                    for name in placeholders(text) {
                        assert!(english.contains(&name), "{lang}: {full} has {{{name}}}");
                    }
                }
            } else {
                let text = catalogue
                    .get(key)
                    .unwrap_or_else(|| panic!("{lang}: {key} is missing"));
                assert_eq!(
                    placeholders(text),
                    placeholders(ENGLISH.get(key).unwrap()),
                    "{lang}: {key}"
                );
            }
        }
        // Nothing but known keys, each once.
        for (i, (key, _)) in catalogue.entries.iter().enumerate() {
            assert!(keys::is_known(key), "{lang}: unknown key {key}");
            assert!(
                !catalogue.entries[..i].iter().any(|(k, _)| k == key),
                "{lang}: {key} twice"
            );
        }
    }
}

#[test]
fn plurals_follow_each_language() {
    let status = |lang: &str, n: u64| {
        let messages = Messages::for_language(Some(lang));
        let questions = messages.plural(keys::SEARCH_QUESTIONS, 9, &[]);
        messages.plural(
            keys::SEARCH_STATUS,
            n,
            &[("total", "9"), ("questions", &questions)],
        )
    };
    let cases: &[(&str, u64, &str)] = &[
        ("en", 1, "1 of 9 questions matches"),
        ("en", 3, "3 of 9 questions match"),
        ("fr", 0, "0 question sur 9 correspond"),
        ("fr", 1, "1 question sur 9 correspond"),
        ("fr", 3, "3 questions sur 9 correspondent"),
        ("de", 1, "1 von 9 Fragen enthält Treffer"),
        ("de", 4, "4 von 9 Fragen enthalten Treffer"),
        ("es", 1, "1 de 9 preguntas coincide"),
        ("es", 5, "5 de 9 preguntas coinciden"),
        ("ar", 0, "لا يطابق أي سؤال من 9"),
        ("ar", 1, "يطابق سؤال واحد من 9"),
        ("ar", 2, "يطابق سؤالان من 9"),
        ("ar", 3, "تطابق 3 أسئلة من 9"),
        ("ar", 11, "يطابق 11 سؤالًا من 9"),
        ("ar", 100, "يطابق 100 سؤال من 9"),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(status(lang, *n), *expected, "{lang} {n}");
    }
    // The noun follows the total where the language puts it after the total.
    let english = Messages::english();
    let one = english.plural(keys::SEARCH_QUESTIONS, 1, &[]);
    assert_eq!(
        english.plural(
            keys::SEARCH_STATUS,
            1,
            &[("total", "1"), ("questions", &one)]
        ),
        "1 of 1 question matches"
    );
}

#[test]
fn a_language_is_chosen_by_its_primary_tag_english_otherwise() {
    let cases = [
        (Some("fr-CA"), "fr"),
        (Some("AR"), "ar"),
        (Some("de_AT"), "de"),
        (Some("es-419"), "es"),
        (Some("ja"), "en"),
        (Some(""), "en"),
        (None, "en"),
    ];
    for (lang, expected) in cases {
        assert_eq!(Messages::for_language(lang).lang(), expected, "{lang:?}");
    }
    assert_eq!(
        Messages::for_language(Some("ar")).text(keys::EXPAND_ALL),
        "توسيع الكل"
    );
}

#[test]
fn a_host_overrides_any_text_and_hears_of_unknown_keys() {
    let (overrides, unknown) = parse_overrides(
        r#"{"search_label": "Find in this talk", "search_status.one": "{count} hit", "serach_label": "typo", "search_label": "Find"}"#,
    )
    .unwrap();
    assert_eq!(unknown, ["serach_label"]);
    let messages = Messages::for_language(Some("en")).with_overrides(overrides);
    // The last of a repeated key wins.
    assert_eq!(messages.text(keys::SEARCH_LABEL), "Find");
    assert_eq!(messages.plural(keys::SEARCH_STATUS, 1, &[]), "1 hit");
    assert_eq!(messages.text(keys::SEARCH_CLEAR), "Clear");
    // Hostile text stays text: it is only ever rendered as a text node.
    let (hostile, _) =
        parse_overrides(r#"{"search_clear": "<img src=x onerror=alert(1)>"}"#).unwrap();
    assert_eq!(
        Messages::english()
            .with_overrides(hostile)
            .text(keys::SEARCH_CLEAR),
        "<img src=x onerror=alert(1)>"
    );
    for (bad, why) in [
        ("[1]", "expected a JSON object of texts, found an array"),
        (
            r#"{"search_label": 3}"#,
            "search_label: expected a string, found a number",
        ),
    ] {
        assert_eq!(parse_overrides(bad).unwrap_err(), why);
    }
    assert!(parse_overrides("{").is_err());
}

#[test]
fn the_elements_own_copy_of_the_start_up_failure_matches_the_catalogues() {
    let script = include_str!("../../../static/interview-viewer.template.js");
    for catalogue in catalogues::ALL {
        let text = catalogue
            .get(keys::VIEWER_FAILED)
            .unwrap()
            .replace('\u{a0}', "\\u00a0");
        assert!(
            script.contains(&format!("{}: \"{text}\"", catalogue.lang)),
            "{}: {text}",
            catalogue.lang
        );
    }
}

#[test]
fn a_catalogues_json_file_reads_back_as_its_table() {
    for catalogue in catalogues::ALL {
        let loaded = parse_catalogue(&catalogues::catalogue_json(catalogue)).unwrap();
        assert_eq!(loaded.lang, catalogue.lang);
        // As the wasm has it: English compiled in, the language fetched.
        let fetched = Messages::english().with_catalogue(Rc::new(loaded));
        let compiled = Messages::for_language(Some(catalogue.lang));
        assert_eq!(fetched.lang(), catalogue.lang);
        for (key, text) in catalogue.entries {
            assert_eq!(fetched.text(key), *text, "{}: {key}", catalogue.lang);
        }
        for n in [0, 1, 2, 3, 11, 100] {
            assert_eq!(
                fetched.plural(keys::SEARCH_STATUS, n, &[("total", "9")]),
                compiled.plural(keys::SEARCH_STATUS, n, &[("total", "9")]),
                "{} {n}",
                catalogue.lang
            );
        }
    }
    assert!(parse_catalogue(r#"{"texts": {}}"#).is_err());
    assert!(parse_catalogue(r#"{"lang": "  ", "texts": {}}"#).is_err());
    assert!(parse_catalogue(r#"{"lang": "fr"}"#).is_err());
    // Unknown keys in a file are left out.
    let loaded =
        parse_catalogue(r#"{"lang": "FR-ca", "texts": {"nope": "x", "contents": "Sommaire"}}"#)
            .unwrap();
    assert_eq!(loaded.lang, "fr");
    assert_eq!(
        loaded.texts,
        [("contents".to_string(), "Sommaire".to_string())]
    );
    assert_eq!(catalogues::SHIPPED.len(), catalogues::ALL.len());
}

#[test]
fn docs_list_every_key_with_its_english_text() {
    let docs = include_str!("../../../docs/languages.md");
    for (key, text) in ENGLISH.entries {
        let row = format!("| `{key}` | {} |", text.replace('|', "\\|"));
        assert!(docs.contains(&row), "docs/languages.md lacks {row}");
    }
}

#[test]
fn a_catalogue_without_a_plural_form_falls_back_to_its_other_form() {
    // Arabic calls 3 "few"; this publisher's catalogue only has "other" (and a host overrides
    // an unrelated text): the "other" form is used, never the key itself.
    let loaded = parse_catalogue(
        r#"{"lang": "ar", "texts": {"search_status.other": "{count} من {total}"}}"#,
    )
    .unwrap();
    let messages = Messages::english()
        .with_catalogue(Rc::new(loaded))
        .with_overrides(vec![("search_label".to_string(), "ابحث".to_string())]);
    assert_eq!(
        messages.plural(keys::SEARCH_STATUS, 3, &[("total", "9")]),
        "3 من 9"
    );
}
