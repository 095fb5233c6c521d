//! `?q=` in the page's URL: a shared or reloaded URL restores its search, and the query goes
//! back into the URL, without a history entry, once typing pauses.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::source::link_query;
use crate::ui::dom;

/// How long typing must pause before the URL follows: replaceState on every keystroke costs a
/// visible part of a frame.
const URL_DELAY_MS: u32 = 250;

/// When `enabled` (the viewer owns the URL): after the first render, `?q=` (bounded: a link
/// chose it) is sent to `on_query` (the first render must equal the prerendered HTML, which has
/// no search); then `query` is kept in `?q=`.
#[hook]
pub fn use_url_query(enabled: bool, query: &str, on_query: Callback<String>) {
    use_effect_with((), move |_| {
        if let Some(query) = enabled.then(|| dom::query_param("q")).flatten() {
            if !query.trim().is_empty() {
                on_query.emit(link_query(&query).to_string());
            }
        }
    });
    use_effect_with(query.trim().to_string(), move |query| {
        let query = query.clone();
        let timer = enabled
            .then(|| Timeout::new(URL_DELAY_MS, move || dom::replace_query_param("q", &query)));
        move || drop(timer)
    });
}
