//! Interview Viewer: a collapsible, searchable reader for magazine Q&A interviews.
//!
//! `core` is the pure logic (model, importer, glossary, search, view state) and builds for every
//! target; `ui` is the Yew layer, built for WebAssembly and, with the `ssr` feature, natively for
//! prerendering; `embed` is what the custom element calls, WebAssembly only.

pub mod content;
pub mod core;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod embed;
