//! Question ids: a URL-friendly slug of each question, made unique within its interview.

use crate::text::fold_latin;
use std::collections::{HashMap, HashSet};

/// Slugs are cut to this many bytes (all ASCII) so that URLs stay readable.
const MAX_SLUG_LEN: usize = 60;

/// Makes a URL-friendly id from a question: lowercase ASCII words joined by "-", at most 60
/// bytes, cut at a word boundary where possible; "question" when nothing is left.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '’' | 'ʼ') || is_combining_mark(c) {
            // "China’s" → "chinas"; a decomposed accent folds into its letter.
            continue;
        }
        let mut utf8 = [0; 4];
        let letters: &str = if c.is_ascii_alphanumeric() {
            c.encode_utf8(&mut utf8)
        } else if let Some(folded) = fold_latin(c) {
            folded
        } else {
            pending_dash = true;
            continue;
        };
        if pending_dash && !slug.is_empty() {
            slug.push('-');
        }
        pending_dash = false;
        slug.push_str(letters);
    }
    if slug.len() > MAX_SLUG_LEN {
        let cut_at_word_end = slug.as_bytes().get(MAX_SLUG_LEN) == Some(&b'-');
        let end = if cut_at_word_end {
            MAX_SLUG_LEN
        } else {
            // The slug is ASCII, so every byte offset is a char boundary; it never starts with
            // a dash, so a dash found is after a word.
            slug.get(..MAX_SLUG_LEN)
                .and_then(|head| head.rfind('-'))
                .unwrap_or(MAX_SLUG_LEN)
        };
        slug.truncate(end);
        let trimmed_len = slug.trim_end_matches('-').len();
        slug.truncate(trimmed_len);
    }
    if slug.is_empty() {
        slug.push_str("question");
    }
    slug
}

/// Makes ids unique within one interview by appending "-2", "-3", … to repeated slugs.
#[derive(Default)]
pub(crate) struct IdAllocator {
    used: HashSet<String>,
    /// The next suffix to try for each repeated slug, so that many equal questions stay linear.
    next_suffix: HashMap<String, usize>,
}

impl IdAllocator {
    pub(crate) fn allocate(&mut self, slug: String) -> String {
        if self.used.insert(slug.clone()) {
            return slug;
        }
        let mut n = self.next_suffix.get(&slug).copied().unwrap_or(2);
        let mut id = format!("{slug}-{n}");
        while self.used.contains(&id) {
            n += 1;
            id = format!("{slug}-{n}");
        }
        self.next_suffix.insert(slug, n + 1);
        self.used.insert(id.clone());
        id
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_to_ascii() {
        assert_eq!(slugify("Ünïcödé Straße Œuvre"), "unicode-strasse-oeuvre");
    }
}
