//! The standalone page: the embedded interview in a viewer that owns the page's URL.

use std::rc::Rc;

use yew::prelude::*;

use crate::content;
use crate::ui::viewer::{Viewer, ViewerOptions};
use crate::ui::SharedInterview;

#[component]
pub fn App() -> Html {
    let interview = use_memo((), |_| SharedInterview(Rc::new(content::seed().interview)));
    html! {
        <Viewer interview={(*interview).clone()} options={ViewerOptions::default()} />
    }
}
