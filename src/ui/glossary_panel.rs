//! The glossary panel: every acronym of the interview with its expansion, as a description list.
//! Each expansion is also the accessible description of that acronym's toggletips, so the
//! expansion never has to sit inside the interview's own sentences.

use yew::prelude::*;

use crate::core::messages::keys;
use crate::ui::hooks::use_messages;

use crate::core::ids::Ids;
use crate::core::view::heading_tag;
use crate::ui::rich_text::SharedGlossary;

#[derive(Properties, PartialEq)]
pub struct GlossaryPanelProps {
    pub glossary: SharedGlossary,
    pub id_prefix: AttrValue,
    pub heading_level: u8,
}

#[component]
pub fn GlossaryPanel(props: &GlossaryPanelProps) -> Html {
    let messages = use_messages();
    let entries = props.glossary.glossary.entries();
    if entries.is_empty() {
        return Html::default();
    }
    let ids = Ids(&props.id_prefix);
    let heading_id = ids.glossary_heading();
    let tag = heading_tag(props.heading_level);
    html! {
        <section class="iv-glossary" id={ids.glossary()} aria-labelledby={heading_id.clone()}>
            <@{tag} class="iv-glossary-heading" id={heading_id}>{ messages.text(keys::GLOSSARY).to_string() }</@>
            <dl class="iv-glossary-list">
                { for entries.iter().enumerate().map(|(i, e)| html! {
                    <div class="iv-glossary-entry">
                        <dt>{ e.abbr.clone() }</dt>
                        <dd id={ids.glossary_entry(i)}>{ e.expansion.clone() }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
