//! A value that follows another once it has stopped changing for a while. The live region
//! repeats the search status this way, so screen readers are not flooded while a reader types.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `value`, once it has not changed for `millis` milliseconds; `T::default()` until then.
#[hook]
pub fn use_debounced<T>(value: T, millis: u32) -> T
where
    T: Clone + Default + PartialEq + 'static,
{
    let settled = use_state_eq(T::default);
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timer = Timeout::new(millis, move || settled.set(value));
            move || drop(timer)
        });
    }
    (*settled).clone()
}
