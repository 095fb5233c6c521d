//! The Trunk binary: mounts the standalone viewer into the page's `#app` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    use interview_viewer::ui::app::App;
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            web_sys::console::error_1(&"Interview Viewer: no #app element to mount into".into())
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The viewer runs in a browser: build it with `trunk build --release` (see README.md)."
    );
}
