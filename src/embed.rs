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

fn props(
    src: Option<String>,
    inline: Option<String>,
    theme: Option<String>,
    heading_level: u8,
    search: bool,
    id_prefix: &str,
) -> LoaderProps {
    let source = match (src, inline) {
        (Some(url), _) if !url.trim().is_empty() => Source::Url(url.into()),
        (_, Some(body)) if !body.trim().is_empty() => Source::Inline(body.into()),
        _ => Source::Embedded,
    };
    LoaderProps {
        source,
        options: ViewerOptions {
            heading_level: if (2..=6).contains(&heading_level) {
                heading_level
            } else {
                2
            },
            show_search: search,
            use_url: false,
            id_prefix: id_prefix.to_string().into(),
            theme: theme.as_deref().and_then(Theme::parse),
            initially_open: Vec::new(),
        },
    }
}

/// Mounts a viewer into `container` (an element inside the custom element's shadow root).
/// `src` is a URL of our JSON or plain text; `inline` the text of an inline
/// `<script type="application/json">`; `theme` is light | dark | auto; `heading_level` 2–6
/// (anything else: 2); `id_prefix` keeps this instance's ids apart from the others'.
#[wasm_bindgen(js_name = mountViewer)]
pub fn mount_viewer(
    container: web_sys::Element,
    src: Option<String>,
    inline: Option<String>,
    theme: Option<String>,
    heading_level: u8,
    search: bool,
    id_prefix: String,
) -> EmbeddedViewer {
    let props = props(src, inline, theme, heading_level, search, &id_prefix);
    let handle = yew::Renderer::<Loader>::with_root_and_props(container, props).render();
    EmbeddedViewer {
        handle: Some(handle),
        id_prefix,
    }
}

#[wasm_bindgen]
impl EmbeddedViewer {
    /// Applies changed attributes; a changed `src` reloads.
    pub fn update(
        &mut self,
        src: Option<String>,
        inline: Option<String>,
        theme: Option<String>,
        heading_level: u8,
        search: bool,
    ) {
        let props = props(src, inline, theme, heading_level, search, &self.id_prefix);
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
