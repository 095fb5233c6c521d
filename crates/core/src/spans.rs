//! Splits one field's text into spans for rendering: plain text, search matches (with the
//! current match set apart), uses of glossary acronyms and the text's own styles (emphasis,
//! links), which may all overlap one another.
//!
//! Ranges that are out of bounds, reversed or off char boundaries are clipped or ignored, so a
//! stale highlight can never make rendering panic.

use std::ops::Range;

use crate::model::{is_safe_href, Style, Styled};

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
    /// Inside an emphasised run.
    pub emphasis: bool,
    /// Inside a strongly emphasised run.
    pub strong: bool,
    /// Index (in the `styles` given to [`spans`]) of the link the span is (part of).
    pub link: Option<usize>,
}

/// The byte range of each of `styles` in `text`, with its index; runs whose character offsets
/// do not fit the text, and links to addresses that are not safe ([`is_safe_href`]), are left
/// out (their text shows plain).
pub fn style_ranges(text: &str, styles: &[Styled]) -> Vec<(Range<usize>, Style, usize)> {
    let byte_at = |chars: usize| {
        text.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .nth(chars)
    };
    styles
        .iter()
        .enumerate()
        .filter(|(_, s)| s.style != Style::Link || s.href.as_deref().is_some_and(is_safe_href))
        .filter_map(|(index, s)| {
            let range = byte_at(s.start)?..byte_at(s.end)?;
            (range.start < range.end).then_some((range, s.style, index))
        })
        .collect()
}

fn valid(text: &str, r: &Range<usize>) -> bool {
    r.start < r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// The spans of `text`, in order, covering it exactly. `matches` and `acronyms` are expected to
/// be sorted and non-overlapping within each list; `current` is one of `matches`; `styles`
/// (from [`style_ranges`]) may nest and overlap.
pub fn spans(
    text: &str,
    matches: &[Range<usize>],
    current: Option<&Range<usize>>,
    acronyms: &[(Range<usize>, usize)],
    styles: &[(Range<usize>, Style, usize)],
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
    let styles: Vec<&(Range<usize>, Style, usize)> =
        styles.iter().filter(|(r, _, _)| valid(text, r)).collect();
    for (r, _, _) in &styles {
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
        let styled = |style: Style| {
            styles
                .iter()
                .find(|(r, s, _)| *s == style && inside(r))
                .map(|(_, _, index)| *index)
        };
        let span = Span {
            range: start..end,
            mark,
            acronym: use_index.and_then(|i| acronyms.get(i)).map(|(_, e)| *e),
            acronym_use: use_index,
            emphasis: styled(Style::Emphasis).is_some(),
            strong: styled(Style::Strong).is_some(),
            link: styled(Style::Link),
        };
        // Merge with the previous span when nothing distinguishes them.
        match out.last_mut() {
            Some(last)
                if last.mark == span.mark
                    && last.acronym_use == span.acronym_use
                    && (last.emphasis, last.strong, last.link)
                        == (span.emphasis, span.strong, span.link)
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
        for span in spans(text, matches, current, acronyms, &[]) {
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

    /// Renders styled spans as `plain_em_*strong*[link#0]`.
    fn check_styles(text: &str, styles: &[Styled], matches: &[Range<usize>], expected: &str) {
        let ranges = style_ranges(text, styles);
        let mut rendered = String::new();
        for span in spans(text, matches, None, &[], &ranges) {
            let mut piece = text[span.range.clone()].to_string();
            if span.mark != Mark::None {
                piece = format!("<{piece}>");
            }
            if span.emphasis {
                piece = format!("_{piece}_");
            }
            if span.strong {
                piece = format!("*{piece}*");
            }
            if let Some(link) = span.link {
                piece = format!("[{piece}#{link}]");
            }
            rendered.push_str(&piece);
        }
        assert_eq!(rendered, expected);
    }

    fn styled(start: usize, end: usize, style: Style, href: Option<&str>) -> Styled {
        Styled {
            start,
            end,
            style,
            href: href.map(str::to_string),
        }
    }

    #[test]
    fn styles_count_characters_nest_and_split_at_matches() {
        let em = |s, e| styled(s, e, Style::Emphasis, None);
        let link = |s, e, href| styled(s, e, Style::Link, Some(href));
        check_styles("née à Paris", &[em(0, 3)], &[], "_née_ à Paris");
        check_styles(
            "see the sun now",
            &[link(4, 11, "https://sun.example"), em(8, 11)],
            &[6..10],
            "see [th#0][<e >#0][_<su>_#0][_n_#0] now",
        );
        // Unsafe links, offsets past the end and empty runs show plain.
        check_styles(
            "click me",
            &[
                link(0, 5, "javascript:alert(1)"),
                link(0, 5, "/relative"),
                em(3, 99),
                em(4, 4),
            ],
            &[],
            "click me",
        );
        // Empty runs are left out of the ranges themselves, not only of the spans.
        assert!(style_ranges("click me", &[em(4, 4), em(5, 5)]).is_empty());
        assert!(is_safe_href("HTTPS://x.example") && is_safe_href("mailto:a@b.example"));
        assert!(!is_safe_href("https://") && !is_safe_href(" data:text/html,x"));
    }

    #[test]
    fn adjacent_marks_of_one_kind_merge() {
        check("abcdef", &[0..2, 2..4], None, &[], "[abcd]ef");
        check("abcdef", &[0..2, 2..4], Some(1), &[], "[ab]{cd}ef");
        check(
            "abcdef",
            &[],
            None,
            &[(0..2, 0), (2..4, 0)],
            "<ab#0><cd#0>ef",
        );
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
