//! The pure core of Interview Viewer: everything the viewer knows about interviews, with no DOM
//! in sight.
//!
//! Architecture invariant: this crate depends on no web crate (yew, web-sys, js-sys,
//! wasm-bindgen): its manifest lists none, so the compiler refuses a web import here. No
//! function here panics on any input. It is tested natively with `cargo test`.

pub mod converge;
pub mod document;
pub mod glossary;
pub mod ids;
pub mod import;
pub mod json;
pub mod lang;
pub mod load;
pub mod messages;
pub mod model;
pub mod quote;
pub mod search;
pub mod seed;
pub mod share;
pub mod source;
pub mod spans;
pub mod state;
pub mod synthetic;
pub mod text;
pub mod view;
