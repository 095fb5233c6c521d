//! Reading a query: terms and "quoted phrases", and for each term its alternatives (an acronym
//! stands for its expansion and the other way round, through the glossary).
//!
//! Readers type the distinctive part of a name, so unquoted words also find an acronym when they
//! name it in part ([`names`]): leading qualifiers ("U.S.", "the", "a", "an", a single letter)
//! are optional on both sides; then the words must be the whole rest of the expansion, or a run
//! of at least two of its words that ends it ("Space Command" → USSPACECOM, "Indo-Pacific
//! Command" → USINDOPACOM), or one word of six letters or more ("reconnaissance" → ISR); and a
//! part of an expansion (anything short of all its significant words) must appear in no other
//! expansion. So "Indo-Pacific" names nothing in an interview where it is part of two names, and
//! a run in the middle ("Indo-Pacific" of "U.S. Indo-Pacific Command") never does.

use std::collections::HashSet;

use super::normalize::normalize;

/// One way a term can occur: a normalised string found at a word start.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Alternative {
    /// Normalised, never empty.
    pub text: String,
    /// Must end at a word end (acronyms and expansions); otherwise the text is a prefix
    /// ("integr" finds "integration").
    pub whole_word: bool,
}

/// One term of a query: a unit matches when every term occurs in it by at least one alternative.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    /// The term itself first, then its acronyms or expansions.
    pub alternatives: Vec<Alternative>,
}

/// A glossary entry in normalised form.
#[derive(Clone, Debug)]
pub(super) struct Acronym {
    pub(super) abbr: String,
    pub(super) expansion: String,
}

/// A piece of the query, normalised: one unquoted word or one quoted phrase. An unquoted word
/// is whatever lies between white space, so "Indo-Pacific" or "SJ-21" is one token of two
/// normalised words, and must be found as written, not as two independent words.
struct Token {
    text: String,
    quoted: bool,
}

/// Straight and curly double quotes, and guillemets, open and close phrases in a query.
fn is_query_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// Splits a query into words and quoted phrases; an unclosed quote runs to the end.
fn tokenize(query: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (index, segment) in query.split(is_query_quote).enumerate() {
        // Segments alternate outside and inside quotes, starting outside.
        let quoted = index % 2 == 1;
        let pieces: Vec<&str> = if quoted {
            vec![segment]
        } else {
            segment.split_whitespace().collect()
        };
        for piece in pieces {
            let text = normalize(piece).text;
            if !text.is_empty() {
                tokens.push(Token { text, quoted });
            }
        }
    }
    tokens
}

/// Whether `word` may lead a name without changing what it names: "the", "a", "an", "US" and
/// single letters (the "u" and "s" of "U.S.").
fn is_qualifier(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "us") || word.chars().count() == 1
}

/// `text` (normalised: words separated by single spaces) without its leading qualifiers; its
/// last word always stays.
fn significant(text: &str) -> &str {
    let mut rest = text;
    while let Some((word, after)) = rest.split_once(' ') {
        if !is_qualifier(word) {
            break;
        }
        rest = after;
    }
    rest
}

/// A single word names an acronym only from this length: shorter words ("plan", "space",
/// "force") are too common in interviews to pull in every use of an acronym.
const MIN_DISTINCTIVE_CHARS: usize = 6;

/// Whether the normalised words `run` name `acronym` (see the module docs), given every
/// acronym of the glossary to judge how distinctive a single word is.
pub(super) fn names(run: &str, acronym: &Acronym, acronyms: &[Acronym]) -> bool {
    let (run, long) = (significant(run), significant(&acronym.expansion));
    if run.is_empty() || long.is_empty() {
        return false;
    }
    if run == long {
        return true;
    }
    // At least two words ending the expansion at a word start, or one distinctive-length word
    // of it; checked first, as they are cheap and rarely true.
    let is_part = if run.contains(' ') {
        long.strip_suffix(run)
            .is_some_and(|head| head.ends_with(' '))
    } else {
        run.chars().count() >= MIN_DISTINCTIVE_CHARS && has_words(long, run)
    };
    // Part of an expansion names it only when no other expansion has that part.
    is_part
        && acronyms
            .iter()
            .filter(|other| has_words(&other.expansion, run))
            .all(|other| other.abbr == acronym.abbr)
}

/// Whether normalised `text` holds the whole words `words` (" words " inside " text ").
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text
            .get(..at)
            .is_none_or(|b| b.is_empty() || b.ends_with(' '));
        let after = text
            .get(at + words.len()..)
            .is_none_or(|a| a.is_empty() || a.starts_with(' '));
        before && after
    })
}

/// The query as terms, each with its alternatives through the glossary's `acronyms`.
pub(super) fn parse_query(query: &str, acronyms: &[Acronym]) -> Vec<Term> {
    let tokens = tokenize(query);
    let mut terms = Vec::new();
    let mut seen = HashSet::new();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let (text, consumed) = if token.quoted {
            (token.text.clone(), 1)
        } else {
            match longest_expansion_at(acronyms, &tokens, i) {
                Some(count) => {
                    let run = tokens.get(i..i + count).unwrap_or(&[]);
                    let texts: Vec<&str> = run.iter().map(|t| t.text.as_str()).collect();
                    (texts.join(" "), count)
                }
                None => (token.text.clone(), 1),
            }
        };
        i += consumed.max(1);
        // A repeated term adds nothing but work.
        if seen.insert(text.clone()) {
            terms.push(term_for(acronyms, text));
        }
    }
    terms
}

/// The number of unquoted tokens, starting at `tokens[at]`, of the longest run that names a
/// glossary acronym ([`names`]).
fn longest_expansion_at(acronyms: &[Acronym], tokens: &[Token], at: usize) -> Option<usize> {
    let rest = tokens.get(at..)?;
    // No run longer than the longest expansion can name one: a long query stays linear.
    let longest = acronyms
        .iter()
        .map(|a| a.expansion.split(' ').count())
        .max()
        .unwrap_or(0);
    let unquoted = rest.iter().take_while(|t| !t.quoted).take(longest).count();
    (1..=unquoted).rev().find(|&count| {
        let run: Vec<&str> = rest.iter().take(count).map(|t| t.text.as_str()).collect();
        let run = run.join(" ");
        acronyms
            .iter()
            .any(|acronym| names(&run, acronym, acronyms))
    })
}

/// A term for normalised `text`, with the acronyms it names (in whole or in part) and the
/// expansions it abbreviates as whole-word alternatives.
fn term_for(acronyms: &[Acronym], text: String) -> Term {
    let mut alternatives = Vec::new();
    let mut names_one = false;
    for acronym in acronyms {
        if names(&text, acronym, acronyms) {
            names_one = true;
            alternatives.push(Alternative {
                text: acronym.abbr.clone(),
                whole_word: true,
            });
        }
        if acronym.abbr == text {
            alternatives.push(Alternative {
                text: acronym.expansion.clone(),
                whole_word: true,
            });
        }
    }
    // Qualifiers are optional both ways: "the Space Command" also finds "U.S. Space Command",
    // where "Space Command" is highlighted.
    let core = significant(&text);
    if names_one && core != text {
        alternatives.push(Alternative {
            text: core.to_string(),
            whole_word: false,
        });
    }
    alternatives.sort();
    alternatives.dedup();
    // An acronym that is its own expansion is already covered by the prefix match.
    alternatives.retain(|alternative| alternative.text != text);
    alternatives.insert(
        0,
        Alternative {
            text,
            whole_word: false,
        },
    );
    Term { alternatives }
}
