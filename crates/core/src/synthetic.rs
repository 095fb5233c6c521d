//! A large interview made from the seed, for benchmarks and scale tests: the seed's questions
//! and bullets repeated with numbered ids and varied wording, deterministic for a given seed.

use crate::model::{Block, Interview, Question, FORMAT_VERSION};

/// A small, fast, deterministic random number generator (xorshift64*); no crate needed for
/// test data.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        // The state must never be zero; mix the seed so that nearby seeds differ quickly.
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        match u64::try_from(bound) {
            Ok(0) | Err(_) => 0,
            Ok(bound) => usize::try_from(self.next() % bound).unwrap_or(0),
        }
    }

    /// True with probability 1 in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Words with accents and other scripts, mixed in now and then so that benchmarks and scale
/// tests exercise folding and non-ASCII text too.
const SPICE: &[&str] = &[
    "intégration",
    "coopération",
    "Zürich",
    "señor",
    "naïve",
    "Kraków",
    "Ørsted",
    "Straße",
    "宇宙",
    "فضاء",
    "🚀",
];

/// Used when the seed offers no question to vary (it always does, but this never panics).
const FALLBACK_QUESTION: &str = "What does space power mean for allies and partners?";
const FALLBACK_ANSWER: &str = "Integration: Allies and partners bring unique capabilities.";

/// An interview of at least `target_bytes` bytes of text (as counted by
/// [`Interview::texts`]), about 1,000 questions for 1 MB. The same arguments always give the
/// same interview; question ids are unique.
pub fn synthetic_interview(target_bytes: usize, seed: u64) -> Interview {
    let base = crate::seed::seed().interview;
    let mut rng = XorShift::new(seed);
    let vocabulary: Vec<&str> = base.texts().flat_map(str::split_whitespace).collect();
    let blocks: Vec<&Block> = base.questions.iter().flat_map(|q| &q.answer).collect();
    let fallback_block = Block::bullet(None, FALLBACK_ANSWER);

    let mut interview = Interview {
        format_version: FORMAT_VERSION,
        title: base.title.clone(),
        source: base.source.clone(),
        intro: base.intro.clone(),
        lang: None,
        questions: Vec::new(),
    };
    let mut size: usize = interview.texts().map(str::len).sum();
    let mut number = 0usize;
    while size < target_bytes {
        number += 1;
        let (model_id, model_text) = match rng.pick(&base.questions) {
            Some(q) => (q.id.as_str(), q.text.as_str()),
            None => ("question", FALLBACK_QUESTION),
        };
        let block_count = 2 + rng.below(5);
        let answer: Vec<Block> = (0..block_count)
            .map(|_| {
                let block = rng.pick(&blocks).copied().unwrap_or(&fallback_block);
                vary_block(block, &vocabulary, &mut rng)
            })
            .collect();
        let question = Question {
            // "q{n}-" makes ids unique whatever the seed's ids look like.
            id: format!("q{number}-{model_id}"),
            text: vary(model_text, &vocabulary, &mut rng),
            asker: None,
            start_ms: None,
            answer,
        };
        let added: usize = question.text.len()
            + question
                .answer
                .iter()
                .map(|b| b.text().len() + b.label().map_or(0, str::len))
                .sum::<usize>();
        // Every question has text, so the loop always ends.
        size = size.saturating_add(added.max(1));
        interview.questions.push(question);
    }
    interview
}

fn vary_block(block: &Block, vocabulary: &[&str], rng: &mut XorShift) -> Block {
    match block {
        // Varied text has other characters, so the styles of the original would not fit it.
        Block::Bullet { label, text, .. } => {
            Block::bullet(label.clone(), vary(text, vocabulary, rng))
        }
        Block::Subheading { text } => Block::Subheading { text: text.clone() },
        Block::Paragraph {
            text,
            speaker,
            start_ms,
            ..
        } => Block::Paragraph {
            text: vary(text, vocabulary, rng),
            speaker: speaker.clone(),
            start_ms: *start_ms,
            styles: Vec::new(),
        },
    }
}

/// The text with some words replaced by other words of the seed (or accented ones) and some
/// neighbours swapped. The last word stays, so a question still ends in "?".
fn vary(text: &str, vocabulary: &[&str], rng: &mut XorShift) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let last = words.pop();
    for i in 0..words.len() {
        if rng.one_in(8) {
            if let (Some(slot), Some(&word)) = (words.get_mut(i), rng.pick(vocabulary)) {
                *slot = word;
            }
        } else if rng.one_in(60) {
            if let (Some(slot), Some(&word)) = (words.get_mut(i), rng.pick(SPICE)) {
                *slot = word;
            }
        } else if rng.one_in(30) && i + 1 < words.len() {
            words.swap(i, i + 1);
        }
    }
    words.extend(last);
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_large_and_valid() {
        let interview = synthetic_interview(200_000, 7);
        assert_eq!(interview, synthetic_interview(200_000, 7));
        assert_ne!(interview, synthetic_interview(200_000, 8));
        let size: usize = interview.texts().map(str::len).sum();
        assert!(size >= 200_000, "{size}");
        assert!(
            interview.questions.len() > 100,
            "{}",
            interview.questions.len()
        );
        assert_eq!(Interview::from_json(&interview.to_json()), Ok(interview));
    }

    #[test]
    fn zero_target_gives_no_questions() {
        assert!(synthetic_interview(0, 0).questions.is_empty());
    }
}
