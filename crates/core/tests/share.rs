//! The embed code a reader copies from the share panel.

use expect_test::{expect, Expect};
use interview_core::share::{embed_code, SharedData};

const SCRIPT: &str = "https://example.org/viewer/interview-viewer.js";

fn check(data: SharedData, expected: Expect) {
    expected.assert_eq(&embed_code(SCRIPT, data));
}

#[test]
fn the_embedded_interview_needs_no_src() {
    check(
        SharedData::Embedded,
        expect![[r#"
            <script type="module" src="https://example.org/viewer/interview-viewer.js"></script>
            <interview-viewer></interview-viewer>"#]],
    );
}

#[test]
fn an_address_becomes_the_src_attribute() {
    check(
        SharedData::Url("https://example.org/talks/lighthouse.json"),
        expect![[r#"
            <script type="module" src="https://example.org/viewer/interview-viewer.js"></script>
            <interview-viewer src="https://example.org/talks/lighthouse.json"></interview-viewer>"#]],
    );
}

#[test]
fn an_address_cannot_end_its_attribute() {
    check(
        SharedData::Url("https://example.org/a.json?x=\"><script>alert(1)</script>&y=1"),
        expect![[r#"
            <script type="module" src="https://example.org/viewer/interview-viewer.js"></script>
            <interview-viewer src="https://example.org/a.json?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;y=1"></interview-viewer>"#]],
    );
}

#[test]
fn inline_data_travels_inside_the_element_and_cannot_end_its_script() {
    let json = r#"{"title":"A </script><script>alert(1)</script> <!-- talk"}"#;
    let code = embed_code(SCRIPT, SharedData::Inline(json));
    check(
        SharedData::Inline(json),
        expect![[r#"
            <script type="module" src="https://example.org/viewer/interview-viewer.js"></script>
            <interview-viewer><script type="application/json">{"title":"A \u003c/script>\u003cscript>alert(1)\u003c/script> \u003c!-- talk"}</script></interview-viewer>"#]],
    );
    // The escaped JSON still reads as the same text.
    let start = code.find("json\">").unwrap() + "json\">".len();
    let end = code.rfind("</script></interview-viewer>").unwrap();
    let read: serde_json::Value = serde_json::from_str(&code[start..end]).unwrap();
    assert_eq!(
        read["title"],
        "A </script><script>alert(1)</script> <!-- talk"
    );
}

#[test]
fn the_script_address_is_escaped_too() {
    let code = embed_code(
        "https://example.org/v\"1/interview-viewer.js",
        SharedData::Embedded,
    );
    assert!(code.starts_with(
        "<script type=\"module\" src=\"https://example.org/v&quot;1/interview-viewer.js\">"
    ));
}

#[test]
fn the_oembed_response_is_a_rich_frame_of_the_iframe_page() {
    use interview_core::share::oembed_json;
    expect![[r#"
        {
          "author_name": "Apogee",
          "height": 1200,
          "html": "<iframe src=\"https://example.org/viewer/embed.html\" title=\"Interview: Space &amp; &quot;allies&quot;\" width=\"720\" height=\"1200\" style=\"width:100%;max-width:720px;border:0\" loading=\"lazy\" data-interview-viewer></iframe>",
          "provider_name": "Interview Viewer",
          "title": "Space & \"allies\"",
          "type": "rich",
          "version": "1.0",
          "width": 720
        }"#]]
    .assert_eq(&oembed_json("https://example.org/viewer/", "Space & \"allies\"", "Apogee"));
    // No publisher: no author.
    assert!(!oembed_json("https://example.org/", "T", " ").contains("author_name"));
}
