//! The interview embedded in the viewer by default: Apogee's interview with Maj. Gen. Anthony J.
//! Mastalir, kept in `data/` exactly as the user gave it and imported at start-up.

use crate::import::{import_text, ImportOptions, Imported, TextFormat};

/// The seed text, byte for byte as given.
pub const SEED_TEXT: &str = include_str!("../../../data/mastalir-interview.txt");

/// The title shown for the seed, which has no title line of its own.
pub const SEED_TITLE: &str =
    "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific";

/// Where the seed interview was published.
pub const SEED_SOURCE: &str = "Apogee";

/// The embedded interview, imported from [`SEED_TEXT`].
pub fn seed() -> Imported {
    import_text(
        SEED_TEXT,
        &ImportOptions {
            title: Some(SEED_TITLE.to_string()),
            source: Some(SEED_SOURCE.to_string()),
            format: Some(TextFormat::Plain),
            hints: Vec::new(),
        },
    )
}
