//! Timed transcripts: WebVTT (`WEBVTT`, cues `00:01:02.500 --> 00:01:05.000`, voice tags
//! `<v Host>`) and SubRip (numbered cues `00:01:02,500 --> 00:01:05,000`).
//!
//! Each cue's text lines join with a space; its speaker is its voice tag (a cue with several
//! voices is split at each `<v …>`), else a "NAME:" label at its start. Other tags (`<i>`,
//! `<c.x>`, timestamps) are markup and go; character references (`&amp;`, `&#233;`) are
//! decoded. Consecutive cues of one speaker join into a turn that starts at the first cue's
//! time; the turns then become questions and answers as in a transcript (`turns`). Cues with no
//! speaker at all join until one ends a sentence, and a sentence ending in a question mark is a
//! question. `NOTE`, `STYLE` and `REGION` blocks are not content; a block without a timing line
//! is kept as text and reported.

use super::lines::split_lines;
use super::turns::{assemble, turn_label, Speaker, Turn};
use super::{Draft, ImportOptions, TextFormat};

/// One cue's text for one voice.
struct Cue {
    line: usize,
    start_ms: Option<u64>,
    speaker: Speaker,
    label: Option<String>,
    text: String,
}

/// Reads `text` (its BOM already gone) into `draft`.
pub(super) fn read(text: &str, format: TextFormat, options: &ImportOptions, draft: &mut Draft) {
    let _ = options;
    let mut cues = Vec::new();
    let mut block: Vec<(usize, &str)> = Vec::new();
    let lines = split_lines(text).map(str::trim).chain(std::iter::once(""));
    for (index, line) in lines.enumerate() {
        if line.is_empty() {
            if !block.is_empty() {
                read_block(&block, format, draft, &mut cues);
                block.clear();
            }
            continue;
        }
        draft.saw(index + 1);
        block.push((index + 1, line));
    }
    assemble(turns(cues), draft);
}

/// One blank-line-separated block: a header, a note, or a cue.
fn read_block(block: &[(usize, &str)], format: TextFormat, draft: &mut Draft, cues: &mut Vec<Cue>) {
    let Some(&(first_line, first)) = block.first() else {
        return;
    };
    if format == TextFormat::WebVtt
        && (first.starts_with("WEBVTT")
            || first.starts_with("NOTE")
            || first.starts_with("STYLE")
            || first.starts_with("REGION"))
        && !first.contains("-->")
    {
        return;
    }
    let Some(timing_at) = block.iter().position(|(_, line)| line.contains("-->")) else {
        draft.problem(first_line, "a block without cue timings (kept as text)");
        let text = block.iter().map(|(_, l)| *l).collect::<Vec<_>>().join(" ");
        cues.push(Cue {
            line: first_line,
            start_ms: None,
            speaker: Speaker::Unknown,
            label: None,
            text,
        });
        return;
    };
    let (timing_line, timing) = block[timing_at];
    let start_ms = timing
        .split("-->")
        .next()
        .and_then(|t| timestamp_ms(t.trim()));
    if start_ms.is_none() {
        draft.problem(
            timing_line,
            "a cue timing that is not a time (the cue is kept, untimed)",
        );
    }
    if timing_at > 1 {
        draft.problem(first_line, "lines before a cue's timing (kept as text)");
        let text = block[..timing_at]
            .iter()
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join(" ");
        cues.push(Cue {
            line: first_line,
            start_ms,
            speaker: Speaker::Unknown,
            label: None,
            text,
        });
    }
    let text = block[timing_at + 1..]
        .iter()
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join(" ");
    for (speaker, words) in voices(&text) {
        let words = decode(&strip_tags(&words));
        let words = words.trim();
        if words.is_empty() {
            continue;
        }
        let (speaker, label, words) = match speaker {
            Some(name) => (Speaker::Named(name), None, words.to_string()),
            None => match turn_label(words) {
                Some((label, speaker, rest)) => {
                    (speaker, Some(label.to_string()), rest.to_string())
                }
                None => (Speaker::Unknown, None, words.to_string()),
            },
        };
        cues.push(Cue {
            line: timing_line + 1,
            start_ms,
            speaker,
            label,
            text: words,
        });
    }
}

/// `text` split at its voice tags (`<v Name>`, `<v.loud Name>`): each part with its voice.
fn voices(text: &str) -> Vec<(Option<String>, String)> {
    let mut parts = vec![(None, String::new())];
    let mut rest = text;
    while let Some(at) = rest.find("<v") {
        let after = &rest[at + 2..];
        let is_voice = after.starts_with([' ', '.', '\t']);
        let Some(end) = after.find('>').filter(|_| is_voice) else {
            if let Some(last) = parts.last_mut() {
                last.1.push_str(&rest[..at + 2]);
            }
            rest = after;
            continue;
        };
        if let Some(last) = parts.last_mut() {
            last.1.push_str(&rest[..at]);
        }
        // "<v.class.other Name Surname>": the classes end at the first space.
        let inside = &after[..end];
        let name = inside
            .split_once([' ', '\t'])
            .map_or("", |(_, name)| name)
            .trim();
        parts.push(((!name.is_empty()).then(|| decode(name)), String::new()));
        rest = &after[end + 1..];
    }
    if let Some(last) = parts.last_mut() {
        last.1.push_str(rest);
    }
    parts.retain(|(_, words)| !words.trim().is_empty());
    parts
}

