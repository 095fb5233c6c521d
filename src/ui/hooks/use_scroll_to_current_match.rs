//! Scrolls the current search match into view whenever it changes (Enter, Shift+Enter, the
//! step buttons, or a new search).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::search::SearchResults;
use crate::ui::dom;

/// After a render that changed `current` (or the search `results`), scrolls the element marked
/// `data-current` under `root` into view.
#[hook]
pub fn use_scroll_to_current_match(
    root: NodeRef,
    current: Option<usize>,
    results: Rc<SearchResults>,
) {
    use_effect_with((current, results), move |(current, _)| {
        if current.is_some() {
            if let Some(mark) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("mark[data-current]").ok().flatten())
            {
                dom::scroll_into_view(&mark);
            }
        }
    });
}
