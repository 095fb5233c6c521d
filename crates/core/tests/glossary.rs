//! Tests of the glossary: the acronyms of the seed interview, small cases for each way a text
//! defines an acronym and for finding their uses, and properties that hold for any text.
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use expect_test::expect;
use interview_core::glossary::*;
use interview_core::model::{Interview, FORMAT_VERSION};
use interview_core::seed as content;
use proptest::prelude::*;

fn interview_of(texts: &[&str]) -> Interview {
    Interview {
        format_version: FORMAT_VERSION,
        title: String::new(),
        source: String::new(),
        intro: texts.iter().map(|text| text.to_string()).collect(),
        lang: None,
        questions: Vec::new(),
    }
}

/// Builds the glossary of a one-paragraph interview and compares a rendering with `expected`: one
/// "ABBR = expansion" line per entry, then the text with the uses of those acronyms in «». Each
/// expected line is trimmed and blank ones skipped, so cases can be indented.
#[track_caller]
fn check(text: &str, expected: &str) {
    let glossary = Glossary::from_interview(&interview_of(&[text]));
    let mut lines: Vec<String> = glossary
        .entries()
        .iter()
        .map(|entry| format!("{} = {}", entry.abbr, entry.expansion))
        .collect();
    let mut marked = String::new();
    let mut copied = 0;
    for (range, index) in glossary.find_uses(text) {
        assert_eq!(
            text.get(range.clone()),
            Some(glossary.entries()[index].abbr.as_str())
        );
        marked.push_str(&text[copied..range.start]);
        marked.push('«');
        marked.push_str(&text[range.clone()]);
        marked.push('»');
        copied = range.end;
    }
    marked.push_str(&text[copied..]);
    lines.push(marked);
    let actual = lines.join("\n");
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(
        actual,
        expected.join("\n"),
        "\ntext: {text:?}\nactual:\n{actual}\n"
    );
}

