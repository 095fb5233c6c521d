//! The reader's own words — buttons, labels, the search status, errors, the live region — in
//! the interview's language: a catalogue per language ([`catalogues`]), plural rules
//! ([`plural`]), and a host's overrides on top.
//!
//! A text is looked up by its key ([`keys`]): first in the host's overrides, then in the
//! catalogue of the language, then in English, so a missing translation shows English rather
//! than nothing. Placeholders are `{name}`, filled by [`Messages::format`]; a plural text has one
//! entry per CLDR category, `key.one`, `key.other`, … ([`Messages::plural`]).
//!
//! To add a language: add a table to `catalogues.rs` (every key of [`keys::ALL`], the plural
//! forms its rule in `plural.rs` uses), add its rule to [`plural::category`] and its table to
//! [`catalogues::ALL`]; the tests check that nothing is missing (docs/languages.md).

pub mod catalogues;
pub mod keys;
pub mod plural;

use std::rc::Rc;

use crate::json::{self, Json};
use catalogues::Catalogue;
use plural::category;

/// The texts of one viewer: a language's catalogue (compiled in, or fetched and read by
/// [`parse_catalogue`]) and the host's overrides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Messages {
    catalogue: &'static Catalogue,
    loaded: Option<Rc<LoadedCatalogue>>,
    overrides: Vec<(String, String)>,
}

/// A catalogue read from its JSON file (`catalogues::catalogue_json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedCatalogue {
    pub lang: String,
    pub texts: Vec<(String, String)>,
}

impl Default for Messages {
    fn default() -> Self {
        Messages::english()
    }
}

impl Messages {
    /// English, the default.
    pub fn english() -> Messages {
        Messages {
            catalogue: &catalogues::ENGLISH,
            loaded: None,
            overrides: Vec::new(),
        }
    }

    /// The compiled-in catalogue for the BCP 47 tag `lang` ("fr", "fr-CA", "AR"), by its
    /// primary language; English when there is none for it (a shipped language that is not
    /// compiled in comes with [`Messages::with_catalogue`]).
    pub fn for_language(lang: Option<&str>) -> Messages {
        let primary = primary_language(lang.unwrap_or(""));
        let catalogue = catalogues::ALL
            .iter()
            .copied()
            .find(|c| c.lang == primary)
            .unwrap_or(&catalogues::ENGLISH);
        Messages {
            catalogue,
            loaded: None,
            overrides: Vec::new(),
        }
    }

    /// These messages with a catalogue read from its JSON file, which comes before the
    /// compiled-in one.
    pub fn with_catalogue(mut self, loaded: Rc<LoadedCatalogue>) -> Messages {
        self.loaded = Some(loaded);
        self
    }

    /// The language of the catalogue in use ("en" when it fell back to English): the `lang` of
    /// the reader's controls.
    pub fn lang(&self) -> &str {
        self.loaded
            .as_ref()
            .map_or(self.catalogue.lang, |loaded| loaded.lang.as_str())
    }

    /// These messages with `overrides` (key, text) taking precedence.
    pub fn with_overrides(mut self, overrides: Vec<(String, String)>) -> Messages {
        self.overrides = overrides;
        self
    }

    /// The text of `key`, placeholders unfilled.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        // The last override of a key wins, as the last of a repeated JSON key does.
        self.overrides
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, text)| text.as_str())
            .or_else(|| self.loaded_text(key))
            .or_else(|| self.catalogue.get(key))
            .or_else(|| catalogues::ENGLISH.get(key))
            .unwrap_or(key)
    }

    /// The text of `key` with each `{name}` of `args` replaced by its value.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.text(key), args)
    }

    /// The form of `key` for the number `n` (`key.one`, `key.few`, … by the language's plural
    /// rule; `key.other` when the form is missing), with `{count}` and `args` filled.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let form = format!("{key}.{}", category(self.lang(), n).name());
        let other = format!("{key}.other");
        let template = if self.has(&form) {
            self.text(&form)
        } else {
            self.text(&other)
        };
        let count = n.to_string();
        let mut all: Vec<(&str, &str)> = vec![("count", &count)];
        all.extend_from_slice(args);
        fill(template, &all)
    }

    fn loaded_text(&self, key: &str) -> Option<&str> {
        let loaded = self.loaded.as_ref()?;
        loaded
            .texts
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, text)| text.as_str())
    }

    fn has(&self, key: &str) -> bool {
        self.overrides.iter().any(|(k, _)| k == key)
            || self.loaded_text(key).is_some()
            || self.catalogue.get(key).is_some()
            || catalogues::ENGLISH.get(key).is_some()
    }
}

/// `template` with each `{name}` of `args` replaced; other braces are kept as they are.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (*value, close))
        });
        match filled {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The primary language subtag of a BCP 47 tag, lower case: "fr" for "FR-ca".
pub fn primary_language(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// A catalogue from its JSON file (`{"lang": "fr", "texts": {…}}`); texts of keys this viewer
/// does not know are left out.
pub fn parse_catalogue(json_text: &str) -> Result<LoadedCatalogue, String> {
    let document = json::parse(json_text)?;
    let lang = match document.get("lang") {
        Some(Json::String(lang)) if !lang.trim().is_empty() => primary_language(lang),
        _ => return Err("a catalogue needs its \"lang\"".to_string()),
    };
    let texts = match document.get("texts") {
        Some(Json::Object(members)) => members
            .iter()
            .filter(|(key, _)| keys::is_known(key))
            .filter_map(|(key, value)| match value {
                Json::String(text) => Some((key.clone(), text.clone())),
                _ => None,
            })
            .collect(),
        _ => return Err("a catalogue needs its \"texts\", an object".to_string()),
    };
    Ok(LoadedCatalogue { lang, texts })
}

/// Texts by key, as a host or a catalogue file gives them.
pub type Texts = Vec<(String, String)>;

/// A host's overrides from a JSON object of key → text (`{"search_label": "Find"}`). Keys this
/// viewer does not know are left out and named in the second list, so that a typo can be
/// reported rather than silently ignored.
pub fn parse_overrides(json_text: &str) -> Result<(Texts, Vec<String>), String> {
    let document = json::parse(json_text)?;
    let Json::Object(members) = document else {
        return Err(format!(
            "expected a JSON object of texts, found {}",
            document.kind()
        ));
    };
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for (key, value) in members {
        match value {
            Json::String(text) if keys::is_known(&key) => known.push((key, text)),
            Json::String(_) => unknown.push(key),
            other => return Err(format!("{key}: expected a string, found {}", other.kind())),
        }
    }
    Ok((known, unknown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_names_only() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "x"), ("b", "{a}")]),
            "x and {a}"
        );
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        assert_eq!(fill("«{url}»", &[("url", "é")]), "«é»");
    }
}
