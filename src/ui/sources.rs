//! Vets an address before the viewer fetches it: the browser resolves it against the page, the
//! page's publisher may list other origins (`<meta name="interview-viewer-sources">`), and
//! `core::source` decides. See SECURITY.md.

use crate::core::source::{allowed_origins, check, Address, Chooser, Provenance, Refusal};
use crate::ui::dom;

/// The name of the `<meta>` in which a publisher lists the origins links may load from.
pub const ALLOWED_SOURCES_META: &str = "interview-viewer-sources";

/// The absolute address to fetch for `written` (chosen by `chooser`) and where it comes from,
/// or why it is refused.
pub fn vet(written: &str, chooser: Chooser) -> Result<(String, Provenance), Refusal> {
    let not_an_address = || Refusal::NotAnAddress {
        written: written.to_string(),
    };
    let window = dom::window().ok_or_else(not_an_address)?;
    let page = window.location();
    let base = page.href().map_err(|_| not_an_address())?;
    let url = web_sys::Url::new_with_base(written.trim(), &base).map_err(|_| not_an_address())?;
    let (protocol, origin, host) = (url.protocol(), url.origin(), url.host());
    let address = Address {
        written,
        protocol: &protocol,
        origin: &origin,
        host: &host,
    };
    let page_origin = page.origin().unwrap_or_default();
    let allowed = dom::document()
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{ALLOWED_SOURCES_META}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| allowed_origins(&content))
        .unwrap_or_default();
    let provenance = check(&address, &page_origin, &allowed, chooser)?;
    Ok((url.href(), provenance))
}
