//! Gets an interview to show: the embedded one, one given inline, or one fetched from a URL (in
//! a text format the wasm leaves out, through the importers module: `ui::importers`).
//! An address is vetted first (`ui::sources`): a link may only name the page's own origin or one
//! its publisher allows, and nothing but http(s) is ever fetched. While fetching it says so; when
//! anything fails it shows a short, specific message (with "Try again" where another attempt can
//! help) and logs one console warning. It never throws. A page that shows one interview alone
//! (`owns_document`) takes its title and description from it.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::import::ImportProblem;
use crate::core::lang::direction;
use crate::core::load::{from_importers, load_body, LoadFailure, Loaded};
use crate::core::messages::{keys, Messages};
use crate::core::source::{Chooser, Provenance};
use crate::core::view::{document_description, document_title, no_interview_title};
use crate::ui::dom;
use crate::ui::fetch::{fetch_body, Failure, FetchFailure};
use crate::ui::hooks::{use_document_title, use_messages_for};
use crate::ui::importers::import_elsewhere;
use crate::ui::sources::vet;
use crate::ui::viewer::{Viewer, ViewerOptions};
use crate::ui::SharedInterview;

/// Where the interview comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Embedded,
    /// A URL, relative to the page, of our JSON or of plain text, written by the host page's
    /// author (the `src` attribute): any http(s) address.
    Url(AttrValue),
    /// The same, from a link (`?src=`): only the page's origin or one its publisher allows.
    Link(AttrValue),
    /// The body itself (the inline `<script type="application/json">` of a host page).
    Inline(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    pub source: Source,
    #[prop_or_default]
    pub options: ViewerOptions,
    /// The page shows this interview alone: its title and description follow it.
    #[prop_or_default]
    pub owns_document: bool,
}

#[derive(Clone, PartialEq)]
enum LoadState {
    Loading,
    /// An interview to show. `load` numbers the loads of this element: the viewer is keyed by
    /// it, so each new interview gets a viewer of its own, with fresh state, callbacks and
    /// effects, and nothing of the previous interview's view survives.
    Ready {
        interview: SharedInterview,
        problems: Rc<Vec<ImportProblem>>,
        load: u64,
        /// Another origin the interview came from, to say so.
        elsewhere: Option<AttrValue>,
    },
    Failed {
        failure: Failure,
        can_retry: bool,
    },
}

/// `address` (where the body came from) and `content_type` help to tell text formats apart.
fn ready_from_body(
    body: &str,
    content_type: Option<&str>,
    address: Option<&str>,
    load: u64,
) -> Result<LoadState, FetchFailure> {
    ready_from_loaded(load_body(body, content_type, address), load)
}

/// A fetched body: as [`ready_from_body`], but a text format the wasm leaves out is imported by
/// the importers module when the page offers it (`ui::importers`).
async fn ready_from_fetched(
    body: &str,
    content_type: Option<&str>,
    address: &str,
    load: u64,
) -> Result<LoadState, FetchFailure> {
    let loaded = match load_body(body, content_type, Some(address)) {
        Err(LoadFailure::NeedsConversion(found)) => {
            let hints: Vec<&str> = std::iter::once(address).chain(content_type).collect();
            match import_elsewhere(body, &hints).await {
                Some(Ok(json)) => from_importers(&json),
                Some(Err(reason)) => {
                    warn(&format!(
                        "the importers module could not be loaded: {reason}"
                    ));
                    Err(LoadFailure::NeedsConversion(found))
                }
                None => Err(LoadFailure::NeedsConversion(found)),
            }
        }
        other => other,
    };
    ready_from_loaded(loaded, load)
}

fn ready_from_loaded(
    loaded: Result<Loaded, LoadFailure>,
    load: u64,
) -> Result<LoadState, FetchFailure> {
    loaded
        .map(|loaded| LoadState::Ready {
            interview: SharedInterview(Rc::new(loaded.interview)),
            problems: Rc::new(loaded.problems),
            load,
            elsewhere: None,
        })
        .map_err(|failure| FetchFailure {
            can_retry: false,
            failure: Failure::Load(failure),
        })
}

