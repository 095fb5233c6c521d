//! The keys of the reader's texts: one constant each, so that a misspelt key does not compile.
//! A plural key's catalogue entries are `key.one`, `key.other`, … (`super::plural`).

pub const CONTENTS: &str = "contents";
pub const GLOSSARY: &str = "glossary";
pub const EXPAND_ALL: &str = "expand_all";
pub const COLLAPSE_ALL: &str = "collapse_all";
pub const THEME: &str = "theme";
pub const THEME_LIGHT: &str = "theme_light";
pub const THEME_DARK: &str = "theme_dark";
pub const THEME_SYSTEM: &str = "theme_system";
pub const KICKER: &str = "kicker";
pub const LOADED_FROM: &str = "loaded_from";
pub const SEARCH_LABEL: &str = "search_label";
pub const SEARCH_PLACEHOLDER: &str = "search_placeholder";
pub const SEARCH_PREVIOUS: &str = "search_previous";
pub const SEARCH_PREVIOUS_HINT: &str = "search_previous_hint";
pub const SEARCH_NEXT: &str = "search_next";
pub const SEARCH_NEXT_HINT: &str = "search_next_hint";
pub const SEARCH_CLEAR: &str = "search_clear";
pub const SEARCH_HINT: &str = "search_hint";
pub const SEARCH_NONE: &str = "search_none";
pub const SEARCH_QUESTIONS: &str = "search_questions";
pub const SEARCH_STATUS: &str = "search_status";
pub const SEARCH_AND_INTRO: &str = "search_and_intro";
pub const SEARCH_INTRO_ONLY: &str = "search_intro_only";
pub const SEARCH_POSITION: &str = "search_position";
pub const SEARCH_POSITION_INTRO: &str = "search_position_intro";
pub const SEARCH_SENTENCE: &str = "search_sentence";
pub const SHOW_MORE_RESULTS: &str = "show_more_results";
pub const SHOW_EARLIER_RESULTS: &str = "show_earlier_results";
pub const UPDATE_READY: &str = "update_ready";
pub const UPDATE_RELOAD: &str = "update_reload";
pub const UPDATE_DISMISS: &str = "update_dismiss";
pub const COPY_LINK: &str = "copy_link";
pub const LINK_COPIED: &str = "link_copied";
pub const COPY_MANUALLY: &str = "copy_manually";
pub const LINK_FIELD: &str = "link_field";
pub const LINK_SHORT: &str = "link_short";
pub const COPY_QUOTE_LINK: &str = "copy_quote_link";
pub const QUOTE_LINK_COPIED: &str = "quote_link_copied";
pub const QUOTE_LINK_FIELD: &str = "quote_link_field";
pub const SHARE: &str = "share";
pub const SHARE_LINK_FIELD: &str = "share_link_field";
pub const SHARE_COPY_LINK: &str = "share_copy_link";
pub const EMBED_FIELD: &str = "embed_field";
pub const EMBED_HINT: &str = "embed_hint";
pub const COPY_EMBED: &str = "copy_embed";
pub const EMBED_COPIED: &str = "embed_copied";
pub const COPY_EMBED_MANUALLY: &str = "copy_embed_manually";
pub const LOADING: &str = "loading";
pub const CANNOT_SHOW: &str = "cannot_show";
pub const TRY_AGAIN: &str = "try_again";
/// Shown by the element's script, not the wasm, when the wasm cannot start (its copy of these
/// texts is checked against the catalogues by `tests/messages.rs`).
pub const VIEWER_FAILED: &str = "viewer_failed";
pub const IMPORT_NOTES: &str = "import_notes";
pub const ERROR_UNREACHABLE: &str = "error_unreachable";
pub const ERROR_NOT_FOUND: &str = "error_not_found";
pub const ERROR_SERVER: &str = "error_server";
pub const ERROR_TOO_LARGE: &str = "error_too_large";
pub const ERROR_EMPTY: &str = "error_empty";
pub const ERROR_NO_QUESTIONS_PLAIN: &str = "error_no_questions_plain";
pub const ERROR_NO_QUESTIONS_QA: &str = "error_no_questions_qa";
pub const ERROR_NO_QUESTIONS_MARKDOWN: &str = "error_no_questions_markdown";
pub const ERROR_NO_QUESTIONS_TURNS: &str = "error_no_questions_turns";
pub const ERROR_NEEDS_CONVERSION: &str = "error_needs_conversion";
pub const FORMAT_QA: &str = "format_qa";
pub const FORMAT_TRANSCRIPT: &str = "format_transcript";
pub const FORMAT_WEBVTT: &str = "format_webvtt";
pub const FORMAT_SRT: &str = "format_srt";
pub const FORMAT_MARKDOWN: &str = "format_markdown";
pub const FORMAT_PLAIN: &str = "format_plain";
pub const REFUSED_NOT_ADDRESS: &str = "refused_not_address";
pub const REFUSED_SCHEME: &str = "refused_scheme";
pub const REFUSED_OTHER_ORIGIN: &str = "refused_other_origin";
pub const ERROR_DATA_INVALID: &str = "error_data_invalid";
pub const ERROR_DATA_VERSION: &str = "error_data_version";
pub const ERROR_DATA_EMPTY: &str = "error_data_empty";
pub const DOCUMENT_TITLE: &str = "document_title";
pub const DOCUMENT_NOT_SHOWN: &str = "document_not_shown";
pub const DOCUMENT_DESCRIPTION: &str = "document_description";
pub const DOCUMENT_DESCRIPTION_SOURCE: &str = "document_description_source";

