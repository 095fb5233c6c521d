//! Tests of the search: data-driven cases on the seed interview, normalisation cases, and
//! property tests (no panics, well-formed highlights, agreement with a naive reference).
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_core::glossary::{Glossary, GlossaryEntry};
use interview_core::model::{Block, Interview, Question, FORMAT_VERSION};
use interview_core::search::{
    normalize, starts_word, FieldId, Match, SearchIndex, SearchResults, Term,
};
use interview_core::seed as content;
use interview_core::synthetic::synthetic_interview;
use proptest::prelude::*;
use std::ops::Range;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The seed's acronyms as its text defines them, written out so that these tests do not depend
/// on the glossary extraction (tested on its own).
const SEED_ACRONYMS: &[(&str, &str)] = &[
    ("CONOPS", "concepts of operation"),
    ("CSP", "campaign support plan"),
    ("EW", "Electromagnetic Warfare"),
    ("ISR", "intelligence, surveillance and reconnaissance"),
    ("NSSI", "National Security Space Institute"),
    ("PNT", "position, navigation and timing"),
    ("RIMPAC", "Rim of the Pacific"),
    ("SATCOM", "satellite communications"),
    ("SCIF", "sensitive compartmented information facility"),
    ("SFI", "U.S. Space Forces-Indo-Pacific"),
    ("USINDOPACOM", "U.S. Indo-Pacific Command"),
    ("USSPACECOM", "U.S. Space Command"),
];

fn glossary_of(entries: &[(&str, &str)]) -> Glossary {
    Glossary::from_entries(
        entries
            .iter()
            .map(|(abbr, expansion)| GlossaryEntry {
                abbr: abbr.to_string(),
                expansion: expansion.to_string(),
            })
            .collect(),
    )
}

fn seed() -> &'static (Interview, SearchIndex) {
    static SEED: OnceLock<(Interview, SearchIndex)> = OnceLock::new();
    SEED.get_or_init(|| {
        let interview = content::seed().interview;
        let index = SearchIndex::new(&interview, &glossary_of(SEED_ACRONYMS));
        (interview, index)
    })
}

/// The original text of a field.
fn field_text(interview: &Interview, field: FieldId) -> &str {
    let block = |q: usize, b: usize| interview.questions.get(q).and_then(|q| q.answer.get(b));
    match field {
        FieldId::Title => &interview.title,
        FieldId::Intro(i) => interview.intro.get(i).map_or("", String::as_str),
        FieldId::Asker(q) => interview
            .questions
            .get(q)
            .and_then(|q| q.asker.as_deref())
            .unwrap_or(""),
        FieldId::Question(q) => interview.questions.get(q).map_or("", |q| q.text.as_str()),
        FieldId::Speaker(q, b) => block(q, b).and_then(Block::speaker).unwrap_or(""),
        FieldId::Label(q, b) => block(q, b).and_then(Block::label).unwrap_or(""),
        FieldId::Block(q, b) => block(q, b).map_or("", Block::text),
    }
}

/// Renders results compactly: `intro q5 q6 | Block(5,1)[SATCOM] …` — the matching units, then
/// each highlight with its text; `blank` for a query with nothing to search for.
fn render(interview: &Interview, results: &SearchResults) -> String {
    if results.query_is_empty {
        return "blank".to_string();
    }
    let mut units: Vec<String> = Vec::new();
    if results.intro_matches {
        units.push("intro".to_string());
    }
    units.extend(results.matching_questions.iter().map(|q| format!("q{q}")));
    if units.is_empty() {
        units.push("none".to_string());
    }
    let highlights: Vec<String> = results
        .matches
        .iter()
        .map(|m| {
            let text = field_text(interview, m.field)
                .get(m.range.clone())
                .unwrap_or("<bad range>");
            format!("{:?}[{text}]", m.field)
        })
        .collect();
    if highlights.is_empty() {
        units.join(" ")
    } else {
        format!("{} | {}", units.join(" "), highlights.join(" "))
    }
}

/// Searches the seed for `query` and compares the rendering with `expected`.
#[track_caller]
fn check(query: &str, expected: &str) {
    let (interview, index) = seed();
    let results = index.search(query);
    assert_eq!(render(interview, &results), expected, "query {query:?}");
    assert_well_formed(interview, &results);
    assert_eq!(
        results,
        search_naive(interview, index, query),
        "naive, query {query:?}"
    );
}

/// Normalises `text` and shows it with the source text of every normalised byte range that
/// `check_mapping` is asked about.
#[track_caller]
fn check_normalize(text: &str, expected: &str) {
    assert_eq!(normalize(text).text, expected, "text {text:?}");
}

/// The source text behind normalised range `range` of `text`.
#[track_caller]
fn check_mapping(text: &str, range: Range<usize>, expected: &str) {
    let normalized = normalize(text);
    let source = normalized
        .source_range(range)
        .and_then(|r| text.get(r))
        .unwrap_or("<none>");
    assert_eq!(source, expected, "text {text:?}");
}

