//! Events for the host page (docs/embedding.md): the viewer tells the page around it that its
//! interview is shown, that the reader opened or closed a question, and what the reader searched
//! for once the query settles. Each is a `CustomEvent` that bubbles out of the viewer (and out of
//! an embedded viewer's shadow root). Nothing leaves the page: a host sends what it wants, where
//! it wants.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::core::search::SearchResults;
use crate::core::state::ViewState;
use crate::ui::hooks::use_debounced;
use crate::ui::{dom, SharedInterview};

/// How long a query must stay the same before `searched` reports it (the live region's pause).
const SEARCH_SETTLED_MS: u32 = 700;

/// What one render showed, to tell which question a later one opened or closed.
struct Seen {
    open: Vec<bool>,
    query: String,
    results: Rc<SearchResults>,
}

/// Dispatches `loaded` once the viewer is on the page, `question-opened` or `question-closed`
/// after a render that changed one question alone (Expand all, Collapse all and a search, which
/// change many at once, send none), and `searched` when a query has settled.
#[hook]
pub fn use_host_events(root: NodeRef, interview: SharedInterview, view: &ViewState) {
    {
        let (root, interview) = (root.clone(), interview.clone());
        use_effect_with((), move |_| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                let lang = interview.lang.clone().map_or(JsValue::NULL, JsValue::from);
                dom::dispatch_host_event(
                    &root,
                    "loaded",
                    &[
                        ("questions", JsValue::from(interview.questions.len() as u32)),
                        ("title", JsValue::from(interview.title.as_str())),
                        ("lang", lang),
                    ],
                );
            }
        });
    }

    let seen = use_mut_ref(|| None::<Seen>);
    {
        let (root, interview) = (root.clone(), interview.clone());
        let now = Seen {
            open: view.open.clone(),
            query: view.query.clone(),
            results: view.results.clone(),
        };
        use_effect(move || question_events(&root, &interview, &seen, now));
    }

    // The query once it has settled (an empty one while no search is active); the counts are
    // those of the results at that time, which are the settled query's.
    let query = if view.is_searching() {
        view.query.clone()
    } else {
        String::new()
    };
    let settled = use_debounced(query, SEARCH_SETTLED_MS);
    let counts = (view.match_count(), view.results.matching_questions.len());
    use_effect_with(settled, move |query| {
        let Some(root) = root
            .cast::<web_sys::Element>()
            .filter(|_| !query.is_empty())
        else {
            return;
        };
        let (matches, questions) = counts;
        dom::dispatch_host_event(
            &root,
            "searched",
            &[
                ("query", JsValue::from(query.as_str())),
                ("matches", JsValue::from(matches as u32)),
                ("questions", JsValue::from(questions as u32)),
            ],
        );
    });
}

/// Compares `now` with the last render; one question changed alone → its event.
fn question_events(
    root: &NodeRef,
    interview: &SharedInterview,
    seen: &RefCell<Option<Seen>>,
    now: Seen,
) {
    let before = seen.borrow_mut().replace(now);
    let seen = seen.borrow();
    let (Some(before), Some(now)) = (before, seen.as_ref()) else {
        return;
    };
    let same_search = before.query == now.query && Rc::ptr_eq(&before.results, &now.results);
    if !same_search || before.open.len() != now.open.len() {
        return;
    }
    let mut changed = (0..now.open.len()).filter(|&i| before.open[i] != now.open[i]);
    let (Some(index), None) = (changed.next(), changed.next()) else {
        return;
    };
    let (Some(question), Some(root)) = (
        interview.questions.get(index),
        root.cast::<web_sys::Element>(),
    ) else {
        return;
    };
    let name = if now.open[index] {
        "question-opened"
    } else {
        "question-closed"
    };
    dom::dispatch_host_event(
        &root,
        name,
        &[
            ("id", JsValue::from(question.id.as_str())),
            ("number", JsValue::from(index as u32 + 1)),
            ("text", JsValue::from(question.text.as_str())),
        ],
    );
}
