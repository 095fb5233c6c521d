//! "A new version of this reader is ready": a polite, dismissible notice with "Reload", shown on
//! the standalone page when a new build's service worker waits (`hooks::use_update_ready`).
//! Nothing reloads by itself. The region is always on the page (empty until needed), so screen
//! readers announce its text when it appears.

use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::use_messages;

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    /// A new build is ready.
    pub ready: bool,
    /// The reader chose "Reload".
    pub on_reload: Callback<()>,
}

#[component]
pub fn UpdateNotice(props: &UpdateNoticeProps) -> Html {
    let messages = use_messages();
    let dismissed = use_state_eq(|| false);
    let shown = props.ready && !*dismissed;
    let reload = props.on_reload.reform(|_: MouseEvent| ());
    let dismiss = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    html! {
        <div class="iv-update" role="status">
            if shown {
                <div class="iv-update-box">
                    <p class="iv-update-text">{ messages.text(keys::UPDATE_READY).to_string() }</p>
                    <button type="button" class="iv-update-reload" onclick={reload}>
                        { messages.text(keys::UPDATE_RELOAD).to_string() }
                    </button>
                    <button type="button" class="iv-update-dismiss" onclick={dismiss}>
                        { messages.text(keys::UPDATE_DISMISS).to_string() }
                    </button>
                </div>
            }
        </div>
    }
}
