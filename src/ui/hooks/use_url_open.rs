//! `?open=` in the page's URL: the questions that were open when the reader reloaded the page
//! for a new version (`ui::update_notice`), given by id, one parameter each. They open after the
//! first render (which must equal the prerendered page), before `?q=` is applied, and the
//! parameter leaves the URL: it records a moment, not a link to share.

use yew::prelude::*;

use crate::ui::{dom, SharedInterview};

/// When `enabled` (the viewer owns the URL): opens each question named by `?open=` through
/// `open`, then removes the parameter.
#[hook]
pub fn use_url_open(enabled: bool, interview: SharedInterview, open: Callback<usize>) {
    use_effect_with((), move |_| {
        let ids = if enabled {
            dom::query_params("open")
        } else {
            Vec::new()
        };
        if ids.is_empty() {
            return;
        }
        for (index, question) in interview.questions.iter().enumerate() {
            if ids.contains(&question.id) {
                open.emit(index);
            }
        }
        dom::replace_query_params("open", &[]);
    });
}
