//! Tests of the text formats besides the seed's (`import::{detect, import_text}`): detection as a
//! table, each format's examples against a compact rendering, and properties for each format:
//! no panic and a JSON round trip on any text, and every word of a well-formed document in the
//! reader's text, in order.
// They need the core's `text-formats` feature (the test command turns it on).
#![cfg(all(not(target_arch = "wasm32"), feature = "text-formats"))]

mod common;

use expect_test::{expect, Expect};
use interview_core::import::*;
use interview_core::model::{Block, Interview};
use proptest::prelude::*;

/// One line per item: questions with their asker and time, paragraphs with speaker and time.
fn render(imported: &Imported) -> String {
    let interview = &imported.interview;
    let mut lines = vec![format!("{} {:?}", imported.format.name(), interview.title)];
    for paragraph in &interview.intro {
        lines.push(format!("intro {paragraph:?}"));
    }
    let who = |name: &Option<String>, at: &Option<u64>| {
        let name = name
            .as_deref()
            .map(|n| format!(" by {n}"))
            .unwrap_or_default();
        let at = at.map(|ms| format!(" at {ms}")).unwrap_or_default();
        format!("{name}{at}")
    };
    for question in &interview.questions {
        lines.push(format!(
            "Q {:?}{}",
            question.text,
            who(&question.asker, &question.start_ms)
        ));
        for block in &question.answer {
            lines.push(match block {
                Block::Paragraph {
                    text,
                    speaker,
                    start_ms,
                    ..
                } => format!("  {text:?}{}", who(speaker, start_ms)),
                Block::Bullet { label, text, .. } => format!("  - {label:?} {text:?}"),
                Block::Subheading { text } => format!("  sub {text:?}"),
            });
            for styled in block.styles() {
                // Every style lies inside its block's text (a run past the end would render
                // cut short here and hide the error).
                assert!(
                    styled.start < styled.end && styled.end <= block.text().chars().count(),
                    "{styled:?} in {:?}",
                    block.text()
                );
                let run: String = block
                    .text()
                    .chars()
                    .skip(styled.start)
                    .take(styled.end - styled.start)
                    .collect();
                let href = styled.href.as_deref().map(|h| format!(" -> {h}"));
                lines.push(format!(
                    "    {:?} {run:?}{}",
                    styled.style,
                    href.unwrap_or_default()
                ));
            }
        }
    }
    for problem in &imported.problems {
        lines.push(format!("problem {problem}"));
    }
    lines.join("\n") + "\n"
}

#[track_caller]
fn check(text: &str, hints: &[&str], expected: Expect) {
    let options = ImportOptions {
        hints: hints.iter().map(|h| h.to_string()).collect(),
        ..ImportOptions::default()
    };
    expected.assert_eq(&render(&import_text(text, &options)));
}

