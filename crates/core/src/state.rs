//! The view state of one viewer and its reducer: actions in, state out.
//!
//! The Yew layer keeps a [`ViewState`] in a reducer hook and only dispatches [`Action`]s; every
//! rule about what is open, what the search shows and which match is current lives here, where it
//! is tested natively. Out-of-range indices are ignored, never a panic.

use std::rc::Rc;

use crate::search::SearchResults;

/// What one viewer shows: which questions are open, the search query, what it found and the
/// current match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// One flag per question: is its answer shown?
    pub open: Vec<bool>,
    /// The search box's text, as typed.
    pub query: String,
    /// What was open before the current search began; restored when the query is cleared.
    pub open_before_search: Option<Vec<bool>>,
    /// Index of the current match among all matches of the search, if there are any.
    pub current_match: Option<usize>,
    /// What the query found: the one copy of the search's results, which the view reads.
    pub results: Rc<SearchResults>,
}

/// Everything a reader can do to the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a closed question or close an open one.
    Toggle(usize),
    /// Open a question (deep links, find-in-page, keyboard navigation).
    Open(usize),
    ExpandAll,
    CollapseAll,
    /// The query changed, with what it found. A query with nothing to search for (only spaces
    /// or punctuation: `results.query_is_empty`) is not a search.
    SetQuery {
        query: String,
        results: Rc<SearchResults>,
    },
    /// Clear the query and restore what was open before the search.
    ClearQuery,
    NextMatch,
    PreviousMatch,
}

impl ViewState {
    /// A fresh state for an interview of `question_count` questions, all collapsed.
    pub fn new(question_count: usize) -> ViewState {
        ViewState {
            open: vec![false; question_count],
            ..ViewState::default()
        }
    }

    /// Is a search active? (Set by the last `SetQuery`: a query of only spaces or punctuation
    /// is not a search.)
    pub fn is_searching(&self) -> bool {
        self.open_before_search.is_some()
    }

    /// How many matches the current search has.
    pub fn match_count(&self) -> usize {
        self.results.matches.len()
    }

    pub fn is_open(&self, question: usize) -> bool {
        self.open.get(question).copied().unwrap_or(false)
    }

    /// The state after `action`.
    pub fn reduce(mut self, action: Action) -> ViewState {
        match action {
            Action::Toggle(i) => {
                if let Some(flag) = self.open.get_mut(i) {
                    *flag = !*flag;
                }
            }
            Action::Open(i) => {
                if let Some(flag) = self.open.get_mut(i) {
                    *flag = true;
                }
            }
            Action::ExpandAll => self.open.iter_mut().for_each(|o| *o = true),
            Action::CollapseAll => self.open.iter_mut().for_each(|o| *o = false),
            Action::SetQuery { query, results } => {
                if !results.query_is_empty {
                    if self.open_before_search.is_none() {
                        self.open_before_search = Some(self.open.clone());
                    }
                    self.open.iter_mut().for_each(|o| *o = false);
                    for &i in &results.matching_questions {
                        if let Some(flag) = self.open.get_mut(i) {
                            *flag = true;
                        }
                    }
                    self.current_match = (!results.matches.is_empty()).then_some(0);
                    self.results = results;
                } else {
                    self.restore_open_before_search();
                }
                self.query = query;
            }
            Action::ClearQuery => {
                self.query.clear();
                self.restore_open_before_search();
            }
            Action::NextMatch => {
                let match_count = self.match_count();
                if match_count > 0 {
                    self.current_match = Some(match self.current_match {
                        Some(i) => (i + 1) % match_count,
                        None => 0,
                    });
                }
            }
            Action::PreviousMatch => {
                let match_count = self.match_count();
                if match_count > 0 {
                    self.current_match = Some(match self.current_match {
                        Some(0) | None => match_count - 1,
                        // (A current match past the end, which no action makes, steps to the last.)
                        Some(i) => i.min(match_count) - 1,
                    });
                }
            }
        }
        self
    }

    fn restore_open_before_search(&mut self) {
        if let Some(before) = self.open_before_search.take() {
            if before.len() == self.open.len() {
                self.open = before;
            }
        }
        self.results = Rc::default();
        self.current_match = None;
    }
}
