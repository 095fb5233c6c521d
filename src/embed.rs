//! The embedding layer: what `dist/interview-viewer.js` (the `<interview-viewer>` custom element)
//! calls to mount a viewer into its shadow root (or hydrate the prerendered one an embed snippet
//! brought), update it when attributes change, and unmount it. Every argument is optional or
//! forgiving: a bad attribute falls back to its default, never a throw into the host page.

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::embed_options::EmbedOptions;
use crate::ui::dom;
use crate::ui::loader::{Loader, Source};

/// One mounted viewer, owned by one custom element.
#[wasm_bindgen]
pub struct EmbeddedViewer {
    handle: Option<AppHandle<Loader>>,
    id_prefix: String,
}

/// Reads the element's options: one plain object, read by name, so the JS side and this one
/// cannot disagree about an argument's position. Every field is optional.
///
/// `{ src, linkSrc, inline, theme, headingLevel, search, share, script, name, documentTitle, idPrefix, lang, messages, catalogue }`: see
/// [`EmbedOptions`]; `headingLevel` outside 2–6 gives 2; `idPrefix` is read at mount only.
fn read_options(options: &JsValue) -> EmbedOptions {
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
        initially_open: Vec::new(),
        lang: text("lang"),
        messages: text("messages"),
        catalogue: text("catalogue"),
        share: get("share").and_then(|v| v.as_bool()).unwrap_or(true),
        script: text("script"),
        name: text("name"),
    }
}

/// Mounts a viewer into `container` (an element inside the custom element's shadow root) with
/// the element's options. With `hydrate` true, `container` holds an embed snippet's prerendered
/// viewer (`snippet`): the viewer takes it over in place, keeping the questions the reader opened
/// meanwhile, when the options show the same interview (the embedded one or inline data);
/// otherwise it starts afresh.
#[wasm_bindgen(js_name = mountViewer)]
pub fn mount_viewer(
    container: web_sys::Element,
    options: JsValue,
    hydrate: bool,
) -> EmbeddedViewer {
    let options = read_options(&options);
    let id_prefix = options.id_prefix.clone();
    let mut props = options.props();
    // Only the embedded interview and inline data render synchronously, as the snippet did.
    let same_interview = matches!(props.source, Source::Embedded | Source::Inline(_));
    if hydrate && same_interview {
        props.options.initially_open = dom::open_panels(&container);
    } else {
        container.set_inner_html("");
    }
    let renderer = yew::Renderer::<Loader>::with_root_and_props(container, props);
    let handle = if hydrate && same_interview {
        renderer.hydrate()
    } else {
        renderer.render()
    };
    EmbeddedViewer {
        handle: Some(handle),
        id_prefix,
    }
}

#[wasm_bindgen]
impl EmbeddedViewer {
    /// Applies changed options; a changed `src` (or inline data) reloads.
    pub fn update(&mut self, options: JsValue) {
        let mut options = read_options(&options);
        options.id_prefix = self.id_prefix.clone();
        if let Some(handle) = self.handle.as_mut() {
            handle.update(options.props());
        }
    }

    /// Removes the viewer and its listeners.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}
