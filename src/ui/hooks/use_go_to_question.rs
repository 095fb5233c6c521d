//! Going to a question (a deep link, the contents): it opens, then, after the render that opens
//! it, its button gets the focus and its section scrolls into view.

use yew::prelude::*;

use crate::core::ids::Ids;
use crate::ui::{dom, SharedInterview};

/// A stable callback that goes to question `q`: `open` opens it (the reducer), then the focus
/// and the scroll follow.
#[hook]
pub fn use_go_to_question(
    root: NodeRef,
    interview: SharedInterview,
    id_prefix: AttrValue,
    open: Callback<usize>,
) -> Callback<usize> {
    use_callback((), move |q: usize, _| {
        let Some(question) = interview.questions.get(q) else {
            return;
        };
        open.emit(q);
        let ids = Ids(&id_prefix);
        let (section, button) = (ids.section(&question.id), ids.button(&question.id));
        let root = root.clone();
        yew::platform::spawn_local(async move {
            if let Some(root) = root.cast::<web_sys::Element>() {
                if let Some(button) = dom::by_id(&root, &button) {
                    dom::focus(&button);
                }
                if let Some(section) = dom::by_id(&root, &section) {
                    section.scroll_into_view();
                }
            }
        });
    })
}
