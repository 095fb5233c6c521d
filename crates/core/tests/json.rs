//! The small JSON reader (core::json) against serde_json, the reference: on the seed, on
//! hand-picked cases, and on random documents. Native only (serde_json is the oracle).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_core::document;
use interview_core::json::{self, Json};
use interview_core::model::Interview;
use interview_core::seed as content;
use proptest::prelude::*;

/// Compares our value with serde_json's (numbers by their numeric value).
fn same(ours: &Json, reference: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, reference) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        // serde_json's default float parsing may differ from Rust's in the last bits; the format
        // only uses whole numbers, so a relative tolerance is the honest comparison for floats.
        (Json::Number(a), Value::Number(b)) => match (a.parse::<f64>(), b.as_f64()) {
            (Ok(x), Some(y)) => x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
            _ => false,
        },
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), Value::Object(b)) => b.iter().all(|(k, v)| {
            a.iter()
                .rev()
                .find(|(key, _)| key == k)
                .is_some_and(|(_, ours)| same(ours, v))
        }),
        _ => false,
    }
}

/// Parses `text` with both; they must agree on accepting it, and on the value when they do.
fn check(text: &str) {
    let ours = json::parse(text);
    let reference = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &reference) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {reference:?}"),
    }
}

/// The edge of a double's range, decided on the decimal digits (no float parsing in the wasm):
/// the same verdict as parsing the number exactly (Rust's `f64` parser) and refusing infinity.
/// (serde_json's default, faster parser also refuses a few numbers within a unit in the last
/// place below the edge, such as 1.7976931348623158e308, which rounds to the largest double.)
#[test]
fn numbers_at_the_edge_of_a_double_are_refused_exactly_when_they_round_to_infinity() {
    let half_way = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    let just_below = format!(
        "{}1",
        &half_way[..half_way.len() - 1].replace("7792", "7791")
    );
    for number in [
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "-1.7976931348623159e308",
        "17976931348623158079e289",
        "0.00017976931348623159e312",
        half_way,
        &format!("{half_way}.0000"),
        &format!("{half_way}.0000001"),
        &format!("0{half_way}e0"),
        &format!("0.{half_way}e309"),
        &just_below,
        "1e308",
        "1e309",
        "10e308",
        "0.1e310",
        "0e99999999999999999999",
        "1e-99999999999999999999",
        "1e99999999999999999999",
        "4.9e-324",
        "0.0000",
    ] {
        let fits = number.parse::<f64>().is_ok_and(f64::is_finite);
        assert_eq!(
            json::parse(&format!("[{number}]")).is_ok(),
            fits,
            "{number}"
        );
        assert_eq!(json::parse(number).is_ok(), fits, "{number}");
    }
}

#[test]
fn values() {
    for text in [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "12",
        "-3.25e-2",
        "1E+3",
        "\"\"",
        "\"a\\\"b\"",
        "\"\\u00e9\\ud83d\\ude00\\n\\t\\/\"",
        "[]",
        "[1, [2, [3]]]",
        "{}",
        "{\"a\": {\"b\": []}}",
        " \n\t{\"k\" : \"v\" } \r\n",
        "\"é — “quoted” 😀\"",
    ] {
        check(text);
    }
}

#[test]
fn syntax_errors() {
    for text in [
        "",
        " ",
        "{",
        "[",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "tru",
        "nul",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"a\u{1}b\"",
        "[1 2]",
        "{\"a\" 1}",
        "1 2",
        "{\"a\":1}}",
        "1e400",
        "[-504408463842e5868165]",
    ] {
        check(text);
    }
}

#[test]
fn errors_say_where() {
    let cases = [
        (
            "{\"a\":",
            "unexpected end of the document at line 1 column 6",
        ),
        ("{\n  \"a\": tru\n}", "expected a value at line 2 column 8"),
        ("[1,\n 2,,]", "expected a value at line 2 column 4"),
        ("\"é", "unterminated string at line 1 column 3"),
    ];
    for (text, expected) in cases {
        assert_eq!(json::parse(text).unwrap_err(), expected, "{text:?}");
    }
}

