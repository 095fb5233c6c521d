//! Search highlights that reach the DOM progressively: when a search changes the highlights of
//! many answers at once, the keystroke's frame updates at most `MARKS_PER_FRAME` of them (the
//! current match's first) and the rest follow frame by frame (`core::converge`). What is shown,
//! opened and counted is never delayed; only the `<mark>`s of far answers are.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::converge::converge;
use crate::core::state::ViewState;
use crate::core::view::{group_marks, QuestionMarks};

/// How many answers may get new highlights in one frame.
const MARKS_PER_FRAME: usize = 40;

/// The highlights to render now, grouped by question (the last entry is the title's and
/// introduction's, always up to date); another render follows next frame while some lag.
/// Only the questions a search shows have highlights (`core::view::group_marks`).
#[hook]
pub fn use_progressive_marks(view: &ViewState, questions: usize) -> Rc<Vec<QuestionMarks>> {
    let (results, current) = (view.results.clone(), view.current_match);
    let state = view.clone();
    let target = use_memo(
        (results.clone(), current, view.shown_results.clone()),
        move |_| group_marks(&state, questions),
    );
    let shown = use_mut_ref(|| (*target).clone());
    let current_question = current
        .and_then(|i| results.matches.get(i))
        .and_then(|m| m.field.question());
    let (marks, pending) = {
        let mut shown = shown.borrow_mut();
        let pending = converge(
            &mut shown,
            &target,
            current_question,
            Some(questions),
            MARKS_PER_FRAME,
        );
        (Rc::new(shown.clone()), pending)
    };
    // After every render that leaves differences, one more frame. (Keyed on the marks' pointer,
    // as it was, the effect could miss a render: a new Rc may reuse a freed one's address, the
    // key looks unchanged, no frame is asked for, and far answers never get their marks.)
    let force_update = use_force_update();
    let frame = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
    use_effect(move || {
        if pending {
            *frame.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
                force_update.force_update()
            }));
        }
    });
    marks
}
