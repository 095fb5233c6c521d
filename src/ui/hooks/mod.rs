//! The viewer's browser effects, one custom hook a file. Each owns its listener, timer or
//! effect and drops it when the viewer goes; the viewer composes them.

mod use_clipboard;
mod use_debounced;
mod use_document_title;
mod use_find_in_page;
mod use_fragment_navigation;
mod use_go_to_question;
mod use_heading_keys;
mod use_host_events;
mod use_interactive_mark;
mod use_messages;
mod use_near_viewport;
mod use_progressive_marks;
mod use_question_in_view;
mod use_quote_selection;
mod use_scroll_to_current_match;
mod use_slash_shortcut;
mod use_theme;
mod use_update_ready;
mod use_url_open;
mod use_url_query;
mod use_view_state;

pub use use_clipboard::{use_clipboard, Copy};
pub use use_debounced::use_debounced;
pub use use_document_title::use_document_title;
pub use use_find_in_page::use_find_in_page;
pub use use_fragment_navigation::use_fragment_navigation;
pub use use_go_to_question::use_go_to_question;
pub use use_heading_keys::use_heading_keys;
pub use use_host_events::use_host_events;
pub use use_interactive_mark::use_interactive_mark;
pub use use_messages::{messages_for, use_messages, use_messages_for, SharedMessages};
pub use use_near_viewport::use_near_viewport;
pub use use_progressive_marks::use_progressive_marks;
pub use use_question_in_view::use_question_in_view;
pub use use_quote_selection::{use_quote_selection, SelectedQuote};
pub use use_scroll_to_current_match::use_scroll_to_current_match;
pub use use_slash_shortcut::use_slash_shortcut;
pub use use_theme::use_theme;
pub use use_update_ready::{apply_update, use_update_ready};
pub use use_url_open::use_url_open;
pub use use_url_query::use_url_query;
pub use use_view_state::{use_view_state, ViewStateHandle};
