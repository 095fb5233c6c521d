//! Interview Viewer: a collapsible, searchable reader for magazine Q&A interviews.
//!
//! `core` is the pure logic (model, importer, glossary, search, view state) and builds for every
//! target; `ui` is the Yew layer and builds only for WebAssembly.

pub mod content;
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod embed;
