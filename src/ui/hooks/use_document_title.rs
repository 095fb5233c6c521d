//! The page's title and description follow the interview a page shows alone (the standalone
//! page, embed.html), so a tab never names one interview while showing another.

use yew::prelude::*;

use crate::ui::dom;

/// When `enabled`, sets `document.title` to `title` and the `<meta name="description">` (when
/// the page has one) to `description`, whenever they change; `None` leaves them as they are.
#[hook]
pub fn use_document_title(enabled: bool, title: Option<String>, description: Option<String>) {
    use_effect_with(
        (enabled, title, description),
        |(enabled, title, description)| {
            let document = dom::document().filter(|_| *enabled);
            if let Some(document) = document {
                if let Some(title) = title {
                    document.set_title(title);
                }
                if let Some(meta) = description.as_ref().and_then(|_| {
                    document
                        .query_selector("meta[name=\"description\"]")
                        .ok()
                        .flatten()
                }) {
                    let _ = meta.set_attribute("content", description.as_deref().unwrap_or(""));
                }
            }
        },
    );
}
