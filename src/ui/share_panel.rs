//! "Share": a disclosure (WAI-ARIA APG) whose panel gives the link to this interview and the
//! code that embeds it in another page (`core::share::embed_code`), each with a copy button. The
//! outcome is said in a polite status; where the clipboard refuses, the field is selected with
//! the hint to copy it by hand. Escape closes the panel and returns the focus to its button.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::ids::Ids;
use crate::core::messages::keys;
use crate::core::share::{embed_code, SharedData};
use crate::ui::dom;
use crate::ui::hooks::{use_clipboard, use_messages, Copy};
use crate::ui::loader::Source;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub id_prefix: AttrValue,
    /// Where the interview came from: the embed code points at the same place.
    pub source: Source,
    /// The address of `interview-viewer.js`; `None`: the one beside the page (the standalone
    /// page is `dist/index.html`).
    pub script: Option<AttrValue>,
}

/// Which of the two texts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Text {
    Link,
    Code,
}

/// The two texts, made when the panel opens: the page's address may have changed since.
#[derive(Clone, PartialEq)]
struct Shared {
    link: String,
    code: String,
}

/// `relative` resolved against the page (its `<base>` included).
fn absolute(relative: &str) -> Option<String> {
    let base = dom::document()?.base_uri().ok()??;
    Some(web_sys::Url::new_with_base(relative, &base).ok()?.href())
}

/// The page's address, without its fragment and without a search in progress (`?q=`).
fn page_link() -> Option<String> {
    let url = web_sys::Url::new(&dom::window()?.location().href().ok()?).ok()?;
    url.set_hash("");
    url.search_params().delete("q");
    Some(url.href())
}

fn shared(props: &SharePanelProps) -> Option<Shared> {
    let script = match &props.script {
        Some(script) => script.to_string(),
        None => absolute("interview-viewer.js")?,
    };
    let url;
    let data = match &props.source {
        Source::Embedded => SharedData::Embedded,
        Source::Url(src) | Source::Link(src) => {
            url = absolute(src)?;
            SharedData::Url(&url)
        }
        Source::Inline(json) => SharedData::Inline(json),
    };
    Some(Shared {
        link: page_link()?,
        code: embed_code(&script, data),
    })
}

/// Whether this page can be shared: one on the web, not a file opened from disk.
fn on_the_web() -> bool {
    dom::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:" || p == "http:")
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let messages = use_messages();
    let ids = Ids(&props.id_prefix);
    // Known only in the browser, after the first render: the prerendered page has no button,
    // and the first render in the browser must match it.
    let shareable = use_state_eq(|| false);
    {
        let shareable = shareable.clone();
        use_effect_with((), move |_| shareable.set(on_the_web()));
    }
    let open = use_state_eq(|| None::<Shared>);
    let (outcome, copies, copy) = use_clipboard::<Text>();
    let button = use_node_ref();
    let link_field = use_node_ref();
    let code_field = use_node_ref();

    // A refused copy: select the field, for the reader to copy by hand.
    {
        let fields = (link_field.clone(), code_field.clone());
        use_effect_with((copies, outcome.clone()), move |(_, outcome)| {
            let field = match outcome {
                Copy::Refused(Text::Link, _) => &fields.0,
                Copy::Refused(Text::Code, _) => &fields.1,
                _ => return,
            };
            if let Some(field) = field.cast::<web_sys::HtmlElement>() {
                let _ = field.focus();
                select_all(&field);
            }
        });
    }

    if !*shareable {
        return Html::default();
    }

    let toggle = {
        let open = open.clone();
        let now = shared(props);
        Callback::from(move |_: MouseEvent| {
            open.set(if open.is_some() { None } else { now.clone() })
        })
    };
    let on_key = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && open.is_some() {
                event.prevent_default();
                open.set(None);
                if let Some(button) = button.cast::<web_sys::Element>() {
                    dom::focus(&button);
                }
            }
        })
    };
    let copy_of = |which: Text, text: &str| {
        let copy = copy.clone();
        let text = text.to_string();
        Callback::from(move |_: MouseEvent| copy.emit((which, text.clone())))
    };
    let on_field_focus = Callback::from(|event: FocusEvent| {
        if let Some(field) = event.target_dyn_into::<web_sys::HtmlElement>() {
            select_all(&field);
        }
    });
    let status = match &outcome {
        Copy::Idle => "",
        Copy::Copied(Text::Link) => messages.text(keys::LINK_COPIED),
        Copy::Copied(Text::Code) => messages.text(keys::EMBED_COPIED),
        Copy::Refused(Text::Link, _) => messages.text(keys::COPY_MANUALLY),
        Copy::Refused(Text::Code, _) => messages.text(keys::COPY_EMBED_MANUALLY),
    };
    let panel_id = ids.share("panel");

    let (link_id, code_id, hint_id) = (ids.share("link"), ids.share("code"), ids.share("hint"));
    html! {
        <div class="iv-share" onkeydown={on_key}>
            <button
                type="button"
                class="iv-share-button"
                id={ids.share("button")}
                ref={button}
                aria-expanded={if open.is_some() { "true" } else { "false" }}
                aria-controls={panel_id.clone()}
                onclick={toggle}
            >
                { messages.text(keys::SHARE).to_string() }
            </button>
            // Always there, for `aria-controls` to resolve; its fields only while open.
            <div class="iv-share-panel" id={panel_id} hidden={open.is_none()}>
                if let Some(shared) = &*open {
                    <label class="iv-share-label" for={link_id.clone()}>{ messages.text(keys::SHARE_LINK_FIELD).to_string() }</label>
                    <div class="iv-share-row">
                        <input
                            ref={link_field}
                            id={link_id}
                            class="iv-share-field"
                            type="text"
                            dir="ltr"
                            readonly=true
                            value={shared.link.clone()}
                            onfocus={on_field_focus.clone()}
                        />
                        <button type="button" class="iv-share-copy" onclick={copy_of(Text::Link, &shared.link)}>
                            { messages.text(keys::SHARE_COPY_LINK).to_string() }
                        </button>
                    </div>
                    <label class="iv-share-label" for={code_id.clone()}>{ messages.text(keys::EMBED_FIELD).to_string() }</label>
                    <p class="iv-share-hint" id={hint_id.clone()}>{ messages.text(keys::EMBED_HINT).to_string() }</p>
                    <div class="iv-share-row">
                        <textarea
                            ref={code_field}
                            id={code_id}
                            class="iv-share-field iv-share-code"
                            dir="ltr"
                            rows="4"
                            readonly=true
                            spellcheck="false"
                            aria-describedby={hint_id}
                            value={shared.code.clone()}
                            onfocus={on_field_focus}
                        />
                        <button type="button" class="iv-share-copy" onclick={copy_of(Text::Code, &shared.code)}>
                            { messages.text(keys::COPY_EMBED).to_string() }
                        </button>
                    </div>
                    <p class="iv-share-status" role="status">{ status.to_string() }</p>
                }
            </div>
        </div>
    }
}

/// Selects a field's whole text (an `<input>` or a `<textarea>`).
fn select_all(field: &web_sys::HtmlElement) {
    let _ = js_sys::Reflect::get(field, &"select".into())
        .ok()
        .and_then(|select| select.dyn_into::<js_sys::Function>().ok())
        .map(|select| select.call0(field));
}
