//! Tests of the plain-text importer (the seed's format): the seed interview, many small inputs
//! checked against a compact rendering of what was imported, and properties that hold for any
//! input. The other formats are tested in `formats.rs`.
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use expect_test::expect;
use interview_core::import::*;
use interview_core::model::{Block, Interview};
use interview_core::seed as content;
use proptest::prelude::*;
use std::collections::HashMap;

/// Imports `input` with default options and compares a one-line-per-item rendering of the result
/// with `expected` (each expected line is trimmed, blank ones skipped, so cases can be indented).
#[track_caller]
fn check(input: &str, expected: &str) {
    let imported = import_text(input, &plain());
    let actual = render(&imported);
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let expected = expected.join("\n");
    assert_eq!(actual, expected, "\ninput: {input:?}\nactual:\n{actual}\n");
}

/// Options that ask for the plain format (detection is tested in `formats.rs`).
fn plain() -> ImportOptions {
    ImportOptions {
        format: Some(TextFormat::Plain),
        ..ImportOptions::default()
    }
}

fn render(imported: &Imported) -> String {
    let interview = &imported.interview;
    let mut lines = vec![format!("title {:?}", interview.title)];
    if !interview.source.is_empty() {
        lines.push(format!("source {:?}", interview.source));
    }
    for paragraph in &interview.intro {
        lines.push(format!("intro {paragraph:?}"));
    }
    for question in &interview.questions {
        lines.push(format!("question {} {:?}", question.id, question.text));
        for block in &question.answer {
            lines.push(match block {
                Block::Bullet {
                    label: Some(label),
                    text,
                    ..
                } => format!("- [{label}] {text:?}"),
                Block::Bullet {
                    label: None, text, ..
                } => format!("- {text:?}"),
                Block::Subheading { text } => format!("sub {text:?}"),
                Block::Paragraph { text, .. } => format!("para {text:?}"),
            });
        }
    }
    for problem in &imported.problems {
        lines.push(format!("problem {problem}"));
    }
    lines.join("\n")
}

#[test]
fn the_basic_shape() {
    check(
        "An introduction.\nWhat is it?\n- Label: text\n- unlabelled",
        r#"
        title "Interview"
        intro "An introduction."
        question what-is-it "What is it?"
        - [Label] "text"
        - "unlabelled"
        "#,
    );
}

#[test]
fn line_endings_bom_and_whitespace() {
    let expected = r#"
        title "Interview"
        intro "Intro"
        question what "What?"
        - [A] "b"
    "#;
    check("Intro\r\nWhat?\r\n- A: b\r\n", expected);
    check("Intro\rWhat?\r- A: b\r", expected);
    check("\u{feff}Intro\nWhat?\n- A: b", expected);
    check("Intro \t\nWhat?  \n- A: b\t \n", expected);
    check("  Intro\n\tWhat?\n  - A: b", expected);
    check("\n\nIntro\n\n\nWhat?\n\n- A: b\n\n", expected);
    check("\r\n\r\nIntro\r\rWhat?\n\r\n- A: b", expected);
}

/// Found by the property `no_word_is_lost` (two U+FEFF): only the first character of a file can
/// be a byte order mark; a U+FEFF anywhere else, even right after it, is content and is kept.
#[test]
fn only_the_first_byte_order_mark_is_dropped() {
    check(
        "\u{feff}\u{feff}",
        r#"
            title "Interview"
            intro "\u{feff}"
            problem line 1: no questions found (a question is a line ending in "?")
        "#,
    );
    check(
        "\u{feff}\u{feff}Intro\nWhat?\n- A: b\u{feff}",
        r#"
            title "Interview"
            intro "\u{feff}Intro"
            question what "What?"
            - [A] "b\u{feff}"
        "#,
    );
}

#[test]
fn line_numbers_count_every_line_ending() {
    check(
        "Q?\r\n\r\n- a\r\nplain\r\n",
        r#"
        title "Interview"
        question q "Q?"
        - "a"
        para "plain"
        problem line 4: a plain paragraph inside an answer (expected a "- " bullet)
        "#,
    );
    check(
        "Q?\r\r- a\rplain",
        r#"
        title "Interview"
        question q "Q?"
        - "a"
        para "plain"
        problem line 4: a plain paragraph inside an answer (expected a "- " bullet)
        "#,
    );
}

