//! The reader's words for one viewer (`core::messages`): the catalogue of its language with the
//! host's overrides, shared with every component through a context. English is compiled in;
//! another language's catalogue comes with the options (the element fetched it with the wasm)
//! or is fetched here (`ui::catalogues`), English showing meanwhile. A host's overrides that do
//! not parse, or name texts this viewer does not have, are reported once on the console and
//! otherwise ignored: a typo must not cost the reader the viewer.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::messages::catalogues::SHIPPED;
use crate::core::messages::{
    parse_catalogue, parse_overrides, primary_language, LoadedCatalogue, Messages,
};

/// The messages a viewer's components read; equality is identity.
#[derive(Clone, Debug)]
pub struct SharedMessages(pub Rc<Messages>);

impl PartialEq for SharedMessages {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The messages for `lang` (a BCP 47 tag), with `loaded` (its catalogue, when it is not compiled
/// in) and the host's `overrides` (a JSON object of key → text), and what is wrong with the
/// overrides, if anything.
pub fn messages_for(
    lang: Option<&str>,
    loaded: Option<Rc<LoadedCatalogue>>,
    overrides: Option<&str>,
) -> (Messages, Option<String>) {
    let mut messages = Messages::for_language(lang);
    if let Some(loaded) = loaded {
        messages = messages.with_catalogue(loaded);
    }
    let Some(json) = overrides.filter(|o| !o.trim().is_empty()) else {
        return (messages, None);
    };
    match parse_overrides(json) {
        Ok((known, unknown)) => {
            let warning = (!unknown.is_empty()).then(|| {
                format!(
                    "these message keys are not known and were ignored: {} (docs/languages.md lists them)",
                    unknown.join(", ")
                )
            });
            (messages.with_overrides(known), warning)
        }
        Err(why) => (
            messages,
            Some(format!("the messages given are not used: {why}")),
        ),
    }
}

/// The language whose catalogue `lang` needs and the wasm lacks: a shipped language other than
/// the compiled-in ones.
fn missing_catalogue(lang: Option<&str>) -> Option<String> {
    let primary = primary_language(lang?);
    let compiled = Messages::for_language(Some(&primary)).lang() == primary;
    (!compiled && SHIPPED.contains(&primary.as_str())).then_some(primary)
}

/// [`messages_for`], kept while `lang`, the catalogue and `overrides` stay the same. `given` is
/// a catalogue's JSON the element already fetched; when it is not the one `lang` needs, the
/// catalogue is fetched. With `report`, a problem with the overrides is warned about once (the
/// loader reports; the viewer inside it reads the same overrides again, silently).
#[hook]
pub fn use_messages_for(
    lang: Option<AttrValue>,
    given: Option<AttrValue>,
    overrides: Option<AttrValue>,
    report: bool,
) -> SharedMessages {
    let needed = missing_catalogue(lang.as_deref());
    // The catalogue given with the options, when it is the language needed: there from the
    // first render, so a prerendered viewer in that language hydrates without a change.
    let from_options = needed.as_ref().and_then(|needed| {
        given
            .as_deref()
            .and_then(|json| parse_catalogue(json).ok())
            .filter(|loaded| &loaded.lang == needed)
            .map(Rc::new)
    });
    let fetched = use_state(|| None::<Rc<LoadedCatalogue>>);
    {
        let fetched = fetched.clone();
        let wanted = needed.clone().filter(|_| from_options.is_none());
        use_effect_with(wanted, move |wanted| {
            let Some(lang) = wanted.clone() else {
                return;
            };
            if fetched.as_ref().is_some_and(|f| f.lang == lang) {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = crate::ui::catalogues::fetch_catalogue(&lang)
                    .await
                    .and_then(|json| parse_catalogue(&json).ok())
                    .filter(|loaded| loaded.lang == lang);
                match loaded {
                    Some(loaded) => fetched.set(Some(Rc::new(loaded))),
                    None => web_sys::console::warn_1(
                        &format!("Interview Viewer: the {lang} texts could not be loaded; the reader's words stay in English").into(),
                    ),
                }
            });
        });
    }
    let loaded = from_options.or_else(|| {
        (*fetched)
            .clone()
            .filter(|f| needed.as_deref() == Some(f.lang.as_str()))
    });
    let built = use_memo((lang, loaded, overrides), |(lang, loaded, overrides)| {
        let (messages, warning) =
            messages_for(lang.as_deref(), loaded.clone(), overrides.as_deref());
        (SharedMessages(Rc::new(messages)), warning)
    });
    let warning = built.1.clone().filter(|_| report);
    use_effect_with(warning, |warning| {
        if let Some(warning) = warning {
            web_sys::console::warn_1(&format!("Interview Viewer: {warning}").into());
        }
    });
    built.0.clone()
}

/// The messages of the viewer this component is in (English outside any).
#[hook]
pub fn use_messages() -> Rc<Messages> {
    use_context::<SharedMessages>()
        .map(|shared| shared.0)
        .unwrap_or_default()
}
