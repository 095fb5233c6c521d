//! The glossary panel: every acronym of the interview with its expansion, as a description list.

use yew::prelude::*;

use crate::ui::rich_text::SharedGlossary;

#[derive(Properties, PartialEq)]
pub struct GlossaryPanelProps {
    pub glossary: SharedGlossary,
    pub id_prefix: AttrValue,
    pub heading_level: u8,
}

#[component]
pub fn GlossaryPanel(props: &GlossaryPanelProps) -> Html {
    let entries = props.glossary.0.entries();
    if entries.is_empty() {
        return Html::default();
    }
    let id = format!("{}glossary", props.id_prefix);
    let heading_id = format!("{id}-heading");
    let tag = format!("h{}", props.heading_level.clamp(2, 6));
    html! {
        <section class="iv-glossary" {id} aria-labelledby={heading_id.clone()}>
            <@{tag} class="iv-glossary-heading" id={heading_id}>{"Glossary"}</@>
            <dl class="iv-glossary-list">
                { for entries.iter().map(|e| html! {
                    <div class="iv-glossary-entry">
                        <dt>{ e.abbr.clone() }</dt>
                        <dd>{ e.expansion.clone() }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
