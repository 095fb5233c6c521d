//! The viewer: one interview as a heading, its introduction, a search bar and the accordion of
//! questions. A composition and nothing more: the state is the core's reducer
//! (`hooks::use_view_state`), what is shown is derived by `core::view`, and each browser effect
//! (URL, fragment, find-in-page, "/", theme, scrolling, timers) is a hook of `ui::hooks`.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::glossary::Glossary;
use crate::core::ids::Ids;
use crate::core::lang::direction;
use crate::core::messages::keys;
use crate::core::search::{FieldId, SearchIndex};
use crate::core::state::Action;
use crate::core::view::{
    drawn_open, finds_nothing, heading_level, search_status, title_tag, visible_questions,
};
use crate::ui::contents::Contents;
use crate::ui::glossary_panel::GlossaryPanel;
use crate::ui::hooks::*;
use crate::ui::loader::Source;
use crate::ui::more_results::MoreResults;
use crate::ui::question::QuestionItem;
use crate::ui::rich_text::{rich_text, SharedGlossary};
use crate::ui::search_bar::SearchBar;
use crate::ui::share_panel::SharePanel;
use crate::ui::theme::{Theme, ThemeSwitch};
use crate::ui::update_notice::UpdateNotice;
use crate::ui::{dom, SharedInterview};

/// How long the search status must stay the same before the live region repeats it.
const ANNOUNCE_DELAY_MS: u32 = 700;

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
    /// The language to assume when the interview does not name its own (`lang` in the JSON): an
    /// embedded viewer's element or host page language.
    pub lang: Option<AttrValue>,
    /// The host's own texts for the reader's words: a JSON object of key → text
    /// (`core::messages::keys`, docs/languages.md).
    pub messages: Option<AttrValue>,
    /// A message catalogue's JSON, fetched by the element with the wasm (`ui::catalogues`).
    pub catalogue: Option<AttrValue>,
    /// Offer "Share" (the link and the embed code) on a page served over http(s).
    pub show_share: bool,
    /// The address of `interview-viewer.js` for the embed code; `None`: the one beside the page.
    pub script: Option<AttrValue>,
    /// An embedded viewer's name in links to it (its element's `id`, else
    /// `interview-viewer-N`): it offers quote links to its host page and follows those naming it.
    pub link_name: Option<AttrValue>,
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
            lang: None,
            messages: None,
            catalogue: None,
            show_share: true,
            script: None,
            link_name: None,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub interview: SharedInterview,
    #[prop_or_default]
    pub options: ViewerOptions,
    /// The host of another origin the interview was loaded from, said under the title.
    #[prop_or_default]
    pub loaded_from: Option<AttrValue>,
    /// Where the interview came from: what the share panel's embed code points at.
    #[prop_or(Source::Embedded)]
    pub source: Source,
}

/// A callback that sends `action` to the viewer's reducer, whatever the event.
fn send<E>(state: &UseReducerHandle<ViewStateHandle>, action: Action) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_: E| state.dispatch(action.clone()))
}

