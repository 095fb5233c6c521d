//! `prerender`: writes the standalone page's viewer, rendered with Yew's server-side renderer, to
//! standard output. `scripts/post-build.mjs` puts it into `dist/index.html`, so the whole interview
//! is in the HTML before (or without) the wasm; the browser then hydrates it.
//!
//! Usage: `cargo run --features ssr --bin prerender > fragment.html`
//!
//! `prerender --theme-storage-key` prints the storage key of the reader's theme instead: the boot
//! script (static/boot.template.js) applies a stored theme before the wasm runs, and takes the key
//! from here so that it has one definition (`ui::theme::STORAGE_KEY`).
//!
//! `prerender --embed-snippet BASE` prints the embed snippet of the embedded interview
//! (`snippet`), loading its script and stylesheet from BASE (`dist/embed-snippet.html`).
//!
//! `prerender --oembed BASE` prints the oEmbed response of the embedded interview published at
//! BASE (`core::share::oembed_json`): post-build writes it to `dist/oembed.json` when
//! `IV_PUBLIC_URL` gives an absolute address.
//!
//! `prerender --catalogues` prints the message catalogues the wasm leaves out, one JSON line
//! each (`core::messages::catalogues::catalogue_json`): post-build writes each to
//! `dist/messages-<lang>-<hash>.json`.

use interview_viewer::core::messages::catalogues::{self, catalogue_json};
use interview_viewer::core::seed::{SEED_SOURCE, SEED_TITLE};
use interview_viewer::core::share::oembed_json;
use interview_viewer::snippet::embed_snippet;
use interview_viewer::ui::app::App;
use interview_viewer::ui::theme::STORAGE_KEY;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--theme-storage-key"] => println!("{STORAGE_KEY}"),
        ["--embed-snippet", base] => print!("{}", embed_snippet(None, base)),
        ["--oembed", base] => println!("{}", oembed_json(base, SEED_TITLE, SEED_SOURCE)),
        ["--catalogues"] => {
            for catalogue in catalogues::ALL.iter().filter(|c| c.lang != "en") {
                println!("{}", catalogue_json(catalogue));
            }
        }
        [] => {
            let html = futures::executor::block_on(yew::ServerRenderer::<App>::new().render());
            println!("{html}");
        }
        _ => {
            eprintln!(
                "usage: prerender [--theme-storage-key | --embed-snippet BASE | --oembed BASE | --catalogues]"
            );
            std::process::exit(2);
        }
    }
}
