//! The view-state reducer, driven by scripts of actions and checked against a compact rendering.
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use interview_core::search::{FieldId, Match, SearchResults};
use interview_core::state::{Action, ViewState};

/// Renders the state as `open:[x..x.] q="…" match:1/3` so expectations stay readable.
fn render(state: &ViewState) -> String {
    let open: String = state
        .open
        .iter()
        .map(|&o| if o { 'x' } else { '.' })
        .collect();
    let current = match state.current_match {
        Some(i) => format!("{}/{}", i + 1, state.match_count()),
        None => "-".to_string(),
    };
    format!("open:[{open}] q={:?} match:{current}", state.query)
}

/// The query `q` having found the questions `matching` and `match_count` highlights.
fn query(q: &str, matching: &[usize], match_count: usize) -> Action {
    let results = SearchResults {
        query_is_empty: q.trim().is_empty() || !q.chars().any(char::is_alphanumeric),
        matching_questions: matching.to_vec(),
        intro_matches: false,
        matches: (0..match_count)
            .map(|i| Match {
                field: FieldId::Title,
                range: i..i + 1,
            })
            .collect(),
    };
    Action::SetQuery {
        query: q.to_string(),
        results: Rc::new(results),
    }
}

/// Applies `actions` to a fresh state of `questions` questions and compares the rendering.
fn check(questions: usize, actions: Vec<Action>, expected: &str) {
    let state = actions
        .into_iter()
        .fold(ViewState::new(questions), ViewState::reduce);
    assert_eq!(render(&state), expected);
}

#[test]
fn starts_collapsed() {
    check(4, vec![], r#"open:[....] q="" match:-"#);
}

#[test]
fn toggle_opens_and_closes() {
    check(4, vec![Action::Toggle(1)], r#"open:[.x..] q="" match:-"#);
    check(
        4,
        vec![Action::Toggle(1), Action::Toggle(1)],
        r#"open:[....] q="" match:-"#,
    );
}

#[test]
fn out_of_range_indices_are_ignored() {
    check(
        2,
        vec![Action::Toggle(9), Action::Open(usize::MAX)],
        r#"open:[..] q="" match:-"#,
    );
    check(
        0,
        vec![Action::Toggle(0), Action::ExpandAll],
        r#"open:[] q="" match:-"#,
    );
}

#[test]
fn open_is_idempotent() {
    check(
        3,
        vec![Action::Open(2), Action::Open(2)],
        r#"open:[..x] q="" match:-"#,
    );
}

#[test]
fn expand_and_collapse_all() {
    check(3, vec![Action::ExpandAll], r#"open:[xxx] q="" match:-"#);
    check(
        3,
        vec![Action::Toggle(0), Action::CollapseAll],
        r#"open:[...] q="" match:-"#,
    );
}

#[test]
fn search_opens_exactly_the_matching_questions() {
    check(
        5,
        vec![Action::Toggle(0), query("space", &[1, 3], 4)],
        r#"open:[.x.x.] q="space" match:1/4"#,
    );
}

#[test]
fn clearing_restores_what_was_open_before_the_search() {
    check(
        5,
        vec![
            Action::Toggle(0),
            query("s", &[1], 1),
            query("sp", &[1, 2], 2),
            Action::ClearQuery,
        ],
        r#"open:[x....] q="" match:-"#,
    );
}

#[test]
fn deleting_the_query_also_restores() {
    check(
        3,
        vec![Action::Toggle(2), query("x", &[0], 1), query("", &[], 0)],
        r#"open:[..x] q="" match:-"#,
    );
}

#[test]
fn whitespace_query_is_not_a_search() {
    check(
        3,
        vec![Action::Toggle(2), query("   ", &[], 0)],
        r#"open:[..x] q="   " match:-"#,
    );
}

#[test]
fn no_matches_means_no_current_match() {
    check(
        3,
        vec![query("zzz", &[], 0), Action::NextMatch],
        r#"open:[...] q="zzz" match:-"#,
    );
}

#[test]
fn next_and_previous_wrap_around() {
    check(
        3,
        vec![query("a", &[0], 3), Action::NextMatch],
        r#"open:[x..] q="a" match:2/3"#,
    );
    check(
        3,
        vec![
            query("a", &[0], 3),
            Action::NextMatch,
            Action::NextMatch,
            Action::NextMatch,
        ],
        r#"open:[x..] q="a" match:1/3"#,
    );
    check(
        3,
        vec![query("a", &[0], 3), Action::PreviousMatch],
        r#"open:[x..] q="a" match:3/3"#,
    );
}

#[test]
fn new_query_resets_the_current_match() {
    check(
        3,
        vec![query("a", &[0], 3), Action::NextMatch, query("ab", &[0], 2)],
        r#"open:[x..] q="ab" match:1/2"#,
    );
}

#[test]
fn toggling_during_a_search_is_kept_until_cleared() {
    check(
        3,
        vec![query("a", &[0, 1], 2), Action::Toggle(1)],
        r#"open:[x..] q="a" match:1/2"#,
    );
}

#[test]
fn punctuation_only_query_is_not_a_search() {
    check(
        3,
        vec![Action::Toggle(1), query("?!", &[], 0)],
        r#"open:[.x.] q="?!" match:-"#,
    );
}

#[test]
fn stepping_through_matches_from_anywhere() {
    // After a query with 3 matches (current: the first), each script of n(ext) and p(revious).
    let cases: &[(&str, &str)] = &[
        ("", "1/3"),
        ("n", "2/3"),
        ("nn", "3/3"),
        ("nnn", "1/3"),
        ("p", "3/3"),
        ("pp", "2/3"),
        ("ppp", "1/3"),
        ("np", "1/3"),
        ("nnp", "2/3"),
        ("nnpp", "1/3"),
        ("pn", "1/3"),
    ];
    for (script, expected) in cases {
        let mut actions = vec![query("a", &[0], 3)];
        actions.extend(script.chars().map(|c| {
            if c == 'n' {
                Action::NextMatch
            } else {
                Action::PreviousMatch
            }
        }));
        check(3, actions, &format!(r#"open:[x..] q="a" match:{expected}"#));
    }
    // Without matches, neither moves anything (and nothing underflows).
    check(
        3,
        vec![
            query("zzz", &[], 0),
            Action::PreviousMatch,
            Action::NextMatch,
        ],
        r#"open:[...] q="zzz" match:-"#,
    );
}

#[test]
fn is_searching_and_is_open_say_what_the_state_is() {
    let fresh = ViewState::new(3);
    assert!(!fresh.is_searching());
    assert!(!fresh.is_open(0) && !fresh.is_open(99));
    let searching = fresh.reduce(query("a", &[1], 1));
    assert!(searching.is_searching());
    assert!(searching.is_open(1) && !searching.is_open(0) && !searching.is_open(2));
    let cleared = searching.reduce(Action::ClearQuery);
    assert!(!cleared.is_searching());
    assert!(!cleared.is_open(1));
    let opened = cleared.reduce(Action::Toggle(2));
    assert!(opened.is_open(2) && !opened.is_searching());
}