/// Renders a parsed query: `[word | =alternative …]`, `=` marking whole-word alternatives.
#[track_caller]
fn check_parse(query: &str, expected: &str) {
    let (_, index) = seed();
    let rendered: Vec<String> = index
        .parse_query(query)
        .iter()
        .map(|term| {
            let alternatives: Vec<String> = term
                .alternatives
                .iter()
                .map(|a| {
                    let marker = if a.whole_word { "=" } else { "" };
                    format!("{marker}{}", a.text)
                })
                .collect();
            format!("[{}]", alternatives.join(" | "))
        })
        .collect();
    assert_eq!(rendered.join(" "), expected, "query {query:?}");
}

/// The results are well formed: highlights in reading order, sorted, non-overlapping, inside
/// their field and on char boundaries; highlights only in matching units.
#[track_caller]
fn assert_well_formed(interview: &Interview, results: &SearchResults) {
    assert!(results.matching_questions.windows(2).all(|w| w[0] < w[1]));
    assert!(results
        .matching_questions
        .iter()
        .all(|&q| q < interview.questions.len()));
    if results.query_is_empty {
        assert_eq!(
            results,
            &SearchResults {
                query_is_empty: true,
                ..SearchResults::default()
            }
        );
    }
    let mut previous: Option<&Match> = None;
    for m in &results.matches {
        let text = field_text(interview, m.field);
        assert!(m.range.start < m.range.end, "{m:?}");
        assert!(text.get(m.range.clone()).is_some(), "{m:?} in {text:?}");
        match m.field.question() {
            Some(q) => assert!(results.question_matches(q), "{m:?}"),
            None => assert!(results.intro_matches, "{m:?}"),
        }
        if let Some(p) = previous {
            if p.field == m.field {
                assert!(p.range.end < m.range.start, "{p:?} then {m:?}");
            }
        }
        previous = Some(m);
    }
    // highlights_for gives back exactly the matches, field by field.
    let mut fields: Vec<FieldId> = results.matches.iter().map(|m| m.field).collect();
    fields.dedup();
    let regathered: Vec<Match> = fields
        .iter()
        .flat_map(|&field| {
            results
                .highlights_for(field)
                .into_iter()
                .map(move |range| Match { field, range })
        })
        .collect();
    assert_eq!(regathered, results.matches);
}

// ---------------------------------------------------------------------------------------------
// A naive reference: every field normalised on its own, every char position tried.
// ---------------------------------------------------------------------------------------------

/// The fields of each unit: unit 0 is the title and introduction, unit q + 1 is question q.
fn units(interview: &Interview) -> Vec<Vec<FieldId>> {
    let mut units = vec![std::iter::once(FieldId::Title)
        .chain((0..interview.intro.len()).map(FieldId::Intro))
        .collect::<Vec<_>>()];
    let speakers = interview.shows_speakers();
    for (q, question) in interview.questions.iter().enumerate() {
        let mut fields = Vec::new();
        if speakers && question.asker.is_some() {
            fields.push(FieldId::Asker(q));
        }
        fields.push(FieldId::Question(q));
        for (b, block) in question.answer.iter().enumerate() {
            if speakers && block.speaker().is_some() {
                fields.push(FieldId::Speaker(q, b));
            }
            if block.label().is_some() {
                fields.push(FieldId::Label(q, b));
            }
            fields.push(FieldId::Block(q, b));
        }
        units.push(fields);
    }
    units
}

fn search_naive(interview: &Interview, index: &SearchIndex, query: &str) -> SearchResults {
    let terms: Vec<Term> = index.parse_query(query);
    if terms.is_empty() {
        return SearchResults {
            query_is_empty: true,
            ..SearchResults::default()
        };
    }
    let mut results = SearchResults::default();
    for (unit, fields) in units(interview).iter().enumerate() {
        let mut found = vec![false; terms.len()];
        let mut unit_matches: Vec<Match> = Vec::new();
        for &field in fields {
            let normalized = normalize(field_text(interview, field));
            let text = normalized.text.as_str();
            let mut ranges: Vec<Range<usize>> = Vec::new();
            for (t, term) in terms.iter().enumerate() {
                for alternative in &term.alternatives {
                    for (at, _) in text.char_indices() {
                        let word_start = starts_word(text, at);
                        if !word_start || !text[at..].starts_with(&alternative.text) {
                            continue;
                        }
                        let end = at + alternative.text.len();
                        let word_end = end == text.len() || text[end..].starts_with([' ', '\'']);
                        if alternative.whole_word && !word_end {
                            continue;
                        }
                        found[t] = true;
                        ranges.extend(normalized.source_range(at..end));
                    }
                }
            }
            ranges.sort_by_key(|r| (r.start, r.end));
            for range in ranges {
                match unit_matches.last_mut() {
                    Some(last) if last.field == field && range.start <= last.range.end => {
                        last.range.end = last.range.end.max(range.end);
                    }
                    _ => unit_matches.push(Match { field, range }),
                }
            }
        }
        if found.iter().all(|&f| f) {
            if unit == 0 {
                results.intro_matches = true;
            } else {
                results.matching_questions.push(unit - 1);
            }
            results.matches.extend(unit_matches);
        }
    }
    results
}

// ---------------------------------------------------------------------------------------------
// Seed cases
// ---------------------------------------------------------------------------------------------