#[test]
fn the_seed_glossary() {
    let glossary = Glossary::from_interview(&content::seed().interview);
    let actual: Vec<String> = glossary
        .entries()
        .iter()
        .map(|entry| format!("{}: {}", entry.abbr, entry.expansion))
        .collect();
    expect![[r#"
        CONOPS: concepts of operation
        CSP: campaign support plan
        EW: Electromagnetic Warfare
        ISR: intelligence, surveillance and reconnaissance
        NSSI: National Security Space Institute
        PNT: position, navigation and timing
        RIMPAC: Rim of the Pacific
        SATCOM: satellite communications
        SCIF: sensitive compartmented information facility
        SFI: Space Forces-Indo-Pacific
        USINDOPACOM: U.S. Indo-Pacific Command
        USSPACECOM: U.S. Space Command
    "#]]
    .assert_eq(&(actual.join("\n") + "\n"));
    assert_eq!(
        glossary.lookup("USSPACECOM").map(|e| e.expansion.as_str()),
        Some("U.S. Space Command")
    );
    assert_eq!(glossary.lookup("J3"), None);
    assert_eq!(glossary.lookup("usspacecom"), None);
}

#[test]
fn the_seed_uses() {
    let interview = content::seed().interview;
    let glossary = Glossary::from_interview(&interview);
    let mut counts = vec![0; glossary.entries().len()];
    for text in interview.texts() {
        for (_, index) in glossary.find_uses(text) {
            counts[index] += 1;
        }
    }
    let counts: Vec<(&str, usize)> = glossary
        .entries()
        .iter()
        .map(|entry| entry.abbr.as_str())
        .zip(counts)
        .collect();
    assert_eq!(
        counts,
        [
            ("CONOPS", 1),
            ("CSP", 1),
            ("EW", 3),
            ("ISR", 1),
            ("NSSI", 1),
            ("PNT", 1),
            ("RIMPAC", 2),
            ("SATCOM", 1),
            ("SCIF", 1),
            ("SFI", 6),
            ("USINDOPACOM", 5),
            ("USSPACECOM", 1),
        ]
    );
    assert_eq!(
        glossary.find_uses("aligned to USINDOPACOM’s overall scheme of maneuver"),
        [(11..22, 10)]
    );
}

#[test]
fn parenthesised_definitions() {
    check(
        "the first commander of U.S. Space Forces-Indo-Pacific (SFI), a component",
        "SFI = Space Forces-Indo-Pacific
         the first commander of U.S. Space Forces-Indo-Pacific («SFI»), a component",
    );
    check(
        "exercises like Rim of the Pacific (RIMPAC) and Cobra Gold",
        "RIMPAC = Rim of the Pacific
         exercises like Rim of the Pacific («RIMPAC») and Cobra Gold",
    );
    // The expansion does not reach back across another parenthesis.
    check(
        "director of global space operations (J3) for U.S. Space Command (USSPACECOM).",
        "USSPACECOM = U.S. Space Command
         director of global space operations (J3) for U.S. Space Command («USSPACECOM»).",
    );
    check(
        "Joint Planners Command and Control, Space Electromagnetic Warfare (EW), Intel",
        "EW = Electromagnetic Warfare
         Joint Planners Command and Control, Space Electromagnetic Warfare («EW»), Intel",
    );
    check(
        "the “Global Positioning System” (GPS) and (GPS)",
        "GPS = Global Positioning System
         the “Global Positioning System” («GPS») and («GPS»)",
    );
}

#[test]
fn parenthesised_non_definitions() {
    // J3 has one capital; 2024 and "SJ-21" are no acronyms; the letters of XYZ are not there.
    check(
        "global space operations (J3) in (2024) with (SJ-21) and some words (XYZ)",
        "global space operations (J3) in (2024) with (SJ-21) and some words (XYZ)",
    );
    // A single word, the acronym inside its own expansion, an unclosed "(" (mixed case is fine:
    // "DoD" is defined).
    check(
        "Department of Defense (DoD) and Electromagnetic (EM) and NATO NATO (NATO) and Space (SP",
        "DoD = Department of Defense
         Department of Defense («DoD») and Electromagnetic (EM) and NATO NATO (NATO) and Space (SP",
    );
    // The first letter must start a word: no word of "anti-satellite weapons" starts with "t".
    check("anti-satellite weapons (TS)", "anti-satellite weapons (TS)");
    check("(AB)", "(AB)");
    check("()", "()");
}

#[test]
fn bracketed_definitions() {
    check(
        "our own plans and CONOPS [concepts of operation] aligned to CONOPS",
        "CONOPS = concepts of operation
         our own plans and «CONOPS» [concepts of operation] aligned to «CONOPS»",
    );
    check(
        "integrating — SCIF [sensitive compartmented information facility] access",
        "SCIF = sensitive compartmented information facility
         integrating — «SCIF» [sensitive compartmented information facility] access",
    );
    check(
        "(NSSI[National Security Space Institute])",
        "NSSI = National Security Space Institute
         («NSSI»[National Security Space Institute])",
    );
}

#[test]
fn bracketed_lists() {
    check(
        "space-based ISR, SATCOM and PNT [intelligence, surveillance and reconnaissance; \
         satellite communications; and position, navigation and timing] to enhance",
        "ISR = intelligence, surveillance and reconnaissance
         PNT = position, navigation and timing
         SATCOM = satellite communications
         space-based «ISR», «SATCOM» and «PNT» [intelligence, surveillance and reconnaissance; \
         satellite communications; and position, navigation and timing] to enhance",
    );
    check(
        "AB, CD, and EF [alpha beta; cee dee; and eee eff]",
        "AB = alpha beta
         CD = cee dee
         EF = eee eff
         «AB», «CD», and «EF» [alpha beta; cee dee; and eee eff]",
    );
    check(
        "AB and CD [alpha beta; cee dee]",
        "AB = alpha beta
         CD = cee dee
         «AB» and «CD» [alpha beta; cee dee]",
    );
}

#[test]
fn bracketed_non_definitions() {
    // Counts that do not match, in either direction.
    check(
        "ISR and PNT [intelligence, surveillance and reconnaissance]",
        "ISR and PNT [intelligence, surveillance and reconnaissance]",
    );
    check("AB [alpha beta; cee dee]", "AB [alpha beta; cee dee]");
    check(
        "AB, CD and EF [alpha beta; cee dee]",
        "AB, CD and EF [alpha beta; cee dee]",
    );
    // An aside that does not start like the acronym, or one pair of a list that does not.
    check("the CEO [Jane Doe] said", "the CEO [Jane Doe] said");
    check("AB and CD [alpha beta; dee]", "AB and CD [alpha beta; dee]");
    // No acronym right before the bracket.
    check(
        "some text [sic] and anti-AB [alpha beta] and x.CD [cee dee] and Ab [alpha]",
        "some text [sic] and anti-AB [alpha beta] and x.CD [cee dee] and Ab [alpha]",
    );
    // Empty, nested and unclosed brackets.
    check(
        "AB [] CD [[cee dee]] EF [eee",
        "AB [] CD [[cee dee]] EF [eee",
    );
}

#[test]
fn every_definition_is_kept_the_first_first() {
    check(
        "Alpha Beta (AB) and Another Bee (AB) and AB [alpha bee]",
        "AB = Alpha Beta
         AB = Another Bee
         AB = alpha bee
         Alpha Beta («AB») and Another Bee («AB») and «AB» [alpha bee]",
    );
    check(
        "AB [alpha bee] and Alpha Beta (AB)",
        "AB = alpha bee
         AB = Alpha Beta
         «AB» [alpha bee] and Alpha Beta («AB»)",
    );
}

#[test]
fn whole_word_uses() {
    let definition = "Electromagnetic Warfare (EW).";
    let cases = [
        ("EW", "«EW»"),
        ("EW’s and EW's", "«EW»’s and «EW»'s"),
        ("EWS EW2 xEW ew Ew", "EWS EW2 xEW ew Ew"),
        ("(EW) [EW] EW-EW EW/EW", "(«EW») [«EW»] «EW»-«EW» «EW»/«EW»"),
        ("éEW EWé 日EW EW日", "éEW EWé 日EW EW日"),
        ("—EW— “EW” EW.", "—«EW»— “«EW»” «EW»."),
        ("E W", "E W"),
    ];
    for (text, expected) in cases {
        let text = format!("{definition} {text}");
        check(
            &text,
            &format!("EW = Electromagnetic Warfare\nElectromagnetic Warfare («EW»). {expected}"),
        );
    }
}

#[test]
fn uses_of_any_entry() {
    let glossary = Glossary::from_entries(vec![
        GlossaryEntry {
            abbr: "C-17".to_string(),
            expansion: "a plane".to_string(),
        },
        GlossaryEntry {
            abbr: "C".to_string(),
            expansion: "a letter".to_string(),
        },
        GlossaryEntry {
            abbr: "".to_string(),
            expansion: "nothing".to_string(),
        },
        GlossaryEntry {
            abbr: "U.S.".to_string(),
            expansion: "United States".to_string(),
        },
        GlossaryEntry {
            abbr: "S".to_string(),
            expansion: "another letter".to_string(),
        },
    ]);
    let abbrs: Vec<&str> = glossary.entries().iter().map(|e| e.abbr.as_str()).collect();
    assert_eq!(abbrs, ["", "C", "C-17", "S", "U.S."]);
    let text = "C-17 C-170 U.S. C.S.";
    let uses: Vec<(&str, &str)> = glossary
        .find_uses(text)
        .into_iter()
        .map(|(range, index)| (&text[range], abbrs[index]))
        .collect();
    // The longest use wins where uses overlap ("C-17" over "C"; "U.S." over "U" and "S").
    assert_eq!(
        uses,
        [
            ("C-17", "C-17"),
            ("C", "C"),
            ("U.S.", "U.S."),
            ("C", "C"),
            ("S", "S")
        ]
    );
    assert_eq!(Glossary::default().find_uses(text), []);
}

#[test]
fn finding_uses_in_a_megabyte() {
    // Speed is measured by the benchmark, not asserted here; this checks a large text works.
    let interview = content::seed().interview;
    let glossary = Glossary::from_interview(&interview);
    let text = content::SEED_TEXT.repeat(1_000_000 / content::SEED_TEXT.len() + 1);
    let uses = glossary.find_uses(&text);
    assert!(uses.len() > 2_000);
}

fn assert_valid_uses(glossary: &Glossary, text: &str) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for (range, index) in glossary.find_uses(text) {
        prop_assert!(range.start < range.end && previous_end <= range.start);
        prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        let entry = glossary.entries().get(index);
        prop_assert_eq!(text.get(range.clone()), entry.map(|e| e.abbr.as_str()));
        let before = text[..range.start].chars().next_back();
        let after = text[range.end..].chars().next();
        prop_assert!(!before.is_some_and(char::is_alphanumeric));
        prop_assert!(!after.is_some_and(char::is_alphanumeric));
        previous_end = range.end;
    }
    Ok(())
}

/// Text made mostly of acronyms, brackets and list words, so that every pattern is exercised.
fn glossary_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "AB",
            "CD",
            "EW",
            "EWS",
            "SFI",
            "J3",
            "Alpha",
            "Beta",
            "bee",
            "Space",
            "Forces",
            "Indo-Pacific",
            "U.S.",
            " ",
            " ",
            " ",
            "(",
            ")",
            "[",
            "]",
            ";",
            ", ",
            " and ",
            "and ",
            "’s",
            "-",
            ".",
            "é",
            "日",
            "\u{feff}",
            "\n",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), glossary_like_text()]
}

