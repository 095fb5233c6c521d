//! The embed snippet: an HTML fragment a publisher pastes where an interview belongs. It holds
//! the `<interview-viewer>` element with the viewer already rendered (Yew's server renderer) in
//! a declarative shadow root, so the interview paints with the host page and reads with
//! JavaScript off; when the element's module loads, the viewer hydrates it in place
//! (`embed::mount_viewer`). The build writes `dist/embed-snippet.html` for the embedded
//! interview (`prerender --embed-snippet`); `iv-convert --snippet` writes one for any interview,
//! which then travels inline in the element, as JSON.

use crate::embed_options::EmbedOptions;
use crate::ui::loader::Loader;

/// The id prefix of a snippet's viewer. It is written into the snippet (`data-id-prefix`), and
/// the element hydrates with it; ids stay apart from the host page's because they live in the
/// element's shadow root.
pub const SNIPPET_ID_PREFIX: &str = "ivs-";

/// The stylesheet of a shadow root with JavaScript off: every answer shown, no controls that
/// need the script (the standalone page's `noscript.css`).
const NOSCRIPT_CSS: &str = include_str!("../static/noscript.css");

/// The snippet for `interview_json` (our JSON format; `None`: the embedded interview). `base` is
/// where the built `dist/` is published (ending in `/`, e.g. `https://cdn.example/iv/`): the
/// snippet loads `interview-viewer.js` and `interview-viewer.css` from there.
pub fn embed_snippet(interview_json: Option<&str>, base: &str) -> String {
    let inline = interview_json.map(str::to_owned);
    let rendered = {
        let inline = inline.clone();
        futures::executor::block_on(
            yew::ServerRenderer::<Loader>::with_props(move || {
                EmbedOptions {
                    inline,
                    id_prefix: SNIPPET_ID_PREFIX.to_owned(),
                    ..EmbedOptions::default()
                }
                .props()
            })
            .render(),
        )
    };
    let base = escape_attribute(base);
    // The interview's language on the element: the element fetches the catalogue of that
    // language with the wasm, so the first render in the browser is in the language the server
    // rendered, and hydrates without a change.
    let lang = inline
        .as_deref()
        .and_then(|json| crate::core::model::Interview::from_json(json).ok())
        .and_then(|interview| interview.lang)
        .map(|lang| format!(" lang=\"{}\"", escape_attribute(&lang)))
        .unwrap_or_default();
    let data = inline
        .map(|json| {
            format!(
                "<script type=\"application/json\">{}</script>",
                script_safe_json(&json)
            )
        })
        .unwrap_or_default();
    format!(
        "<!-- Interview Viewer: paste this where the interview belongs. The <script> may appear once per page, anywhere; after the element, its download does not delay the interview's stylesheet. -->\n\
         <interview-viewer{lang}><template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{base}interview-viewer.css\">\
         <noscript><style>{NOSCRIPT_CSS}</style></noscript>\
         <div class=\"iv-host\" data-id-prefix=\"{SNIPPET_ID_PREFIX}\">{rendered}</div>\
         </template>{data}</interview-viewer>\n\
         <script type=\"module\" src=\"{base}interview-viewer.js\"></script>\n"
    )
}

/// `text` for a double-quoted attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// JSON that cannot end its `<script>` element early or open a comment in it: every `<` (which
/// JSON allows only inside strings) becomes the escape `\u003c`, which reads back the same.
fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Interview;

    #[test]
    fn the_seed_snippet_holds_the_prerendered_viewer_in_a_declarative_shadow_root() {
        let snippet = embed_snippet(None, "https://cdn.example/iv/");
        assert!(snippet.contains(
            r#"<script type="module" src="https://cdn.example/iv/interview-viewer.js"></script>"#
        ));
        assert!(snippet.contains(r#"<interview-viewer><template shadowrootmode="open"><link rel="stylesheet" href="https://cdn.example/iv/interview-viewer.css">"#));
        assert!(snippet.contains(r#"<div class="iv-host" data-id-prefix="ivs-">"#));
        assert_eq!(snippet.matches(r#"class="iv-q-button""#).count(), 9);
        assert!(
            snippet.contains(r#"id="ivs-"#),
            "ids carry the snippet's prefix"
        );
        assert!(
            !snippet.contains("application/json"),
            "the embedded interview needs no data"
        );
        assert!(snippet.contains("<noscript><style>"));
    }

    #[test]
    fn inline_data_cannot_close_its_script_and_reads_back_unchanged() {
        let json = r#"{"format_version":1,"title":"</script><script>alert(1)</script> <!--","questions":[{"id":"why","text":"Why?","answer":[{"kind":"paragraph","text":"Because </SCRIPT> <b>"}]}]}"#;
        let snippet = embed_snippet(Some(json), "./");
        let open = r#"<script type="application/json">"#;
        let start = snippet.find(open).unwrap() + open.len();
        let end = start + snippet[start..].find("</script>").unwrap();
        let data = &snippet[start..end];
        assert!(!data.contains('<'));
        assert_eq!(
            Interview::from_json(data).unwrap(),
            Interview::from_json(json).unwrap()
        );
        assert!(
            snippet.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
            "the title renders as text"
        );
    }

    #[test]
    fn the_base_address_stays_inside_its_attribute() {
        let snippet = embed_snippet(None, r#"x"><script>alert(1)</script>/"#);
        assert!(snippet.contains(
            r#"src="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/interview-viewer.js""#
        ));
    }
}
