//! What the property tests of every native test file share: a configuration that draws the same
//! cases on every run of the test command, and fresh ones in the soak (`scripts/soak.sh`).
//!
//! The test command must give the same answer every time, so its property tests start from
//! [`FIXED_SEED`]. The soak sets `IV_SOAK_SEED` (a new random seed each round) and
//! `IV_SOAK_CASES` (how many cases each property draws); a failure it finds prints its seed, is
//! shrunk and saved by proptest to `crates/core/tests/<file>.proptest-regressions`, and is then pinned as a
//! named example test.

#![allow(dead_code)] // Each test file uses what it needs.

use proptest::test_runner::{Config, RngSeed};

/// The seed of the test command's property tests. Any number would do; this one is written down
/// so that a failure in CI is a failure on every machine.
pub const FIXED_SEED: u64 = 0x1e57_5eed_2026;

/// `cases` cases from the fixed seed; in the soak, the soak's seed and case count.
pub fn config(cases: u32) -> Config {
    let env_number = |name: &str| std::env::var(name).ok()?.trim().parse::<u64>().ok();
    let soak_seed = env_number("IV_SOAK_SEED");
    let cases = match (soak_seed, env_number("IV_SOAK_CASES")) {
        (Some(_), Some(soak_cases)) => u32::try_from(soak_cases).unwrap_or(u32::MAX),
        _ => cases,
    };
    Config {
        cases,
        rng_seed: RngSeed::Fixed(soak_seed.unwrap_or(FIXED_SEED)),
        ..Config::default()
    }
}
