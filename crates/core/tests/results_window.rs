//! Which matching questions a search shows (`ViewState::shown_results`): a page at first, more
//! on request, and always the current match's question; questions it does not show keep their
//! look from before the search (`view::drawn_open`).
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use interview_core::search::{FieldId, Match, SearchResults};
use interview_core::state::{Action, ViewState, RESULTS_PAGE};
use interview_core::view::{drawn_open, group_marks, visible_questions};

/// A search whose matching questions are `matching`, with one match in each.
fn search(matching: Vec<usize>) -> Action {
    let matches = matching
        .iter()
        .map(|&q| Match {
            field: FieldId::Question(q),
            range: 0..1,
        })
        .collect();
    Action::SetQuery {
        query: "x".to_string(),
        results: Rc::new(SearchResults {
            query_is_empty: false,
            matching_questions: matching,
            intro_matches: false,
            matches,
        }),
    }
}

/// Every other question of a hundred matches: 50 matching questions, 0, 2, … 98.
fn every_other() -> Action {
    search((0..100).step_by(2).collect())
}

/// The shown run as positions among the matching questions, the hidden counts after and
/// before, and the current match's question: `shown 0..20 (30 after, 0 before) current q0`.
fn render(state: &ViewState) -> String {
    let (after, before) = state.hidden_results();
    let current = state
        .current_match
        .and_then(|i| state.results.matches.get(i))
        .and_then(|m| m.field.question())
        .map_or("-".to_string(), |q| format!("q{q}"));
    let shown = &state.shown_results;
    format!(
        "shown {}..{} ({after} after, {before} before) current {current}",
        shown.start, shown.end
    )
}

fn check(actions: Vec<Action>, expected: &str) {
    let state = actions
        .into_iter()
        .fold(ViewState::new(100), ViewState::reduce);
    assert_eq!(render(&state), expected);
    // What is shown is exactly the run, and it holds the current match's question.
    let shown: Vec<usize> = (0..100).filter(|&q| state.is_shown_result(q)).collect();
    assert_eq!(shown, state.shown_results());
    if state.is_searching() {
        assert_eq!(visible_questions(&state, 100), shown);
    } else {
        assert_eq!(visible_questions(&state, 100).len(), 100);
    }
}

fn repeat(action: Action, times: usize) -> Vec<Action> {
    vec![action; times]
}

#[test]
fn a_search_shows_one_page_then_more_on_request() {
    use Action::*;
    assert_eq!(RESULTS_PAGE, 20);
    check(vec![], "shown 0..0 (0 after, 0 before) current -");
    check(
        vec![every_other()],
        "shown 0..20 (30 after, 0 before) current q0",
    );
    let more = |n| [vec![every_other()], repeat(ShowMoreResults, n)].concat();
    check(more(1), "shown 0..40 (10 after, 0 before) current q0");
    check(more(2), "shown 0..50 (0 after, 0 before) current q0");
    check(more(3), "shown 0..50 (0 after, 0 before) current q0");
    // Fewer matching questions than a page: all of them.
    check(
        vec![search(vec![3, 7, 9])],
        "shown 0..3 (0 after, 0 before) current q3",
    );
    check(
        vec![search(vec![])],
        "shown 0..0 (0 after, 0 before) current -",
    );
}

#[test]
fn stepping_to_a_match_shows_its_question() {
    use Action::*;
    let steps = |action: Action, n| [vec![every_other()], repeat(action, n)].concat();
    // The 20th match is still shown; the 21st adds the next page.
    check(
        steps(NextMatch, 19),
        "shown 0..20 (30 after, 0 before) current q38",
    );
    check(
        steps(NextMatch, 20),
        "shown 0..40 (10 after, 0 before) current q40",
    );
    // Back from the first match to the last: a page that ends with it, and earlier ones on request.
    check(
        steps(PreviousMatch, 1),
        "shown 30..50 (0 after, 30 before) current q98",
    );
    // Opening the question just before the run ("show earlier") adds the page before it.
    let earlier = |n: usize| {
        let mut actions = steps(PreviousMatch, 1);
        actions.extend([Open(58), Open(18)].into_iter().take(n));
        actions
    };
    check(earlier(1), "shown 10..50 (0 after, 10 before) current q98");
    check(earlier(2), "shown 0..50 (0 after, 0 before) current q98");
    // Stepping back past the start of a shown run adds the page before it.
    check(
        [earlier(1), repeat(PreviousMatch, 39)].concat(),
        "shown 10..50 (0 after, 10 before) current q20",
    );
    check(
        [earlier(1), repeat(PreviousMatch, 40)].concat(),
        "shown 0..50 (0 after, 0 before) current q18",
    );
}

#[test]
fn opening_a_matching_question_shows_it() {
    use Action::*;
    // Just past the shown run: the run grows; far from it: a page around it.
    check(
        vec![every_other(), Open(60)],
        "shown 0..40 (10 after, 0 before) current q0",
    );
    check(
        vec![every_other(), Open(80)],
        "shown 30..50 (0 after, 30 before) current q0",
    );
    check(
        vec![every_other(), Open(50)],
        "shown 0..40 (10 after, 0 before) current q0",
    );
    check(
        vec![every_other(), ShowMoreResults, ShowMoreResults, Open(40)],
        "shown 0..50 (0 after, 0 before) current q0",
    );
    // A page around a question in the middle: ten matching questions before it.
    check(
        vec![search((0..100).collect()), Open(50)],
        "shown 40..60 (40 after, 40 before) current q0",
    );
    // Far before the shown run: a page around it, not the page before the run.
    check(
        vec![every_other(), PreviousMatch, Open(10)],
        "shown 0..20 (30 after, 0 before) current q98",
    );
    // A question the search does not match, or no search: nothing moves.
    check(
        vec![every_other(), Open(61)],
        "shown 0..20 (30 after, 0 before) current q0",
    );
    check(vec![Open(60)], "shown 0..0 (0 after, 0 before) current -");
    check(
        vec![every_other(), Open(80), ClearQuery],
        "shown 0..0 (0 after, 0 before) current -",
    );
}

#[test]
fn questions_not_shown_keep_their_look_from_before_the_search() {
    let state = [Action::Toggle(1), Action::Toggle(40), every_other()]
        .into_iter()
        .fold(ViewState::new(100), ViewState::reduce);
    // Shown and matching: open, as the search opened it.
    assert!(drawn_open(&state, 0) && state.is_open(0));
    // Not matching: closed by the search, drawn as before it (question 1 was open).
    assert!(drawn_open(&state, 1) && !state.is_open(1));
    assert!(!drawn_open(&state, 3));
    // Matching but past the shown page: opened by the search, drawn as before.
    assert!(state.is_open(40) && drawn_open(&state, 40));
    assert!(state.is_open(42) && !drawn_open(&state, 42));
    // No search: drawn as it is.
    let cleared = state.reduce(Action::ClearQuery);
    assert!(drawn_open(&cleared, 1) && !drawn_open(&cleared, 0));
}

#[test]
fn only_shown_questions_get_highlights() {
    let state = ViewState::new(100).reduce(every_other());
    let marks = group_marks(&state, 100);
    let with_marks: Vec<usize> = (0..100).filter(|&q| !marks[q].is_empty()).collect();
    assert_eq!(with_marks, state.shown_results());
    assert_eq!(marks.len(), 101);
}
