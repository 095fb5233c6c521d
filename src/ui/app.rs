//! The standalone page: one viewer that owns the page's URL. It shows the embedded interview,
//! or the one named by `?src=` (our JSON or plain text, relative to the page). The same component
//! is prerendered at build time (`src/bin/prerender.rs`) and hydrated in the browser.

use yew::prelude::*;

use crate::ui::dom;
use crate::ui::loader::{Loader, Source};
use crate::ui::viewer::ViewerOptions;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Questions the reader opened in the prerendered page before the wasm arrived.
    #[prop_or_default]
    pub initially_open: Vec<usize>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let source = use_memo((), |_| match dom::query_param("src") {
        // A link chose this address: only this origin or one the publisher allows.
        Some(url) if !url.trim().is_empty() => Source::Link(url.into()),
        _ => Source::Embedded,
    });
    let options = ViewerOptions {
        initially_open: props.initially_open.clone(),
        ..ViewerOptions::default()
    };
    html! {
        <Loader source={(*source).clone()} {options} owns_document=true />
    }
}
