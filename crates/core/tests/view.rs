//! What a viewer shows, derived from its state (`core::view`) and the ids it writes
//! (`core::ids`): data-driven cases, long renderings as `expect-test` snapshots
//! (`UPDATE_EXPECT=1 cargo test` blesses a changed one).
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use expect_test::{expect, Expect};
use interview_core::glossary::Glossary;
use interview_core::ids::Ids;
use interview_core::messages::Messages;
use interview_core::search::{SearchIndex, SearchResults};
use interview_core::seed as content;
use interview_core::state::{Action, ViewState};
use interview_core::view::*;

/// The seed's view after typing `query` and pressing Enter `next` times.
fn searched(query: &str, next: usize) -> ViewState {
    let interview = content::seed().interview;
    let glossary = Glossary::from_interview(&interview);
    let results = SearchIndex::new(&interview, &glossary).search(query);
    let mut state = ViewState::new(interview.questions.len()).reduce(Action::SetQuery {
        query: query.to_string(),
        results: Rc::new(results),
    });
    for _ in 0..next {
        state = state.reduce(Action::NextMatch);
    }
    state
}

#[test]
fn the_status_line_counts_questions_matches_and_the_current_one() {
    let english = Messages::english();
    for (query, next, expected) in [
        ("", 0, ""),
        ("  ", 0, ""),
        ("SCIF", 0, "1 of 9 questions matches · match 1 of 2, in question 7."),
        ("SCIF", 1, "1 of 9 questions matches · match 2 of 2, in question 7."),
        ("SCIF", 2, "1 of 9 questions matches · match 1 of 2, in question 7."),
        (
            "space",
            0,
            "8 of 9 questions match (and the introduction) · match 1 of 42, in the introduction.",
        ),
        (
            "Mastalir",
            0,
            "0 of 9 questions match (the introduction matches) · match 1 of 5, in the introduction.",
        ),
        ("zzzz", 0, "No matches."),
    ] {
        let actual = search_status(&searched(query, next), 9, &english);
        assert_eq!(actual, expected, "{query:?} + {next} × Enter");
    }
    // One question: the noun agrees.
    let one = ViewState::new(1).reduce(Action::SetQuery {
        query: "x".into(),
        results: Rc::new(SearchResults {
            matching_questions: vec![0],
            ..SearchResults::default()
        }),
    });
    assert_eq!(search_status(&one, 1, &english), "1 of 1 question matches.");
    // The same states in Arabic: six plural forms, the position and the introduction.
    let arabic = Messages::for_language(Some("ar"));
    assert_eq!(search_status(&one, 1, &arabic), "يطابق سؤال واحد من 1.");
    assert_eq!(
        search_status(&searched("Mastalir", 0), 9, &arabic),
        "لا يطابق أي سؤال من 9 (تطابق المقدمة) · النتيجة 1 من 5، في المقدمة."
    );
    assert_eq!(search_status(&searched("zzzz", 0), 9, &arabic), "لا نتائج.");
    // Stepping to a match in a question names it: "space" steps from the introduction on.
    let stepped = search_status(&searched("space", 30), 9, &english);
    assert!(
        stepped.starts_with(
            "8 of 9 questions match (and the introduction) · match 31 of 42, in question "
        ),
        "{stepped}"
    );
    // The verb agrees with the number of matching questions ("1 of 9 questions matches" reads
    // as "1 … matches"), as the viewer has always said it.
}

#[test]
fn nothing_found_and_filtering() {
    let nothing = searched("zzzz", 0);
    assert!(finds_nothing(&nothing));
    assert!((0..9).all(|q| !nothing.is_shown_result(q)));
    let scif = searched("SCIF", 0);
    assert!(!finds_nothing(&scif));
    assert_eq!(visible_questions(&scif, 9).len(), 1);
    assert!(!finds_nothing(&searched("", 0)));
    assert_eq!(
        visible_questions(&searched("", 0), 9),
        (0..9).collect::<Vec<_>>()
    );
}

/// Renders grouped highlights one line per field: `slot field: ranges [current]`.
fn check_marks(query: &str, next: usize, expected: Expect) {
    let state = searched(query, next);
    let grouped = group_marks(&state, 9);
    assert_eq!(grouped.len(), 10, "nine questions and the introduction");
    let mut lines = Vec::new();
    for (slot, marks) in grouped.iter().enumerate() {
        let mut fields: Vec<_> = marks.iter().collect();
        fields.sort_by_key(|(field, _)| **field);
        for (field, marks) in fields {
            let current = marks
                .current
                .as_ref()
                .map(|c| format!(" current {c:?}"))
                .unwrap_or_default();
            lines.push(format!("{slot} {field:?}: {:?}{current}", marks.ranges));
        }
    }
    expected.assert_eq(&lines.join("\n"));
}