#[test]
fn other_scripts_fold_as_their_readers_expect() {
    // Arabic: marks and tatweel dropped, letter variants folded, its punctuation separates.
    check_normalize("مَدْرَسَةٌ", "مدرسه");
    check_normalize("أحمد وإبراهيم وآمنة، هل؟", "احمد وابراهيم وامنه هل");
    check_normalize("مـــكتبة على", "مكتبه علي");
    check_normalize("کتاب یک", "كتاب يك");
    // Greek: accents and dialytika fold, final sigma is sigma, ; separates.
    check_normalize("Ἀθήνα ΆΛΛΟΣ προϊόν\u{37e}", "ἀθηνα αλλοσ προιον");
    check_normalize("άέήίϊΐόύϋΰώ", "αεηιιιουυυω");
    // Cyrillic: ё is е.
    check_normalize("Ёлка ещё", "елка еще");
    // Latin-1's multiplication and division signs separate words, as "+" does.
    check_normalize("3×4÷2", "3 4 2");
    // Letters and digits inside the punctuation blocks stay word characters (the Japanese
    // iteration mark, superscripts); any white space or control character separates.
    check_normalize("人々 E=mc²", "人々 e mc²");
    check_normalize("a\u{1680}b\u{90}c\u{85}d", "a b c d");
    check_mapping("مَدْرَسَةٌ", 0..2, "مَ");
}

#[test]
fn scripts_without_spaces_match_inside_text() {
    let interview = interview_of(
        "氷河".into(),
        Vec::new(),
        vec![
            ("なぜ氷河を研究するのですか？".into(), Vec::new()),
            ("ทำไมคุณศึกษาธารน้ำแข็ง".into(), Vec::new()),
            ("لماذا تدرسين الأنهار الجليدية؟".into(), Vec::new()),
        ],
    );
    let index = SearchIndex::new(&interview, &Glossary::default());
    for (query, expected) in [
        ("氷河", "intro q0 | Title[氷河] Question(0)[氷河]"),
        ("研究", "q0 | Question(0)[研究]"),
        ("ธารน้ำแข็ง", "q1 | Question(1)[ธารน้ำแข็ง]"),
        ("الانهار", "q2 | Question(2)[الأنهار]"),
        // Words of spaced scripts still match from their start only.
        ("نهار", "none"),
    ] {
        let results = index.search(query);
        assert_eq!(render(&interview, &results), expected, "{query}");
        assert_eq!(
            results,
            search_naive(&interview, &index, query),
            "naive, {query}"
        );
    }
}

#[test]
fn speakers_names_are_found_where_they_are_shown() {
    let turn = |text: &str, speaker: &str| interview_core::model::Block::Paragraph {
        text: text.to_string(),
        speaker: Some(speaker.to_string()),
        start_ms: None,
        styles: Vec::new(),
    };
    let mut interview = interview_of(
        "Bees".into(),
        Vec::new(),
        vec![("How many hives?".into(), Vec::new())],
    );
    interview.questions[0].asker = Some("Moderator".into());
    interview.questions[0].answer =
        vec![turn("Four.", "Lucía"), turn("Most never notice.", "Okafor")];
    let index = SearchIndex::new(&interview, &Glossary::default());
    let results = index.search("lucia");
    assert_eq!(render(&interview, &results), "q0 | Speaker(0, 0)[Lucía]");
    assert_eq!(results, search_naive(&interview, &index, "lucia"));
    assert_eq!(
        render(&interview, &index.search("moderator")),
        "q0 | Asker(0)[Moderator]"
    );
    // One answering voice: the names are not shown, so not found.
    interview.questions[0].answer[1] = turn("Most never notice.", "Lucía");
    let index = SearchIndex::new(&interview, &Glossary::default());
    assert_eq!(render(&interview, &index.search("lucia")), "none");
}

#[test]
fn case_and_accents_do_not_matter() {
    check(
        "RimPac",
        "q0 | Question(0)[Rim of the Pacific] Question(0)[RIMPAC] Block(0, 0)[RIMPAC]",
    );
    check(
        "TALISMAN",
        "q0 q5 | Block(0, 0)[Talisman] Block(5, 2)[Talisman]",
    );
    check("intégration", "q0 q2 q5 q6 | Label(0, 0)[Integration] Block(0, 0)[integration] Question(2)[integration] Block(2, 3)[integration] Block(5, 3)[integration] Block(6, 3)[integration]");
    check("MASTALÏR", "intro | Title[Mastalir] Intro(0)[Mastalir] Intro(0)[Mastalir] Intro(1)[Mastalir] Intro(2)[Mastalir]");
    check("Rendezvous", "q7 | Label(7, 4)[Rendezvous]");
}

#[test]
fn apostrophes_are_all_alike() {
    let china = "q7 q8 | Question(7)[China’s] Question(7)[China’s] Block(7, 0)[China’s] Block(8, 0)[China’s]";
    check("China's", china);
    check("China’s", china);
    check("chinaʼs", china);
    check("isn't", "q7 | Block(7, 0)[isn’t]");
    check("it's", "q7 | Block(7, 0)[it’s]");
    // Quotation marks at the edge of a word are not apostrophes.
    check("'kill web'", "q7 | Label(7, 0)[kill] Label(7, 0)[web] Block(7, 0)[kill] Block(7, 0)[web] Block(7, 1)[kill] Block(7, 1)[web]");
}

