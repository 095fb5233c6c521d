//! What a search finds: the fields of an interview, the matches in them, and the questions that
//! match.

use std::ops::Range;

/// One searchable piece of text in an interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldId {
    Title,
    /// An introduction paragraph, by index.
    Intro(usize),
    /// Who asks a question (shown when the interview shows speakers), by question index.
    Asker(usize),
    /// A question's text, by question index.
    Question(usize),
    /// Who says an answer's paragraph (shown when the interview shows speakers): (question
    /// index, block index).
    Speaker(usize, usize),
    /// The label of a bullet: (question index, block index).
    Label(usize, usize),
    /// The text of an answer block: (question index, block index).
    Block(usize, usize),
}

impl FieldId {
    /// The question this field belongs to; `None` for the title and introduction.
    pub fn question(self) -> Option<usize> {
        match self {
            FieldId::Title | FieldId::Intro(_) => None,
            FieldId::Asker(q)
            | FieldId::Question(q)
            | FieldId::Speaker(q, _)
            | FieldId::Label(q, _)
            | FieldId::Block(q, _) => Some(q),
        }
    }

    /// A key that sorts fields in reading order (the derived order puts all question texts
    /// before all labels, which is not reading order).
    pub(super) fn reading_order(self) -> (u8, usize, u8, usize, u8) {
        match self {
            FieldId::Title => (0, 0, 0, 0, 0),
            FieldId::Intro(i) => (0, 0, 1, i, 0),
            FieldId::Asker(q) => (1, q, 0, 0, 0),
            FieldId::Question(q) => (1, q, 0, 0, 1),
            FieldId::Speaker(q, b) => (1, q, 1, b, 0),
            FieldId::Label(q, b) => (1, q, 1, b, 1),
            FieldId::Block(q, b) => (1, q, 1, b, 2),
        }
    }
}

/// One highlight: a byte range of the original text of one field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Match {
    pub field: FieldId,
    pub range: Range<usize>,
}

/// What a query found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// The query has nothing to search for (blank, or only punctuation): nothing is filtered.
    pub query_is_empty: bool,
    /// Indices of the questions that match, ascending.
    pub matching_questions: Vec<usize>,
    /// The title and introduction (searched as one unit) match.
    pub intro_matches: bool,
    /// Every highlight, in reading order; within a field sorted and non-overlapping.
    pub matches: Vec<Match>,
}

impl SearchResults {
    /// The highlights in one field, sorted, as byte ranges of its original text.
    pub fn highlights_for(&self, field: FieldId) -> Vec<Range<usize>> {
        self.matches_in(field)
            .iter()
            .map(|m| m.range.clone())
            .collect()
    }

    /// The matches in one field: a slice of [`SearchResults::matches`], found by binary search
    /// since `matches` is in reading order.
    pub fn matches_in(&self, field: FieldId) -> &[Match] {
        let key = field.reading_order();
        let start = self
            .matches
            .partition_point(|m| m.field.reading_order() < key);
        let rest = self.matches.get(start..).unwrap_or(&[]);
        let len = rest.partition_point(|m| m.field == field);
        rest.get(..len).unwrap_or(&[])
    }

    /// Does question `question` match?
    pub fn question_matches(&self, question: usize) -> bool {
        self.matching_questions.binary_search(&question).is_ok()
    }
}
