//! The options of an embedded viewer (the `<interview-viewer>` element's attributes) and the
//! loader properties they give. Shared by the embedding layer (`embed`, in the browser) and the
//! embed snippet (`snippet`, prerendered natively), so that a snippet's prerendered HTML and the
//! browser's first render of the same options cannot disagree (hydration needs them equal).

use crate::ui::loader::{LoaderProps, Source};
use crate::ui::theme::Theme;
use crate::ui::viewer::ViewerOptions;
use yew::AttrValue;

/// What the custom element passes, already read (see `embed::mount_viewer` for the names).
pub struct EmbedOptions {
    /// A URL of our JSON or plain text, chosen by the host page's author (any http(s) address).
    pub src: Option<String>,
    /// One that came from a link (embed.html's `?src=`): only the page's origin or one its
    /// publisher allows.
    pub link_src: Option<String>,
    /// The text of an inline `<script type="application/json">`.
    pub inline: Option<String>,
    /// light | dark | auto; anything else follows the reader's choice or the system.
    pub theme: Option<String>,
    /// 2–6.
    pub heading_level: u8,
    /// false hides the search box.
    pub search: bool,
    /// The interview titles the page (embed.html).
    pub document_title: bool,
    /// Keeps this instance's ids apart from other viewers' on the page.
    pub id_prefix: String,
    /// Questions the reader opened before the viewer started (a snippet's prerendered panels).
    pub initially_open: Vec<usize>,
    /// The element's language (its `lang`, or its nearest ancestor's: the host page's), for an
    /// interview that does not name its own.
    pub lang: Option<String>,
    /// The host's texts for the reader's words, a JSON object of key → text: the `messages`
    /// attribute, or an inline `<script type="application/json" data-messages>` child.
    pub messages: Option<String>,
    /// The JSON of the message catalogue of the element's language, when the element fetched
    /// one (languages other than English are not in the wasm).
    pub catalogue: Option<String>,
    /// false hides "Share".
    pub share: bool,
    /// The absolute address of `interview-viewer.js`, for the embed code "Share" gives.
    pub script: Option<String>,
    /// The element's name in links to its questions on the host page (quote links).
    pub name: Option<String>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            src: None,
            link_src: None,
            inline: None,
            theme: None,
            heading_level: 2,
            search: true,
            document_title: false,
            id_prefix: String::new(),
            initially_open: Vec::new(),
            lang: None,
            messages: None,
            catalogue: None,
            share: true,
            script: None,
            name: None,
        }
    }
}

impl EmbedOptions {
    pub fn props(self) -> LoaderProps {
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
                id_prefix: self.id_prefix.into(),
                theme: self.theme.as_deref().and_then(Theme::parse),
                initially_open: self.initially_open,
                lang: self
                    .lang
                    .filter(|l| !l.trim().is_empty())
                    .map(AttrValue::from),
                messages: self.messages.map(AttrValue::from),
                catalogue: self.catalogue.map(AttrValue::from),
                show_share: self.share,
                script: self
                    .script
                    .filter(|s| !s.trim().is_empty())
                    .map(AttrValue::from),
                link_name: self
                    .name
                    .filter(|s| !s.trim().is_empty())
                    .map(AttrValue::from),
            },
            owns_document: self.document_title,
        }
    }
}
