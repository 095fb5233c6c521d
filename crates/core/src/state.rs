//! The view state of one viewer and its reducer: actions in, state out.
//!
//! The Yew layer keeps a [`ViewState`] in a reducer hook and only dispatches [`Action`]s; every
//! rule about what is open, what the search shows and which match is current lives here, where it
//! is tested natively. Out-of-range indices are ignored, never a panic.

use std::ops::Range;
use std::rc::Rc;

use crate::search::SearchResults;

/// How many matching questions a search shows at first, and how many more each "show more"
/// adds: a search's work in the browser grows with what it shows, not with the interview.
pub const RESULTS_PAGE: usize = 20;

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
    /// Which matching questions are shown, as positions in `results.matching_questions`: a
    /// run that always holds the current match's question. Empty when no search is active.
    pub shown_results: Range<usize>,
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
    /// Show the next `RESULTS_PAGE` matching questions after those shown. (Earlier ones are
    /// shown by opening one of them: `Open` shows the page before the run when it is there.)
    ShowMoreResults,
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

    /// Is `question` one of the matching questions a search shows now?
    pub fn is_shown_result(&self, question: usize) -> bool {
        self.is_searching()
            && self
                .results
                .matching_questions
                .binary_search(&question)
                .is_ok_and(|position| self.shown_results.contains(&position))
    }

    /// The matching questions shown now, in order (none when no search is active).
    pub fn shown_results(&self) -> &[usize] {
        let matching = &self.results.matching_questions;
        let end = self.shown_results.end.min(matching.len());
        matching
            .get(self.shown_results.start.min(end)..end)
            .unwrap_or(&[])
    }

    /// How many matching questions come after those shown, and how many before.
    pub fn hidden_results(&self) -> (usize, usize) {
        let matching = self.results.matching_questions.len();
        let end = self.shown_results.end.min(matching);
        (matching - end, self.shown_results.start.min(end))
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
                self.show_result(i);
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
                    self.shown_results = 0..RESULTS_PAGE.min(self.results.matching_questions.len());
                    self.show_current_match();
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
                self.show_current_match();
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
                self.show_current_match();
            }
            Action::ShowMoreResults => {
                let matching = self.results.matching_questions.len();
                self.shown_results.end = (self.shown_results.end + RESULTS_PAGE).min(matching);
            }
        }
        self
    }

    /// Makes sure the current match's question is shown.
    fn show_current_match(&mut self) {
        let question = self
            .current_match
            .and_then(|i| self.results.matches.get(i))
            .and_then(|m| m.field.question());
        if let Some(question) = question {
            self.show_result(question);
        }
    }

    /// Makes sure matching `question` is shown while searching: the shown run grows by a page
    /// when it is just past either end, and otherwise moves to a page around it.
    fn show_result(&mut self, question: usize) {
        if !self.is_searching() {
            return;
        }
        let matching = self.results.matching_questions.len();
        let Ok(position) = self.results.matching_questions.binary_search(&question) else {
            return;
        };
        let Range { start, end } = self.shown_results.clone();
        if (start..end).contains(&position) {
            return;
        }
        let page_around = || {
            let end = (position.saturating_sub(RESULTS_PAGE / 2) + RESULTS_PAGE).min(matching);
            end.saturating_sub(RESULTS_PAGE)..end
        };
        self.shown_results = if position >= end {
            if position < end + RESULTS_PAGE {
                start..(end + RESULTS_PAGE).min(matching)
            } else {
                page_around()
            }
        } else if position + RESULTS_PAGE >= start {
            // Before the run (a position inside it has returned above).
            start.saturating_sub(RESULTS_PAGE)..end
        } else {
            page_around()
        };
    }

    fn restore_open_before_search(&mut self) {
        if let Some(before) = self.open_before_search.take() {
            if before.len() == self.open.len() {
                self.open = before;
            }
        }
        self.results = Rc::default();
        self.current_match = None;
        self.shown_results = 0..0;
    }
}
