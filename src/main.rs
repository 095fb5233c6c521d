//! The Trunk binary: starts the standalone viewer in the page's `#interview-viewer-app` element
//! (hydrating the prerendered HTML when it is there), and carries the embedding exports
//! (`embed`) that the custom element calls.

#[cfg(target_arch = "wasm32")]
fn main() {
    use interview_viewer::ui::app::{App, AppProps};
    use interview_viewer::ui::dom;
    // Keep the embedding exports in this binary's wasm.
    let _ = interview_viewer::embed::mount_viewer;
    let Some(root) = dom::document().and_then(|d| d.get_element_by_id("interview-viewer-app"))
    else {
        // A host page (the custom element loads this same module): nothing to start here.
        return;
    };
    let prerendered = root.query_selector(".iv").ok().flatten().is_some();
    let other_source = dom::query_param("src").is_some_and(|s| !s.trim().is_empty());
    if prerendered && !other_source {
        // Keep what the reader opened before the wasm arrived (static/boot.js toggles panels).
        let props = AppProps {
            initially_open: dom::open_panels(&root),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
    } else {
        root.set_inner_html("");
        yew::Renderer::<App>::with_root(root).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The viewer runs in a browser: build it with `trunk build --release` (see README.md)."
    );
}