#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let interview = props.interview.clone();
    let options = &props.options;
    let questions = interview.questions.len();
    let prefix = options.id_prefix.clone();
    let ids = Ids(&prefix);

    let glossary = use_memo(interview.clone(), |i| SharedGlossary {
        glossary: Rc::new(Glossary::from_interview(&i.0)),
        id_prefix: prefix.clone(),
    });
    let show_speakers = *use_memo(interview.clone(), |i| i.shows_speakers());
    let index = use_memo(interview.clone(), |i| {
        SearchIndex::new(&i.0, &glossary.glossary)
    });
    let state = use_view_state(questions, options.initially_open.clone());
    let view = &state.0;
    let root = use_node_ref();
    let search_input = use_node_ref();

    // A query and what it found reach the reducer together: the state holds the one copy.
    let on_query = {
        let (index, state) = (index.clone(), state.clone());
        Callback::from(move |query: String| {
            let results = Rc::new(index.search(&query));
            state.dispatch(Action::SetQuery { query, results });
        })
    };
    let on_clear = {
        let (state, input) = (state.clone(), search_input.clone());
        Callback::from(move |_: ()| {
            state.dispatch(Action::ClearQuery);
            if let Some(input) = input.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        })
    };
    // Stable callbacks: a new one each render would re-render every question.
    let open = {
        let dispatcher = state.dispatcher();
        use_callback((), move |q: usize, _| dispatcher.dispatch(Action::Open(q)))
    };
    let on_toggle = {
        let dispatcher = state.dispatcher();
        use_callback((), move |q: usize, _| {
            dispatcher.dispatch(Action::Toggle(q))
        })
    };

    // Questions open before a reload for a new version, then the query (use_url_open's order).
    use_url_open(options.use_url, interview.clone(), open.clone());
    use_url_query(options.use_url, &view.query, on_query.clone());
    let update_ready = use_update_ready(options.use_url);
    // Reloading for a new version keeps the reader's place in the URL: the query, and the
    // questions open outside the search (the search opens its own again).
    let on_reload = {
        let query = view.query.trim().to_string();
        let kept = view.open_before_search.as_ref().unwrap_or(&view.open);
        let ids: Vec<String> = interview
            .questions
            .iter()
            .zip(kept)
            .filter(|(_, open)| **open)
            .map(|(question, _)| question.id.clone())
            .collect();
        Callback::from(move |_: ()| {
            dom::replace_query_param("q", &query);
            dom::replace_query_params("open", &ids.iter().map(String::as_str).collect::<Vec<_>>());
            apply_update();
        })
    };
    use_interactive_mark(root.clone());
    use_scroll_to_current_match(root.clone(), view.current_match, view.results.clone());
    use_find_in_page(root.clone(), open.clone());
    use_slash_shortcut(options.use_url && options.show_search, search_input.clone());
    let go_to_question = use_go_to_question(root.clone(), interview.clone(), prefix.clone(), open);
    // The standalone page (it owns the URL) and a named embedded viewer follow links and offer
    // quote links.
    let links = options.use_url || options.link_name.is_some();
    let selected_quote = use_quote_selection(root.clone(), links);
    use_fragment_navigation(
        links,
        options.link_name.clone(),
        root.clone(),
        interview.clone(),
        prefix.clone(),
        go_to_question.clone(),
    );
    let (theme, on_theme) = use_theme(options.theme, options.use_url);
    let in_view = use_question_in_view(root.clone());
    let on_heading_key = use_heading_keys(
        root.clone(),
        interview.clone(),
        prefix.clone(),
        visible_questions(view, questions),
    );
    let marks = use_progressive_marks(view, questions);
    use_host_events(root.clone(), interview.clone(), view);
    // The interview's language and direction: its own, else the host's; without either, the
    // direction of its first strong character (core::lang). The content carries the language;
    // the whole viewer takes the direction, so its layout mirrors. The reader's own words come
    // from the catalogue of that language (English without one), and carry its tag.
    let lang = interview
        .lang
        .as_deref()
        .map(AttrValue::from)
        .or_else(|| options.lang.clone());
    let shared_messages = use_messages_for(
        lang.clone(),
        options.catalogue.clone(),
        options.messages.clone(),
        false,
    );
    let messages = shared_messages.0.clone();
    let ui_lang = lang
        .as_ref()
        .map(|_| AttrValue::from(messages.lang().to_string()));
    let status = search_status(view, questions, &messages);
    let announced = use_debounced(status.clone(), ANNOUNCE_DELAY_MS);

    let level = heading_level(options.heading_level);
    let dir = {
        let sample = interview.questions.first().map_or("", |q| q.text.as_str());
        direction(lang.as_deref(), &format!("{} {sample}", interview.title))
    };
    let intro_marks = marks.get(questions).cloned().unwrap_or_default();
    // The contents lists the matching questions shown while searching.
    let only = view
        .is_searching()
        .then(|| Rc::new(view.shown_results().to_vec()));
    // A search shows a page of its matching questions at a time; the buttons before and after
    // the list show the neighbouring pages (pressing one goes to its first new question).
    let (hidden_after, hidden_before) = view.hidden_results();
    let matching = &view.results.matching_questions;
    let show_from = |position: Option<usize>| {
        let question = position.and_then(|p| matching.get(p).copied());
        let go = go_to_question.clone();
        Callback::from(move |_: ()| question.into_iter().for_each(|q| go.emit(q)))
    };
    let show_earlier = show_from(view.shown_results.start.checked_sub(1));
    let show_more = show_from(Some(view.shown_results.end));

    html! {
        <ContextProvider<SharedMessages> context={shared_messages}>
        <article
            class={classes!("iv", (questions > LARGE_INTERVIEW).then_some("iv-large"))}
            ref={root}
            data-theme={theme.as_str()}
            lang={ui_lang}
            {dir}
            id={ids.article()}
        >
            <div class="iv-layout">
            <Contents
                interview={interview.clone()}
                id_prefix={prefix.clone()}
                current={in_view}
                {only}
                has_glossary={!glossary.glossary.entries().is_empty()}
                on_go={go_to_question}
                follow_links={options.use_url}
                heading_level={level}
            />
            <div class="iv-main">
            <header class="iv-header" lang={lang.clone()}>
                if !interview.source.is_empty() {
                    <p class="iv-kicker">{ messages.format(keys::KICKER, &[("source", &interview.source)]) }</p>
                }
                <@{title_tag(level)} class="iv-title">
                    { rich_text(&interview.title, intro_marks.get(&FieldId::Title), None) }
                </@>
                if let Some(host) = &props.loaded_from {
                    <p class="iv-provenance">{ messages.format(keys::LOADED_FROM, &[("host", host)]) }</p>
                }
            </header>
            <div class="iv-intro" lang={lang.clone()}>
                { for interview.intro.iter().enumerate().map(|(i, p)| html! {
                    <p>{ rich_text(p, intro_marks.get(&FieldId::Intro(i)), Some((&glossary, &ids.intro_tips(i)))) }</p>
                }) }
            </div>
            <div class="iv-toolbar">
                if options.show_search {
                    <SearchBar
                        id_prefix={prefix.clone()}
                        query={AttrValue::from(view.query.clone())}
                        status={AttrValue::from(status)}
                        no_matches={finds_nothing(view)}
                        has_matches={view.match_count() > 0}
                        input_ref={search_input}
                        on_input={on_query}
                        {on_clear}
                        on_next={send(&state, Action::NextMatch)}
                        on_previous={send(&state, Action::PreviousMatch)}
                    />
                }
                <div class="iv-toolbar-row">
                    <div class="iv-expand">
                        <button type="button" class="iv-expand-all" onclick={send(&state, Action::ExpandAll)}>
                            { messages.text(keys::EXPAND_ALL).to_string() }
                        </button>
                        <button type="button" class="iv-collapse-all" onclick={send(&state, Action::CollapseAll)}>
                            { messages.text(keys::COLLAPSE_ALL).to_string() }
                        </button>
                    </div>
                    if options.show_share {
                        <SharePanel id_prefix={prefix.clone()} source={props.source.clone()} script={options.script.clone()} />
                    }
                    <ThemeSwitch id_prefix={prefix.clone()} {theme} on_change={on_theme} />
                </div>
            </div>
            <div class="iv-live" aria-live="polite" aria-atomic="true">{ announced }</div>
            <MoreResults hidden={hidden_before} earlier=true on_show={show_earlier} edge={view.shown_results.start} />
            <div class={classes!("iv-questions", view.is_searching().then_some("iv-filtering"))} lang={lang.clone()}>
                // Unkeyed, as the contents' items: the list never reorders, and a key is a
                // string made for each of a thousand questions on every render.
                { for (0..questions).map(|i| html! {
                    <QuestionItem
                        interview={interview.clone()}
                        glossary={(*glossary).clone()}
                        index={i}
                        open={drawn_open(view, i)}
                        found={view.is_shown_result(i)}
                        marks={marks.get(i).cloned().unwrap_or_default()}
                        id_prefix={prefix.clone()}
                        heading_level={level}
                        {show_speakers}
                        on_toggle={on_toggle.clone()}
                        on_heading_key={on_heading_key.clone()}
                        show_copy_link={options.use_url}
                        quote={selected_quote.as_ref().filter(|s| s.question == i).map(|s| AttrValue::from(s.text.clone()))}
                        link_name={options.link_name.clone()}
                    />
                }) }
            </div>
            <MoreResults
                hidden={hidden_after}
                on_show={show_more}
                on_near={send(&state, Action::ShowMoreResults)}
                edge={view.shown_results.end}
            />
            <GlossaryPanel glossary={(*glossary).clone()} id_prefix={prefix.clone()} heading_level={level} />
            </div>
            </div>
            if options.use_url {
                <UpdateNotice ready={update_ready} {on_reload} />
            }
        </article>
        </ContextProvider<SharedMessages>>
    }
}