/// Properties that hold for any input: the test command draws their cases from a fixed seed,
/// the soak (`scripts/soak.sh`) from fresh ones.
mod properties {
    use super::*;

    proptest! {
        #![proptest_config(common::config(512))]

        #[test]
        fn any_text_gives_a_sound_glossary(text in any_text(), other in any_text()) {
            let glossary = Glossary::from_interview(&interview_of(&[&text, &other]));
            for entry in glossary.entries() {
                prop_assert!(!entry.abbr.is_empty() && !entry.expansion.is_empty());
                prop_assert!(text.contains(&entry.expansion) || other.contains(&entry.expansion));
            }
            let abbrs: Vec<&str> = glossary.entries().iter().map(|e| e.abbr.as_str()).collect();
            prop_assert!(abbrs.windows(2).all(|pair| pair[0] < pair[1]));
            assert_valid_uses(&glossary, &text)?;
            assert_valid_uses(&glossary, &other)?;
        }

        #[test]
        fn any_entries_find_valid_uses(
            text in any_text(),
            cuts in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 0..6),
        ) {
            // Acronyms cut from the text itself, so that they are found in it.
            let chars: Vec<char> = text.chars().collect();
            let entries = cuts
                .into_iter()
                .map(|(a, b)| {
                    let (a, b) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
                    let abbr = chars[a.min(b)..a.max(b)].iter().collect();
                    GlossaryEntry { abbr, expansion: String::new() }
                })
                .collect();
            let glossary = Glossary::from_entries(entries);
            assert_valid_uses(&glossary, &text)?;
        }
    }
}