/// A ready state that says where its interview came from.
fn with_provenance(ready: LoadState, from: Option<AttrValue>) -> LoadState {
    match ready {
        LoadState::Ready {
            interview,
            problems,
            load,
            ..
        } => LoadState::Ready {
            interview,
            problems,
            load,
            elsewhere: from,
        },
        other => other,
    }
}

fn embedded(load: u64) -> LoadState {
    let seed = crate::core::seed::seed();
    LoadState::Ready {
        interview: SharedInterview(Rc::new(seed.interview)),
        problems: Rc::new(seed.problems),
        load,
        elsewhere: None,
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("Interview Viewer: {message}").into());
}

#[component]
pub fn Loader(props: &LoaderProps) -> Html {
    // The first render (also the prerendered one) is load 0; the effect below numbers each
    // later load, so a server render and the browser's first render agree.
    let state = use_state(|| match &props.source {
        Source::Embedded => embedded(0),
        Source::Inline(body) => {
            ready_from_body(body, None, None, 0).unwrap_or_else(|f| LoadState::Failed {
                failure: f.failure,
                can_retry: false,
            })
        }
        Source::Url(_) | Source::Link(_) => LoadState::Loading,
    });
    let attempt = use_state(|| 0u32);
    // Each load gets a number; a response for an older one (the source changed meanwhile) is
    // dropped instead of overwriting the newer interview.
    let generation = use_mut_ref(|| 0u64);

    // Fetch on mount, whenever the source changes, and on "Try again".
    {
        let (state, generation) = (state.clone(), generation.clone());
        use_effect_with(
            (props.source.clone(), *attempt),
            move |(source, attempt)| {
                let this_load = {
                    let mut current = generation.borrow_mut();
                    *current += 1;
                    *current
                };
                let fail = |state: &UseStateHandle<LoadState>, failure: FetchFailure| {
                    // The console is for whoever builds the page: in English.
                    warn(&failure.failure.message(&Messages::english()));
                    state.set(LoadState::Failed {
                        failure: failure.failure,
                        can_retry: failure.can_retry,
                    });
                };
                match source {
                    Source::Url(url) | Source::Link(url) => {
                        let chooser = match source {
                            Source::Link(_) => Chooser::Link,
                            _ => Chooser::Author,
                        };
                        let written = url.to_string();
                        let (href, elsewhere) = match vet(url, chooser) {
                            Ok((href, provenance)) => (href, provenance),
                            Err(refusal) => {
                                let failure = FetchFailure {
                                    failure: Failure::Refused(refusal),
                                    can_retry: false,
                                };
                                return fail(&state, failure);
                            }
                        };
                        let elsewhere = match elsewhere {
                            Provenance::Elsewhere { host } => Some(AttrValue::from(host)),
                            Provenance::SameOrigin => None,
                        };
                        if *attempt > 0 || !matches!(*state, LoadState::Loading) {
                            state.set(LoadState::Loading);
                        }
                        wasm_bindgen_futures::spawn_local(async move {
                            let outcome = match fetch_body(&href, &written).await {
                                Ok((body, content_type)) => ready_from_fetched(
                                    &body,
                                    content_type.as_deref(),
                                    &href,
                                    this_load,
                                )
                                .await
                                .map(|ready| with_provenance(ready, elsewhere)),
                                Err(failure) => Err(failure),
                            };
                            if *generation.borrow() != this_load {
                                return;
                            }
                            match outcome {
                                Ok(ready) => state.set(ready),
                                Err(failure) => fail(&state, failure),
                            }
                        });
                    }
                    // On mount the state already holds the inline or embedded interview (load 0);
                    // after another source, they are a new load.
                    Source::Inline(body) if this_load > 1 => {
                        match ready_from_body(body, None, None, this_load) {
                            Ok(ready) => state.set(ready),
                            Err(failure) => fail(&state, failure),
                        }
                    }
                    Source::Inline(_) => {
                        if let LoadState::Failed { failure, .. } = &*state {
                            warn(&failure.message(&Messages::english()));
                        }
                    }
                    Source::Embedded if this_load > 1 => state.set(embedded(this_load)),
                    Source::Embedded => {}
                }
            },
        );
    }

    // The reader's words: in the interview's language once there is one, else the element's.
    let lang = match &*state {
        LoadState::Ready { interview, .. } => interview.lang.as_deref().map(AttrValue::from),
        _ => None,
    }
    .or_else(|| props.options.lang.clone());
    let given_lang = lang.is_some();
    let messages = use_messages_for(
        lang,
        props.options.catalogue.clone(),
        props.options.messages.clone(),
        true,
    )
    .0;
    // The loading and error messages are in the catalogue's language, and read in its direction.
    let (ui_lang, ui_dir) = if given_lang {
        let tag = AttrValue::from(messages.lang().to_string());
        let dir = direction(Some(&tag), "");
        (Some(tag), dir)
    } else {
        (None, None)
    };
    let (title, description) = match &*state {
        LoadState::Ready { interview, .. } => (
            Some(document_title(&interview.title, &messages)),
            Some(document_description(
                &interview.title,
                &interview.source,
                &messages,
            )),
        ),
        LoadState::Failed { .. } => (Some(no_interview_title(&messages)), None),
        LoadState::Loading => (None, None),
    };
    use_document_title(props.owns_document, title, description);

    // The host page hears of a failure (docs/embedding.md): once per attempt that failed.
    let error_box = use_node_ref();
    {
        let (kind, message) = match &*state {
            LoadState::Failed { failure, .. } => (Some(failure.kind()), failure.message(&messages)),
            _ => (None, String::new()),
        };
        let error_box = error_box.clone();
        // Keyed on the kind and the attempt, not the words: a catalogue arriving later changes
        // the words of the same failure.
        use_effect_with((kind, *attempt), move |(kind, _)| {
            if let (Some(kind), Some(target)) = (kind, error_box.cast::<web_sys::Element>()) {
                dom::dispatch_host_event(
                    &target,
                    "failed",
                    &[
                        ("kind", (*kind).into()),
                        ("message", message.as_str().into()),
                    ],
                );
            }
        });
    }

    match &*state {
        LoadState::Loading => html! {
            <div class="iv iv-loading" role="status" lang={ui_lang} dir={ui_dir}>
                <p>{ messages.text(keys::LOADING).to_string() }</p>
            </div>
        },
        LoadState::Failed { failure, can_retry } => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            html! {
                <div class="iv iv-error" role="alert" lang={ui_lang} dir={ui_dir} ref={error_box}>
                    <p class="iv-error-title">{ messages.text(keys::CANNOT_SHOW).to_string() }</p>
                    <p class="iv-error-message">{ failure.message(&messages) }</p>
                    if *can_retry {
                        <button type="button" class="iv-retry" onclick={retry}>
                            { messages.text(keys::TRY_AGAIN).to_string() }
                        </button>
                    }
                </div>
            }
        }
        LoadState::Ready {
            interview,
            problems,
            load,
            elsewhere,
        } => html! {
            <>
                <Viewer
                    key={*load}
                    interview={interview.clone()}
                    options={props.options.clone()}
                    loaded_from={elsewhere.clone()}
                    source={props.source.clone()}
                />
                if !problems.is_empty() {
                    <details class="iv iv-import-notes" lang={ui_lang} dir={ui_dir}>
                        <summary>
                            { messages.plural(keys::IMPORT_NOTES, problems.len() as u64, &[]) }
                        </summary>
                        <ul>
                            { for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }
                        </ul>
                    </details>
                }
            </>
        },
    }
}