#[test]
fn punctuation_inside_a_word_matches_any_punctuation() {
    let indo_pacific = "intro q0 q1 q2 q6 q7 | Title[Indo-Pacific] Intro(0)[Indo-Pacific] Intro(1)[Indo-Pacific] Intro(1)[Indo-Pacific] Question(0)[Indo-Pacific] Question(1)[Indo-Pacific] Question(2)[Indo-Pacific] Block(2, 2)[Indo-Pacific] Block(6, 0)[Indo-Pacific] Question(7)[Indo-Pacific]";
    check("indo-pacific", indo_pacific);
    check("Indo–Pacific", indo_pacific);
    check("\"Indo Pacific\"", indo_pacific);
    check("SJ-21", "q7 | Block(7, 4)[SJ-21]");
    check("sj 21", "q7 | Block(7, 4)[SJ] Block(7, 4)[21]");
    check(
        "Kill-Web",
        "q7 | Label(7, 0)[kill web] Block(7, 0)[kill web] Block(7, 1)[kill web]",
    );
}

#[test]
fn unquoted_words_match_in_any_order() {
    check("Indo Pacific", "intro q0 q1 q2 q6 q7 | Title[Indo] Title[Pacific] Intro(0)[Indo] Intro(0)[Pacific] Intro(1)[Indo] Intro(1)[Pacific] Intro(1)[Indo] Intro(1)[Pacific] Question(0)[Pacific] Question(0)[Indo] Question(0)[Pacific] Question(1)[Indo] Question(1)[Pacific] Question(2)[Indo] Question(2)[Pacific] Block(2, 2)[Indo] Block(2, 2)[Pacific] Block(6, 0)[Indo] Block(6, 0)[Pacific] Question(7)[Indo] Question(7)[Pacific]");
    check(
        "talisman sabre",
        "q0 q5 | Block(0, 0)[Talisman] Block(0, 0)[Sabre] Block(5, 2)[Talisman] Block(5, 2)[Sabre]",
    );
    check(
        "sabre talisman",
        "q0 q5 | Block(0, 0)[Talisman] Block(0, 0)[Sabre] Block(5, 2)[Talisman] Block(5, 2)[Sabre]",
    );
    check(
        "korea japan",
        "intro q2 | Intro(2)[Korea] Intro(2)[Japan] Block(2, 1)[Japan] Block(2, 1)[Korea]",
    );
    // Across fields of one question: "learn" is in the question and in an answer.
    check("space force learn", "q3 | Question(3)[Space] Question(3)[Force] Question(3)[learn] Block(3, 0)[space] Block(3, 1)[learn]");
    check("hypersonic taiwan", "none");
}

#[test]
fn quoted_phrases() {
    let kill_web = "q7 | Label(7, 0)[kill web] Block(7, 0)[kill web] Block(7, 1)[kill web]";
    check("\"kill web\"", kill_web);
    check("“kill web”", kill_web);
    check("„kill web“", kill_web);
    check("kill web", "q7 | Label(7, 0)[kill] Label(7, 0)[web] Block(7, 0)[kill] Block(7, 0)[web] Block(7, 1)[kill] Block(7, 1)[web]");
    check("\"web kill\"", "none");
    check("\"space pow\"", "intro q2 q5 | Title[space pow] Intro(1)[space pow] Block(2, 0)[space pow] Label(5, 0)[space pow] Block(5, 0)[space pow]");
    check(
        "“our security is",
        "intro q6 | Intro(1)[our security is] Block(6, 0)[Our security is]",
    );
}

#[test]
fn unclosed_quote_runs_to_the_end() {
    check(
        "\"kill web",
        "q7 | Label(7, 0)[kill web] Block(7, 0)[kill web] Block(7, 1)[kill web]",
    );
    check("china \"kill web", "q7 | Question(7)[China] Question(7)[China] Question(7)[China] Label(7, 0)[kill web] Block(7, 0)[China] Block(7, 0)[kill web] Block(7, 0)[China] Block(7, 1)[kill web]");
}

#[test]
fn acronym_finds_its_expansion() {
    let satcom = "q5 q7 | Block(5, 1)[SATCOM] Block(5, 1)[satellite communications] Block(7, 5)[satellite communications]";
    check("SATCOM", satcom);
    check("satcom", satcom);
    check(
        "ISR",
        "q5 | Block(5, 1)[ISR] Block(5, 1)[intelligence, surveillance and reconnaissance]",
    );
    check(
        "SCIF",
        "q6 | Block(6, 3)[SCIF] Block(6, 3)[sensitive compartmented information facility]",
    );
    check(
        "rimpac",
        "q0 | Question(0)[Rim of the Pacific] Question(0)[RIMPAC] Block(0, 0)[RIMPAC]",
    );
    check("ew", "q2 q5 | Block(2, 3)[Electromagnetic Warfare] Block(2, 3)[EW] Label(5, 2)[EW] Block(5, 2)[EW]");
}

