//! Interview Viewer: a collapsible, searchable reader for magazine Q&A interviews.
//!
//! `core` is the pure logic (model, importer, glossary, search, view state): the
//! `interview-core` crate, re-exported here, which depends on no web crate; `ui` is the Yew
//! layer, built for WebAssembly and, with the `ssr` feature, natively for prerendering; `embed`
//! is what the custom element calls, WebAssembly only, with `embed_options` (shared with the
//! prerendered `snippet`, native only) saying what its attributes mean.

pub use interview_core as core;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ui;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod embed_options;

#[cfg(feature = "ssr")]
pub mod snippet;

#[cfg(target_arch = "wasm32")]
pub mod embed;
