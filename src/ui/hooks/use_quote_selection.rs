//! The passage a reader has selected inside one answer, for "Copy link to quote": read from the
//! document's selection once it has settled, in the viewer's own tree (an embedded viewer's
//! selection lives in its shadow root, which `getComposedRanges` reaches in every current
//! browser; where that is missing, inside a shadow root no quote is offered).

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::dom;

/// A selection inside one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectedQuote {
    /// The question whose answer holds it.
    pub question: usize,
    pub text: String,
}

/// How long the selection must stay unchanged before it counts: dragging changes it at every
/// pointer move, and each change re-renders the viewer.
const SETTLE_MS: u32 = 150;

/// The settled selection inside one of the answers under `root`, if any.
#[hook]
pub fn use_quote_selection(root: NodeRef, enabled: bool) -> Option<SelectedQuote> {
    let selected = use_state_eq(|| None::<SelectedQuote>);
    {
        let selected = selected.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = enabled.then(|| {
                let mut pending: Option<Timeout> = None;
                dom::document().map(|document| {
                    EventListener::new(&document, "selectionchange", move |_| {
                        let (root, selected) = (root.clone(), selected.clone());
                        // A new change cancels the wait for the previous one (dropping it).
                        drop(pending.replace(Timeout::new(SETTLE_MS, move || {
                            selected.set(root.cast::<web_sys::Element>().and_then(|r| read(&r)));
                        })));
                    })
                })
            });
            move || drop(listener)
        });
    }
    (*selected).clone()
}

/// The selection's range as `(start node, start offset, end node, end offset)`.
type Ends = (web_sys::Node, u32, web_sys::Node, u32);

/// The document's selection, if it lies inside one answer under `root`.
fn read(root: &web_sys::Element) -> Option<SelectedQuote> {
    let selection = dom::window()?.get_selection().ok()??;
    // Not `isCollapsed`: WebKit says so of a selection inside a shadow root (it sees the host).
    if selection.range_count() == 0 {
        return None;
    }
    let (start, start_offset, end, end_offset) = ends(root, &selection)?;
    if start == end && start_offset == end_offset {
        return None;
    }
    let answer = answer_of(&start)?;
    if answer_of(&end).as_ref() != Some(&answer) || !root.contains(Some(&answer)) {
        return None;
    }
    let question = answer.get_attribute("data-question")?.parse().ok()?;
    let range = dom::document()?.create_range().ok()?;
    range.set_start(&start, start_offset).ok()?;
    range.set_end(&end, end_offset).ok()?;
    let text = String::from(range.to_string());
    if text.trim().is_empty() {
        return None;
    }
    // The quote's button goes just below the selection (`.iv-quote` reads this). Through the
    // CSSOM: a `style` attribute would break a strict CSP.
    // An integer: formatting a float would bring Rust's float printing into the wasm (11 KB).
    let below = (range.get_bounding_client_rect().bottom()
        - answer.get_bounding_client_rect().top())
    .max(0.0) as i32;
    if let Some(answer) = answer.dyn_ref::<web_sys::HtmlElement>() {
        let _ = answer
            .style()
            .set_property("--iv-quote-top", &format!("{below}px"));
    }
    Some(SelectedQuote { question, text })
}

/// The selection's ends inside `root`'s tree: its first range, or in a shadow root (where that
/// range stops at the host) `getComposedRanges` naming the shadow root.
fn ends(root: &web_sys::Element, selection: &web_sys::Selection) -> Option<Ends> {
    let tree = root.get_root_node();
    if tree.dyn_ref::<web_sys::ShadowRoot>().is_none() {
        return Some(ends_of(selection.get_range_at(0).ok()?.unchecked_ref()));
    }
    let get_composed_ranges: js_sys::Function =
        js_sys::Reflect::get(selection, &"getComposedRanges".into())
            .ok()?
            .dyn_into()
            .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"shadowRoots".into(), &js_sys::Array::of1(&tree)).ok()?;
    let ranges: js_sys::Array = get_composed_ranges
        .call1(selection, &options)
        .ok()?
        .dyn_into()
        .ok()?;
    Some(ends_of(&ranges.get(0).dyn_into().ok()?))
}

fn ends_of(range: &web_sys::AbstractRange) -> Ends {
    (
        range.start_container(),
        range.start_offset(),
        range.end_container(),
        range.end_offset(),
    )
}

/// The answer panel holding `node`.
fn answer_of(node: &web_sys::Node) -> Option<web_sys::Element> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    element.closest(".iv-answer").ok().flatten()
}
