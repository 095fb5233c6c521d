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
                } => format!("  {text:?}{}", who(speaker, start_ms)),
                Block::Bullet { label, text } => format!("  - {label:?} {text:?}"),
                Block::Subheading { text } => format!("  sub {text:?}"),
            });
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
    assert_eq!(TextFormat::from_name("markdown"), None);
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
    }
}
