//! `#question-id` in the page's URL opens that question, on load and on every later fragment
//! change (links, Back and Forward); a quote link's fragment (`core::quote`) also finds its
//! passage in the answer, highlights it and scrolls it into view. An embedded viewer follows only
//! the fragments that carry its name (`#name/question-id…`): the host page's own fragments are
//! not its business.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::core::ids::Ids;
use crate::core::quote::{self, Passage};
use crate::ui::{dom, SharedInterview};

/// Follows the fragment with `go_to_question` when `enabled`: the standalone page's fragments
/// when `name` is `None`, else those naming this embedded viewer.
#[hook]
pub fn use_fragment_navigation(
    enabled: bool,
    name: Option<AttrValue>,
    root: NodeRef,
    interview: SharedInterview,
    id_prefix: AttrValue,
    go_to_question: Callback<usize>,
) {
    use_effect_with((), move |_| {
        let follow = move || {
            let Some(hash) = dom::window().and_then(|w| w.location().hash().ok()) else {
                return;
            };
            let target = quote::target(hash.trim_start_matches('#'));
            if target.name.as_deref() != name.as_deref() {
                return;
            }
            let ids = Ids(&id_prefix);
            // The standalone page's fragments name sections (as its "Link" buttons write them);
            // an embedded viewer's name questions, its prefix being its own business.
            let sections = if name.is_some() { Ids("") } else { ids };
            let question_ids = interview.questions.iter().map(|q| q.id.as_str());
            let question = sections.question_of_section(&target.question_id, question_ids);
            let Some(q) = question else {
                return;
            };
            go_to_question.emit(q);
            if let Some(passage) = target.passage {
                show_passage(
                    root.clone(),
                    ids.panel(&interview.questions[q].id),
                    passage,
                    TRIES,
                );
            }
        };
        let listener = enabled
            .then(|| {
                follow();
                dom::window().map(|w| EventListener::new(&w, "hashchange", move |_| follow()))
            })
            .flatten();
        move || drop(listener)
    });
}

/// How many times, 50 ms apart, to look for the opened answer before giving up.
const TRIES: u32 = 40;

/// Once the answer `panel_id` is open, highlights `passage` in it and scrolls it into view.
fn show_passage(root: NodeRef, panel_id: String, passage: Passage, tries: u32) {
    Timeout::new(50, move || {
        let panel = root
            .cast::<web_sys::Element>()
            .and_then(|root| dom::by_id(&root, &panel_id))
            .filter(|panel| !panel.has_attribute("hidden"));
        match panel {
            Some(panel) => highlight(&panel, &passage),
            None if tries > 0 => show_passage(root, panel_id, passage, tries - 1),
            None => {}
        }
    })
    .forget();
}

/// Highlights `passage` inside `panel` (the CSS Custom Highlight API's `iv-quote`, or where that
/// is missing the document's selection) and scrolls to it. Nothing when it is not there.
fn highlight(panel: &web_sys::Element, passage: &Passage) {
    let mut nodes = Vec::new();
    text_nodes(panel, &mut nodes);
    let texts: Vec<String> = nodes
        .iter()
        .map(|n| n.node_value().unwrap_or_default())
        .collect();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let Some(((start, start_offset), (end, end_offset))) = quote::locate(&borrowed, passage) else {
        return;
    };
    let Some(range) = dom::document().and_then(|d| d.create_range().ok()) else {
        return;
    };
    if range.set_start(&nodes[start], start_offset).is_err()
        || range.set_end(&nodes[end], end_offset).is_err()
    {
        return;
    }
    if !set_highlight(&range) {
        if let Some(selection) = dom::window().and_then(|w| w.get_selection().ok().flatten()) {
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    }
    if let Some(element) = nodes[start].parent_element() {
        dom::scroll_into_view(&element);
    }
}

/// `CSS.highlights.set("iv-quote", new Highlight(range))`; false where the API is missing.
fn set_highlight(range: &web_sys::Range) -> bool {
    let global = js_sys::global();
    let get = |object: &JsValue, name: &str| {
        js_sys::Reflect::get(object, &name.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let (Some(css), Some(constructor)) = (get(&global, "CSS"), get(&global, "Highlight")) else {
        return false;
    };
    let (Some(registry), Ok(constructor)) = (
        get(&css, "highlights"),
        constructor.dyn_into::<js_sys::Function>(),
    ) else {
        return false;
    };
    let Ok(highlight) = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(range)) else {
        return false;
    };
    let set = get(&registry, "set").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    set.is_some_and(|set| set.call2(&registry, &"iv-quote".into(), &highlight).is_ok())
}

/// Every text node under `node`, in document order.
fn text_nodes(node: &web_sys::Node, out: &mut Vec<web_sys::Node>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if child.node_type() == web_sys::Node::TEXT_NODE {
            out.push(child);
        } else {
            text_nodes(&child, out);
        }
    }
}
