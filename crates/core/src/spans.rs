//! Splits one field's text into spans for rendering: plain text, search matches (with the
//! current match set apart) and uses of glossary acronyms, which may overlap one another.
//!
//! Ranges that are out of bounds, reversed or off char boundaries are clipped or ignored, so a
//! stale highlight can never make rendering panic.

use std::ops::Range;

/// How a span is highlighted by the search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    None,
    Match,
    /// The match the reader is on (Enter / Shift+Enter move it).
    Current,
}

/// A run of text with one highlight and at most one acronym.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub mark: Mark,
    /// Index of the glossary entry this span is (part of) a use of.
    pub acronym: Option<usize>,
    /// Which acronym use (counted from 0 within the field) the span belongs to, so that spans of
    /// one use are grouped back into one control.
    pub acronym_use: Option<usize>,
}

fn valid(text: &str, r: &Range<usize>) -> bool {
    r.start < r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// The spans of `text`, in order, covering it exactly. `matches` and `acronyms` are expected to
/// be sorted and non-overlapping within each list; `current` is one of `matches`.
pub fn spans(
    text: &str,
    matches: &[Range<usize>],
    current: Option<&Range<usize>>,
    acronyms: &[(Range<usize>, usize)],
) -> Vec<Span> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let matches: Vec<&Range<usize>> = matches.iter().filter(|r| valid(text, r)).collect();
    let acronyms: Vec<&(Range<usize>, usize)> =
        acronyms.iter().filter(|(r, _)| valid(text, r)).collect();
    for r in &matches {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    for (r, _) in &acronyms {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out: Vec<Span> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start >= end {
            continue;
        }
        let inside = |r: &Range<usize>| r.start <= start && end <= r.end;
        let mark = match matches.iter().find(|r| inside(r)) {
            Some(r) if current == Some(*r) => Mark::Current,
            Some(_) => Mark::Match,
            None => Mark::None,
        };
        let use_index = acronyms.iter().position(|(r, _)| inside(r));
        let span = Span {
            range: start..end,
            mark,
            acronym: use_index.and_then(|i| acronyms.get(i)).map(|(_, e)| *e),
            acronym_use: use_index,
        };
        // Merge with the previous span when nothing distinguishes them.
        match out.last_mut() {
            Some(last)
                if last.mark == span.mark
                    && last.acronym_use == span.acronym_use
                    && last.range.end == start =>
            {
                last.range.end = end;
            }
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
// Reversed and single ranges are the point of some cases below.
#[allow(clippy::reversed_empty_ranges, clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// Renders spans as `plain[match]{current}<ACR#0>` for compact expectations.
    fn check(
        text: &str,
        matches: &[Range<usize>],
        current: Option<usize>,
        acronyms: &[(Range<usize>, usize)],
        expected: &str,
    ) {
        let current = current.and_then(|i| matches.get(i));
        let mut rendered = String::new();
        for span in spans(text, matches, current, acronyms) {
            let piece = &text[span.range.clone()];
            let marked = match span.mark {
                Mark::None => piece.to_string(),
                Mark::Match => format!("[{piece}]"),
                Mark::Current => format!("{{{piece}}}"),
            };
            match span.acronym {
                Some(e) => rendered.push_str(&format!("<{marked}#{e}>")),
                None => rendered.push_str(&marked),
            }
        }
        assert_eq!(rendered, expected);
    }

    #[test]
    fn plain_text_is_one_span() {
        check("hello world", &[], None, &[], "hello world");
        check("", &[], None, &[], "");
    }

    #[test]
    fn matches_and_current() {
        check(
            "a space b space",
            &[2..7, 10..15],
            Some(1),
            &[],
            "a [space] b {space}",
        );
    }

    #[test]
    fn acronym_with_partial_match_inside() {
        check(
            "use SATCOM now",
            &[4..7],
            None,
            &[(4..10, 3)],
            "use <[SAT]#3><COM#3> now",
        );
    }

    #[test]
    fn match_spanning_acronym_and_text() {
        check("EW fires", &[0..5], None, &[(0..2, 0)], "<[EW]#0>[ fi]res");
    }

    #[test]
    fn bad_ranges_are_ignored() {
        check(
            "héllo",
            &[1..2, 4..2, 0..99],
            None,
            &[(0..3, 0)],
            "<hé#0>llo",
        );
    }
}
