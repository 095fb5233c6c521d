//! The theme switch: light, dark, or whatever the system prefers. The choice persists in
//! localStorage when it can; with storage blocked it still applies for the visit.

use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::use_messages;

use crate::core::ids::Ids;
use crate::ui::dom;

/// The reader's (or host's) theme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    System,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::System];

    /// Parses "light", "dark", "auto" or "system" (any case); anything else is `None`.
    pub fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" | "system" => Some(Theme::System),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "system",
        }
    }

    /// The key of its name in the message catalogue.
    fn label_key(self) -> &'static str {
        match self {
            Theme::Light => keys::THEME_LIGHT,
            Theme::Dark => keys::THEME_DARK,
            Theme::System => keys::THEME_SYSTEM,
        }
    }
}

/// Where the standalone page keeps the reader's choice.
pub const STORAGE_KEY: &str = "interview-viewer:theme";

/// The stored choice, if storage works and holds one.
pub fn stored_theme() -> Option<Theme> {
    dom::stored(STORAGE_KEY).and_then(|v| Theme::parse(&v))
}

#[derive(Properties, PartialEq)]
pub struct ThemeSwitchProps {
    pub id_prefix: AttrValue,
    pub theme: Theme,
    pub on_change: Callback<Theme>,
}

/// Three radio buttons in a fieldset: the native pattern, so arrows and screen readers just work.
#[component]
pub fn ThemeSwitch(props: &ThemeSwitchProps) -> Html {
    let messages = use_messages();
    let ids = Ids(&props.id_prefix);
    let name = ids.theme_group();
    html! {
        <fieldset class="iv-theme">
            <legend class="iv-theme-legend">{ messages.text(keys::THEME).to_string() }</legend>
            { for Theme::ALL.iter().map(|&theme| {
                let id = ids.theme_option(theme.as_str());
                let on_change = props.on_change.clone();
                html! {
                    <label class="iv-theme-option" for={id.clone()}>
                        <input
                            type="radio"
                            {id}
                            name={name.clone()}
                            value={theme.as_str()}
                            checked={props.theme == theme}
                            onchange={Callback::from(move |_: Event| on_change.emit(theme))}
                        />
                        { messages.text(theme.label_key()).to_string() }
                    </label>
                }
            }) }
        </fieldset>
    }
}
