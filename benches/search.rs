//! `cargo bench --bench search`: times building the search index of a 1 MB synthetic interview
//! and a fixed set of realistic queries over it, and prints the figures (no assertions: timings
//! depend on the machine).

use interview_viewer::core::glossary::Glossary;
use interview_viewer::core::search::SearchIndex;
use interview_viewer::core::synthetic::synthetic_interview;
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 1_000_000;
const SEED: u64 = 42;
/// Each query runs at least this many times, and for at least `MIN_TIME_PER_QUERY`.
const MIN_RUNS: usize = 50;
const MIN_TIME_PER_QUERY: Duration = Duration::from_millis(300);

/// (what the query exercises, the query)
const QUERIES: &[(&str, &str)] = &[
    ("single word", "space"),
    ("prefix", "integr"),
    ("two words", "allies partners"),
    ("quoted phrase", "\"kill web\""),
    ("hyphenated word", "Indo-Pacific"),
    ("acronym", "ISR"),
    ("expansion", "satellite communications"),
    ("apostrophe", "China's"),
    ("accented", "intégration"),
    ("no match", "zeppelin"),
    ("one letter", "a"),
    (
        "long query",
        "space power integration joint operations multinational exercises allies partners",
    ),
];

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let last = sorted.len() - 1;
    // Rounded index into a non-empty slice; `min` keeps it in range.
    let index = ((last as f64) * fraction).round() as usize;
    sorted[index.min(last)]
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

fn main() {
    let started = Instant::now();
    let interview = synthetic_interview(TARGET_BYTES, SEED);
    let generate_time = started.elapsed();
    let text_bytes: usize = interview.texts().map(str::len).sum();

    let started = Instant::now();
    let glossary = Glossary::from_interview(&interview);
    let glossary_time = started.elapsed();

    let started = Instant::now();
    let index = SearchIndex::new(&interview, &glossary);
    let build_time = started.elapsed();

    println!(
        "synthetic interview: {text_bytes} bytes of text, {} questions (generated in {:.1} ms)",
        interview.questions.len(),
        generate_time.as_secs_f64() * 1e3
    );
    println!(
        "glossary: {} acronyms (extracted in {:.1} ms)",
        glossary.entries().len(),
        glossary_time.as_secs_f64() * 1e3
    );
    println!("index built in {:.1} ms", build_time.as_secs_f64() * 1e3);
    println!();
    println!(
        "{:<16} {:<40} {:>8} {:>9} {:>6} {:>10} {:>10}",
        "kind", "query", "matches", "questions", "runs", "median µs", "p90 µs"
    );

    let mut medians = Vec::new();
    for &(kind, query) in QUERIES {
        let results = index.search(query);
        let mut runs = Vec::new();
        let started = Instant::now();
        while runs.len() < MIN_RUNS || started.elapsed() < MIN_TIME_PER_QUERY {
            let run = Instant::now();
            black_box(index.search(black_box(query)));
            runs.push(run.elapsed());
        }
        runs.sort_unstable();
        let median = percentile(&runs, 0.5);
        println!(
            "{:<16} {:<40} {:>8} {:>9} {:>6} {:>10.1} {:>10.1}",
            kind,
            shown(query, 40),
            results.matches.len(),
            results.matching_questions.len(),
            runs.len(),
            micros(median),
            micros(percentile(&runs, 0.9))
        );
        medians.push(median);
    }
    medians.sort_unstable();
    let mean = medians.iter().sum::<Duration>() / u32::try_from(medians.len().max(1)).unwrap_or(1);
    println!();
    println!(
        "over the {} queries: median of the medians {:.1} µs, mean of the medians {:.1} µs, slowest median {:.1} µs",
        medians.len(),
        micros(percentile(&medians, 0.5)),
        micros(mean),
        micros(medians.last().copied().unwrap_or_default())
    );
}

/// The query as shown in the table: cut to `width` characters.
fn shown(query: &str, width: usize) -> String {
    if query.chars().count() <= width {
        return query.to_string();
    }
    let mut cut: String = query.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
