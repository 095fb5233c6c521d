//! The pure core: everything the viewer knows about interviews, with no DOM in sight.
//!
//! Architecture invariant: nothing under `core` imports yew, web-sys, js-sys or wasm-bindgen, and
//! no function here panics on any input. It is tested natively with `cargo test`.

pub mod converge;
pub mod glossary;
pub mod import;
pub mod json;
pub mod load;
pub mod model;
pub mod search;
pub mod spans;
pub mod state;
pub mod synthetic;
