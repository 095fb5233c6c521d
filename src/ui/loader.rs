//! Gets an interview to show: the embedded one, one given inline, or one fetched from a URL (in
//! a text format the wasm leaves out, through the importers module: `ui::importers`).
//! An address is vetted first (`ui::sources`): a link may only name the page's own origin or one
//! its publisher allows, and nothing but http(s) is ever fetched. While fetching it says so; when
//! anything fails it shows a short, specific message (with "Try again" where another attempt can
//! help) and logs one console warning. It never throws. A page that shows one interview alone
//! (`owns_document`) takes its title and description from it.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::import::ImportProblem;
use crate::core::load::{from_importers, load_body, LoadFailure, Loaded, MAX_BODY_BYTES};
use crate::core::source::{Chooser, Provenance};
use crate::core::view::{document_description, document_title, NO_INTERVIEW_TITLE};
use crate::ui::hooks::use_document_title;
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
        message: String,
        can_retry: bool,
    },
}

/// Why a fetch failed, worded for the reader.
struct FetchFailure {
    message: String,
    can_retry: bool,
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
            message: failure.to_string(),
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

/// Fetches `href`; failures name the address as the page wrote it (`url`).
async fn fetch_body(href: &str, url: &str) -> Result<(String, Option<String>), FetchFailure> {
    let unreachable = || {
        FetchFailure {
        message: format!(
            "The interview could not be loaded from “{url}”: the server did not answer. Check the address and your connection."
        ),
        can_retry: true,
    }
    };
    let window = crate::ui::dom::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(href))
        .await
        .map_err(|_| unreachable())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable())?;
    let status = response.status();
    if status == 404 || status == 410 {
        return Err(FetchFailure {
            message: format!("No interview was found at “{url}” (HTTP {status})."),
            can_retry: false,
        });
    }
    if !response.ok() {
        return Err(FetchFailure {
            message: format!(
                "The server could not send the interview from “{url}” (HTTP {status})."
            ),
            can_retry: true,
        });
    }
    let headers = response.headers();
    let content_type = headers.get("content-type").ok().flatten();
    // Refuse a huge file before downloading it, when the server says how large it is.
    if let Some(length) = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.trim().parse::<usize>().ok())
    {
        if length > MAX_BODY_BYTES {
            return Err(FetchFailure {
                message: LoadFailure::TooLarge(length).to_string(),
                can_retry: false,
            });
        }
    }
    let text = response.text().map_err(|_| unreachable())?;
    let text = JsFuture::from(text).await.map_err(|_| unreachable())?;
    Ok((text.as_string().unwrap_or_default(), content_type))
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
                message: f.message,
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
                    warn(&failure.message);
                    state.set(LoadState::Failed {
                        message: failure.message,
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
                                    message: refusal.to_string(),
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
                        if let LoadState::Failed { message, .. } = &*state {
                            warn(message);
                        }
                    }
                    Source::Embedded if this_load > 1 => state.set(embedded(this_load)),
                    Source::Embedded => {}
                }
            },
        );
    }

    let (title, description) = match &*state {
        LoadState::Ready { interview, .. } => (
            Some(document_title(&interview.title)),
            Some(document_description(&interview.title, &interview.source)),
        ),
        LoadState::Failed { .. } => (Some(NO_INTERVIEW_TITLE.to_string()), None),
        LoadState::Loading => (None, None),
    };
    use_document_title(props.owns_document, title, description);

    match &*state {
        LoadState::Loading => html! {
            <div class="iv iv-loading" role="status">
                <p>{"Loading the interview…"}</p>
            </div>
        },
        LoadState::Failed { message, can_retry } => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            html! {
                <div class="iv iv-error" role="alert">
                    <p class="iv-error-title">{"This interview cannot be shown."}</p>
                    <p class="iv-error-message">{ message.clone() }</p>
                    if *can_retry {
                        <button type="button" class="iv-retry" onclick={retry}>{"Try again"}</button>
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
                />
                if !problems.is_empty() {
                    <details class="iv iv-import-notes">
                        <summary>
                            { format!("{} line(s) of the source did not fit the interview format", problems.len()) }
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
