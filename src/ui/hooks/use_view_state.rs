//! The viewer's state: the core's reducer (`core::state`) held in Yew's reducer hook.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::state::{Action, ViewState};

/// The core's state, wrapped so Yew's reducer hook can hold it.
#[derive(Clone, PartialEq)]
pub struct ViewStateHandle(pub ViewState);

impl Reducible for ViewStateHandle {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(ViewStateHandle(next))
        }
    }
}

/// A fresh state for `questions` questions, with `initially_open` open: those a reader opened in
/// the prerendered page before the wasm arrived.
#[hook]
pub fn use_view_state(
    questions: usize,
    initially_open: Vec<usize>,
) -> UseReducerHandle<ViewStateHandle> {
    use_reducer(move || {
        let fresh = initially_open
            .iter()
            .fold(ViewState::new(questions), |s, &q| s.reduce(Action::Open(q)));
        ViewStateHandle(fresh)
    })
}
