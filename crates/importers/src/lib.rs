//! The text importers the viewer's main wasm leaves out (`interview-core`'s `text-formats`),
//! as a module of their own: `scripts/post-build.mjs` builds it into `dist/importers-<hash>.js`
//! and `_bg.wasm`, and the viewer loads it only when a fetched file is in one of those formats
//! (`ui::importers`). One function: text in, our JSON out, with the importer's problems.

use interview_core::import::{import_text, ImportOptions};
use wasm_bindgen::prelude::*;

/// Imports `text`, whose name, address or content type are the lines of `hints`, and returns our
/// JSON with two more members, which readers of the format ignore: `"import_format"` (e.g.
/// "webvtt") and `"import_problems"`, `[[line, "message"], …]` (read by
/// `interview_core::load::from_importers`).
#[wasm_bindgen(js_name = importText)]
pub fn import_text_to_json(text: &str, hints: &str) -> String {
    envelope(text, hints)
}

/// [`import_text_to_json`], natively testable.
pub fn envelope(text: &str, hints: &str) -> String {
    let options = ImportOptions {
        hints: hints
            .lines()
            .filter(|h| !h.trim().is_empty())
            .map(str::to_string)
            .collect(),
        ..ImportOptions::default()
    };
    let imported = import_text(text, &options);
    let problems: Vec<(usize, &str)> = imported
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    let mut json = serde_json::to_value(&imported.interview).unwrap_or_default();
    if let Some(object) = json.as_object_mut() {
        object.insert("import_format".into(), imported.format.name().into());
        object.insert("import_problems".into(), serde_json::json!(problems));
    }
    json.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_travel_with_their_line_numbers() {
        let out = envelope("Q: Why?\nQ: And?\nA: So.", "");
        let loaded = interview_core::load::from_importers(&out).unwrap();
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(
            loaded.problems[0].to_string(),
            "line 1: a question with no answer"
        );
    }

    #[test]
    fn an_envelope_of_json() {
        let out = envelope("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Host>Why?\n\n00:02.000 --> 00:03.000\n<v Ana>Because \"so\".\n", "talk.vtt");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["import_format"], "webvtt");
        assert_eq!(value["questions"][0]["asker"], "Host");
        assert_eq!(
            value["questions"][0]["answer"][0]["text"],
            "Because \"so\"."
        );
        assert_eq!(value["import_problems"], serde_json::json!([]));
        let loaded = interview_core::load::from_importers(&out).unwrap();
        assert_eq!(loaded.interview.questions[0].asker.as_deref(), Some("Host"));
    }
}