#[test]
fn nesting_is_capped_not_a_stack_overflow() {
    // Arrays, objects and both mixed: each is refused by the cap, none reaches the stack's end.
    let arrays = "[".repeat(100_000);
    let objects = "{\"a\":".repeat(100_000);
    let mixed = "[{\"a\":".repeat(50_000);
    for deep in [arrays, objects, mixed] {
        assert!(json::parse(&deep)
            .unwrap_err()
            .starts_with("nested too deeply"));
    }
    // The cap itself, exactly: the document is depth 0, and depth 64 is the deepest read, so 65
    // arrays read and 66 do not.
    let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    assert!(json::parse(&nested(65)).is_ok());
    assert!(json::parse(&nested(66))
        .unwrap_err()
        .starts_with("nested too deeply"));
}

#[test]
fn every_escape_reads() {
    let cases = [
        (r#""\b\f\n\r\t""#, "\u{8}\u{c}\n\r\t"),
        (r#""\"\\\/""#, "\"\\/"),
        (r#""\u00e9\u20AC""#, "é€"),
        (r#""\ud83d\ude00""#, "😀"),
    ];
    for (text, expected) in cases {
        assert_eq!(
            json::parse(text),
            Ok(Json::String(expected.to_string())),
            "{text}"
        );
    }
}

#[test]
fn question_ids_must_be_given_and_unique() {
    let doc = |ids: &[&str]| {
        let questions: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","text":"q","answer":[]}}"#))
            .collect();
        format!(
            r#"{{"format_version":2,"title":"t","questions":[{}]}}"#,
            questions.join(",")
        )
    };
    let cases: &[(&[&str], Option<&str>)] = &[
        (&["a", "b"], None),
        (&["a", "a"], Some("question id \"a\" is used twice")),
        (&["a", "b", "a"], Some("question id \"a\" is used twice")),
        (&["a", " "], Some("question 2 has an empty \"id\"")),
        (&[""], Some("question 1 has an empty \"id\"")),
    ];
    for (ids, expected) in cases {
        let read = Interview::from_json(&doc(ids));
        match expected {
            None => assert!(read.is_ok(), "{ids:?}: {read:?}"),
            Some(why) => assert_eq!(
                read.unwrap_err().to_string(),
                format!("The interview data is not valid: {why}"),
                "{ids:?}"
            ),
        }
    }
}

#[test]
fn the_seed_reads_the_same_as_with_serde() {
    let seed = content::seed().interview;
    let text = seed.to_json();
    let reference: Interview = serde_json::from_str(&text).unwrap();
    assert_eq!(Interview::from_json(&text), Ok(reference));
}

#[test]
fn shape_errors_name_the_path() {
    let check_shape = |text: &str, expected: &str| {
        let document = json::parse(text).unwrap();
        assert_eq!(
            document::interview_from(&document).unwrap_err(),
            expected,
            "{text}"
        );
    };
    check_shape(
        r#"{"format_version":1,"questions":[]}"#,
        "missing field `title`",
    );
    check_shape(
        r#"{"format_version":1,"title":"t","questions":[{"id":"a","text":"q","answer":[{"kind":"table","text":"x"}]}]}"#,
        r#"questions[0].answer[0].kind: unknown kind "table" (expected "bullet", "subheading" or "paragraph")"#,
    );
    check_shape(
        r#"{"format_version":1,"title":"t","intro":[1],"questions":[]}"#,
        "intro[0]: expected a string, found a number",
    );
    check_shape(
        r#"{"format_version":1,"title":"t","questions":[{"id":"a","text":"q","answer":[{"kind":"bullet","text":"x","label":7}]}]}"#,
        "questions[0].answer[0].label: expected a string, found a number",
    );
    let styled = |styles: &str| {
        format!(
            r#"{{"format_version":2,"title":"t","questions":[{{"id":"a","text":"q","answer":[{{"kind":"paragraph","text":"née ici","styles":{styles}}}]}}]}}"#
        )
    };
    check_shape(
        &styled(r#"[{"start":2,"end":9,"style":"emphasis"}]"#),
        "questions[0].answer[0].styles[0]: characters 2 to 9 are not a run of the text's 7 characters",
    );
    check_shape(
        &styled(r#"[{"start":0,"end":3,"style":"blink"}]"#),
        r#"questions[0].answer[0].styles[0].style: unknown style "blink" (expected "emphasis", "strong" or "link")"#,
    );
    check_shape(
        &styled(r#"[{"start":0,"end":3,"style":"link"}]"#),
        "missing field `questions[0].answer[0].styles[0].href` (a link's address)",
    );
    check_shape(
        &styled(r#"[{"start":"0","end":3,"style":"strong"}]"#),
        "questions[0].answer[0].styles[0].start: expected a character offset (a whole number)",
    );
    // Offsets count characters: "née" is 3 characters (4 bytes).
    let document = json::parse(&styled(
        r#"[{"start":0,"end":3,"style":"link","href":"https://x.example"}]"#,
    ))
    .unwrap();
    let interview = document::interview_from(&document).unwrap();
    assert_eq!(interview.questions[0].answer[0].styles()[0].end, 3);
}

/// Random JSON texts built from the format's own pieces and from noise.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.to_string()),
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((any::<String>(), inner), 0..5).prop_map(|members| {
                let body: Vec<String> = members
                    .into_iter()
                    .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
                    .collect();
                format!("{{{}}}", body.join(","))
            }),
        ]
    })
}

/// Properties that hold for any input: the test command draws their cases from a fixed seed,
/// the soak (`scripts/soak.sh`) from fresh ones.
mod properties {
    use super::*;

    proptest! {
        #![proptest_config(common::config(512))]

        #[test]
        fn agrees_with_serde_json_on_valid_documents(text in json_text()) {
            check(&text);
        }

        #[test]
        fn agrees_with_serde_json_on_damaged_documents(text in json_text(), cut in any::<prop::sample::Index>(), junk in "[\\[\\]{}:,\"\\\\a-z0-9 ]{0,3}") {
            // Cut the document at a character boundary and splice in junk: mostly invalid JSON.
            let at = cut.index(text.len() + 1);
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            check(&format!("{}{junk}{}", &text[..at], &text[at..]));
        }

        #[test]
        fn any_text_never_panics(text in any::<String>()) {
            let _ = json::parse(&text);
            let _ = Interview::from_json(&text);
        }

        #[test]
        fn interviews_serde_accepts_read_the_same(text in any::<String>()) {
            // Any imported interview, through its JSON form.
            let interview = interview_core::import::import_text(
                &text,
                &interview_core::import::ImportOptions {
                    format: Some(interview_core::import::TextFormat::Plain),
                    ..Default::default()
                },
            )
            .interview;
            let json_text = interview.to_json();
            let reference: Interview = serde_json::from_str(&json_text).unwrap();
            prop_assert_eq!(Interview::from_json(&json_text), Ok(reference));
        }
    }
}

#[test]
fn optional_fields_read_as_written() {
    let doc = r#"{"format_version":2,"title":"t","lang":"  ","questions":[{"id":"a","text":"q","start_ms":1500,"answer":[
        {"kind":"paragraph","text":"née","start_ms":0,"styles":[{"start":0,"end":3,"style":"emphasis"}]}]}]}"#;
    let interview = Interview::from_json(doc).unwrap();
    // A blank language is no language.
    assert_eq!(interview.lang, None);
    assert_eq!(interview.questions[0].start_ms, Some(1500));
    let block = &interview.questions[0].answer[0];
    assert_eq!(block.styles()[0].end, 3, "a run may end at the text's end");
    assert!(matches!(
        block,
        interview_core::model::Block::Paragraph {
            start_ms: Some(0),
            ..
        }
    ));
    let with_lang = doc.replace(r#""lang":"  ""#, r#""lang":"ar""#);
    assert_eq!(
        Interview::from_json(&with_lang).unwrap().lang.as_deref(),
        Some("ar")
    );
    let bad_time = doc.replace("1500", "-1");
    assert_eq!(
        Interview::from_json(&bad_time).unwrap_err().to_string(),
        "The interview data is not valid: questions[0].start_ms: expected a whole number of milliseconds, found a number"
    );
}
