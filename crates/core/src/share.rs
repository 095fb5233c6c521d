//! What a reader copies to share an interview: the embed code that puts it on another page (the
//! element's script tag, then the element with where its interview comes from). Text only: the
//! viewer resolves the addresses against the page and writes the result to the clipboard.

/// Where the shared viewer's interview comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedData<'a> {
    /// The interview the viewer carries (no `src`).
    Embedded,
    /// An absolute address of its JSON or text.
    Url(&'a str),
    /// The interview's JSON itself, which travels inside the element.
    Inline(&'a str),
}

/// The HTML a host page pastes to show this interview: `script` is the absolute address of
/// `interview-viewer.js`. Every value is escaped for where it goes, so no address or interview
/// text can end the attribute or the inline script it sits in.
pub fn embed_code(script: &str, data: SharedData) -> String {
    let element = match data {
        SharedData::Embedded => "<interview-viewer></interview-viewer>".to_string(),
        SharedData::Url(url) => {
            format!(
                "<interview-viewer src=\"{}\"></interview-viewer>",
                attribute(url)
            )
        }
        SharedData::Inline(json) => format!(
            "<interview-viewer><script type=\"application/json\">{}</script></interview-viewer>",
            inline_json(json)
        ),
    };
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n{element}",
        attribute(script)
    )
}

/// `value` as a double-quoted attribute's text.
fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON text that cannot end a `<script>` element or open a comment inside it: in valid JSON a
/// `<` stands only inside a string, where `\u003c` reads as the same character.
fn inline_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The width of the frame an oEmbed consumer is offered, in CSS pixels: the reader's measure.
pub const OEMBED_WIDTH: u32 = 720;
/// Its height: one screen, which shows the seed's title, introduction, controls and first question
/// at that width (`e2e/oembed.test.mjs` measures it: 1,120 px today); the rest scrolls inside. A
/// fixed height cannot follow answers that open, so it does not try to fit the whole interview
/// (2,150 px collapsed).
pub const OEMBED_HEIGHT: u32 = 1200;

/// The oEmbed response (type "rich") for the interview published at `public_url` (the folder of
/// `dist/`, ending in "/"): the iframe page `embed.html` in a frame of the size above, titled for
/// screen readers. `source` names who published the interview, if anyone.
pub fn oembed_json(public_url: &str, title: &str, source: &str) -> String {
    let frame = format!(
        "<iframe src=\"{}embed.html\" title=\"{}\" width=\"{OEMBED_WIDTH}\" height=\"{OEMBED_HEIGHT}\" \
         style=\"width:100%;max-width:{OEMBED_WIDTH}px;border:0\" loading=\"lazy\" \
         data-interview-viewer></iframe>",
        attribute(public_url),
        attribute(&format!("Interview: {title}")),
    );
    let mut response = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "Interview Viewer",
        "title": title,
        "html": frame,
        "width": OEMBED_WIDTH,
        "height": OEMBED_HEIGHT,
    });
    if !source.trim().is_empty() {
        response["author_name"] = source.into();
    }
    serde_json::to_string_pretty(&response).unwrap_or_default()
}