#[test]
fn detection_rules_in_order() {
    let cases: &[(&str, &[&str], TextFormat)] = &[
        ("Why?\n- Because.", &[], TextFormat::Plain),
        ("anything", &["talk.vtt"], TextFormat::WebVtt),
        ("anything", &["https://x.org/a.srt?x=1"], TextFormat::Srt),
        ("anything", &["text/vtt; charset=utf-8"], TextFormat::WebVtt),
        (
            "anything",
            &["talk.txt", "application/x-subrip"],
            TextFormat::Srt,
        ),
        (
            "\nWEBVTT - a talk\n\n00:01.000 --> 00:02.000\nHi",
            &[],
            TextFormat::WebVtt,
        ),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi", &[], TextFormat::Srt),
        (
            "Q: Why?\nA: Because.\nQ: And?\nA: So.",
            &[],
            TextFormat::QuestionAnswer,
        ),
        (
            "Question: Why?\nAnswer: Because.\nQuestion: And?",
            &[],
            TextFormat::QuestionAnswer,
        ),
        (
            "# T\nHOST: Why?\nANA: Because.\nHOST: And?\nANA: So.",
            &[],
            TextFormat::Transcript,
        ),
        // One speaker only, or names in a minority of lines: not a transcript.
        ("HOST: Why?\nHOST: And?\nHOST: So?", &[], TextFormat::Plain),
        (
            "Intro\nWhy?\n- Label: text\n- Other: text\nHow?\n- A: b",
            &[],
            TextFormat::Plain,
        ),
        ("# T\n\n## Why?\n\nBecause.", &[], TextFormat::Markdown),
        ("Why?\n- Because.", &["notes.md"], TextFormat::Markdown),
        (
            "Why?",
            &["text/markdown; charset=utf-8"],
            TextFormat::Markdown,
        ),
        // SubRip needs both a number and a timing line after it.
        ("1984\nA good year.", &[], TextFormat::Plain),
        (
            "Intro\n00:00:01,000 --> 00:00:02,000\nHi",
            &[],
            TextFormat::Plain,
        ),
        // Two "Q:" lines and an "A:" line at least.
        ("Q: Why?\nA: Because.", &[], TextFormat::Plain),
        ("Q: Why?\nQ: And?", &[], TextFormat::Plain),
        // Named speakers on half the lines at least: three of six is a transcript, of seven not.
        (
            "HOST: Why?\nANA: Because.\nHOST: And?\nmore\nmore\nmore",
            &[],
            TextFormat::Transcript,
        ),
        (
            "HOST: Why?\nANA: Because.\nHOST: And?\nmore\nmore\nmore\nmore",
            &[],
            TextFormat::Plain,
        ),
        // "##" without a space is not a heading; Q/A lines win over a Markdown name.
        ("##Why?\n- Because.", &[], TextFormat::Plain),
        (
            "**Q:** Why?\n**A:** Because.\n**Q:** And?",
            &["qa.md"],
            TextFormat::QuestionAnswer,
        ),
    ];
    for (text, hints, expected) in cases {
        assert_eq!(detect(text, hints).format, *expected, "{text:?} {hints:?}");
    }
}