#[test]
fn bullets() {
    check(
        "Q?\n- just text\n• bullet\n* star\n– en dash\n-\ttab",
        r#"
        title "Interview"
        question q "Q?"
        - "just text"
        - "bullet"
        - "star"
        - "en dash"
        - "tab"
        "#,
    );
    // A label is short, non-empty and not a sentence; otherwise the whole text is kept.
    check(
        "Q?\n- one two three four five six seven eight nine ten eleven: text\n\
         - Absolutely. The answer is: yes\n\
         - Label:\n\
         - : empty label\n\
         - Time: 10:30: late\n\
         - Inc.: ok\n\
         - Why? Because: no",
        r#"
        title "Interview"
        question q "Q?"
        - "one two three four five six seven eight nine ten eleven: text"
        - "Absolutely. The answer is: yes"
        - "Label:"
        - ": empty label"
        - [Time] "10:30: late"
        - [Inc.] "ok"
        - "Why? Because: no"
        "#,
    );
    check(
        &format!("Q?\n- {}: text", "x".repeat(81)),
        &format!(
            "title \"Interview\"\nquestion q \"Q?\"\n- \"{}: text\"",
            "x".repeat(81)
        ),
    );
    check(
        &format!("Q?\n- {}: text", "x".repeat(80)),
        &format!(
            "title \"Interview\"\nquestion q \"Q?\"\n- [{}] \"text\"",
            "x".repeat(80)
        ),
    );
}

#[test]
fn what_is_not_a_bullet() {
    check(
        "Q?\n-\n-x\n--- rule\n#",
        r##"
        title "Interview"
        question q "Q?"
        para "-"
        para "-x"
        para "--- rule"
        para "#"
        problem line 2: a plain paragraph inside an answer (expected a "- " bullet)
        problem line 3: a plain paragraph inside an answer (expected a "- " bullet)
        problem line 4: a plain paragraph inside an answer (expected a "- " bullet)
        problem line 5: a plain paragraph inside an answer (expected a "- " bullet)
        "##,
    );
}

#[test]
fn questions() {
    check(
        "He asked “why?”\n- a\nWhat (really?)\n- b\nReally?'\n- c\nIs it？\n- d",
        r#"
        title "Interview"
        question he-asked-why "He asked “why?”"
        - "a"
        question what-really "What (really?)"
        - "b"
        question really "Really?'"
        - "c"
        question is-it "Is it？"
        - "d"
        "#,
    );
    // A bullet that asks something is still a bullet.
    check(
        "Q?\n- Is it?",
        r#"
        title "Interview"
        question q "Q?"
        - "Is it?"
        "#,
    );
    check(
        "First?\nSecond?\n- a\nThird?",
        r#"
        title "Interview"
        question first "First?"
        question second "Second?"
        - "a"
        question third "Third?"
        problem line 1: a question with no answer
        problem line 4: a question with no answer
        "#,
    );
}

#[test]
fn duplicate_questions_get_numbered_ids() {
    check(
        "Why?\n- a\nWhy?\n- b\nWhy?\n- c\nWhy 2?\n- d",
        r#"
        title "Interview"
        question why "Why?"
        - "a"
        question why-2 "Why?"
        - "b"
        question why-3 "Why?"
        - "c"
        question why-2-2 "Why 2?"
        - "d"
        "#,
    );
}

#[test]
fn subheadings() {
    check(
        "Q?\nExamples of things:\n- a\nSpaced :\n:\n",
        r#"
        title "Interview"
        question q "Q?"
        sub "Examples of things"
        - "a"
        sub "Spaced"
        para ":"
        problem line 5: a plain paragraph inside an answer (expected a "- " bullet)
        "#,
    );
}