/// `text` without its cue tags (`<i>`, `</v>`, `<00:01.000>`); a `<` that opens no tag stays.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        match rest[at..].find('>') {
            Some(end) if !rest[at + 1..at + end].contains('<') && end > 1 => {
                rest = &rest[at + end + 1..]
            }
            _ => {
                out.push('<');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` with its character references decoded; one that is not known stays as written.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "lrm" => Some('\u{200e}'),
                "rlm" => Some('\u{200f}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Milliseconds of "hh:mm:ss.mmm", "mm:ss.mmm" or SubRip's "hh:mm:ss,mmm".
fn timestamp_ms(text: &str) -> Option<u64> {
    let text = text.split_whitespace().next()?;
    let (clock, fraction) = text.split_once(['.', ',']).unwrap_or((text, "0"));
    let millis: u64 = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
    let mut seconds = 0u64;
    let parts: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    for part in parts {
        // Digits only ("+5" would parse), at most six; an empty part does not parse.
        if !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 6 {
            return None;
        }
        seconds = seconds * 60 + part.parse::<u64>().ok()?;
    }
    Some(seconds * 1000 + millis)
}

/// Cues into turns: one speaker's consecutive cues join; cues without a speaker join until one
/// ends a sentence.
fn turns(cues: Vec<Cue>) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for cue in cues {
        let joins = match (turns.last(), &cue.speaker) {
            (Some(last), Speaker::Named(name)) => {
                last.speaker == Speaker::Named(name.clone()) && cue.label.is_none()
            }
            (Some(last), Speaker::Unknown) => {
                last.speaker == Speaker::Unknown
                    && !ends_sentence(last.paragraphs.last().map_or("", String::as_str))
                    || matches!(
                        last.speaker,
                        Speaker::Named(_) | Speaker::Asks | Speaker::Answers
                    )
            }
            _ => false,
        };
        match turns.last_mut() {
            Some(last) if joins => {
                if let Some(paragraph) = last.paragraphs.last_mut() {
                    paragraph.push(' ');
                    paragraph.push_str(&cue.text);
                }
            }
            _ => turns.push(Turn {
                line: cue.line,
                speaker: cue.speaker,
                paragraphs: vec![cue.text],
                start_ms: cue.start_ms,
                label: cue.label,
            }),
        }
    }
    turns
}

/// Whether `text` ends a sentence (a full stop, question or exclamation mark of any script).
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '?', '!', '…', '؟', '。', '？', '！', '\u{37e}', '⸮'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_both_notations() {
        assert_eq!(timestamp_ms("00:01:02.500"), Some(62_500));
        assert_eq!(timestamp_ms("01:02.5"), Some(62_500));
        assert_eq!(timestamp_ms("01:00:00,001"), Some(3_600_001));
        assert_eq!(timestamp_ms("1:2"), Some(62_000));
        // A part may have up to six digits, no more.
        assert_eq!(timestamp_ms("100000:00.000"), Some(6_000_000_000));
        for bad in [
            "",
            "x",
            "1",
            "a:b.c",
            "00:00:00:00.000",
            "1::02.000",
            "1:x2",
            "1:+5",
            "1000000:00.000",
        ] {
            assert_eq!(timestamp_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn what_is_a_tag_a_voice_or_a_reference() {
        // A "<" with another "<" before its ">", or an empty "<>", opens no tag.
        let cases = [
            ("x <b <i>y</i>", "x <b y"),
            ("a <> b", "a <> b"),
            ("<c.yellow>a</c>", "a"),
        ];
        for (text, expected) in cases {
            assert_eq!(strip_tags(text), expected, "{text}");
        }
        assert_eq!(
            decode("&quot;&apos;&nbsp;&lrm;&rlm;&amp;"),
            "\"'\u{a0}\u{200e}\u{200f}&"
        );
        // "<vi" is no voice tag: its text stays, for strip_tags to judge.
        assert_eq!(
            voices("a longer <video> b"),
            vec![(None, "a longer <video> b".to_string())]
        );
    }

    #[test]
    fn tags_go_and_references_decode_but_text_stays() {
        assert_eq!(
            decode(&strip_tags(
                "<i>a</i> &amp; <00:01.000>b &lt;c&gt; &bogus; 1 < 2"
            )),
            "a & b <c> &bogus; 1 < 2"
        );
        assert_eq!(decode("&#233;&#xE9;"), "éé");
        let parts = voices("<v.loud Ana Quispe>Hello <v Host>Hi");
        assert_eq!(
            parts,
            vec![
                (Some("Ana Quispe".to_string()), "Hello ".to_string()),
                (Some("Host".to_string()), "Hi".to_string())
            ]
        );
    }
}
