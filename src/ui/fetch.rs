//! Fetching an interview's body for the loader, and why there may be no interview to show:
//! each failure is kept as what happened and worded in the reader's language only when shown.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::load::{LoadFailure, MAX_BODY_BYTES};
use crate::core::messages::{keys, Messages};
use crate::core::source::Refusal;

/// Why there is no interview to show; worded in the reader's language when shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Load(LoadFailure),
    Refused(Refusal),
    Unreachable { url: String },
    NotFound { url: String, status: u16 },
    Server { url: String, status: u16 },
}

impl Failure {
    /// One stable word for the host page's `failed` event (docs/embedding.md): the load
    /// failure's own (`LoadFailure::kind`), or `refused`, `unreachable`, `not-found`, `server`.
    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Load(failure) => failure.kind(),
            Failure::Refused(_) => "refused",
            Failure::Unreachable { .. } => "unreachable",
            Failure::NotFound { .. } => "not-found",
            Failure::Server { .. } => "server",
        }
    }

    pub fn message(&self, messages: &Messages) -> String {
        let http = |key, url: &str, status: &u16| {
            messages.format(key, &[("url", url), ("status", &status.to_string())])
        };
        match self {
            Failure::Load(failure) => failure.message(messages),
            Failure::Refused(refusal) => refusal.message(messages),
            Failure::Unreachable { url } => {
                messages.format(keys::ERROR_UNREACHABLE, &[("url", url)])
            }
            Failure::NotFound { url, status } => http(keys::ERROR_NOT_FOUND, url, status),
            Failure::Server { url, status } => http(keys::ERROR_SERVER, url, status),
        }
    }
}

/// Why a fetch failed, and whether another attempt may help.
pub struct FetchFailure {
    pub failure: Failure,
    pub can_retry: bool,
}

/// Fetches `href`; failures name the address as the page wrote it (`url`).
pub async fn fetch_body(href: &str, url: &str) -> Result<(String, Option<String>), FetchFailure> {
    let unreachable = || FetchFailure {
        failure: Failure::Unreachable {
            url: url.to_string(),
        },
        can_retry: true,
    };
    let window = crate::ui::dom::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(href))
        .await
        .map_err(|_| unreachable())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable())?;
    let status = response.status();
    if status == 404 || status == 410 {
        return Err(FetchFailure {
            failure: Failure::NotFound {
                url: url.to_string(),
                status,
            },
            can_retry: false,
        });
    }
    if !response.ok() {
        return Err(FetchFailure {
            failure: Failure::Server {
                url: url.to_string(),
                status,
            },
            can_retry: true,
        });
    }
    let headers = response.headers();
    let content_type = headers.get("content-type").ok().flatten();
    // Refuse a huge file before downloading it, when the server says how large it is.
    if let Some(length) = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.trim().parse::<usize>().ok())
    {
        if length > MAX_BODY_BYTES {
            return Err(FetchFailure {
                failure: Failure::Load(LoadFailure::TooLarge(length)),
                can_retry: false,
            });
        }
    }
    let text = response.text().map_err(|_| unreachable())?;
    let text = JsFuture::from(text).await.map_err(|_| unreachable())?;
    Ok((text.as_string().unwrap_or_default(), content_type))
}
