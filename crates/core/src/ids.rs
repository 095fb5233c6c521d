//! Every element id a viewer writes, built in one place from the viewer's prefix. Several
//! viewers on one page each have their own prefix, so their ids never clash; the standalone page
//! uses the empty prefix, so a question's link is just `#question-id`.

/// The ids of one viewer. Borrowed and free to make: `Ids(&prefix).button(&question.id)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ids<'a>(pub &'a str);

impl Ids<'_> {
    /// The viewer's root element (`None` for the empty prefix: the standalone page's article
    /// needs no id).
    pub fn article(self) -> Option<String> {
        let name = self.0.trim_end_matches('-');
        (!name.is_empty()).then(|| name.to_string())
    }

    /// A question's section: the target of its `#link`.
    pub fn section(self, question_id: &str) -> String {
        format!("{}{question_id}", self.0)
    }

    /// A question's toggle button.
    pub fn button(self, question_id: &str) -> String {
        format!("{}-button", self.section(question_id))
    }

    /// A question's answer panel.
    pub fn panel(self, question_id: &str) -> String {
        format!("{}-panel", self.section(question_id))
    }

    /// The question whose `section` id is `section`, if any: how a `#fragment` is followed.
    pub fn question_of_section<'q>(
        self,
        section: &str,
        question_ids: impl IntoIterator<Item = &'q str>,
    ) -> Option<usize> {
        question_ids
            .into_iter()
            .position(|id| section.strip_prefix(self.0) == Some(id))
    }

    pub fn contents_list(self) -> String {
        format!("{}contents-list", self.0)
    }

    pub fn contents_heading(self) -> String {
        format!("{}contents-heading", self.0)
    }

    pub fn glossary(self) -> String {
        format!("{}glossary", self.0)
    }

    pub fn glossary_heading(self) -> String {
        format!("{}glossary-heading", self.0)
    }

    /// Glossary entry `index`'s expansion: the accessible description of its acronym's
    /// toggletips.
    pub fn glossary_entry(self, index: usize) -> String {
        format!("{}glossary-{index}", self.0)
    }

    pub fn search_input(self) -> String {
        format!("{}search", self.0)
    }

    pub fn search_status(self) -> String {
        format!("{}search-status", self.0)
    }

    /// The share panel's parts: "button", "panel", "link", "code".
    pub fn share(self, part: &str) -> String {
        format!("{}share-{part}", self.0)
    }

    /// The name shared by the theme radios.
    pub fn theme_group(self) -> String {
        format!("{}theme", self.0)
    }

    /// The theme radio for `theme` ("light", "dark", "system").
    pub fn theme_option(self, theme: &str) -> String {
        format!("{}theme-{theme}", self.0)
    }

    /// The toggletips of introduction paragraph `paragraph`.
    pub fn intro_tips(self, paragraph: usize) -> TipIds {
        TipIds(format!("{}intro{paragraph}", self.0))
    }

    /// The toggletips of block `block` of question `question` (in the section `question_id`);
    /// `label` for those in its label.
    pub fn answer_tips(
        self,
        question_id: &str,
        question: usize,
        block: usize,
        label: bool,
    ) -> TipIds {
        let label = if label { "l" } else { "" };
        TipIds(format!(
            "{}-q{question}-b{block}{label}",
            self.section(question_id)
        ))
    }
}

/// The ids of the toggletips of one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TipIds(String);

impl TipIds {
    /// The toggletip of the field's acronym use `index`.
    pub fn tip(&self, index: usize) -> String {
        format!("{}-t{index}", self.0)
    }
}