#[test]
fn expansion_finds_its_acronym() {
    let satcom = "q5 q7 | Block(5, 1)[SATCOM] Block(5, 1)[satellite communications] Block(7, 5)[satellite communications]";
    check("satellite communications", satcom);
    check("Satellite  Communications ", satcom);
    check("\"satellite communications\"", satcom);
    check(
        "concepts of operation",
        "q2 | Block(2, 0)[CONOPS] Block(2, 0)[concepts of operation]",
    );
    check("U.S. Indo-Pacific Command", "intro q1 q2 q7 | Intro(1)[U.S. Indo-Pacific Command] Intro(1)[USINDOPACOM] Block(1, 2)[USINDOPACOM] Label(2, 0)[USINDOPACOM] Block(2, 0)[USINDOPACOM] Question(7)[USINDOPACOM]");
    check("isr satellite communications", "q5 | Block(5, 1)[ISR] Block(5, 1)[SATCOM] Block(5, 1)[intelligence, surveillance and reconnaissance] Block(5, 1)[satellite communications]");
    // A partial word names nothing; "satellite" (in one expansion only) names SATCOM.
    check("satellite comm", "q5 q7 | Block(5, 1)[SATCOM] Block(5, 1)[satellite] Block(5, 1)[comm] Block(5, 1)[comm] Block(5, 3)[comm] Block(5, 4)[comm] Block(7, 1)[comm] Label(7, 3)[satellite] Block(7, 3)[satellite] Block(7, 3)[satellite] Block(7, 4)[satellite] Block(7, 4)[satellite] Block(7, 5)[satellite] Block(7, 5)[comm] Block(7, 6)[satellite]");
}

#[test]
fn words_match_as_prefixes_at_word_starts_only() {
    check("guardian", "q2 q3 q6 | Label(2, 3)[Guardian] Block(2, 3)[Guardian] Question(3)[Guardian] Block(3, 0)[Guardian] Question(6)[Guardian]");
    check("china", "q7 q8 | Question(7)[China] Question(7)[China] Question(7)[China] Block(7, 0)[China] Block(7, 0)[China] Block(8, 0)[China]");
    check("integr", "intro q0 q1 q2 q4 q5 q6 q7 | Intro(1)[integr] Label(0, 0)[Integr] Block(0, 0)[integr] Label(1, 1)[Integr] Block(1, 1)[integr] Question(2)[integr] Question(2)[integr] Block(2, 0)[integr] Block(2, 1)[integr] Block(2, 3)[integr] Question(4)[integr] Block(4, 0)[integr] Block(5, 0)[integr] Label(5, 1)[Integr] Block(5, 1)[integr] Block(5, 3)[integr] Block(6, 3)[integr] Label(7, 1)[Integr]");
    // "isr" is inside "disrupting" (q5) and "disrupt" (q7) but starts no word there.
    check(
        "isr",
        "q5 | Block(5, 1)[ISR] Block(5, 1)[intelligence, surveillance and reconnaissance]",
    );
    check("rupt", "none");
    check("j3", "intro | Intro(0)[J3]");
    check("2024", "intro | Intro(2)[2024]");
}

#[test]
fn nothing_found() {
    check("zeppelin", "none");
    check("space zeppelin", "none");
    check("\"taiwan kill web\"", "none");
}

#[test]
fn nothing_to_search_for() {
    check("", "blank");
    check("   ", "blank");
    check(" \t\n ", "blank");
    check("?!", "blank");
    check("— … ·", "blank");
    check("\"\"", "blank");
    check("“", "blank");
    check("'’", "blank");
}

#[test]
fn queries_parse_into_terms() {
    check_parse("", "");
    check_parse("Space  FORCE", "[space] [force]");
    check_parse("space space SPACE", "[space]");
    check_parse("Indo-Pacific", "[indo pacific]");
    check_parse("\"kill web\" Space", "[kill web] [space]");
    check_parse("“unclosed phrase", "[unclosed phrase]");
    check_parse(
        "ISR",
        "[isr | =intelligence surveillance and reconnaissance]",
    );
    check_parse(
        "satellite communications isr",
        "[satellite communications | =satcom] [isr | =intelligence surveillance and reconnaissance]",
    );
    check_parse(
        "\"satellite communications\"",
        "[satellite communications | =satcom]",
    );
    // A quote breaks the run of words that would spell out an expansion (each word, in one
    // expansion only, still names it).
    check_parse(
        "satellite \"communications\"",
        "[satellite | =satcom] [communications | =satcom]",
    );
    check_parse(
        "satellite communication",
        "[satellite | =satcom] [communication]",
    );
    check_parse(
        "U.S. Space Command",
        "[u s space command | space command | =usspacecom]",
    );
}

#[test]
fn normalization() {
    check_normalize("", "");
    check_normalize("?!…", "");
    check_normalize("  Leading and trailing  ", "leading and trailing");
    check_normalize("Intégration ÉCOLE e\u{301}cole", "integration ecole ecole");
    check_normalize("Straße ẞ Æsir Œuvre", "strasse ss aesir oeuvre");
    check_normalize(
        "Ørsted Ångström Çà ñ ü ÿ Þing",
        "orsted angstrom ca n u y thing",
    );
    check_normalize("Łódź Kraków İstanbul ı", "lodz krakow istanbul i");
    check_normalize("\u{212A}elvin \u{212B}", "kelvin a");
    check_normalize(
        "China’s China‘s Chinaʼs China′s",
        "china's china's china's china's",
    );
    check_normalize("‘kill web’ “kill web” „x“ 12″", "kill web kill web x 12");
    check_normalize("allies’ rock ’n’ roll", "allies rock n roll");
    check_normalize(
        "Indo-Pacific — our security… (USSPACECOM).",
        "indo pacific our security usspacecom",
    );
    check_normalize("inter\u{AD}operability", "interoperability");
    check_normalize("東京 Tōkyō", "東京 tokyo");
    // Greek accents fold too; the final sigma is not told apart.
    check_normalize("ΣΟΦΙΑ σοφός", "σοφια σοφοσ");
    check_normalize("مرحبا بالعالم", "مرحبا بالعالم");
    check_normalize("🚀launch 👍🏽", "🚀launch 👍🏽");
    check_normalize("Ⱥ", "ⱥ");
}

