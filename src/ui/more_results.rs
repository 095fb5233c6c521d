//! "Show N more matching questions" (or earlier ones): a search shows a page of matching
//! questions at a time (`core::state::RESULTS_PAGE`), and this button shows the next. Activating
//! it moves the focus to the first question it adds; the one after the list also acts by itself
//! when scrolling brings it near, so a reader who scrolls never has to press it.

use yew::prelude::*;

use crate::core::messages::keys;
use crate::core::state::RESULTS_PAGE;
use crate::ui::hooks::{use_messages, use_near_viewport};

#[derive(Properties, PartialEq)]
pub struct MoreResultsProps {
    /// How many matching questions on this side are not shown; nothing is drawn at 0.
    pub hidden: usize,
    /// The button before the list (earlier questions) rather than after it.
    #[prop_or_default]
    pub earlier: bool,
    /// The reader pressed it: show the next page and focus its first question.
    pub on_show: Callback<()>,
    /// Scrolling brought it near: show the next page, focus unmoved. `None`: only when pressed.
    #[prop_or_default]
    pub on_near: Option<Callback<()>>,
    /// The edge of the shown run this button extends (its end, or its start for the earlier
    /// one): it changes with each page shown, which re-arms `on_near`.
    pub edge: usize,
}

#[component]
pub fn MoreResults(props: &MoreResultsProps) -> Html {
    let messages = use_messages();
    let node = use_node_ref();
    let armed = props.on_near.as_ref().filter(|_| props.hidden > 0);
    use_near_viewport(
        node.clone(),
        armed.map(|_| props.edge),
        armed.cloned().unwrap_or_default(),
    );
    if props.hidden == 0 {
        return Html::default();
    }
    let count = props.hidden.min(RESULTS_PAGE);
    let key = if props.earlier {
        keys::SHOW_EARLIER_RESULTS
    } else {
        keys::SHOW_MORE_RESULTS
    };
    let text = messages.plural(key, count as u64, &[]);
    let onclick = props.on_show.reform(|_: MouseEvent| ());
    html! {
        <div class="iv-more-results" ref={node}>
            <button type="button" class="iv-more-button" {onclick}>{ text }</button>
        </div>
    }
}
