//! The catalogues: every text of the reader in English, French, German, Spanish and Arabic.
//! A table lists (key, text) pairs; plural texts have one entry per form of the language
//! (`key.one`, `key.other`; Arabic also `zero`, `two`, `few`, `many`). Placeholders in braces
//! are filled by `Messages::format` and must be kept as they are.
//!
//! Typography follows each language: French quotes and a no-break space before `:` and `;`,
//! German „…“ quotes, Spanish and Arabic «…».
//!
//! Only English is compiled into the viewer's wasm: the others, about 10 KB of brotli together,
//! are built into JSON files (`catalogue_json`, `dist/messages-<lang>-<hash>.json`) that a
//! viewer fetches when its language needs one (bench/levers.md). Native builds (the prerender,
//! `iv-convert`, the tests) have every table, with the feature `all-languages`.

#[cfg(feature = "all-languages")]
mod ar;
#[cfg(feature = "all-languages")]
mod de;
mod en;
#[cfg(feature = "all-languages")]
mod es;
#[cfg(feature = "all-languages")]
mod fr;

#[cfg(feature = "all-languages")]
pub use ar::ARABIC;
#[cfg(feature = "all-languages")]
pub use de::GERMAN;
pub use en::ENGLISH;
#[cfg(feature = "all-languages")]
pub use es::SPANISH;
#[cfg(feature = "all-languages")]
pub use fr::FRENCH;

/// One language's texts.
#[derive(Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// The primary language subtag: "en", "ar".
    pub lang: &'static str,
    /// The language's name in itself, for documentation and choosers.
    pub name: &'static str,
    pub entries: &'static [(&'static str, &'static str)],
}

impl Catalogue {
    /// The text of `key` in this catalogue, if it has one.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, text)| *text)
    }
}

/// Every catalogue compiled in, English first (the fallback).
#[cfg(feature = "all-languages")]
pub const ALL: &[&Catalogue] = &[&ENGLISH, &FRENCH, &GERMAN, &SPANISH, &ARABIC];
/// Every catalogue compiled in: English alone (see the module docs).
#[cfg(not(feature = "all-languages"))]
pub const ALL: &[&Catalogue] = &[&ENGLISH];

/// The languages a viewer can show, compiled in or fetched: their primary subtags.
pub const SHIPPED: [&str; 5] = ["en", "fr", "de", "es", "ar"];

/// The JSON file of `catalogue`, read back by [`super::parse_catalogue`]:
/// `{"lang": "fr", "texts": {"contents": "Sommaire", …}}`.
pub fn catalogue_json(catalogue: &Catalogue) -> String {
    let texts: serde_json::Map<String, serde_json::Value> = catalogue
        .entries
        .iter()
        .map(|(key, text)| (key.to_string(), serde_json::Value::from(*text)))
        .collect();
    serde_json::json!({ "lang": catalogue.lang, "texts": texts }).to_string()
}
