//! The standalone page: one viewer that owns the page's URL. It shows the embedded interview,
//! or the one named by `?src=` (our JSON or plain text, relative to the page).

use yew::prelude::*;

use crate::ui::dom;
use crate::ui::loader::{Loader, Source};
use crate::ui::viewer::ViewerOptions;

#[component]
pub fn App() -> Html {
    let source = use_memo((), |_| match dom::query_param("src") {
        Some(url) if !url.trim().is_empty() => Source::Url(url.into()),
        _ => Source::Embedded,
    });
    html! {
        <Loader source={(*source).clone()} options={ViewerOptions::default()} />
    }
}
