//! The core's "never panics / never drops / always sorted" claims (ARCHITECTURE.md, Invariants)
//! that no other test file checks for any input: spans, loading a body, the view-state reducer
//! and converge. Each claim has a property (any input, from the fixed seed in the test command,
//! fresh seeds in the soak) and a named example.
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]
// Reversed and one-element ranges are the stale highlights these tests feed in on purpose.
#![allow(clippy::reversed_empty_ranges, clippy::single_range_in_vec_init)]

mod common;

use std::ops::Range;
use std::rc::Rc;

use interview_core::converge::converge;
use interview_core::load::load_body;
use interview_core::model::{Style, Styled};
use interview_core::search::{FieldId, Match, SearchResults};
use interview_core::spans::{spans, style_ranges, Mark, Span};
use interview_core::state::{Action, ViewState};
use proptest::prelude::*;

/// The claims every result of `spans` must meet: the spans cover the text exactly, in order
/// (no character lost or repeated), each is non-empty and cut on char boundaries, and the
/// current match is marked only where it was asked for.
fn assert_sound_spans(text: &str, out: &[Span]) -> Result<(), String> {
    let mut at = 0;
    for span in out {
        if span.range.start != at || span.range.end <= span.range.start {
            return Err(format!("span {:?} does not follow {at}", span.range));
        }
        if !text.is_char_boundary(span.range.start) || !text.is_char_boundary(span.range.end) {
            return Err(format!("span {:?} is off a char boundary", span.range));
        }
        at = span.range.end;
    }
    if at != text.len() {
        return Err(format!("spans end at {at} of {}", text.len()));
    }
    let joined: String = out.iter().map(|s| &text[s.range.clone()]).collect();
    if joined != text {
        return Err("the spans' text is not the field's".to_string());
    }
    Ok(())
}

#[test]
fn spans_of_stale_ranges_keep_every_character() {
    // Ranges left over from a longer text (out of bounds, reversed, inside a multi-byte char).
    let text = "Café ☕ SFI";
    let stale = vec![0..3, 4..6, 9..4, 5..100, 200..300, 7..8];
    let acronyms = vec![(10..13, 0), (12..40, 1), (6..5, 2)];
    let out = spans(text, &stale, Some(&(5..100)), &acronyms, &[]);
    assert_sound_spans(text, &out).unwrap();
    assert_eq!(
        out.iter()
            .map(|s| (&text[s.range.clone()], s.mark, s.acronym))
            .collect::<Vec<_>>(),
        vec![
            ("Caf", Mark::Match, None),
            ("é ☕ ", Mark::None, None),
            ("SFI", Mark::None, Some(0)),
        ]
    );
    assert_sound_spans("", &spans("", &[0..1], None, &[(0..0, 0)], &[])).unwrap();
}

#[test]
fn a_body_of_any_shape_loads_or_says_why() {
    for body in [
        "",
        "\u{feff}",
        "{",
        "{}",
        "[]",
        "?",
        "\u{feff}{\"format_version\":1}",
        "\0?\n- \0",
    ] {
        // Never a panic; either an interview or a message for the reader.
        match load_body(body, None, None) {
            Ok(loaded) => assert!(!loaded.interview.questions.is_empty(), "{body:?}"),
            Err(failure) => assert!(!failure.to_string().is_empty(), "{body:?}"),
        }
    }
}

#[test]
fn the_reducer_stays_sized_to_its_interview_whatever_it_is_sent() {
    let actions = vec![
        Action::Toggle(7),
        Action::Open(usize::MAX),
        search_found("x", vec![0, 99], 3),
        Action::PreviousMatch,
        Action::PreviousMatch,
        Action::ClearQuery,
        Action::PreviousMatch,
        Action::NextMatch,
    ];
    let mut state = ViewState::new(2);
    for action in actions {
        state = state.reduce(action);
        assert_eq!(state.open.len(), 2);
        assert!(state.current_match.is_none_or(|c| c < state.match_count()));
    }
    assert_eq!(state, ViewState::new(2));
}

#[test]
fn converge_reaches_its_target_within_the_budget_per_step() {
    let shown_values = [1, 2, 3, 4, 5];
    let mut shown: Vec<Rc<i32>> = shown_values.iter().map(|&v| Rc::new(v)).collect();
    let target: Vec<Rc<i32>> = shown_values.iter().map(|&v| Rc::new(v * 10)).collect();
    let mut steps = 0;
    while converge(&mut shown, &target, Some(4), Some(99), 2) {
        steps += 1;
    }
    assert_eq!(
        steps, 2,
        "five changes at two a step: two steps leave changes, the third ends"
    );
    assert_eq!(shown, target);
}

