//! The embedding layer: what `dist/interview-viewer.js` (the `<interview-viewer>` custom element)
//! calls to mount a viewer into its shadow root, update it when attributes change, and unmount it.
//! Every argument is optional or forgiving: a bad attribute falls back to its default, never a
//! throw into the host page.

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::ui::loader::{Loader, LoaderProps, Source};
use crate::ui::theme::Theme;
use crate::ui::viewer::ViewerOptions;

/// One mounted viewer, owned by one custom element.
#[wasm_bindgen]
pub struct EmbeddedViewer {
    handle: Option<AppHandle<Loader>>,
    id_prefix: String,
}

/// What the custom element passes: one plain object, read by name, so the JS side and this one
/// cannot disagree about an argument's position. Every field is optional.
///
/// `{ src, linkSrc, inline, theme, headingLevel, search, documentTitle, idPrefix }`: `src` a
/// URL of our JSON or plain text, chosen by the host page's author (any http(s) address);
/// `linkSrc` one that came from a link (embed.html's `?src=`: only the page's origin or one its
/// publisher allows); `inline` the text of an inline `<script type="application/json">`; `theme`
/// light | dark | auto; `headingLevel` 2–6 (anything else: 2); `search` false hides the search
/// box; `documentTitle` true lets the interview title the page (embed.html); `idPrefix` keeps
/// this instance's ids apart from the others' (read at mount only).
struct EmbedOptions {
    src: Option<String>,
    link_src: Option<String>,
    inline: Option<String>,
    theme: Option<String>,
    heading_level: u8,
    search: bool,
    document_title: bool,
    id_prefix: String,
}

impl EmbedOptions {
    fn read(options: &JsValue) -> EmbedOptions {
        let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).ok();
        let text = |name: &str| get(name).and_then(|v| v.as_string());
        EmbedOptions {
            src: text("src"),
            link_src: text("linkSrc"),
            inline: text("inline"),
            theme: text("theme"),
            heading_level: get("headingLevel")
                .and_then(|v| v.as_f64())
                .filter(|level| (2.0..=6.0).contains(level))
                .map_or(2, |level| level as u8),
            search: get("search").and_then(|v| v.as_bool()).unwrap_or(true),
            document_title: get("documentTitle")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            id_prefix: text("idPrefix").unwrap_or_default(),
        }
    }

    fn props(self, id_prefix: &str) -> LoaderProps {
        let given = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
        let source = if given(&self.src) {
            Source::Url(self.src.unwrap_or_default().into())
        } else if given(&self.link_src) {
            Source::Link(self.link_src.unwrap_or_default().into())
        } else if given(&self.inline) {
            Source::Inline(self.inline.unwrap_or_default().into())
        } else {
            Source::Embedded
        };
        LoaderProps {
            source,
            options: ViewerOptions {
                heading_level: self.heading_level,
                show_search: self.search,
                use_url: false,
                id_prefix: id_prefix.to_string().into(),
                theme: self.theme.as_deref().and_then(Theme::parse),
                initially_open: Vec::new(),
            },
            owns_document: self.document_title,
        }
    }
}

/// Mounts a viewer into `container` (an element inside the custom element's shadow root) with
/// the element's options (see [`EmbedOptions`]).
#[wasm_bindgen(js_name = mountViewer)]
pub fn mount_viewer(container: web_sys::Element, options: JsValue) -> EmbeddedViewer {
    let options = EmbedOptions::read(&options);
    let id_prefix = options.id_prefix.clone();
    let props = options.props(&id_prefix);
    let handle = yew::Renderer::<Loader>::with_root_and_props(container, props).render();
    EmbeddedViewer {
        handle: Some(handle),
        id_prefix,
    }
}

#[wasm_bindgen]
impl EmbeddedViewer {
    /// Applies changed options; a changed `src` (or inline data) reloads.
    pub fn update(&mut self, options: JsValue) {
        let props = EmbedOptions::read(&options).props(&self.id_prefix);
        if let Some(handle) = self.handle.as_mut() {
            handle.update(props);
        }
    }

    /// Removes the viewer and its listeners.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}
