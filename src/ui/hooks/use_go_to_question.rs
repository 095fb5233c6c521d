//! Going to a question (a deep link, the contents, "show more"): it opens, then, after the
//! render that opens it, its button gets the focus and its section scrolls into view.

use yew::prelude::*;

use crate::core::ids::Ids;
use crate::ui::{dom, SharedInterview};

/// A stable callback that goes to question `q`: `open` opens it (the reducer), then the focus
/// and the scroll follow.
///
/// Why after a render: the question is focusable only once the render that opens (or shows)
/// it has run. Yew renders in a later task when its scheduler is between two slices of work,
/// so a microtask queued beside `open` could run first and find the button still hidden. The
/// effect runs after the viewer's next render and its children's; the forced update makes
/// that render happen even when the question was already open and shown.
#[hook]
pub fn use_go_to_question(
    root: NodeRef,
    interview: SharedInterview,
    id_prefix: AttrValue,
    open: Callback<usize>,
) -> Callback<usize> {
    let pending = use_mut_ref(|| None::<usize>);
    let render = use_force_update();
    {
        let pending = pending.clone();
        let interview = interview.clone();
        use_effect(move || {
            let Some(q) = pending.borrow_mut().take() else {
                return;
            };
            let (Some(question), Some(root)) =
                (interview.questions.get(q), root.cast::<web_sys::Element>())
            else {
                return;
            };
            let ids = Ids(&id_prefix);
            if let Some(button) = dom::by_id(&root, &ids.button(&question.id)) {
                dom::focus(&button);
            }
            if let Some(section) = dom::by_id(&root, &ids.section(&question.id)) {
                section.scroll_into_view();
            }
        });
    }
    use_callback((), move |q: usize, _| {
        if q < interview.questions.len() {
            open.emit(q);
            *pending.borrow_mut() = Some(q);
            render.force_update();
        }
    })
}