#[test]
fn the_introduction() {
    check(
        "- early bullet\nA note:\n#hashtag\nQ?\n- a",
        r##"
        title "Interview"
        intro "- early bullet"
        intro "A note:"
        intro "#hashtag"
        question q "Q?"
        - "a"
        problem line 1: a bullet before the first question (kept as an introduction paragraph)
        "##,
    );
    check(
        "Just a paragraph.\nAnother one.\n\n",
        r#"
        title "Interview"
        intro "Just a paragraph."
        intro "Another one."
        problem line 2: no questions found (a question is a line ending in "?")
        "#,
    );
}

#[test]
fn empty_input() {
    let empty = r#"
        title "Interview"
        problem line 0: the text is empty
    "#;
    check("", empty);
    check("\u{feff}", empty);
    check(" \n\t\r\n  \r", empty);
}

#[test]
fn title_line() {
    check(
        "\n# My Title\nQ?\n- a\n# Not a title",
        r##"
        title "My Title"
        question q "Q?"
        - "a"
        para "# Not a title"
        problem line 5: a plain paragraph inside an answer (expected a "- " bullet)
        "##,
    );
    check(
        "Intro\n# Not a title\nQ?\n- a",
        r##"
        title "Interview"
        intro "Intro"
        intro "# Not a title"
        question q "Q?"
        - "a"
        "##,
    );
}

#[test]
fn options_give_title_and_source() {
    let options = ImportOptions {
        title: Some("Given".to_string()),
        source: Some("Apogee".to_string()),
        ..plain()
    };
    let imported = import_text("# From the text\nQ?\n- a", &options);
    assert_eq!(imported.interview.title, "Given");
    assert_eq!(imported.interview.source, "Apogee");
    assert_eq!(imported.interview.intro, Vec::<String>::new());
    assert_eq!(
        imported.problems,
        [ImportProblem {
            line: 1,
            message: "the title line was replaced by the given title".to_string()
        }]
    );
}

#[test]
fn non_ascii() {
    check(
        "Où est la Straße, Ærø?\n- Réponse: très bien 日本\n- 日本: 東京",
        r#"
        title "Interview"
        question ou-est-la-strasse-aero "Où est la Straße, Ærø?"
        - [Réponse] "très bien 日本"
        - [日本] "東京"
        "#,
    );
    check(
        "日本語?\n- a\n？\n- b",
        r#"
        title "Interview"
        question question "日本語?"
        - "a"
        question question-2 "？"
        - "b"
        "#,
    );
}

#[test]
fn slugs() {
    let cases = [
        ("What is it?", "what-is-it"),
        (
            "How have China’s counterspace capabilities developed?",
            "how-have-chinas-counterspace-capabilities-developed",
        ),
        ("It's a dog's life", "its-a-dogs-life"),
        ("  --Hello,   World!--  ", "hello-world"),
        (
            "Ünïcödé Straße Œuvre İstanbul",
            "unicode-strasse-oeuvre-istanbul",
        ),
        ("e\u{301}te\u{301}", "ete"),
        ("a—b/c", "a-b-c"),
        ("U.S. Space Command", "u-s-space-command"),
        ("", "question"),
        ("???", "question"),
        ("日本語", "question"),
        ("日本 and 語", "and"),
        (
            "Are space capabilities playing a greater role in exercises like Rim of the Pacific?",
            "are-space-capabilities-playing-a-greater-role-in-exercises",
        ),
        // Exactly at the limit, and a word ending exactly at the limit.
        (&"a".repeat(60), &"a".repeat(60)),
        (&format!("{} bbb", "a".repeat(60)), &"a".repeat(60)),
        // One word longer than the limit is cut inside the word.
        (&"a".repeat(100), &"a".repeat(60)),
        (&format!("ab {}", "c".repeat(70)), "ab"),
    ];
    for (text, expected) in cases {
        assert_eq!(slugify(text), expected, "slugify({text:?})");
    }
}

fn seed_interview() -> Interview {
    let imported = content::seed();
    assert_eq!(imported.problems, []);
    imported.interview
}