#[test]
fn highlights_are_grouped_by_question_with_the_current_one_marked() {
    check_marks(
        "SCIF",
        1,
        expect!["6 Block(6, 3): [62..66, 68..112] current 68..112"],
    );
    // Words must all match within one question: no question has both.
    check_marks("Mastalir talisman", 0, expect![[r#""#]]);
    check_marks(
        "talisman",
        1,
        expect![[r#"
        0 Block(0, 0): [161..169]
        5 Block(5, 2): [189..197] current 189..197"#]],
    );
    check_marks(
        "Mastalir",
        0,
        expect![[r#"
            9 Title: [21..29] current 21..29
            9 Intro(0): [11..19, 212..220]
            9 Intro(1): [0..8]
            9 Intro(2): [43..51]"#]],
    );
}

#[test]
fn questions_without_highlights_share_one_empty_map() {
    let state = searched("SCIF", 0);
    let grouped = group_marks(&state, 9);
    assert!(Rc::ptr_eq(&grouped[0], &grouped[1]));
    assert!(grouped[0].is_empty());
}

#[test]
fn heading_keys_move_among_the_visible_questions_and_wrap() {
    use HeadingKey::*;
    let all: Vec<usize> = (0..4).collect();
    for (visible, from, key, expected) in [
        (&all[..], 0, Next, Some(1)),
        (&all[..], 3, Next, Some(0)),
        (&all[..], 0, Previous, Some(3)),
        (&all[..], 2, Previous, Some(1)),
        (&all[..], 2, First, Some(0)),
        (&all[..], 1, Last, Some(3)),
        (&[1, 3][..], 3, Next, Some(1)),
        (&[1, 3][..], 1, Previous, Some(3)),
        (&[1, 3][..], 2, Next, None),
        (&[2][..], 2, Next, Some(2)),
        (&[][..], 0, First, None),
    ] {
        assert_eq!(
            heading_target(visible, from, key),
            expected,
            "{visible:?} from {from} {key:?}"
        );
    }
}

#[test]
fn heading_levels_stay_between_2_and_6() {
    for (level, tag) in [
        (0, "h2"),
        (1, "h2"),
        (2, "h2"),
        (3, "h3"),
        (6, "h6"),
        (7, "h6"),
        (255, "h6"),
    ] {
        assert_eq!(heading_tag(level), tag, "{level}");
        assert_eq!(heading_level(level), tag[1..].parse::<u8>().unwrap());
    }
    // The title is one level above the questions.
    for (level, tag) in [(0, "h1"), (2, "h1"), (3, "h2"), (6, "h5"), (9, "h5")] {
        assert_eq!(title_tag(level), tag, "{level}");
    }
}

#[test]
fn every_id_starts_with_the_viewer_prefix() {
    let ids = Ids("iv2-");
    let all = [
        ids.section("why"),
        ids.button("why"),
        ids.panel("why"),
        ids.contents_list(),
        ids.contents_heading(),
        ids.glossary(),
        ids.glossary_heading(),
        ids.glossary_entry(3),
        ids.search_input(),
        ids.search_status(),
        ids.theme_group(),
        ids.theme_option("dark"),
        ids.intro_tips(1).tip(0),
        ids.answer_tips("why", 0, 2, true).tip(4),
        ids.share("panel"),
    ];
    expect![[r#"
        iv2-why iv2-why-button iv2-why-panel iv2-contents-list iv2-contents-heading iv2-glossary iv2-glossary-heading iv2-glossary-3 iv2-search iv2-search-status iv2-theme iv2-theme-dark iv2-intro1-t0 iv2-why-q0-b2l-t4 iv2-share-panel"#]]
    .assert_eq(&all.join(" "));
    assert_eq!(ids.article().as_deref(), Some("iv2"));
    assert_eq!(Ids("").article(), None);
    assert_eq!(Ids("").button("why"), "why-button");
}

#[test]
fn a_fragment_names_the_question_of_its_section() {
    let questions = ["first", "second"];
    assert_eq!(Ids("").question_of_section("second", questions), Some(1));
    assert_eq!(
        Ids("iv1-").question_of_section("iv1-first", questions),
        Some(0)
    );
    assert_eq!(Ids("iv1-").question_of_section("first", questions), None);
    assert_eq!(Ids("").question_of_section("third", questions), None);
}

#[test]
fn the_page_title_and_description_follow_the_interview() {
    let english = Messages::english();
    assert_eq!(
        document_title(content::SEED_TITLE, &english),
        "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific — Interview Viewer"
    );
    assert_eq!(
        document_title("  Fake  ", &english),
        "Fake — Interview Viewer"
    );
    assert_eq!(
        document_description(content::SEED_TITLE, content::SEED_SOURCE, &english),
        "Apogee: Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific. A collapsible, searchable reader."
    );
    assert_eq!(
        document_description("Tides", "", &english),
        "An interview: Tides. A collapsible, searchable reader."
    );
    assert_eq!(
        no_interview_title(&english),
        "Interview not shown — Interview Viewer"
    );
    assert_eq!(
        document_title("Marées", &Messages::for_language(Some("fr"))),
        "Marées — Interview Viewer"
    );
}
