//! The accordion's optional keys on a question heading: Up and Down move to the previous and
//! next visible question (wrapping), Home and End to the first and last.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::ids::Ids;
use crate::core::view::{heading_target, HeadingKey};
use crate::ui::{dom, SharedInterview};

/// A callback for a heading key pressed on question `from`; it focuses the target's button
/// (the rule is `core::view::heading_target`). Stable while `visible` is unchanged.
#[hook]
pub fn use_heading_keys(
    root: NodeRef,
    interview: SharedInterview,
    id_prefix: AttrValue,
    visible: Rc<Vec<usize>>,
) -> Callback<(usize, HeadingKey)> {
    use_callback(visible, move |(from, key): (usize, HeadingKey), visible| {
        let Some(question) =
            heading_target(visible, from, key).and_then(|q| interview.questions.get(q))
        else {
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
