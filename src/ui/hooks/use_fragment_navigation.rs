//! `#question-id` in the page's URL opens that question: on load, and on every later fragment
//! change (links, Back and Forward).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::core::ids::Ids;
use crate::ui::{dom, SharedInterview};

/// When `enabled` (the viewer owns the URL), follows the fragment with `go_to_question`.
#[hook]
pub fn use_fragment_navigation(
    enabled: bool,
    interview: SharedInterview,
    id_prefix: AttrValue,
    go_to_question: Callback<usize>,
) {
    use_effect_with((), move |_| {
        let follow = move || {
            let Some(hash) = dom::window().and_then(|w| w.location().hash().ok()) else {
                return;
            };
            let wanted = hash.trim_start_matches('#');
            let wanted = js_sys::decode_uri_component(wanted)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| wanted.to_string());
            let ids = interview.questions.iter().map(|q| q.id.as_str());
            if let Some(q) = Ids(&id_prefix).question_of_section(&wanted, ids) {
                go_to_question.emit(q);
            }
        };
        let listener = enabled
            .then(|| {
                follow();
                dom::window().map(|w| EventListener::new(&w, "hashchange", move |_| follow()))
            })
            .flatten();
        move || drop(listener)
    });
}
