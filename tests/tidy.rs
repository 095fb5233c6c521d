//! Tidiness the compiler does not check: every Rust file of the project opens with a `//!`
//! comment saying what it is for, and no source file (tests aside) grows past 400 lines.
// Native only: it reads the source tree.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Longer source files are split along their seams (tests may be longer: they are lists).
const MAX_SOURCE_LINES: usize = 400;

/// Every `.rs` file under the project's own folders.
fn rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = ["src", "tests", "benches", "examples", "crates"]
        .iter()
        .map(|dir| Path::new(ROOT).join(dir))
        .collect();
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn is_test_file(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == "tests")
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let files = rust_files();
    assert!(files.len() > 40, "found only {} files", files.len());
    let undocumented: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| {
            path.strip_prefix(ROOT)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        undocumented.is_empty(),
        "no //! doc at the top of: {undocumented:#?}"
    );
}

#[test]
fn no_source_file_is_longer_than_400_lines() {
    let long: Vec<String> = rust_files()
        .iter()
        .filter(|path| !is_test_file(path))
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).ok()?.lines().count();
            (lines > MAX_SOURCE_LINES).then(|| {
                let name = path.strip_prefix(ROOT).unwrap_or(path).display();
                format!("{name}: {lines} lines")
            })
        })
        .collect();
    assert!(long.is_empty(), "split these along their seams: {long:#?}");
}
