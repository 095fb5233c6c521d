//! Writes an interview in the viewer's JSON format, for benchmarks (`bash scripts/bench.sh`).
//!
//! ```text
//! cargo run --release --example synthetic_json -- OUT.json [BYTES] [--seed N]
//! cargo run --release --example synthetic_json -- OUT.json seed
//! cargo run --release --example synthetic_json -- OUT.json --questions N [--seed N]
//! ```
//!
//! With `--questions N`, it writes the first N questions of a synthetic interview, each with the
//! first block of its answer only (about 300 bytes a question), so that 5,000 questions stay
//! under the viewer's 5 MB limit: the search benchmark's size series (bench/search-sizes.mjs).
//!
//! With a number (default 1,000,000), it writes `synthetic_interview(BYTES, N)` (N defaults to 42,
//! the seed `cargo bench --bench search` uses), the deterministic large interview. With `seed`, it
//! writes the embedded interview itself, which the benchmark turns into a static HTML page.
//! It prints one line: the file, its size, the interview's text size and question count.

use std::process::ExitCode;

use interview_viewer::core::seed as content;
use interview_viewer::core::synthetic::synthetic_interview;

const USAGE: &str = "usage: synthetic_json OUT.json [BYTES | seed | --questions N] [--seed N]";
const DEFAULT_BYTES: usize = 1_000_000;
const DEFAULT_SEED: u64 = 42;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = None;
    let mut size = None;
    let mut seed = DEFAULT_SEED;
    let mut questions: Option<usize> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--questions" => {
                i += 1;
                match args.get(i).and_then(|s| s.parse().ok()) {
                    Some(n) => questions = Some(n),
                    None => return usage_error("--questions needs a whole number"),
                }
            }
            "--seed" => {
                i += 1;
                match args.get(i).and_then(|s| s.parse().ok()) {
                    Some(n) => seed = n,
                    None => return usage_error("--seed needs a whole number"),
                }
            }
            arg if out.is_none() => out = Some(arg.to_string()),
            arg if size.is_none() => size = Some(arg.to_string()),
            arg => return usage_error(&format!("unexpected argument {arg:?}")),
        }
        i += 1;
    }
    let Some(out) = out else {
        return usage_error("missing OUT.json");
    };

    let interview = match size.as_deref() {
        Some("seed") => content::seed().interview,
        None => synthetic_interview(DEFAULT_BYTES, seed),
        Some(bytes) => match bytes.replace('_', "").parse::<usize>() {
            Ok(bytes) => synthetic_interview(bytes, seed),
            Err(_) => return usage_error(&format!("BYTES must be a whole number, not {bytes:?}")),
        },
    };
    let interview = match questions {
        Some(n) => first_questions(n, seed),
        None => interview,
    };
    let json = interview.to_json();
    if let Err(error) = std::fs::write(&out, &json) {
        eprintln!("synthetic_json: cannot write {out}: {error}");
        return ExitCode::FAILURE;
    }
    let text_bytes: usize = interview.texts().map(str::len).sum();
    println!(
        "{out}: {} bytes of JSON, {text_bytes} bytes of text, {} questions",
        json.len(),
        interview.questions.len()
    );
    ExitCode::SUCCESS
}

/// The first `n` questions of a synthetic interview, each answer cut to its first block.
fn first_questions(n: usize, seed: u64) -> interview_viewer::core::model::Interview {
    let mut bytes = n.saturating_mul(1_200).max(10_000);
    let mut interview = synthetic_interview(bytes, seed);
    while interview.questions.len() < n {
        bytes = bytes.saturating_mul(2);
        interview = synthetic_interview(bytes, seed);
    }
    interview.questions.truncate(n);
    for question in &mut interview.questions {
        question.answer.truncate(1);
    }
    interview
}

fn usage_error(why: &str) -> ExitCode {
    eprintln!("synthetic_json: {why}\n{USAGE}");
    ExitCode::from(2)
}