/// Texts built to make a naive extractor quadratic. No time is asserted (the benchmark measures
/// speed); a quadratic regression shows as a test that does not finish.
#[test]
fn pathological_texts_are_handled() {
    let texts = [
        format!("{}AB)", "(".repeat(200_000)),
        format!("{}AB]", "[".repeat(200_000)),
        format!("{}(AB)", "word ".repeat(200_000)),
        format!("{}[alpha beta]", "AB, ".repeat(200_000)),
        "Alpha Beta (AB) ".repeat(50_000),
    ];
    for text in &texts {
        let glossary = Glossary::from_interview(&interview_of(&[text]));
        let uses = glossary.find_uses(text);
        assert!(uses.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    }
}

#[test]
fn acronyms_in_every_common_form() {
    let cases: &[(&str, &str)] = &[
        // Mixed case, digits, "&" and "/".
        (
            "a LoRaWAN [long range wide area network] link, then LoRaWAN again",
            "LoRaWAN = long range wide area network
             a «LoRaWAN» [long range wide area network] link, then «LoRaWAN» again",
        ),
        (
            "files in Network Common Data Form (NetCDF); NetCDF is common",
            "NetCDF = Network Common Data Form
             files in Network Common Data Form («NetCDF»); «NetCDF» is common",
        ),
        (
            "the Joint Staff operations directorate (J3) and J3",
            "J3 = Joint Staff operations directorate
             the Joint Staff operations directorate («J3») and «J3»",
        ),
        (
            "5G (fifth generation) networks and 5G phones",
            "5G = fifth generation
             «5G» (fifth generation) networks and «5G» phones",
        ),
        (
            "command, control, communications, computers, intelligence, surveillance and reconnaissance (C4ISR) and C4ISR",
            "C4ISR = command, control, communications, computers, intelligence, surveillance and reconnaissance
             command, control, communications, computers, intelligence, surveillance and reconnaissance («C4ISR») and «C4ISR»",
        ),
        (
            "research and development (R&D) budgets; more R&D",
            "R&D = research and development
             research and development («R&D») budgets; more «R&D»",
        ),
        (
            "C2/ISR [command and control and intelligence, surveillance and reconnaissance] on C2/ISR",
            "C2/ISR = command and control and intelligence, surveillance and reconnaissance
             «C2/ISR» [command and control and intelligence, surveillance and reconnaissance] on «C2/ISR»",
        ),
        // Plural and possessive uses.
        (
            "a sensitive compartmented information facility (SCIF), two SCIFs, the SCIF's door and SCIF’s",
            "SCIF = sensitive compartmented information facility
             a sensitive compartmented information facility («SCIF»), two «SCIF»s, the «SCIF»'s door and «SCIF»’s",
        ),
        // Defined the other way round: acronym first, in parentheses or after a dash.
        (
            "USINDOPACOM (U.S. Indo-Pacific Command) leads; USINDOPACOM's area",
            "USINDOPACOM = U.S. Indo-Pacific Command
             «USINDOPACOM» (U.S. Indo-Pacific Command) leads; «USINDOPACOM»'s area",
        ),
        (
            "satellites in LEO — low Earth orbit, for now; LEO is crowded",
            "LEO = low Earth orbit
             satellites in «LEO» — low Earth orbit, for now; «LEO» is crowded",
        ),
        (
            "GEO–geostationary orbit is far",
            "GEO = geostationary orbit
             «GEO»–geostationary orbit is far",
        ),
        // Defined twice, differently: both kept (the first one first); the same twice: once.
        (
            "Alpha Beta (AB) and Another Bee (AB) and AB [alpha beta]",
            "AB = Alpha Beta
             AB = Another Bee
             Alpha Beta («AB») and Another Bee («AB») and «AB» [alpha beta]",
        ),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn words_that_are_not_acronyms() {
    for word in [
        "McDonald",
        "Space",
        "Ab",
        "2024",
        "SJ-21",
        "&AB",
        "AB/",
        "iPhone",
        "A",
        "ABCDEFGHIJKLMNOP",
        // At most twice as many lowercase letters as capitals.
        "AbcDefGhij",
    ] {
        assert!(!is_acronym(word), "{word}");
    }
    for word in [
        "DoD",
        "PhD",
        "J3",
        "5G",
        "C4ISR",
        "R&D",
        "C2/ISR",
        "LoRaWAN",
        "NetCDF",
        "USSPACECOM",
        "AbcDefGhi",
    ] {
        assert!(is_acronym(word), "{word}");
    }
    // "ABBR (text)" and "ABBR — text" only when the text spells the acronym.
    check(
        "USA (a country) and LEO — a place",
        "USA (a country) and LEO — a place",
    );
    // The plural "s" is not taken from a word that only starts like an acronym.
    check(
        "Electronic Warfare (EW) and EWs and Ews",
        "EW = Electronic Warfare\nElectronic Warfare («EW») and «EW»s and Ews",
    );
}

#[test]
fn the_long_form_window_reaches_back_a_few_words_only() {
    // A long form may start the text; it may not reach back past its window of words
    // (about the acronym's length plus five), however well the letters fit.
    let cases: &[(&str, &str)] = &[
        (
            "Global Positioning System (GPS) here",
            "GPS = Global Positioning System\nGlobal Positioning System («GPS») here",
        ),
        (
            "Geese parked somewhere along a very long and winding sandy path (GPS)",
            "Geese parked somewhere along a very long and winding sandy path (GPS)",
        ),
        (
            "Green parks, or at least some big tall pines and yellow shrubs (GPS)",
            "Green parks, or at least some big tall pines and yellow shrubs (GPS)",
        ),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn an_acronym_first_definition_needs_a_standalone_acronym_and_a_long_form_that_spells_it() {
    let cases: &[(&str, &str)] = &[
        // "&" and "/" belong to the acronym before the parenthesis or the dash.
        (
            "R&D (research and development) and C2/ISR (command and control, intelligence, surveillance and reconnaissance)",
            "C2/ISR = command and control, intelligence, surveillance and reconnaissance
             R&D = research and development
             «R&D» (research and development) and «C2/ISR» (command and control, intelligence, surveillance and reconnaissance)",
        ),
        // Not standalone: after a letter, a hyphen or a full stop; not an acronym at all.
        ("éAB (alpha beta)", "éAB (alpha beta)"),
        ("anti-AB (alpha beta)", "anti-AB (alpha beta)"),
        ("x.AB (alpha beta) and x.LEO — low Earth orbit", "x.AB (alpha beta) and x.LEO — low Earth orbit"),
        ("Ab (alpha beta)", "Ab (alpha beta)"),
        // Every letter of the acronym must be there, in order.
        ("AZ (alpha beta) and AZ — alpha beta", "AZ (alpha beta) and AZ — alpha beta"),
        // Punctuation around the long form is not part of it.
        (
            "SDA (“Space Development Agency…”) grows",
            "SDA = Space Development Agency
             «SDA» (“Space Development Agency…”) grows",
        ),
        // The long form must be longer than the acronym: "r d" spells R&D but is no longer.
        ("R&D (r d)", "R&D (r d)"),
        ("R&D (r dd)", "R&D = r dd\n«R&D» (r dd)"),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn a_dashed_definition_takes_the_fewest_words_whose_last_holds_the_last_letter() {
    let cases: &[(&str, &str)] = &[
        // "satellite and" spells SAT already, but its last word holds no "t".
        (
            "SAT — satellite and tracking, today",
            "SAT = satellite and tracking
             «SAT» — satellite and tracking, today",
        ),
        // At most the acronym's letters plus three words: five for AB, not six.
        (
            "AB — alpha one two three beta",
            "AB = alpha one two three beta\n«AB» — alpha one two three beta",
        ),
        (
            "AB — alpha one two three four beta",
            "AB — alpha one two three four beta",
        ),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}

#[test]
fn a_long_form_before_the_acronym_stays_within_its_clause_and_window() {
    let cases: &[(&str, &str)] = &[
        // The clause starts after a semicolon: the "G" before it is not part of a long form.
        ("G;Positioning System (GPS)", "G;Positioning System (GPS)"),
        // The window is the letters plus five words, at most twice the letters: six for GPS…
        (
            "Global and so on Positioning System (GPS)",
            "GPS = Global and so on Positioning System
             Global and so on Positioning System («GPS»)",
        ),
        (
            "Global and so on and Positioning System (GPS)",
            "Global and so on and Positioning System (GPS)",
        ),
        // … and eleven for a six-letter acronym.
        (
            "Alpha one two three four five Bravo Charlie Delta Echo Foxtrot (ABCDEF)",
            "ABCDEF = Alpha one two three four five Bravo Charlie Delta Echo Foxtrot
             Alpha one two three four five Bravo Charlie Delta Echo Foxtrot («ABCDEF»)",
        ),
        (
            "Alpha one two three four five six Bravo Charlie Delta Echo Foxtrot (ABCDEF)",
            "Alpha one two three four five six Bravo Charlie Delta Echo Foxtrot (ABCDEF)",
        ),
        // "&", "/" and the digits 0 and 1 stand for no letter: the shortest long form wins.
        (
            "Research & Rapid Development (R&D)",
            "R&D = Rapid Development\nResearch & Rapid Development («R&D»)",
        ),
        (
            "Xtra 1 Xylophone Yard (X1Y)",
            "X1Y = Xylophone Yard\nXtra 1 Xylophone Yard («X1Y»)",
        ),
        // Longer than the acronym, in each pattern.
        ("r d (R&D)", "r d (R&D)"),
        ("AB [ab] and CD [cde]", "CD = cde\nAB [ab] and «CD» [cde]"),
    ];
    for (text, expected) in cases {
        check(text, expected);
    }
}