#[test]
fn the_seed_imports_cleanly() {
    let interview = seed_interview();
    assert_eq!(interview.title, content::SEED_TITLE);
    assert_eq!(interview.source, "Apogee");
    assert_eq!(interview.intro.len(), 3);
    assert_eq!(interview.questions.len(), 9);
    let blocks: Vec<&Block> = interview.questions.iter().flat_map(|q| &q.answer).collect();
    let bullets: Vec<&&Block> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Bullet { .. }))
        .collect();
    assert_eq!(bullets.len(), 33);
    assert!(bullets.iter().all(|b| b.label().is_some()));
    let subheadings: Vec<&str> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Subheading { .. }))
        .map(|b| b.text())
        .collect();
    assert_eq!(subheadings, ["Examples of Counterspace Capabilities"]);
    assert_eq!(blocks.len(), 34);
    let first = &interview.questions[0];
    assert_eq!(first.answer[0].label(), Some("Increased Integration"));
    assert_eq!(
        first.id,
        "are-space-capabilities-playing-a-greater-role-in-exercises"
    );
}

#[test]
fn the_seed_ids_are_unique_slugs() {
    let ids: Vec<String> = seed_interview()
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect();
    expect![[r#"
        are-space-capabilities-playing-a-greater-role-in-exercises
        what-support-can-our-allies-offer-when-it-comes-to-the-space
        are-steps-being-taken-to-integrate-space-capabilities-among
        what-can-space-force-learn-and-what-new-skills-can-guardians
        will-there-be-a-point-when-our-partners-play-a-role-in-the
        can-you-describe-some-of-the-space-specific-operations
        why-is-it-important-for-guardians-to-forge-stronger
        how-have-chinas-counterspace-capabilities-developed-in
        how-might-these-chinese-exercises-foretell-the-launch-of-an
    "#]]
    .assert_eq(&(ids.join("\n") + "\n"));
}

/// Whitespace-separated words, without bullet markers and without the colons that end a label or
/// a sub-heading (removed from every word on both sides, so mid-sentence colons compare too).
fn words<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    texts
        .into_iter()
        .flat_map(str::split_whitespace)
        .filter(|word| *word != "-")
        .map(|word| word.trim_end_matches(':'))
        .filter(|word| !word.is_empty())
        .collect()
}

#[test]
fn every_word_of_the_seed_is_kept_in_order() {
    let interview = seed_interview();
    let source = words([content::SEED_TEXT]);
    let model = words(interview.texts().skip(1));
    assert_eq!(source.len(), model.len());
    assert_eq!(source, model);
}

#[test]
fn the_seed_round_trips_through_json() {
    let interview = seed_interview();
    assert_eq!(Interview::from_json(&interview.to_json()), Ok(interview));
}

fn alphanumeric_counts<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| c.is_alphanumeric())
    {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

/// Whether the text has a `# ` title line, whose text then becomes the title.
fn has_title_line(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split(['\r', '\n'])
        .map(str::trim)
        .find(|line| !line.is_empty())
        .and_then(|line| line.strip_prefix("# "))
        .is_some_and(|title| !title.trim().is_empty())
}

/// Text made mostly of the pieces the format gives meaning to, so that properties exercise the
/// rules rather than only plain paragraphs.
fn format_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "- ", "-\t", "• ", "* ", "– ", "# ", "#", "?", "?”", "？", ":", ": ", "\r", "\n",
            "\r\n", "\u{feff}", " ", "\t", "\u{a0}", "\u{2028}", "Label", "é", "e\u{301}", "ß",
            "日本", "a", "Z", "1", ".", "!", "’", "'", "(", ")",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), format_like_text()]
}

/// Properties that hold for any input: the test command draws their cases from a fixed seed,
/// the soak (`scripts/soak.sh`) from fresh ones.
mod properties {
    use super::*;

