//! Quote links: a selection → a fragment → the passage found again in an answer's text nodes.

use interview_core::quote::{fragment, locate, passage, target, Passage, Target};

fn p(start: &str, end: Option<&str>) -> Passage {
    Passage {
        start: start.to_string(),
        end: end.map(str::to_string),
    }
}

#[test]
fn a_short_selection_is_quoted_whole_and_a_long_one_by_its_edges() {
    let cases: &[(&str, Option<Passage>)] = &[
        ("", None),
        (" \n\t ", None),
        ("Taiwan", Some(p("Taiwan", None))),
        (
            "  allows us\n\nto convey  ",
            Some(p("allows us to convey", None)),
        ),
        (
            "one two three four five six seven eight nine ten",
            Some(p("one two three four five six seven eight nine ten", None)),
        ),
        (
            "one two three four five six seven eight nine ten eleven",
            Some(p("one two three four", Some("eight nine ten eleven"))),
        ),
    ];
    for (selected, expected) in cases {
        assert_eq!(&passage(selected), expected, "{selected:?}");
    }
}

#[test]
fn fragments_for_the_standalone_page_carry_the_standard_text_fragment_too() {
    let cases: &[(Option<&str>, &str, &str, Option<&str>)] = &[
        (None, "q7", "freedom of space", Some("q7~quote=freedom%20of%20space:~:text=freedom%20of%20space")),
        // `-`, `,` and `&` mean something in a text directive: encoded.
        (None, "why-is-it", "read-ins, IT & more", Some("why-is-it~quote=read%2Dins%2C%20IT%20%26%20more:~:text=read%2Dins%2C%20IT%20%26%20more")),
        // An embedded viewer: its name first, no text fragment (it cannot reach a shadow root).
        (Some("talk"), "q7", "space", Some("talk/q7~quote=space")),
        (Some("a/b"), "q/7", "x", Some("a%2Fb/q%2F7~quote=x")),
        (None, "q7", "   ", None),
    ];
    for (name, id, selected, expected) in cases {
        assert_eq!(
            fragment(*name, id, selected).as_deref(),
            *expected,
            "{name:?} {id} {selected:?}"
        );
    }
}

#[test]
fn a_fragment_reads_back_as_what_it_was_written_from() {
    let texts = [
        "freedom of space",
        "read-ins, IT & more — é ü 中文 \"quoted\" 100%",
        "one two three four five six seven eight nine ten eleven twelve",
    ];
    for name in [None, Some("talk"), Some("a/b c")] {
        for id in ["q7", "why-is-it", "accentué", "q/7"] {
            for text in texts {
                let written = fragment(name, id, text).unwrap();
                assert_eq!(
                    target(&written),
                    Target {
                        name: name.map(str::to_string),
                        question_id: id.to_string(),
                        passage: passage(text),
                    },
                    "{written}"
                );
            }
        }
    }
}

#[test]
fn fragments_as_browsers_leave_them() {
    let cases: &[(&str, Target)] = &[
        // A browser with text fragments removes the directive; one without keeps it.
        (
            "q7~quote=a%20b",
            Target {
                name: None,
                question_id: "q7".into(),
                passage: Some(p("a b", None)),
            },
        ),
        (
            "q7~quote=a%20b:~:text=a%20b",
            Target {
                name: None,
                question_id: "q7".into(),
                passage: Some(p("a b", None)),
            },
        ),
        // A plain deep link, percent-encoded or not.
        (
            "q7",
            Target {
                name: None,
                question_id: "q7".into(),
                passage: None,
            },
        ),
        (
            "accentu%C3%A9",
            Target {
                name: None,
                question_id: "accentué".into(),
                passage: None,
            },
        ),
        // A standard text fragment written by someone else: read, prefix and suffix skipped.
        (
            "q7:~:text=pre-,start,end,-suf&text=other",
            Target {
                name: None,
                question_id: "q7".into(),
                passage: Some(p("start", Some("end"))),
            },
        ),
        // Malformed escapes and nothing to find stay harmless.
        (
            "q%zz~quote=%E2%28",
            Target {
                name: None,
                question_id: "q%zz".into(),
                passage: Some(p("%E2%28", None)),
            },
        ),
        (
            "q7~quote=",
            Target {
                name: None,
                question_id: "q7".into(),
                passage: None,
            },
        ),
        (
            "",
            Target {
                name: None,
                question_id: String::new(),
                passage: None,
            },
        ),
        (
            "talk/q7",
            Target {
                name: Some("talk".into()),
                question_id: "q7".into(),
                passage: None,
            },
        ),
    ];
    for (fragment, expected) in cases {
        assert_eq!(&target(fragment), expected, "{fragment:?}");
    }
}

#[test]
fn a_passage_is_found_across_text_nodes_whatever_its_case_and_white_space() {
    // The text nodes of an answer: a label, text, an acronym button's text, more text, a second
    // paragraph (no white space between blocks in the DOM's text).
    let nodes = [
        "Addressing friction points:",
        " We recognize there are challenges to seamless integration — ",
        "SCIF",
        " [sensitive compartmented information facility] access.",
        "Shared understanding and norms: Collaboration",
    ];
    let cases: &[(Passage, Option<((usize, u32), (usize, u32))>)] = &[
        (p("seamless integration", None), Some(((1, 38), (1, 58)))),
        // Across nodes, with the selection's line breaks, in another case.
        (
            p("integration — scif [sensitive", None),
            Some(((1, 47), (3, 11))),
        ),
        (
            p("access.\n\nShared understanding", None),
            Some(((3, 48), (4, 20))),
        ),
        // Start and end words.
        (
            p("We recognize there", Some("information facility] access.")),
            Some(((1, 1), (3, 55))),
        ),
        // The end is looked for after the start only.
        (p("SCIF", Some("Addressing")), None),
        (p("information facility", Some("compartmented")), None),
        // The first end after the start, not one before it.
        (p("sensitive", Some("access")), Some(((3, 2), (3, 54)))),
        (p("not in this answer", None), None),
        (p("   ", None), None),
    ];
    for (passage, expected) in cases {
        assert_eq!(&locate(&nodes, passage), expected, "{passage:?}");
    }
    // Offsets are UTF-16 code units, as the DOM counts them.
    let wide = ["𝒜 wide 😀 emoji here"];
    assert_eq!(locate(&wide, &p("emoji", None)), Some(((0, 11), (0, 16))));
    assert_eq!(locate(&[], &p("x", None)), None);
}
