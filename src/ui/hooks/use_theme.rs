//! The theme: the host's if it sets one, else the reader's stored choice, else the system's. A
//! reader's choice is stored when storage allows (and applies for the visit when it does not);
//! the standalone page also themes the page around the viewer.

use yew::prelude::*;

use crate::ui::dom;
use crate::ui::theme::{stored_theme, Theme, STORAGE_KEY};

/// The theme to show and the callback for the reader's choice. `forced` is the host's theme;
/// `themes_page` sets `data-theme` on `<html>` too (the standalone page).
#[hook]
pub fn use_theme(forced: Option<Theme>, themes_page: bool) -> (Theme, Callback<Theme>) {
    let theme = use_state_eq(move || forced.or_else(stored_theme).unwrap_or(Theme::System));
    {
        let theme = theme.clone();
        // A host's theme wins; when the host removes it, the reader's choice applies again.
        use_effect_with(forced, move |forced| {
            theme.set(forced.or_else(stored_theme).unwrap_or(Theme::System));
        });
    }
    use_effect_with(*theme, move |theme| {
        if themes_page {
            if let Some(html) = dom::document().and_then(|d| d.document_element()) {
                let _ = html.set_attribute("data-theme", theme.as_str());
            }
        }
    });
    let choose = {
        let theme = theme.clone();
        Callback::from(move |choice: Theme| {
            theme.set(choice);
            // With storage blocked the choice still applies for this visit.
            dom::store(STORAGE_KEY, choice.as_str());
        })
    };
    (*theme, choose)
}
