//! Search over one interview: case- and accent-insensitive, matching words by prefix, quoted
//! phrases, and acronyms both ways through the glossary ("ISR" finds "intelligence, surveillance
//! and reconnaissance" and the other way round).
//!
//! Text and query are compared in [`normalize`]d form, and every highlight is mapped back to a
//! byte range of the original field text. [`SearchIndex`] is built once per interview: it keeps
//! the normalised text of all fields in one string plus the positions of all word starts, sorted
//! by the text that follows them (a suffix array restricted to word starts), so that a term is
//! found by binary search instead of a scan of the whole interview.
//!
//! The public API is here; the work is in four private modules: `normalize` (what is compared),
//! `query` (terms and alternatives), `index` (building and searching) and `results` (fields,
//! matches and what matched).

mod index;
mod normalize;
mod query;
mod results;

pub use index::SearchIndex;
pub use normalize::{normalize, starts_word, Normalized};
pub use query::{Alternative, Term};
pub use results::{FieldId, Match, SearchResults};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_order_keys_follow_the_document() {
        let in_order = [
            FieldId::Title,
            FieldId::Intro(0),
            FieldId::Intro(1),
            FieldId::Question(0),
            FieldId::Block(0, 0),
            FieldId::Label(0, 1),
            FieldId::Block(0, 1),
            FieldId::Question(1),
            FieldId::Label(1, 0),
        ];
        for pair in in_order.windows(2) {
            assert!(
                pair[0].reading_order() < pair[1].reading_order(),
                "{pair:?}"
            );
        }
    }
}
