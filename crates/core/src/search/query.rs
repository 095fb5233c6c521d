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

use std::collections::{HashMap, HashSet};

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

/// The glossary in normalised form, indexed by the words of the expansions and by the acronyms:
/// a query's words are compared only with the entries that have them. (Compared with every
/// expansion one by one, parsing a one-word query against the synthetic interview's hundred
/// acronyms took 30–60 µs, against 1 µs for the search itself when nothing matches; measured.)
#[derive(Clone, Debug, Default)]
pub(super) struct Acronyms {
    list: Vec<Acronym>,
    by_word: HashMap<String, Vec<usize>>,
    by_abbr: HashMap<String, Vec<usize>>,
    /// The most words of any expansion: no longer run of the query can name one.
    longest: usize,
}

impl Acronyms {
    pub(super) fn push(&mut self, abbr: String, expansion: String) {
        let at = self.list.len();
        let mut words = 0;
        for word in expansion.split(' ') {
            words += 1;
            let entries = self.by_word.entry(word.to_string()).or_default();
            if entries.last() != Some(&at) {
                entries.push(at);
            }
        }
        self.longest = self.longest.max(words);
        self.by_abbr.entry(abbr.clone()).or_default().push(at);
        self.list.push(Acronym { abbr, expansion });
    }

    fn entries<'a>(&'a self, found: Option<&'a Vec<usize>>) -> impl Iterator<Item = &'a Acronym> {
        found
            .into_iter()
            .flatten()
            .filter_map(|&at| self.list.get(at))
    }

    /// The entries whose expansion has `word` among its words.
    fn with_word<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a Acronym> {
        self.entries(self.by_word.get(word))
    }

    /// The entries whose acronym is `abbr`.
    fn with_abbr<'a>(&'a self, abbr: &str) -> impl Iterator<Item = &'a Acronym> {
        self.entries(self.by_abbr.get(abbr))
    }
}

/// The last word of normalised `text` (words are separated by single spaces).
fn last_word(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or(text)
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
pub(super) fn names(run: &str, acronym: &Acronym, acronyms: &Acronyms) -> bool {
    // (Neither is empty: a query's terms and the index's expansions never are.)
    let (run, long) = (significant(run), significant(&acronym.expansion));
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
            .with_word(last_word(run))
            .filter(|other| has_words(&other.expansion, run))
            .all(|other| other.abbr == acronym.abbr)
}

/// Whether normalised `text` holds the whole words `words` (" words " inside " text "). Compared
/// at each word start rather than with a substring search, whose set-up per call made parsing a
/// query against a hundred expansions cost 30 µs (measured).
fn has_words(text: &str, words: &str) -> bool {
    let word_starts = std::iter::once(0).chain(text.match_indices(' ').map(|(at, _)| at + 1));
    word_starts
        .filter_map(|at| text.get(at..)?.strip_prefix(words))
        .any(|after| after.is_empty() || after.starts_with(' '))
}

/// The query as terms, each with its alternatives through the glossary's `acronyms`.
pub(super) fn parse_query(query: &str, acronyms: &Acronyms) -> Vec<Term> {
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
fn longest_expansion_at(acronyms: &Acronyms, tokens: &[Token], at: usize) -> Option<usize> {
    let rest = tokens.get(at..)?;
    // No run longer than the longest expansion can name one: a long query stays linear.
    let unquoted = rest
        .iter()
        .take_while(|t| !t.quoted)
        .take(acronyms.longest)
        .count();
    (1..=unquoted).rev().find(|&count| {
        let run: Vec<&str> = rest.iter().take(count).map(|t| t.text.as_str()).collect();
        let run = run.join(" ");
        acronyms
            .with_word(last_word(&run))
            .any(|acronym| names(&run, acronym, acronyms))
    })
}

/// A term for normalised `text`, with the acronyms it names (in whole or in part) and the
/// expansions it abbreviates as whole-word alternatives.
fn term_for(acronyms: &Acronyms, text: String) -> Term {
    let mut alternatives = Vec::new();
    let mut names_one = false;
    for acronym in acronyms.with_word(last_word(&text)) {
        if names(&text, acronym, acronyms) {
            names_one = true;
            alternatives.push(Alternative {
                text: acronym.abbr.clone(),
                whole_word: true,
            });
        }
    }
    for acronym in acronyms.with_abbr(&text) {
        alternatives.push(Alternative {
            text: acronym.expansion.clone(),
            whole_word: true,
        });
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
