//! The accordion's optional keys on a question heading: Up and Down move to the previous and
//! next visible question (wrapping), Home and End to the first and last.

use std::cell::RefCell;

use yew::prelude::*;

use crate::core::ids::Ids;
use crate::core::view::{heading_target, HeadingKey};
use crate::ui::{dom, SharedInterview};

/// A callback for a heading key pressed on question `from`; it focuses the target's button
/// (the rule is `core::view::heading_target`). The callback never changes: it reads the
/// questions shown now from a cell each render updates, because a new callback would re-render
/// every question on every search keystroke.
#[hook]
pub fn use_heading_keys(
    root: NodeRef,
    interview: SharedInterview,
    id_prefix: AttrValue,
    visible: Vec<usize>,
) -> Callback<(usize, HeadingKey)> {
    let shown = use_mut_ref(Vec::new);
    *shown.borrow_mut() = visible;
    use_callback((), move |(from, key): (usize, HeadingKey), _| {
        let shown: &RefCell<Vec<usize>> = &shown;
        let target = heading_target(&shown.borrow(), from, key);
        let Some(question) = target.and_then(|q| interview.questions.get(q)) else {
            return;
        };
        let button_id = Ids(&id_prefix).button(&question.id);
        if let Some(button) = root
            .cast::<web_sys::Element>()
            .and_then(|r| dom::by_id(&r, &button_id))
        {
            dom::focus(&button);
        }
    })
}
