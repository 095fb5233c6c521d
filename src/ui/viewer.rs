//! The viewer: one interview as a heading, its introduction, a search bar and the accordion of
//! questions. It owns the view state (a reducer over `core::state`) and the browser effects that
//! go with it: the `?q=` URL parameter, `#question` deep links, the "/" shortcut, find-in-page's
//! `beforematch`, and scrolling to the current match.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::converge::converge;
use crate::core::glossary::Glossary;
use crate::core::search::{FieldId, SearchIndex, SearchResults};
use crate::core::state::{Action, ViewState};
use crate::ui::contents::Contents;
use crate::ui::dom;
use crate::ui::glossary_panel::GlossaryPanel;
use crate::ui::question::{section_id, HeadingKey, QuestionItem};
use crate::ui::rich_text::{rich_text, FieldMarks, SharedGlossary};
use crate::ui::search_bar::SearchBar;
use crate::ui::theme::{stored_theme, Theme, ThemeSwitch, STORAGE_KEY};
use crate::ui::SharedInterview;

/// Past this many questions the stylesheet lets the browser skip off-screen questions
/// (`.iv-large`), which keeps a keystroke cheap on a thousand-question interview.
const LARGE_INTERVIEW: usize = 60;

/// How a host (or the standalone page) configures a viewer.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewerOptions {
    /// Heading level of the questions (2 → `<h2>`); the title is one level above.
    pub heading_level: u8,
    pub show_search: bool,
    /// Keep the query in `?q=` and follow `#question` fragments. Only one viewer on a page should.
    pub use_url: bool,
    /// Prefix of every id this viewer writes, to keep ids unique among several viewers.
    pub id_prefix: AttrValue,
    /// A theme the host asks for; `None` follows the reader's stored choice, else the system.
    pub theme: Option<Theme>,
    /// Questions open at the start: those a reader opened in the prerendered page before the
    /// wasm arrived.
    pub initially_open: Vec<usize>,
}

impl Default for ViewerOptions {
    fn default() -> Self {
        ViewerOptions {
            heading_level: 2,
            show_search: true,
            use_url: true,
            id_prefix: AttrValue::Static(""),
            theme: None,
            initially_open: Vec::new(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub interview: SharedInterview,
    #[prop_or_default]
    pub options: ViewerOptions,
}

/// The core's state, wrapped so Yew's reducer hook can hold it.
#[derive(Clone, PartialEq)]
struct StateHandle(ViewState);

impl Reducible for StateHandle {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(StateHandle(next))
        }
    }
}

fn set_query_action(query: String, results: &SearchResults) -> Action {
    Action::SetQuery {
        query,
        active: !results.query_is_empty,
        matching: results.matching_questions.clone(),
        match_count: results.matches.len(),
    }
}

/// Highlights grouped by question (index `questions` holds the title's and introduction's).
fn group_marks(
    results: &SearchResults,
    current: Option<usize>,
    questions: usize,
) -> Vec<Rc<HashMap<FieldId, FieldMarks>>> {
    let mut grouped: Vec<HashMap<FieldId, FieldMarks>> = Vec::new();
    grouped.resize_with(questions + 1, HashMap::new);
    for (i, m) in results.matches.iter().enumerate() {
        let slot = m.field.question().unwrap_or(questions).min(questions);
        let field = grouped[slot].entry(m.field).or_default();
        field.ranges.push(m.range.clone());
        if current == Some(i) {
            field.current = Some(m.range.clone());
        }
    }
    let empty = Rc::new(HashMap::new());
    grouped
        .into_iter()
        .map(|g| {
            if g.is_empty() {
                empty.clone()
            } else {
                Rc::new(g)
            }
        })
        .collect()
}

/// How many answers may get new highlights in one frame (see `core::converge`).
const MARKS_PER_FRAME: usize = 40;

/// The visible summary of a search, e.g. "3 of 9 questions match · match 2 of 7".
fn search_status(state: &ViewState, results: &SearchResults, questions: usize) -> String {
    if !state.is_searching() {
        return String::new();
    }
    let matching = results.matching_questions.len();
    if matching == 0 && !results.intro_matches {
        return "No matches.".to_string();
    }
    let noun = if questions == 1 {
        "question"
    } else {
        "questions"
    };
    let verb = if matching == 1 { "matches" } else { "match" };
    let mut status = format!("{matching} of {questions} {noun} {verb}");
    if results.intro_matches {
        status.push_str(if matching == 0 {
            " (the introduction matches)"
        } else {
            " (and the introduction)"
        });
    }
    if let Some(current) = state.current_match {
        status.push_str(&format!(
            " · match {} of {}",
            current + 1,
            results.matches.len()
        ));
    }
    status.push('.');
    status
}

#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let interview = props.interview.clone();
    let options = props.options.clone();
    let question_count = interview.questions.len();
    let prefix = options.id_prefix.to_string();

