//! Reading a query: terms and "quoted phrases", and for each term its alternatives (an acronym
//! stands for its expansion and the other way round, through the glossary).

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

/// How many of `tokens` spell out `expansion` exactly, if they do and none is quoted.
fn expansion_run_len(tokens: &[Token], expansion: &str) -> Option<usize> {
    let mut rest = expansion;
    for (count, token) in tokens.iter().enumerate() {
        if token.quoted {
            return None;
        }
        rest = rest.strip_prefix(token.text.as_str())?;
        if rest.is_empty() {
            return Some(count + 1);
        }
        rest = rest.strip_prefix(' ')?;
    }
    None
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

/// The number of tokens of the longest glossary expansion spelled out by the unquoted tokens
/// starting at `tokens[at]`.
fn longest_expansion_at(acronyms: &[Acronym], tokens: &[Token], at: usize) -> Option<usize> {
    let rest = tokens.get(at..)?;
    acronyms
        .iter()
        .filter_map(|acronym| {
            let count = expansion_run_len(rest, &acronym.expansion)?;
            Some((acronym.expansion.len(), count))
        })
        .max()
        .map(|(_, count)| count)
}

/// A term for normalised `text`, with the acronyms it expands and the expansions it
/// abbreviates as whole-word alternatives.
fn term_for(acronyms: &[Acronym], text: String) -> Term {
    let mut alternatives = Vec::new();
    for acronym in acronyms {
        if acronym.expansion == text {
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