#[test]
fn normalized_ranges_map_back_to_whole_source_characters() {
    check_mapping("Indo-Pacific", 0..12, "Indo-Pacific");
    check_mapping("China’s", 0..7, "China’s");
    check_mapping("Straße", 4..5, "ß");
    check_mapping("Straße", 3..6, "aß");
    check_mapping("e\u{301}cole", 0..1, "e\u{301}");
    check_mapping("Ⱥb", 0..3, "Ⱥ");
    check_mapping("Ⱥb", 1..4, "Ⱥb");
    check_mapping("  a  b  ", 0..3, "a  b");
    check_mapping("abc", 2..2, "<none>");
    check_mapping("abc", 2..9, "<none>");
}

#[test]
fn very_long_queries_are_fine() {
    let (interview, index) = seed();
    let long = "space ".repeat(2_000);
    assert_eq!(long.len(), 12_000);
    let results = index.search(&long);
    assert_eq!(results, index.search("space"));
    assert_well_formed(interview, &results);
    let mixed: String = "é\u{301}“🚀’-ش ".chars().cycle().take(10_000).collect();
    assert_well_formed(interview, &index.search(&mixed));
}

#[test]
fn highlights_for_a_field() {
    let (_, index) = seed();
    let results = index.search("ISR");
    assert_eq!(results.highlights_for(FieldId::Block(5, 1)).len(), 2);
    assert!(results.highlights_for(FieldId::Block(5, 0)).is_empty());
    assert!(results.highlights_for(FieldId::Title).is_empty());
    assert!(results.question_matches(5));
    assert!(!results.question_matches(4));
}

/// The glossary the viewer really uses, extracted from the seed, gives the same acronym matches.
#[test]
fn acronyms_with_the_extracted_glossary() {
    let interview = content::seed().interview;
    let index = SearchIndex::new(&interview, &Glossary::from_interview(&interview));
    let render = |query: &str| render(&interview, &index.search(query));
    assert_eq!(
        render("satellite communications"),
        "q5 q7 | Block(5, 1)[SATCOM] Block(5, 1)[satellite communications] Block(7, 5)[satellite communications]"
    );
    assert_eq!(
        render("ISR"),
        "q5 | Block(5, 1)[ISR] Block(5, 1)[intelligence, surveillance and reconnaissance]"
    );
    assert_eq!(
        render("SCIF"),
        "q6 | Block(6, 3)[SCIF] Block(6, 3)[sensitive compartmented information facility]"
    );
}