/// The query `query` having found the questions `matching` (any indices, even out of range) and
/// `match_count` highlights; a blank query is no search.
fn search_found(query: &str, matching: Vec<usize>, match_count: usize) -> Action {
    Action::SetQuery {
        query: query.to_string(),
        results: Rc::new(SearchResults {
            query_is_empty: query.trim().is_empty(),
            matching_questions: matching,
            intro_matches: false,
            matches: (0..match_count)
                .map(|i| Match {
                    field: FieldId::Intro(i),
                    range: 0..1,
                })
                .collect(),
        }),
    }
}

fn ranges(max: usize) -> impl Strategy<Value = Vec<Range<usize>>> {
    prop::collection::vec((0..max, 0..max).prop_map(|(a, b)| a..b), 0..8)
}

fn actions(questions: usize) -> impl Strategy<Value = Vec<Action>> {
    let index = 0..questions + 3;
    let action = prop_oneof![
        index.clone().prop_map(Action::Toggle),
        index.clone().prop_map(Action::Open),
        Just(Action::ExpandAll),
        Just(Action::CollapseAll),
        ("[a-z ]{0,3}", prop::collection::vec(index, 0..5), 0..6usize)
            .prop_map(|(query, matching, match_count)| search_found(&query, matching, match_count)),
        Just(Action::ClearQuery),
        Just(Action::NextMatch),
        Just(Action::PreviousMatch),
    ];
    prop::collection::vec(action, 0..30)
}

/// Properties that hold for any input: the test command draws their cases from a fixed seed,
/// the soak (`scripts/soak.sh`) from fresh ones.
mod properties {
    use super::*;

    proptest! {
        #![proptest_config(common::config(512))]

        #[test]
        fn spans_cover_any_text_exactly_whatever_the_ranges(
            text in "\\PC{0,40}",
            matches in ranges(50),
            current in prop::option::of((0..50usize, 0..50usize)),
            acronyms in ranges(50),
            styles in prop::collection::vec((0..50usize, 0..50usize, 0..3usize), 0..6),
        ) {
            let current = current.map(|(a, b)| a..b);
            let acronyms: Vec<(Range<usize>, usize)> =
                acronyms.into_iter().enumerate().map(|(i, r)| (r, i)).collect();
            // Styles count characters and may be out of bounds, reversed, nested or overlapping.
            let styles: Vec<Styled> = styles
                .into_iter()
                .map(|(start, end, style)| Styled {
                    start,
                    end,
                    style: Style::ALL[style].0,
                    href: Some("https://x.example".to_string()),
                })
                .collect();
            let styled = style_ranges(&text, &styles);
            let out = spans(&text, &matches, current.as_ref(), &acronyms, &styled);
            prop_assert_eq!(assert_sound_spans(&text, &out), Ok(()));
        }

        #[test]
        fn any_body_loads_or_says_why(body in "\\PC{0,200}", json in any::<bool>()) {
            let content_type = json.then_some("application/json");
            match load_body(&body, content_type, None) {
                Ok(loaded) => prop_assert!(!loaded.interview.questions.is_empty()),
                Err(failure) => prop_assert!(!failure.to_string().is_empty()),
            }
        }

        #[test]
        fn the_reducer_stays_sized_to_its_interview(questions in 0..6usize, actions in actions(6)) {
            let mut state = ViewState::new(questions);
            for action in actions {
                state = state.reduce(action);
                prop_assert_eq!(state.open.len(), questions);
                prop_assert!(state.current_match.is_none_or(|c| c < state.match_count()));
                prop_assert_eq!(state.is_searching(), state.open_before_search.is_some());
            }
        }

        #[test]
        fn converge_reaches_any_target(
            shown in prop::collection::vec(0..4i32, 0..12),
            target in prop::collection::vec(0..4i32, 0..12),
            first in prop::option::of(0..15usize),
            always in prop::option::of(0..15usize),
            budget in 1..4usize,
        ) {
            let mut shown: Vec<Rc<i32>> = shown.into_iter().map(Rc::new).collect();
            let target: Vec<Rc<i32>> = target.into_iter().map(Rc::new).collect();
            let mut steps = 0;
            while converge(&mut shown, &target, first, always, budget) {
                steps += 1;
                prop_assert!(steps <= target.len(), "{} steps for {} entries", steps, target.len());
            }
            prop_assert_eq!(&shown, &target);
        }
    }
}