    proptest! {
        #![proptest_config(common::config(512))]

        #[test]
        fn any_text_imports_to_valid_json(text in any_text()) {
            let imported = import_text(&text, &plain());
            let interview = imported.interview;
            prop_assert_eq!(Interview::from_json(&interview.to_json()), Ok(interview));
        }

        #[test]
        fn no_letter_or_digit_is_lost(text in any_text()) {
            let interview = import_text(&text, &plain()).interview;
            let skip_title = usize::from(!has_title_line(&text));
            prop_assert_eq!(
                alphanumeric_counts(interview.texts().skip(skip_title)),
                alphanumeric_counts([text.as_str()])
            );
        }

        #[test]
        fn no_word_is_lost(text in format_like_text()) {
            // Every word of the source (less markup) appears in the model, in order, when the text
            // has no title line: the same check as for the seed, for any text.
            prop_assume!(!has_title_line(&text));
            // The importer gets the text as a file holds it; only a first U+FEFF is a byte
            // order mark, so only that one is not content.
            let interview = import_text(&text, &plain()).interview;
            let model = words(interview.texts().skip(1));
            let content = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let source: Vec<&str> = words([content])
                .into_iter()
                .filter(|word| !matches!(*word, "•" | "*" | "–"))
                .collect();
            let model: Vec<&str> = model
                .into_iter()
                .filter(|word| !matches!(*word, "•" | "*" | "–"))
                .collect();
            prop_assert_eq!(source, model);
        }

        #[test]
        fn problems_point_at_real_lines(text in any_text()) {
            let imported = import_text(&text, &plain());
            let line_count = text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).count();
            for problem in &imported.problems {
                prop_assert!(problem.line <= line_count, "{} of {} lines", problem, line_count);
            }
            let ids: std::collections::HashSet<&str> =
                imported.interview.questions.iter().map(|q| q.id.as_str()).collect();
            prop_assert_eq!(ids.len(), imported.interview.questions.len());
        }

        #[test]
        fn slugs_are_short_lowercase_ascii(text in any_text()) {
            let slug = slugify(&text);
            prop_assert!(!slug.is_empty() && slug.len() <= 60, "{:?}", slug);
            prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
    }
}

#[test]
fn question_ids_are_slugs_made_unique() {
    // "x-2" is a question of its own before "x" repeats: the repeat takes "x-3".
    let text = "X?\n- a\nX 2?\n- b\nX?\n- c\nX?\n- d\n";
    let ids: Vec<String> = import_text(text, &ImportOptions::default())
        .interview
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(ids, ["x", "x-2", "x-3", "x-4"]);
}

#[test]
fn slugs_fold_every_latin_letter_and_stop_at_sixty_bytes() {
    let a = |n: usize| "a".repeat(n);
    let cases: Vec<(String, String)> = vec![
        (
            "ÀÁÂÃÄÅ Æ Ç ÈÉÊË ÌÍÎÏ".into(),
            "aaaaaa-ae-c-eeee-iiii".into(),
        ),
        (
            "Ð Ñ ÒÓÔÕÖ Ø ÙÚÛÜ Ý Þ ß".into(),
            "d-n-ooooo-o-uuuu-y-th-ss".into(),
        ),
        (
            "Āā Ćĉ Ďđ Ēę Ĝģ Ĥħ Ĩį İı Ĳ Ĵ Ķĸ Ĺŀ Łń Ŋ".into(),
            "aa-cc-dd-ee-gg-hh-ii-ii-ij-j-kk-ll-ln-n".into(),
        ),
        (
            "Ōő Œ Ŕř Śš Ţŧ Ũų Ŵ Ŷÿ Źž ſ Șț".into(),
            "oo-oe-rr-ss-tt-uu-w-yy-zz-s-st".into(),
        ),
        ("×÷".into(), "question".into()),
        ("China’s plan".into(), "chinas-plan".into()),
        ("e\u{301}te\u{301}".into(), "ete".into()),
        // Sixty bytes stay; more are cut at the last word end within sixty (or at sixty).
        (a(60), a(60)),
        (format!("{} b", a(58)), format!("{}-b", a(58))),
        (format!("{} b", a(59)), a(59)),
        (format!("{} b", a(60)), a(60)),
        (format!("{}b", a(60)), a(60)),
        (format!("{} {}", a(30), "b".repeat(30)), a(30)),
    ];
    for (text, expected) in &cases {
        assert_eq!(&slugify(text), expected, "{text:?}");
    }
}
