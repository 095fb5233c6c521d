//! Marks the moment the viewer is interactive (`performance.mark`), which the benchmark
//! (`scripts/bench.sh`) reads.

use yew::prelude::*;

use crate::ui::dom;

/// Sets the performance mark `name` once, after the first render.
#[hook]
pub fn use_performance_mark(name: &'static str) {
    use_effect_with((), move |_| {
        if let Some(performance) = dom::window().and_then(|w| w.performance()) {
            let _ = performance.mark(name);
        }
    });
}