#[test]
fn question_and_answer_lines() {
    check(
        "# A small talk\nAn introduction.\n\nQ: Why lighthouses?\nA: Because ships\nneed them.\n\nThey still do.\nQuestion: And now?\n**Answer:** Automated.",
        &[],
        expect![[r#"
            qa "A small talk"
            intro "An introduction."
            Q "Why lighthouses?"
              "Because ships need them."
              "They still do."
            Q "And now?"
              "Automated."
        "#]],
    );
    // A label alone on its line; its text follows, after a blank line or not.
    check(
        "Q:\n\nWhy lighthouses?\nA:\nBecause ships need them.\nQ: And now?\nA: Automated.",
        &[],
        expect![[r#"
            qa "Interview"
            Q "Why lighthouses?"
              "Because ships need them."
            Q "And now?"
              "Automated."
        "#]],
    );
}

#[test]
fn a_transcript_keeps_its_speakers_and_finds_the_interviewer() {
    check(
        "MODERATOR: Welcome. What brought you to glaciers?\nQUISPE: My grandmother's valley.\nQUISPE: It had ice then.\nMODERATOR: And now?\n**Dr. Rao**: Less.\nQUISPE: Much less.\nHe said: nothing.\n\nMODERATOR: Thank you.",
        &[],
        expect![[r#"
            transcript "Interview"
            Q "Welcome. What brought you to glaciers?" by MODERATOR
              "My grandmother's valley. It had ice then." by QUISPE
            Q "And now?" by MODERATOR
              "Less." by Dr. Rao
              "Much less. He said: nothing." by QUISPE
            Q "Thank you." by MODERATOR
            problem line 9: a question with no answer
        "#]],
    );
}

#[test]
fn the_interviewer_is_the_speaker_whose_turns_most_often_ask() {
    // (transcript, who asks its questions). By share of questions among a speaker's turns, then
    // by the number of questions, then the first to speak.
    let cases: &[(&str, &str)] = &[
        // The interviewer need not speak first.
        (
            "ANA: Welcome, everyone.\nBO: Why glaciers?\nANA: Because.\nBO: And now?\nANA: Less.",
            "BO",
        ),
        // (A speaker's lines in a row are one turn, so CY, who never asks, takes turns between.)
        // One question in one turn beats two in four.
        (
            "BO: Hello.\nCY: Hi.\nBO: Why?\nCY: Yes.\nBO: How?\nCY: So.\nBO: Fine.\nANA: Where?\nCY: Here.",
            "ANA",
        ),
        // One in two and two in four: the same share, so the one who asks more.
        (
            "ANA: Why?\nCY: Yes.\nANA: Fine.\nCY: Ok.\nBO: How?\nCY: So.\nBO: Where?\nCY: There.\nBO: Good.\nCY: Yes.\nBO: Bye.",
            "BO",
        ),
        // Two in three beats one in two, though they speak first.
        (
            "ANA: Why?\nCY: Yes.\nANA: Fine.\nCY: Ok.\nBO: How?\nCY: So.\nBO: Where?\nCY: There.\nBO: Good.",
            "BO",
        ),
        // One in three and two in six: the same share again.
        (
            "ANA: Why?\nCY: Yes.\nANA: Fine.\nCY: Ok.\nANA: Good.\nCY: So.\nBO: How?\nCY: Here.\nBO: Where?\nCY: There.\nBO: A.\nCY: B.\nBO: C.\nCY: D.\nBO: E.\nCY: F.\nBO: G.",
            "BO",
        ),
        // One in one beats one in two, whoever speaks first.
        ("ANA: Why?\nBO: How?\nCY: Here.\nBO: Fine.", "ANA"),
        // A full tie, or nobody asking: the first to speak.
        ("ANA: Why?\nBO: How?", "ANA"),
        ("BO: Fine.\nANA: Fine.", "BO"),
        // A third speaker who never asks changes nothing.
        (
            "CY: Intro.\nANA: Why?\nBO: Because.\nANA: How?\nBO: So.",
            "ANA",
        ),
    ];
    let options = ImportOptions {
        format: Some(TextFormat::Transcript),
        ..ImportOptions::default()
    };
    for (text, interviewer) in cases {
        let interview = import_text(text, &options).interview;
        let askers: Vec<Option<&str>> = interview
            .questions
            .iter()
            .map(|q| q.asker.as_deref())
            .collect();
        assert!(!askers.is_empty(), "{text:?}");
        assert!(
            askers.iter().all(|asker| *asker == Some(interviewer)),
            "{text:?}: {askers:?}"
        );
    }
}

#[test]
fn webvtt_cues_join_into_turns_with_voices_and_times() {
    check(
        "WEBVTT\n\nNOTE recorded in 2026\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Host>Why do you <i>map</i> ice?</v>\n\n00:00:03.500 --> 00:00:05.000\n<v.slow Ana Quispe>Because it &amp; the\nvalley</v>\n\n00:00:05.000 --> 00:00:06.000\n<v Ana Quispe>are leaving.\n\n00:00:07.000 --> 00:00:08.000\n<v Host>Since when?<v Ana Quispe>Since 1990.",
        &[],
        expect![[r#"
            webvtt "Interview"
            Q "Why do you map ice?" by Host at 1000
              "Because it & the valley are leaving." by Ana Quispe at 3500
            Q "Since when?" by Host at 7000
              "Since 1990." by Ana Quispe at 7000
        "#]],
    );
}

#[test]
fn webvtt_headers_are_skipped_and_problems_point_at_the_cue_text() {
    // A REGION block is a header like NOTE and STYLE; a question with no answer is reported at
    // its text's line, the first line after its timing.
    check(
        "WEBVTT\n\nREGION\nid:left\n\n00:00:01.000 --> 00:00:02.000\nHow?\n",
        &[],
        expect![[r#"
            webvtt "Interview"
            Q "How?" at 1000
            problem line 7: a question with no answer
        "#]],
    );
    // No question at all: reported at the last line with text.
    check(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJust words.\n\n00:00:03.000 --> 00:00:04.000\nMore words.\n\n",
        &[],
        expect![[r#"
            webvtt "Interview"
            intro "Just words."
            intro "More words."
            problem line 4: an answer before the first question (kept as an introduction paragraph)
            problem line 7: an answer before the first question (kept as an introduction paragraph)
            problem line 7: no questions found (a question is a turn of the speaker who asks)
        "#]],
    );
}

#[test]
fn srt_cues_with_name_labels_or_none() {
    check(
        "1\n00:00:01,000 --> 00:00:02,000\nHOST: Where were you\n\n2\n00:00:02,000 --> 00:00:03,000\nborn?\n\n3\n00:00:03,000 --> 00:00:05,000\nANA: In Huaraz.\n\nstray words",
        &[],
        expect![[r#"
            srt "Interview"
            Q "Where were you born?" by HOST at 1000
              "In Huaraz. stray words" by ANA at 3000
            problem line 13: a block without cue timings (kept as text)
        "#]],
    );
    check(
        "1\n00:00:01,000 --> 00:00:02,000\nWhere were you\n\n2\n00:00:02,000 --> 00:00:03,000\nborn?\n\n3\n00:00:03,000 --> 00:00:05,000\nIn Huaraz.",
        &[],
        expect![[r#"
            srt "Interview"
            Q "Where were you born?" at 1000
              "In Huaraz." at 3000
        "#]],
    );
}

#[test]
fn other_scripts_question_marks_and_colons() {
    check(
        "لماذا تدرسين الأنهار الجليدية؟\n- الجواب: لأنها تختفي.\nなぜ氷河ですか？\n- 答え：消えているから。\nΓιατί\u{37e}\n- Επειδή.",
        &[],
        expect![[r#"
            plain "Interview"
            Q "لماذا تدرسين الأنهار الجليدية؟"
              - Some("الجواب") "لأنها تختفي."
            Q "なぜ氷河ですか？"
              - Some("答え") "消えているから。"
            Q "Γιατί;"
              - None "Επειδή."
        "#]],
    );
}

#[test]
fn a_format_asked_for_wins_over_detection() {
    let text = "HOST: Why?\nANA: Because.\nHOST: And?\nANA: So.";
    let options = ImportOptions {
        format: Some(TextFormat::Plain),
        ..ImportOptions::default()
    };
    let imported = import_text(text, &options);
    assert_eq!(imported.format, TextFormat::Plain);
    assert_eq!(imported.interview.questions[0].text, "HOST: Why?");
    assert_eq!(TextFormat::from_name("WebVTT"), Some(TextFormat::WebVtt));
    assert_eq!(
        TextFormat::from_name("markdown"),
        Some(TextFormat::Markdown)
    );
    assert_eq!(TextFormat::from_name("docx"), None);
}

#[test]
fn markdown_headings_paragraphs_lists_emphasis_and_links() {
    check(
        concat!(
            "# Bees in the *city*\n",
            "\n",
            "An interview from [the Almanac](https://almanac.example/bees).\n",
            "\n",
            "## Why *rooftop* hives?\n",
            "\n",
            "Because the roofs are **warm** and see [the sun](https://sun.example \"title\").\n",
            "\n",
            "- **Forage:** lime trees, *clover*\n",
            "- **Water**: the river\n",
            "- plain item\n",
            "  - nested item\n",
            "\n",
            "### What we saw\n",
            "\n",
            "> A quoted line with <script>alert(1)</script> in it\n",
            "\n",
            "## How do you reach us?\n",
            "\n",
            "Write to [us](mailto:bees@example.org), not [this](javascript:alert(1)).\n",
            "![a hive](hive.png)\n",
            "\n",
            "```\nkeep   this\n```\n",
        ),
        &[],
        expect![[r#"
            markdown "Bees in the city"
            intro "An interview from the Almanac (https://almanac.example/bees)."
            Q "Why rooftop hives?"
              "Because the roofs are warm and see the sun."
                Strong "warm"
                Link "the sun" -> https://sun.example
              - Some("Forage") "lime trees, clover"
                Emphasis "clover"
              - Some("Water") "the river"
              - None "plain item"
              - None "nested item"
              sub "What we saw"
              "A quoted line with <script>alert(1)</script> in it"
            Q "How do you reach us?"
              "Write to us, not this. a hive"
                Link "us" -> mailto:bees@example.org
              "keep   this"
            problem line 20: a link to "javascript:alert(1)" is kept as plain text (only http, https and mailto links are followed)
            problem line 21: an image cannot be shown (its description is kept as text)
        "#]],
    );
}

#[test]
fn markdown_without_questions_or_with_a_heading_above_them() {
    check(
        "# Title only\n\nSome words.\n",
        &["a.md"],
        expect![[r###"
            markdown "Title only"
            intro "Some words."
            problem line 3: no questions found (a question is a heading: "## Question?" after the "# Title")
        "###]],
    );
    check(
        "Intro first\n\n## Why?\n\nBecause.\n\n# Part two\n\nMore.\n",
        &[],
        expect![[r#"
            markdown "Interview"
            intro "Intro first"
            Q "Why?"
              "Because."
              sub "Part two"
              "More."
            problem line 7: a heading above the questions' level (kept as a sub-heading)
        "#]],
    );
}

#[test]
fn markdown_list_items_with_paragraphs_nested_lists_and_code() {
    // A loose item's paragraphs make one bullet; after a nested list, the item's own text goes
    // on as a bullet; in a tight item, code and the text after it are bullets of their own.
    check(
        concat!(
            "## Why?\n",
            "\n",
            "- first paragraph\n",
            "\n",
            "  second paragraph\n",
            "- outer\n",
            "  - nested\n",
            "\n",
            "  back in outer\n",
            "\n",
            "## And?\n",
            "\n",
            "- tight item\n",
            "  ```\n",
            "  code\n",
            "  ```\n",
            "  after the code\n",
        ),
        &[],
        expect![[r#"
            markdown "Interview"
            Q "Why?"
              - None "first paragraph second paragraph"
              - None "outer"
              - None "nested"
              - None "back in outer"
            Q "And?"
              - None "tight item"
              - None "code"
              - None "after the code"
        "#]],
    );
}

#[test]
fn markdown_styles_follow_the_text_they_mark() {
    // Styles move when white space is trimmed and when a label is taken off a bullet; a style
    // left empty, or inside the label, goes; only strong text at the start is a label.
    check(
        concat!(
            "## Why?\n",
            "\n",
            "&#32;*word* rest and [ ](https://x.example) more\n",
            "\n",
            "[ ](https://x.example) starts this one\n",
            "\n",
            "- **Water**: the *river*\n",
            "- ***Label:*** text\n",
            "- *Note:* emphasis is no label\n",
            "- **Only a label:**\n",
        ),
        &[],
        expect![[r#"
            markdown "Interview"
            Q "Why?"
              "word rest and   more"
                Emphasis "word"
                Link " " -> https://x.example
              "starts this one"
              - Some("Water") "the river"
                Emphasis "river"
              - Some("Label") "text"
              - None "Note: emphasis is no label"
                Emphasis "Note:"
              - None "Only a label:"
                Strong "Only a label:"
        "#]],
    );
}

#[test]
fn markdown_line_numbers_with_any_line_ending() {
    // CRLF, a lone CR and LF each end one line, as every importer counts them; an image across
    // lines is reported where it starts.
    check(
        "# T\r\n\r\n## Why?\r\rSee ![a hive](hive.png)\n\n[x](javascript:x)\n\n![a\nlong\ndescription](x.png)\n",
        &[],
        expect![[r#"
            markdown "T"
            Q "Why?"
              "See a hive"
              "x"
              "a long description"
            problem line 5: an image cannot be shown (its description is kept as text)
            problem line 7: a link to "javascript:x" is kept as plain text (only http, https and mailto links are followed)
            problem line 9: an image cannot be shown (its description is kept as text)
        "#]],
    );
}

#[test]
fn markdown_title_is_a_level_one_heading_before_anything_else() {
    // After the introduction a "#" heading is no title: it sets the questions' level.
    check(
        "Intro first\n\n# Why?\n\nBecause.\n",
        &["a.md"],
        expect![[r#"
            markdown "Interview"
            intro "Intro first"
            Q "Why?"
              "Because."
        "#]],
    );
}

fn words(texts: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    texts
        .into_iter()
        .flat_map(|t| {
            t.as_ref()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Words of the generated documents: no colons, tags, markers or question marks of their own.
fn word() -> impl Strategy<Value = String> {
    "[a-zà-ÿ]{1,8}"
}

mod properties {
    use super::*;

    fn format() -> impl Strategy<Value = TextFormat> {
        prop::sample::select(TextFormat::ALL.iter().map(|(f, _)| *f).collect::<Vec<_>>())
    }

    proptest! {
        #![proptest_config(common::config(256))]

        #[test]
        fn any_text_in_any_format_imports_to_valid_json(text in "(?s).{0,400}", format in format()) {
            let options = ImportOptions { format: Some(format), ..ImportOptions::default() };
            let interview = import_text(&text, &options).interview;
            prop_assert_eq!(Interview::from_json(&interview.to_json()), Ok(interview));
        }

        #[test]
        fn every_word_of_a_transcript_reaches_the_reader(first in prop::collection::vec(word(), 1..6), rest in prop::collection::vec((0..3usize, prop::collection::vec(word(), 1..6), any::<bool>()), 0..12)) {
            // Speakers take turns; the first, HOST, speaks first and asks (its turns end in "?").
            let turns: Vec<(usize, Vec<String>, bool)> = std::iter::once((0, first, false)).chain(rest).collect();
            let names = ["HOST", "Ana Quispe", "Dr. Rao"];
            let mut text = String::new();
            let mut expected = Vec::new();
            for (speaker, said, _) in &turns {
                let line = format!("{}{}", said.join(" "), if *speaker == 0 { "?" } else { "." });
                text.push_str(&format!("{}: {line}\n", names[*speaker]));
                expected.push(names[*speaker].to_string());
                expected.extend(words([line]));
            }
            let interview = import_text(&text, &ImportOptions { format: Some(TextFormat::Transcript), ..ImportOptions::default() }).interview;
            let model = words(interview.texts().skip(1));
            // Consecutive turns of one speaker join: their name is said once.
            let mut deduped = Vec::new();
            let mut last_speaker = None;
            for (speaker, said, _) in &turns {
                if last_speaker != Some(*speaker) {
                    deduped.push(names[*speaker].to_string());
                }
                last_speaker = Some(*speaker);
                let line = format!("{}{}", said.join(" "), if *speaker == 0 { "?" } else { "." });
                deduped.extend(words([line]));
            }
            let intro_free: Vec<String> = model.into_iter().collect();
            prop_assert_eq!(words(deduped.iter()).concat(), intro_free.concat());
        }

        #[test]
        fn every_word_of_a_webvtt_cue_reaches_the_reader(cues in prop::collection::vec((0..2usize, prop::collection::vec(word(), 1..5)), 1..10)) {
            let names = ["Host", "Ana"];
            let mut text = String::from("WEBVTT\n\n");
            let mut said = Vec::new();
            for (i, (speaker, words_said)) in cues.iter().enumerate() {
                let line = format!("{}{}", words_said.join(" "), if *speaker == 0 { "?" } else { "." });
                text.push_str(&format!("00:00:{i:02}.000 --> 00:00:{i:02}.900\n<v {}>{line}\n\n", names[*speaker]));
                said.extend(words([line]));
            }
            let interview = import_text(&text, &ImportOptions::default()).interview;
            let model: Vec<String> = words(interview.texts().skip(1)).into_iter().filter(|w| !names.contains(&w.as_str())).collect();
            prop_assert_eq!(model.concat(), said.concat());
        }

        #[test]
        fn every_word_of_a_markdown_interview_reaches_the_reader(
            questions in prop::collection::vec((prop::collection::vec(word(), 1..4), prop::collection::vec((0..3usize, prop::collection::vec((0..4usize, word()), 1..6)), 1..4)), 1..5)
        ) {
            // Each word may be emphasised, strong or a link; a block is a paragraph, a bullet or a
            // labelled bullet. The words, in order, are what the reader must show.
            let mut text = String::from("# The title\n\n");
            let mut said = vec!["The".to_string(), "title".to_string()];
            let mut links = Vec::new();
            for (question, blocks) in &questions {
                text.push_str(&format!("## {}?\n\n", question.join(" ")));
                said.extend(question.iter().cloned());
                for (kind, block) in blocks {
                    let marked: Vec<String> = block.iter().map(|(style, w)| match style {
                        1 => format!("*{w}*"),
                        2 => format!("**{w}**"),
                        3 => { links.push(format!("https://{w}.example/")); format!("[{w}](https://{w}.example/)") }
                        _ => w.clone(),
                    }).collect();
                    text.push_str(&match kind {
                        0 => format!("{}\n\n", marked.join(" ")),
                        1 => format!("- {}\n\n", marked.join(" ")),
                        _ => format!("- **Label:** {}\n\n", marked.join(" ")),
                    });
                    if *kind == 2 { said.push("Label".to_string()); }
                    said.extend(block.iter().map(|(_, w)| w.clone()));
                }
            }
            let imported = import_text(&text, &ImportOptions::default());
            prop_assert_eq!(imported.format, TextFormat::Markdown);
            prop_assert!(imported.problems.is_empty(), "{:?}", imported.problems);
            let model: Vec<String> = words(imported.interview.texts()).into_iter().map(|w| w.trim_end_matches('?').to_string()).collect();
            prop_assert_eq!(model, said);
            let hrefs: Vec<String> = imported.interview.questions.iter().flat_map(|q| &q.answer).flat_map(|b| b.styles()).filter_map(|s| s.href.clone()).collect();
            prop_assert_eq!(hrefs, links);
        }
    }
}

mod loading {
    use interview_core::import::TextFormat;
    use interview_core::load::{from_importers, load_body, LoadFailure};

    #[test]
    fn a_name_or_type_decides_the_format_of_a_fetched_body() {
        // No WEBVTT line: only the address says these are subtitles.
        let cues = "00:00:01.000 --> 00:00:02.000\n<v Host>Why?\n\n00:00:03.000 --> 00:00:04.000\n<v Ana>Because.\n";
        let loaded = load_body(cues, None, Some("https://x.example/talk.vtt")).unwrap();
        assert_eq!(loaded.interview.questions[0].text, "Why?");
        assert_eq!(loaded.interview.questions[0].asker.as_deref(), Some("Host"));
        let typed = load_body(cues, Some("text/vtt"), None).unwrap();
        assert_eq!(typed.interview.questions[0].text, "Why?");
    }

    #[test]
    fn what_the_importers_module_returns_is_read_with_its_problems() {
        let json = r#"{"format_version":2,"title":"t","questions":[{"id":"a","text":"Why?","answer":[]}],
            "import_format":"webvtt","import_problems":[[3,"a cue without timing"],["x","line unknown"],5,[1],[2,7]]}"#;
        let loaded = from_importers(json).unwrap();
        let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            ["line 3: a cue without timing", "line 0: line unknown"]
        );
        let empty = |format: &str| {
            from_importers(&format!(
                r#"{{"format_version":2,"title":"t","questions":[],"import_format":{format}}}"#
            ))
        };
        assert_eq!(
            empty("\"srt\"").unwrap_err(),
            LoadFailure::NoQuestions(TextFormat::Srt)
        );
        assert_eq!(
            empty("\"markdown\"").unwrap_err(),
            LoadFailure::NoQuestions(TextFormat::Markdown)
        );
        assert_eq!(
            empty("7").unwrap_err(),
            LoadFailure::NoQuestions(TextFormat::Transcript)
        );
        assert!(matches!(from_importers("{"), Err(LoadFailure::Json(_))));
    }

    /// The word the host page's `failed` event carries for each way a body fails to load.
    #[test]
    fn each_load_failure_has_its_kind() {
        let kind = |body: &str| load_body(body, None, None).unwrap_err().kind();
        assert_eq!(kind(" \n "), "empty");
        assert_eq!(kind("{\"format_version\": 1}"), "invalid-data");
        assert_eq!(
            kind("{\"format_version\": 99, \"title\": \"t\", \"questions\": []}"),
            "unsupported-version"
        );
        assert_eq!(
            load_body("", Some("application/json"), None)
                .unwrap_err()
                .kind(),
            "empty"
        );
        assert_eq!(kind("No question here, only a statement."), "no-questions");
        assert_eq!(
            kind(&"x".repeat(interview_core::load::MAX_BODY_BYTES + 1)),
            "too-large"
        );
        let needs = LoadFailure::NeedsConversion(interview_core::import::Detection {
            format: TextFormat::WebVtt,
            because: "the first line is WEBVTT".to_string(),
        });
        assert_eq!(needs.kind(), "needs-conversion");
    }
}
