//! The Yew layer: components that render the core's state and dispatch its actions (one a
//! file), and `hooks`, one custom hook a file for each browser effect (URL, keyboard, timers,
//! observers). No rule about the interview lives here: those are the core's.

pub mod answer;
pub mod app;
pub mod catalogues;
pub mod contents;
pub mod copy_link;
pub mod dom;
pub mod fetch;
pub mod glossary_panel;
pub mod hooks;
pub mod importers;
pub mod loader;
pub mod more_results;
pub mod question;
pub mod rich_text;
pub mod search_bar;
pub mod share_panel;
pub mod sources;
pub mod theme;
pub mod toggletip;
pub mod update_notice;
pub mod viewer;

use std::rc::Rc;

use crate::core::model::Interview;

/// An interview shared by every component of one viewer. Equality is identity, so passing it in
/// props costs a pointer comparison, not a walk over a megabyte of text.
#[derive(Clone, Debug)]
pub struct SharedInterview(pub Rc<Interview>);

impl PartialEq for SharedInterview {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedInterview {
    type Target = Interview;
    fn deref(&self) -> &Interview {
        &self.0
    }
}
