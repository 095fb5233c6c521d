//! Lines of a text file, and what a line says about itself: every importer reads text this way.

/// Splits at CRLF, CR or LF, so that line numbers match what an editor shows for any of them.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let crlf = current
                    .get(end..)
                    .is_some_and(|after| after.starts_with("\r\n"));
                let break_len = if crlf { 2 } else { 1 };
                // The break characters are ASCII, so these byte offsets are char boundaries.
                rest = current.get(end + break_len..);
                current.get(..end)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Question marks of the scripts interviews are written in: ASCII and full-width `?`, the
/// Arabic (also Persian and Urdu) `؟`, the Greek `;` (U+037E; the ASCII semicolon is not taken,
/// it ends English clauses) and the reversed `⸮`.
pub(crate) const QUESTION_MARKS: [char; 5] = ['?', '？', '؟', '\u{37e}', '⸮'];

/// Characters that may close a question after its mark: quotes and brackets (`?”`, `?)`).
const CLOSERS: [char; 11] = ['"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』'];

/// Whether `line` ends in a question mark, closing quotes or brackets aside.
pub(crate) fn is_question(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(QUESTION_MARKS)
}

/// The colons that end a label or a sub-heading: ASCII and full-width (`：`, CJK text).
pub(crate) const COLONS: [char; 2] = [':', '：'];

/// The title of a `# Title` line.
pub(crate) fn title_line(line: &str) -> Option<&str> {
    let title = line.strip_prefix("# ")?.trim_start();
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending() {
        let lines: Vec<&str> = split_lines("a\r\nb\rc\nd\n").collect();
        assert_eq!(lines, ["a", "b", "c", "d", ""]);
    }

    #[test]
    fn questions_end_in_the_question_mark_of_their_script() {
        for line in [
            "Why?",
            "لماذا؟",
            "なぜ？",
            "Γιατί\u{37e}",
            "Really⸮",
            "“Why?”",
            "(why?)",
            "なぜ？」",
        ] {
            assert!(is_question(line), "{line}");
        }
        for line in ["Why.", "So; then", "?!x", ""] {
            assert!(!is_question(line), "{line}");
        }
    }
}
