//! Which addresses a viewer may load an interview from. Who chose the address decides:
//!
//! * a **link** (`?src=` of the standalone page or of `embed.html`) is chosen by whoever wrote the
//!   link, not by the publisher: it may name only the page's own origin, or an origin the
//!   publisher lists (`<meta name="interview-viewer-sources" content="https://a.example …">`);
//! * the **author** of a host page (the `src` attribute of `<interview-viewer>`) may name any
//!   address;
//!
//! and neither may use another scheme than http or https: no `data:` or `blob:` (the fake text
//! would live in the link itself), no `javascript:`, no `file:`. The browser resolves the address
//! (the Yew layer hands over its parts); the decision is here, so it is tested natively.

use std::fmt;

use crate::messages::{keys, Messages};

/// Who chose the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chooser {
    /// A link's query parameter: the page's own origin, or one the publisher allows.
    Link,
    /// The host page's author (an attribute): any http(s) address.
    Author,
}

/// An address as the browser resolved it against the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Address<'a> {
    /// The address as written, for messages.
    pub written: &'a str,
    /// The scheme with its colon, as `URL.protocol` gives it: "https:".
    pub protocol: &'a str,
    /// `URL.origin`: "https://elsewhere.example".
    pub origin: &'a str,
    /// `URL.host`: "elsewhere.example" (with the port, if any).
    pub host: &'a str,
}

/// Where an accepted interview comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// The page's own origin.
    SameOrigin,
    /// Another origin: the viewer says so ("Loaded from elsewhere.example").
    Elsewhere { host: String },
}

/// Why an address was refused; the message names the address and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The browser could not read it as an address.
    NotAnAddress { written: String },
    /// A scheme other than http or https.
    Scheme { written: String, protocol: String },
    /// A link naming an origin the publisher has not listed.
    OtherOrigin { written: String, host: String },
}

impl Refusal {
    /// Why the address is refused, in the reader's language.
    pub fn message(&self, messages: &Messages) -> String {
        match self {
            Refusal::NotAnAddress { written } => {
                messages.format(keys::REFUSED_NOT_ADDRESS, &[("url", written)])
            }
            Refusal::Scheme { written, protocol } => messages.format(
                keys::REFUSED_SCHEME,
                &[("url", written), ("protocol", protocol)],
            ),
            Refusal::OtherOrigin { written, host } => messages.format(
                keys::REFUSED_OTHER_ORIGIN,
                &[("url", written), ("host", host)],
            ),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&Messages::english()))
    }
}

/// The most characters of a query that a link's `?q=` may carry; the rest is dropped.
pub const MAX_LINK_QUERY_CHARS: usize = 200;

/// A link's `?q=`, cut to [`MAX_LINK_QUERY_CHARS`] characters (on a character boundary).
pub fn link_query(query: &str) -> &str {
    match query.char_indices().nth(MAX_LINK_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    }
}

/// The origins a publisher allows, from the `content` of its `interview-viewer-sources` meta:
/// origins separated by spaces or commas, compared without case and without a trailing slash.
/// Anything that is not an http(s) origin (a path, `*`, another scheme) is ignored.
pub fn allowed_origins(content: &str) -> Vec<String> {
    content
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|origin| origin.trim_end_matches('/').to_ascii_lowercase())
        .filter(|origin| {
            let rest = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            rest.is_some_and(|host| !host.is_empty() && !host.contains(['/', '?', '#', '*', '@']))
        })
        .collect()
}

/// Decides whether `address`, chosen by `chooser`, may be loaded into a page of origin
/// `page_origin` whose publisher allows `allowed` (normalised by [`allowed_origins`]).
pub fn check(
    address: &Address,
    page_origin: &str,
    allowed: &[String],
    chooser: Chooser,
) -> Result<Provenance, Refusal> {
    let protocol = address.protocol.to_ascii_lowercase();
    if protocol != "http:" && protocol != "https:" {
        return Err(Refusal::Scheme {
            written: address.written.to_string(),
            protocol: protocol.trim_end_matches(':').to_string(),
        });
    }
    let origin = address.origin.to_ascii_lowercase();
    if origin == page_origin.to_ascii_lowercase() {
        return Ok(Provenance::SameOrigin);
    }
    if chooser == Chooser::Link && !allowed.contains(&origin) {
        return Err(Refusal::OtherOrigin {
            written: address.written.to_string(),
            host: address.host.to_string(),
        });
    }
    Ok(Provenance::Elsewhere {
        host: address.host.to_string(),
    })
}
