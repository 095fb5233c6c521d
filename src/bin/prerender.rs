//! `prerender`: writes the standalone page's viewer, rendered with Yew's server-side renderer, to
//! standard output. `scripts/post-build.mjs` puts it into `dist/index.html`, so the whole interview
//! is in the HTML before (or without) the wasm; the browser then hydrates it.
//!
//! Usage: `cargo run --features ssr --bin prerender > fragment.html`

use interview_viewer::ui::app::App;

fn main() {
    let html = futures::executor::block_on(yew::ServerRenderer::<App>::new().render());
    println!("{html}");
}