    let glossary = use_memo(interview.clone(), |i| SharedGlossary {
        glossary: Rc::new(Glossary::from_interview(&i.0)),
        panel_id: AttrValue::from(format!("{prefix}glossary")),
    });
    let index = use_memo(interview.clone(), |i| {
        SearchIndex::new(&i.0, &glossary.glossary)
    });

    // The first render is the same as the prerendered HTML (no search; what was opened before
    // the wasm arrived stays open), so hydration matches; a `?q=` is applied right after.
    let initial_query = use_memo((), |_| {
        if options.use_url {
            dom::query_param("q").unwrap_or_default()
        } else {
            String::new()
        }
    });
    let results = use_state(|| Rc::new(SearchResults::default()));
    let state = {
        let initially_open = options.initially_open.clone();
        use_reducer(move || {
            let fresh = initially_open
                .iter()
                .fold(ViewState::new(question_count), |s, &q| {
                    s.reduce(Action::Open(q))
                });
            StateHandle(fresh)
        })
    };
    let root = use_node_ref();
    let search_input = use_node_ref();

    let on_query = {
        let (index, results, state) = (index.clone(), results.clone(), state.clone());
        Callback::from(move |query: String| {
            let found = Rc::new(index.search(&query));
            state.dispatch(set_query_action(query, &found));
            results.set(found);
        })
    };
    let on_clear = {
        let (state, results, input) = (state.clone(), results.clone(), search_input.clone());
        Callback::from(move |_: ()| {
            state.dispatch(Action::ClearQuery);
            results.set(Rc::new(SearchResults::default()));
            if let Some(input) = input.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        })
    };
    // Stable callbacks: a new one each render would re-render every question.
    let on_toggle = {
        let dispatcher = state.dispatcher();
        use_callback((), move |i: usize, _| {
            dispatcher.dispatch(Action::Toggle(i))
        })
    };

    // A shared or reloaded URL restores the search.
    {
        let on_query = on_query.clone();
        use_effect_with((), move |_| {
            if !initial_query.trim().is_empty() {
                on_query.emit((*initial_query).clone());
            }
        });
    }

    // Keep `?q=` in step with the query without adding history entries, once typing pauses
    // (replaceState on every keystroke costs a visible part of a frame).
    {
        let use_url = options.use_url;
        use_effect_with(state.0.query.clone(), move |query| {
            let query = query.trim().to_string();
            let timer = use_url.then(|| {
                gloo::timers::callback::Timeout::new(250, move || {
                    dom::replace_query_param("q", &query)
                })
            });
            move || drop(timer)
        });
    }

    // Marks the moment the viewer is interactive, for the benchmark (scripts/bench.sh).
    use_effect_with((), |_| {
        if let Some(performance) = dom::window().and_then(|w| w.performance()) {
            let _ = performance.mark("iv-interactive");
        }
    });

    // Scroll the current match into view when it changes.
    {
        let root = root.clone();
        use_effect_with(
            (state.0.current_match, results.clone()),
            move |(current, _)| {
                if current.is_some() {
                    if let Some(mark) = root
                        .cast::<web_sys::Element>()
                        .and_then(|r| r.query_selector("mark[data-current]").ok().flatten())
                    {
                        dom::scroll_into_view(&mark);
                    }
                }
            },
        );
    }