/// At scale (and with expansions longer than the index's sort key) the index agrees with the
/// naive search.
#[test]
fn synthetic_interview_agrees_with_naive() {
    let interview = synthetic_interview(60_000, 3);
    let index = SearchIndex::new(&interview, &glossary_of(SEED_ACRONYMS));
    for query in [
        "space",
        "isr",
        "intelligence surveillance and reconnaissance",
        "\"allies and partners\"",
        "integr joint",
        "intégration",
        "🚀",
        "zeppelin",
    ] {
        let results = index.search(query);
        assert_well_formed(&interview, &results);
        assert_eq!(results, search_naive(&interview, &index, query), "{query}");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// A bullet's label and text (the block kind is chosen by position).
type BlockParts = (Option<String>, String);
/// A question's text and blocks.
type QuestionParts = (String, Vec<BlockParts>);

fn interview_of(title: String, intro: Vec<String>, questions: Vec<QuestionParts>) -> Interview {
    Interview {
        format_version: FORMAT_VERSION,
        title,
        source: String::new(),
        intro,
        lang: None,
        questions: questions
            .into_iter()
            .enumerate()
            .map(|(i, (text, blocks))| Question {
                id: format!("q{i}"),
                text,
                asker: None,
                start_ms: None,
                answer: blocks
                    .into_iter()
                    .enumerate()
                    .map(|(b, (label, text))| match (b % 3, label) {
                        (0, label) => Block::bullet(label, text),
                        (1, _) => Block::paragraph(text),
                        _ => Block::Subheading { text },
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Interviews whose fields are made by `text`.
fn interviews(text: BoxedStrategy<String>) -> impl Strategy<Value = Interview> {
    let block = (prop::option::of(text.clone()), text.clone());
    let question = (text.clone(), prop::collection::vec(block, 0..4));
    (
        text.clone(),
        prop::collection::vec(text, 0..3),
        prop::collection::vec(question, 0..4),
    )
        .prop_map(|(title, intro, questions)| interview_of(title, intro, questions))
}

/// Any Unicode at all, and text rich in what normalisation has to handle.
fn wild_text() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,30}",
        prop::collection::vec(
            prop::sample::select(vec![
                "e",
                "\u{301}",
                "\u{308}",
                "ß",
                "İ",
                "Ⱥ",
                "ς",
                "Σ",
                "’",
                "'",
                "\"",
                "“",
                " ",
                "-",
                "\u{AD}",
                "\u{200D}",
                "\u{FE0F}",
                "🚀",
                "👍🏽",
                "שלום",
                "مرحبا",
                "東京",
                "\u{202E}",
                "\0",
                "\n",
                "a",
            ]),
            0..20,
        )
        .prop_map(|pieces| pieces.concat()),
    ]
    .boxed()
}

/// Words that overlap in every way the search cares about: prefixes, accents, apostrophes,
/// punctuation, acronyms and their expansions.
const WORDS: &[&str] = &[
    "SATCOM’s",
    "a’",
    "isr's",
    "intelligence, surveillance and reconnaissance",
    // Shares the index's sort key with the expansion above but differs after it.
    "intelligence surveillance and recon",
    "space",
    "Space",
    "spacecraft",
    "sp",
    "China’s",
    "china's",
    "china",
    "Indo-Pacific",
    "indo",
    "pacific",
    "École",
    "ecole",
    "e\u{301}cole",
    "SATCOM",
    "satellite",
    "communications",
    "ISR",
    "isr",
    "disrupting",
    "a",
    "A",
    "ß",
    "ss",
    "Straße",
    "🚀",
    "日本",
    "—",
    "“kill",
    "web”",
    "kill",
    "’",
    ",",
    "-",
    "(",
    ")",
    "J3",
    "SS",
];

/// Glossary entries to draw from; "a a" overlaps itself, "ss" folds from "ß".
const ACRONYMS: &[(&str, &str)] = &[
    ("SATCOM", "satellite communications"),
    ("ISR", "intelligence, surveillance and reconnaissance"),
    ("A", "a a"),
    ("SS", "Straße space"),
    ("J3", "kill web"),
    ("É", "école"),
];

fn word_text() -> BoxedStrategy<String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(vec![" ", "", "-", ": "]),
        ),
        0..10,
    )
    .prop_map(|words| {
        words
            .into_iter()
            .map(|(w, sep)| format!("{w}{sep}"))
            .collect()
    })
    .boxed()
}

fn word_query() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            WORDS
                .iter()
                .copied()
                .chain([
                    "\"",
                    "“",
                    " ",
                    "intelligence surveillance and reconnaissance",
                    "a a",
                ])
                .collect::<Vec<_>>(),
        ),
        0..6,
    )
    .prop_map(|words| words.join(" "))
}

fn glossaries() -> impl Strategy<Value = Glossary> {
    prop::sample::subsequence(ACRONYMS, 0..=ACRONYMS.len())
        .prop_map(|entries| glossary_of(&entries))
}

/// Properties that hold for any input: the test command draws their cases from a fixed seed,
/// the soak (`scripts/soak.sh`) from fresh ones.
mod properties {
    use super::*;

    proptest! {
        #![proptest_config(common::config(256))]

        #[test]
        fn search_never_panics_and_is_well_formed(
            interview in interviews(wild_text()),
            query in prop_oneof![any::<String>(), wild_text(), "\\PC{0,10000}"],
            glossary in glossaries(),
        ) {
            let index = SearchIndex::new(&interview, &glossary);
            let results = index.search(&query);
            assert_well_formed(&interview, &results);
            prop_assert_eq!(results, search_naive(&interview, &index, &query));
        }

        #[test]
        fn index_agrees_with_naive_search(
            interview in interviews(word_text()),
            query in word_query(),
            glossary in glossaries(),
        ) {
            let index = SearchIndex::new(&interview, &glossary);
            let results = index.search(&query);
            assert_well_formed(&interview, &results);
            prop_assert_eq!(results, search_naive(&interview, &index, &query));
        }

        #[test]
        fn normalizing_is_idempotent_and_maps_to_char_boundaries(text in wild_text()) {
            let normalized = normalize(&text);
            prop_assert_eq!(&normalize(&normalized.text).text, &normalized.text);
            prop_assert!(!normalized.text.starts_with(' ') && !normalized.text.ends_with(' '));
            prop_assert!(!normalized.text.contains("  "));
            let mut previous_end = 0;
            for at in 0..normalized.text.len() {
                let range = normalized.source_range(at..at + 1);
                prop_assert!(range.is_some());
                let range = range.unwrap_or_default();
                prop_assert!(text.get(range.clone()).is_some(), "{:?}", range);
                prop_assert!(range.start < range.end);
                prop_assert!(range.end >= previous_end);
                previous_end = range.end;
            }
        }
    }
}

