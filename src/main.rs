//! The Trunk binary: mounts the standalone viewer into the page's `#interview-viewer-app`
//! element, and carries the embedding exports (`embed`) that the custom element calls.

#[cfg(target_arch = "wasm32")]
fn main() {
    use interview_viewer::ui::app::App;
    // Keep the embedding exports in this binary's wasm.
    let _ = interview_viewer::embed::mount_viewer;
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("interview-viewer-app"));
    // On a host page (the custom element loads this same module) there is no such element and
    // nothing is mounted here: the element mounts its own viewers through `embed`.
    if let Some(root) = root {
        yew::Renderer::<App>::with_root(root).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The viewer runs in a browser: build it with `trunk build --release` (see README.md)."
    );
}