    // Find-in-page reveals a collapsed answer: open its question so aria-expanded stays true.
    {
        let (root, state) = (root.clone(), state.clone());
        use_effect_with((), move |_| {
            let listener = root.cast::<web_sys::Element>().map(|element| {
                EventListener::new(&element, "beforematch", move |event| {
                    let panel = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if let Some(q) = panel
                        .and_then(|p| p.get_attribute("data-question"))
                        .and_then(|q| q.parse::<usize>().ok())
                    {
                        state.dispatch(Action::Open(q));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // "/" focuses the search box unless the reader is typing somewhere.
    {
        let (input, enabled) = (search_input.clone(), options.use_url && options.show_search);
        use_effect_with((), move |_| {
            let listener = enabled.then(dom::document).flatten().map(|document| {
                // Not passive: the "/" must not also be typed into the box.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if key.key() != "/" || key.ctrl_key() || key.meta_key() || key.alt_key() {
                        return;
                    }
                    if dom::is_typing_target(key.target()) {
                        return;
                    }
                    if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                        key.prevent_default();
                        let _ = input.focus();
                        input.select();
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Open a question, then (after the render that opens it) scroll to it and focus its heading.
    let go_to_question = {
        let (root, interview, prefix) = (root.clone(), interview.clone(), prefix.clone());
        let dispatcher = state.dispatcher();
        use_callback((), move |q: usize, _| {
            let Some(question) = interview.questions.get(q) else {
                return;
            };
            dispatcher.dispatch(Action::Open(q));
            let section = section_id(&prefix, &question.id);
            let root = root.clone();
            yew::platform::spawn_local(async move {
                if let Some(root) = root.cast::<web_sys::Element>() {
                    if let Some(button) = dom::by_id(&root, &format!("{section}-button")) {
                        dom::focus(&button);
                    }
                    if let Some(section) = dom::by_id(&root, &section) {
                        section.scroll_into_view();
                    }
                }
            });
        })
    };

    // `#question-id` opens that question, on load and on every later fragment change (links,
    // back and forward).
    {
        let (interview, prefix, go_to_question, use_url) = (
            interview.clone(),
            prefix.clone(),
            go_to_question.clone(),
            options.use_url,
        );
        use_effect_with((), move |_| {
            let follow = move || {
                let Some(hash) = crate::ui::dom::window().and_then(|w| w.location().hash().ok())
                else {
                    return;
                };
                let wanted = hash.trim_start_matches('#');
                let wanted = js_sys::decode_uri_component(wanted)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_else(|| wanted.to_string());
                if let Some(q) = interview
                    .questions
                    .iter()
                    .position(|q| section_id(&prefix, &q.id) == wanted)
                {
                    go_to_question.emit(q);
                }
            };
            let listener = use_url
                .then(|| {
                    follow();
                    crate::ui::dom::window()
                        .map(|w| EventListener::new(&w, "hashchange", move |_| follow()))
                })
                .flatten();
            move || drop(listener)
        });
    }

    // The theme: the host's, else the reader's stored choice, else the system's.
    let theme = {
        let forced = options.theme;
        use_state_eq(move || forced.or_else(stored_theme).unwrap_or(Theme::System))
    };
    {
        let forced = options.theme;
        let theme = theme.clone();
        // A host's theme wins; when the host removes it, the reader's choice applies again.
        use_effect_with(forced, move |forced| {
            theme.set(forced.or_else(stored_theme).unwrap_or(Theme::System));
        });
    }
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |choice: Theme| {
            theme.set(choice);
            // With storage blocked the choice still applies for this visit.
            dom::store(STORAGE_KEY, choice.as_str());
        })
    };
    // The standalone page also themes the page around the viewer.
    {
        let use_url = options.use_url;
        use_effect_with(*theme, move |theme| {
            if use_url {
                if let Some(html) = dom::document().and_then(|d| d.document_element()) {
                    let _ = html.set_attribute("data-theme", theme.as_str());
                }
            }
        });
    }

    // Which question is in view, for the contents. Measured at most once per animation frame.
    let in_view = use_state_eq(|| None::<usize>);
    {
        let (root, in_view) = (root.clone(), in_view.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                let Some(root) = root.cast::<web_sys::Element>() else {
                    return;
                };
                let Ok(sections) = root.query_selector_all(".iv-qa:not([hidden])") else {
                    return;
                };
                let limit = crate::ui::dom::window()
                    .and_then(|w| w.inner_height().ok())
                    .and_then(|h| h.as_f64())
                    .unwrap_or(800.0)
                    * 0.35;
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
                in_view.set(current);
            };
            let pending = Rc::new(std::cell::Cell::new(false));
            // The last requested frame is kept (dropping it would cancel it) and replaced only
            // after it has run.
            let frame = Rc::new(std::cell::RefCell::new(None));
            let measure = Rc::new(measure);
            measure();
            let listener = crate::ui::dom::window().map(|w| {
                EventListener::new(&w, "scroll", move |_| {
                    if pending.replace(true) {
                        return;
                    }
                    let (pending, measure) = (pending.clone(), measure.clone());
                    *frame.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
                        pending.set(false);
                        measure();
                    }));
                })
            });
            move || drop(listener)
        });
    }

    let on_heading_key = {
        let (root, interview, prefix) = (root.clone(), interview.clone(), prefix.clone());
        let visible: Rc<Vec<usize>> = Rc::new(if state.0.is_searching() {
            results.matching_questions.clone()
        } else {
            (0..question_count).collect()
        });
        use_callback(visible, move |(from, key): (usize, HeadingKey), visible| {
            let Some(position) = visible.iter().position(|&q| q == from) else {
                return;
            };
            let last = visible.len().saturating_sub(1);
            let target = match key {
                HeadingKey::Previous if position == 0 => last,
                HeadingKey::Previous => position - 1,
                HeadingKey::Next if position >= last => 0,
                HeadingKey::Next => position + 1,
                HeadingKey::First => 0,
                HeadingKey::Last => last,
            };
            let Some(question) = visible
                .get(target)
                .and_then(|&q| interview.questions.get(q))
            else {
                return;
            };
            let button_id = format!("{}-button", section_id(&prefix, &question.id));
            if let Some(button) = root
                .cast::<web_sys::Element>()
                .and_then(|r| dom::by_id(&r, &button_id))
            {
                dom::focus(&button);
            }
        })
    };

    let view = &state.0;
    let searching = view.is_searching();
    let target_marks = {
        let current = view.current_match;
        use_memo((results.clone(), current), move |(results, current)| {
            group_marks(results, *current, question_count)
        })
    };
    // Highlights reach the DOM progressively when a search changes many answers at once: the
    // keystroke's frame updates at most MARKS_PER_FRAME answers (the current match's first),
    // and the rest follow frame by frame. Filtering, opening and the status are never delayed.
    let shown_marks = use_mut_ref(|| (*target_marks).clone());
    let current_question = view
        .current_match
        .and_then(|i| results.matches.get(i))
        .and_then(|m| m.field.question());
    let (marks, marks_pending) = {
        let mut shown = shown_marks.borrow_mut();
        // The last slot holds the title's and introduction's highlights: always up to date.
        let intro_slot = Some(question_count);
        let pending = converge(
            &mut shown,
            &target_marks,
            current_question,
            intro_slot,
            MARKS_PER_FRAME,
        );
        (Rc::new(shown.clone()), pending)
    };
    {
        let force_update = use_force_update();
        let frame = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
        use_effect_with(
            marks_pending
                .then(|| marks.clone())
                .map(|m| Rc::as_ptr(&m) as usize),
            move |pending| {
                if pending.is_some() {
                    *frame.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
                        force_update.force_update()
                    }));
                }
            },
        );
    }
    let status = search_status(view, &results, question_count);
    let no_matches = searching && results.matching_questions.is_empty() && !results.intro_matches;

    // The live region repeats the status once typing pauses, so screen readers are not flooded.
    let announced = use_state_eq(String::new);
    {
        let announced = announced.clone();
        use_effect_with(status.clone(), move |status| {
            let status = status.clone();
            let timer = gloo::timers::callback::Timeout::new(700, move || announced.set(status));
            move || drop(timer)
        });
    }

    let intro_marks = marks.get(question_count).cloned().unwrap_or_default();
    let level = options.heading_level.clamp(2, 6);
    let title_tag = format!("h{}", level - 1);

    // The contents lists only the matching questions while searching.
    let only = searching.then(|| Rc::new(results.matching_questions.iter().copied().collect()));
    let has_glossary = !glossary.glossary.entries().is_empty();

    html! {
        <article
            class={classes!("iv", (question_count > LARGE_INTERVIEW).then_some("iv-large"))}
            ref={root}
            data-theme={theme.as_str()}
            // Set only in the browser: the prerendered HTML lacks it until hydration.
            data-ready={cfg!(target_arch = "wasm32").then_some("true")}
            id={if prefix.is_empty() { None } else { Some(AttrValue::from(prefix.trim_end_matches('-').to_string())) }}
        >
            <div class="iv-layout">
            <Contents
                interview={interview.clone()}
                id_prefix={options.id_prefix.clone()}
                current={*in_view}
                {only}
                {has_glossary}
                on_go={go_to_question.clone()}
                follow_links={options.use_url}
                heading_level={level}
            />
            <div class="iv-main">
            <header class="iv-header">
                if !interview.source.is_empty() {
                    <p class="iv-kicker">{ interview.source.clone() }{" · Interview"}</p>
                }
                <@{title_tag} class="iv-title">
                    { rich_text(&interview.title, intro_marks.get(&FieldId::Title), None, "") }
                </@>
            </header>
            <div class="iv-intro">
                { for interview.intro.iter().enumerate().map(|(i, p)| html! {
                    <p>{ rich_text(p, intro_marks.get(&FieldId::Intro(i)), Some(&glossary), &format!("{prefix}intro{i}")) }</p>
                }) }
            </div>
            <div class="iv-toolbar">
                if options.show_search {
                    <SearchBar
                        id_prefix={options.id_prefix.clone()}
                        query={AttrValue::from(view.query.clone())}
                        status={AttrValue::from(status.clone())}
                        {no_matches}
                        has_matches={!results.matches.is_empty()}
                        input_ref={search_input.clone()}
                        on_input={on_query}
                        on_clear={on_clear}
                        on_next={{ let s = state.clone(); Callback::from(move |_| s.dispatch(Action::NextMatch)) }}
                        on_previous={{ let s = state.clone(); Callback::from(move |_| s.dispatch(Action::PreviousMatch)) }}
                    />
                }
                <div class="iv-toolbar-row">
                    <div class="iv-expand">
                        <button type="button" class="iv-expand-all"
                            onclick={{ let s = state.clone(); Callback::from(move |_: MouseEvent| s.dispatch(Action::ExpandAll)) }}>
                            {"Expand all"}
                        </button>
                        <button type="button" class="iv-collapse-all"
                            onclick={{ let s = state.clone(); Callback::from(move |_: MouseEvent| s.dispatch(Action::CollapseAll)) }}>
                            {"Collapse all"}
                        </button>
                    </div>
                    <ThemeSwitch id_prefix={options.id_prefix.clone()} theme={*theme} on_change={on_theme} />
                </div>
            </div>
            <div class="iv-live" aria-live="polite" aria-atomic="true">{ (*announced).clone() }</div>
            <div class="iv-questions">
                { for interview.questions.iter().enumerate().map(|(i, _)| html! {
                    <QuestionItem
                        key={i}
                        interview={interview.clone()}
                        glossary={(*glossary).clone()}
                        index={i}
                        open={view.is_open(i)}
                        filtered_out={searching && !results.question_matches(i)}
                        marks={marks.get(i).cloned().unwrap_or_default()}
                        id_prefix={options.id_prefix.clone()}
                        heading_level={level}
                        on_toggle={on_toggle.clone()}
                        on_heading_key={on_heading_key.clone()}
                        show_copy_link={options.use_url}
                    />
                }) }
            </div>
            <GlossaryPanel glossary={(*glossary).clone()} heading_level={level} />
            </div>
            </div>
        </article>
    }
}