/// How `query` parses with the glossary `entries` (rendered as in `check_parse`).
fn parse_with(entries: &[(&str, &str)], query: &str) -> String {
    let interview = interview_of("T".into(), Vec::new(), Vec::new());
    let index = SearchIndex::new(&interview, &glossary_of(entries));
    index
        .parse_query(query)
        .iter()
        .map(|term| {
            let alternatives: Vec<String> = term
                .alternatives
                .iter()
                .map(|a| format!("{}{}", if a.whole_word { "=" } else { "" }, a.text))
                .collect();
            format!("[{}]", alternatives.join(" | "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn part_of_an_expansion_names_its_acronym() {
    // Another interview's glossary: space weather.
    const WEATHER: &[(&str, &str)] = &[
        ("CME", "coronal mass ejection"),
        ("NOAA", "National Oceanic and Atmospheric Administration"),
        ("SWPC", "Space Weather Prediction Center"),
        ("NWS", "the National Weather Service"),
        ("ESA", "European Space Agency"),
        ("NHC", "National Hurricane Center"),
    ];
    let cases: &[(&[(&str, &str)], &str, &str)] = &[
        // The last two words or more, leading qualifiers optional both ways.
        (
            SEED_ACRONYMS,
            "Space Command",
            "[space command | =usspacecom]",
        ),
        (
            SEED_ACRONYMS,
            "space command",
            "[space command | =usspacecom]",
        ),
        (
            SEED_ACRONYMS,
            "Indo-Pacific Command",
            "[indo pacific command | =usindopacom]",
        ),
        (
            SEED_ACRONYMS,
            "indo pacific command",
            "[indo pacific command | =usindopacom]",
        ),
        (
            SEED_ACRONYMS,
            "the Space Command",
            "[the space command | space command | =usspacecom]",
        ),
        (
            SEED_ACRONYMS,
            "U.S. Space Command",
            "[u s space command | space command | =usspacecom]",
        ),
        (
            SEED_ACRONYMS,
            "Space Forces-Indo-Pacific",
            "[space forces indo pacific | =sfi]",
        ),
        (
            SEED_ACRONYMS,
            "compartmented information facility",
            "[compartmented information facility | =scif]",
        ),
        // One word names an acronym only when no other expansion has it and it is long enough.
        (SEED_ACRONYMS, "reconnaissance", "[reconnaissance | =isr]"),
        (SEED_ACRONYMS, "warfare", "[warfare | =ew]"),
        (SEED_ACRONYMS, "satellite", "[satellite | =satcom]"),
        (SEED_ACRONYMS, "command", "[command]"),
        (SEED_ACRONYMS, "space", "[space]"),
        (SEED_ACRONYMS, "plan", "[plan]"),
        // A leading qualifier is dropped only from words that name an acronym.
        (SEED_ACRONYMS, "\"the plan\"", "[the plan]"),
        // A run in the middle, or "Indo-Pacific" alone (in two expansions): no acronym.
        (SEED_ACRONYMS, "Indo-Pacific", "[indo pacific]"),
        (SEED_ACRONYMS, "Space Forces", "[space] [forces | =sfi]"),
        (
            SEED_ACRONYMS,
            "satellite communication",
            "[satellite | =satcom] [communication]",
        ),
        // The longest run wins, then the rest of the query goes on as usual.
        (
            SEED_ACRONYMS,
            "allies Space Command",
            "[allies] [space command | =usspacecom]",
        ),
        // Two expansions end in "Center": the two words that end each still name it alone.
        (WEATHER, "prediction center", "[prediction center | =swpc]"),
        (WEATHER, "hurricane center", "[hurricane center | =nhc]"),
        (WEATHER, "mass ejection", "[mass ejection | =cme]"),
        (WEATHER, "Weather Service", "[weather service | =nws]"),
        (
            WEATHER,
            "National Weather Service",
            "[national weather service | =nws]",
        ),
        (
            WEATHER,
            "atmospheric administration",
            "[atmospheric administration | =noaa]",
        ),
        (WEATHER, "coronal", "[coronal | =cme]"),
        (WEATHER, "weather", "[weather]"),
        (WEATHER, "space agency", "[space agency | =esa]"),
        (WEATHER, "\"space agency\"", "[space agency | =esa]"),
        (WEATHER, "agency", "[agency | =esa]"),
    ];
    for (entries, query, expected) in cases {
        assert_eq!(parse_with(entries, query), *expected, "query {query:?}");
    }
}

#[test]
fn alternatives_and_long_phrases_are_compared_whole() {
    let interview = interview_of(
        "T".into(),
        Vec::new(),
        vec![
            (
                "Why ISRs?".into(),
                vec![(
                    None,
                    "intelligence, surveillance and reconnaissances".into(),
                )],
            ),
            (
                "And phrases?".into(),
                vec![(
                    None,
                    "a phrase of more than thirty-two bytes, then another ending".into(),
                )],
            ),
        ],
    );
    let index = SearchIndex::new(
        &interview,
        &glossary_of(&[("ISR", "intelligence, surveillance and reconnaissance")]),
    );
    // The acronym's expansion is an alternative that must end at a word end.
    let isr = index.search("isr");
    assert_eq!(isr.matching_questions, [0]);
    assert!(
        isr.matches.iter().all(|m| m.field == FieldId::Question(0)),
        "{:?}",
        isr.matches
    );
    // A quoted phrase longer than 32 bytes is compared in full.
    let long = "\"a phrase of more than thirty-two bytes, then another ending\"";
    assert_eq!(index.search(long).matching_questions, [1]);
    let differs_late = "\"a phrase of more than thirty-two bytes, then another beginning\"";
    assert!(index.search(differs_late).matching_questions.is_empty());
}
