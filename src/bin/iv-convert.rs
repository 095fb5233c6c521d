//! `iv-convert`: converts an interview in any text format the viewer reads (the seed's plain
//! format, "Q:"/"A:", a speaker-labelled transcript, WebVTT, SRT; detected, and said on stderr,
//! unless `--format` names it) to the viewer's JSON, or,
//! with `--snippet`, to an embed snippet (`snippet`): the HTML a publisher pastes into a page,
//! the interview prerendered in it and its JSON inline.
//! Problems go to stderr with their line numbers; the exit code is 0 when the text fit the
//! format, 1 when some lines were kept as paragraphs, 2 when nothing could be converted.
//!
//! Usage: `cargo run --features ssr --bin iv-convert -- INPUT [--format F] [--title T]
//! [--source S] [--snippet [--base URL]] [-o OUTPUT]` (INPUT `-` reads standard input; without `-o` the
//! output goes to standard output; `--base` is where dist/ is published, default `./`).

use std::io::{Read, Write};
use std::process::ExitCode;

use interview_viewer::core::import::{detect, import_text, ImportOptions, TextFormat};
use interview_viewer::core::text::strip_bom;
use interview_viewer::snippet::embed_snippet;

const USAGE: &str = "usage: iv-convert INPUT [--format plain|qa|transcript|webvtt|srt|markdown] [--title TITLE] [--source SOURCE] [--lang TAG] [--snippet [--base URL]] [-o OUTPUT]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut input, mut output) = (None, None);
    let mut options = ImportOptions::default();
    let (mut snippet, mut base, mut lang) = (false, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--title" => options.title = args.next(),
            "--source" => options.source = args.next(),
            "-o" | "--output" => output = args.next(),
            "--snippet" => snippet = true,
            "--format" => match args.next().as_deref().and_then(TextFormat::from_name) {
                Some(format) => options.format = Some(format),
                None => {
                    eprintln!("iv-convert: --format takes one of plain, qa, transcript, webvtt, srt, markdown\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--base" => base = args.next(),
            // The interview's language (a BCP 47 tag): its direction and the reader's words.
            "--lang" => lang = args.next().filter(|l| !l.trim().is_empty()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if input.is_none() => input = Some(arg),
            _ => {
                eprintln!("iv-convert: unexpected argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(input) = input else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let mut bytes = Vec::new();
    let read = if input == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(&input).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    if let Err(error) = read {
        eprintln!("iv-convert: cannot read {input}: {error}");
        return ExitCode::from(2);
    }
    let text = String::from_utf8_lossy(&bytes);
    if input != "-" {
        options.hints.push(input.clone());
    }
    match options.format {
        Some(format) => eprintln!(
            "iv-convert: reading {input} as {} (--format)",
            format.name()
        ),
        None => {
            let hints: Vec<&str> = options.hints.iter().map(String::as_str).collect();
            let found = detect(strip_bom(&text), &hints);
            eprintln!(
                "iv-convert: reading {input} as {}: {}",
                found.format.name(),
                found.because
            );
        }
    }
    let mut imported = import_text(&text, &options);
    imported.interview.lang = lang;
    for problem in &imported.problems {
        eprintln!("{input}:{problem}");
    }
    if imported.interview.questions.is_empty() {
        eprintln!(
            "iv-convert: {input} has no questions (read as {}; --format chooses another)",
            imported.format.name()
        );
        return ExitCode::from(2);
    }
    if base.is_some() && !snippet {
        eprintln!("iv-convert: --base only applies with --snippet\n{USAGE}");
        return ExitCode::from(2);
    }
    let json = imported.interview.to_json() + "\n";
    let text = if snippet {
        embed_snippet(Some(&json), base.as_deref().unwrap_or("./"))
    } else {
        json
    };
    let written = match &output {
        Some(path) => std::fs::write(path, text),
        None => std::io::stdout().write_all(text.as_bytes()),
    };
    if let Err(error) = written {
        eprintln!("iv-convert: cannot write: {error}");
        return ExitCode::from(2);
    }
    eprintln!(
        "iv-convert: {} questions, {} problem(s)",
        imported.interview.questions.len(),
        imported.problems.len()
    );
    if imported.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
