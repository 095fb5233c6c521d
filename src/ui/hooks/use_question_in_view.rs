//! Which question the reader is looking at, for the contents: the last visible question whose
//! top has passed 35 % of the viewport, measured after a scroll at most once per task, after the
//! frame that scrolled is painted (the contents' mark is never worth delaying that frame).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::dom;

/// How far down the viewport a question's top must be for it to count as the one in view.
const IN_VIEW_LINE: f64 = 0.35;

/// The question in view under `root`, if any.
#[hook]
pub fn use_question_in_view(root: NodeRef) -> Option<usize> {
    let in_view = use_state_eq(|| None::<usize>);
    {
        let in_view = in_view.clone();
        use_effect_with((), move |_| {
            let measure = Rc::new(move || in_view.set(question_in_view(&root)));
            measure();
            let pending = Rc::new(Cell::new(false));
            // The last timer is kept (dropping it would cancel it) and replaced only after it
            // has run. A zero timer set during a frame runs after that frame is painted.
            let timer = Rc::new(RefCell::new(None));
            let listener = dom::window().map(|w| {
                EventListener::new(&w, "scroll", move |_| {
                    if pending.replace(true) {
                        return;
                    }
                    let (pending, measure) = (pending.clone(), measure.clone());
                    *timer.borrow_mut() =
                        Some(gloo::timers::callback::Timeout::new(0, move || {
                            pending.set(false);
                            measure();
                        }));
                })
            });
            move || drop(listener)
        });
    }
    *in_view
}

fn question_in_view(root: &NodeRef) -> Option<usize> {
    let root = root.cast::<web_sys::Element>()?;
    // The questions shown: all, or while a search is active those it shows (`.iv-found`; one
    // selector for both took 11 ms at a thousand questions, profiled).
    let filtering = root
        .query_selector(".iv-filtering")
        .ok()
        .flatten()
        .is_some();
    let shown = if filtering { ".iv-found" } else { ".iv-qa" };
    let sections = root.query_selector_all(shown).ok()?;
    let limit = dom::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
        * IN_VIEW_LINE;
    let mut current = None;
    for i in 0..sections.length() {
        let Some(section) = sections
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let rect = section.get_bounding_client_rect();
        if rect.top() > limit {
            break;
        }
        if rect.bottom() > 0.0 {
            current = section
                .query_selector(".iv-answer")
                .ok()
                .flatten()
                .and_then(|a| a.get_attribute("data-question"))
                .and_then(|q| q.parse::<usize>().ok());
        }
    }
    current
}
