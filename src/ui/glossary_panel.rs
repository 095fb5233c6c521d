//! The glossary panel: every acronym of the interview with its expansion, as a description list.
//! Each expansion is also the accessible description of that acronym's toggletips, so the
//! expansion never has to sit inside the interview's own sentences.

use yew::prelude::*;

use crate::ui::rich_text::SharedGlossary;

#[derive(Properties, PartialEq)]
pub struct GlossaryPanelProps {
    pub glossary: SharedGlossary,
    pub heading_level: u8,
}

/// The id of entry `index`'s expansion (`<dd>`) in the glossary panel `panel_id`.
pub fn glossary_entry_id(panel_id: &str, index: usize) -> AttrValue {
    AttrValue::from(format!("{panel_id}-{index}"))
}

#[component]
pub fn GlossaryPanel(props: &GlossaryPanelProps) -> Html {
    let entries = props.glossary.glossary.entries();
    if entries.is_empty() {
        return Html::default();
    }
    let id = props.glossary.panel_id.clone();
    let heading_id = format!("{id}-heading");
    let tag = format!("h{}", props.heading_level.clamp(2, 6));
    html! {
        <section class="iv-glossary" id={id.clone()} aria-labelledby={heading_id.clone()}>
            <@{tag} class="iv-glossary-heading" id={heading_id}>{"Glossary"}</@>
            <dl class="iv-glossary-list">
                { for entries.iter().enumerate().map(|(i, e)| html! {
                    <div class="iv-glossary-entry">
                        <dt>{ e.abbr.clone() }</dt>
                        <dd id={glossary_entry_id(&id, i)}>{ e.expansion.clone() }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