/// Every key, with whether it is plural.
pub const ALL: &[(&str, bool)] = &[
    (CONTENTS, false),
    (GLOSSARY, false),
    (EXPAND_ALL, false),
    (COLLAPSE_ALL, false),
    (THEME, false),
    (THEME_LIGHT, false),
    (THEME_DARK, false),
    (THEME_SYSTEM, false),
    (KICKER, false),
    (LOADED_FROM, false),
    (SEARCH_LABEL, false),
    (SEARCH_PLACEHOLDER, false),
    (SEARCH_PREVIOUS, false),
    (SEARCH_PREVIOUS_HINT, false),
    (SEARCH_NEXT, false),
    (SEARCH_NEXT_HINT, false),
    (SEARCH_CLEAR, false),
    (SEARCH_HINT, false),
    (SEARCH_NONE, false),
    (SEARCH_QUESTIONS, true),
    (SEARCH_STATUS, true),
    (SEARCH_AND_INTRO, false),
    (SEARCH_INTRO_ONLY, false),
    (SEARCH_POSITION, false),
    (SEARCH_POSITION_INTRO, false),
    (SEARCH_SENTENCE, false),
    (SHOW_MORE_RESULTS, true),
    (SHOW_EARLIER_RESULTS, true),
    (UPDATE_READY, false),
    (UPDATE_RELOAD, false),
    (UPDATE_DISMISS, false),
    (COPY_LINK, false),
    (LINK_COPIED, false),
    (COPY_MANUALLY, false),
    (LINK_FIELD, false),
    (LINK_SHORT, false),
    (COPY_QUOTE_LINK, false),
    (QUOTE_LINK_COPIED, false),
    (QUOTE_LINK_FIELD, false),
    (SHARE, false),
    (SHARE_LINK_FIELD, false),
    (SHARE_COPY_LINK, false),
    (EMBED_FIELD, false),
    (EMBED_HINT, false),
    (COPY_EMBED, false),
    (EMBED_COPIED, false),
    (COPY_EMBED_MANUALLY, false),
    (LOADING, false),
    (CANNOT_SHOW, false),
    (TRY_AGAIN, false),
    (VIEWER_FAILED, false),
    (IMPORT_NOTES, true),
    (ERROR_UNREACHABLE, false),
    (ERROR_NOT_FOUND, false),
    (ERROR_SERVER, false),
    (ERROR_TOO_LARGE, false),
    (ERROR_EMPTY, false),
    (ERROR_NO_QUESTIONS_PLAIN, false),
    (ERROR_NO_QUESTIONS_QA, false),
    (ERROR_NO_QUESTIONS_MARKDOWN, false),
    (ERROR_NO_QUESTIONS_TURNS, false),
    (ERROR_NEEDS_CONVERSION, false),
    (FORMAT_QA, false),
    (FORMAT_TRANSCRIPT, false),
    (FORMAT_WEBVTT, false),
    (FORMAT_SRT, false),
    (FORMAT_MARKDOWN, false),
    (FORMAT_PLAIN, false),
    (REFUSED_NOT_ADDRESS, false),
    (REFUSED_SCHEME, false),
    (REFUSED_OTHER_ORIGIN, false),
    (ERROR_DATA_INVALID, false),
    (ERROR_DATA_VERSION, false),
    (ERROR_DATA_EMPTY, false),
    (DOCUMENT_TITLE, false),
    (DOCUMENT_NOT_SHOWN, false),
    (DOCUMENT_DESCRIPTION, false),
    (DOCUMENT_DESCRIPTION_SOURCE, false),
];

/// Whether `key` names a text: a plain key, or a plural key with a category (`search_status.few`).
pub fn is_known(key: &str) -> bool {
    ALL.iter().any(|&(known, plural)| {
        if plural {
            key.strip_prefix(known)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|form| ["zero", "one", "two", "few", "many", "other"].contains(&form))
        } else {
            key == known
        }
    })
}
