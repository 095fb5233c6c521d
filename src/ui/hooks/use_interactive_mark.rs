//! Marks the moment the viewer is interactive: `data-ready="true"` on its root, which the
//! end-to-end tests wait for, and the performance mark `iv-interactive`, which the benchmark
//! (`scripts/bench.sh`) reads.

use yew::prelude::*;

use crate::ui::dom;

/// Sets both marks once, after the first render in the browser.
///
/// Why in an effect, not as an attribute of the first render: Yew runs the children's first
/// effects before the parent's (here the root's) and does not yield to the browser while a
/// render they schedule is pending. So the marks appear together with every render a child's
/// first effect asks for (the Share button, known only once the page's address is read), and
/// the hooks' listeners are in place. An attribute rendered in the hydrating render appeared
/// before those effects had run, when Yew may yield: a click could arrive as the toolbar moved.
#[hook]
pub fn use_interactive_mark(root: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(root) = root.cast::<web_sys::Element>() {
            let _ = root.set_attribute("data-ready", "true");
        }
        if let Some(performance) = dom::window().and_then(|w| w.performance()) {
            let _ = performance.mark("iv-interactive");
        }
    });
}
