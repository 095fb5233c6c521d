//! Which addresses a viewer may load (`core::source`): a case table over who chose the address,
//! its scheme and origin, and the publisher's allow-list; the link query's bound.
// Native only: the component tests in tests/web.rs are the ones that run in the browser.
#![cfg(not(target_arch = "wasm32"))]

use interview_core::source::*;

const PAGE: &str = "https://publisher.example";

/// Splits a resolved address the way the browser's URL does (for these tests' simple cases).
fn address(written: &str) -> Address<'_> {
    let (protocol, rest) = written.split_at(written.find(':').map_or(0, |i| i + 1));
    let host = rest
        .trim_start_matches("//")
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let origin_len = protocol.len() + 2 + host.len();
    Address {
        written,
        protocol,
        origin: if rest.starts_with("//") {
            &written[..origin_len]
        } else {
            "null"
        },
        host: if rest.starts_with("//") { host } else { "" },
    }
}

fn verdict(written: &str, chooser: Chooser, allowed: &str) -> String {
    match check(&address(written), PAGE, &allowed_origins(allowed), chooser) {
        Ok(Provenance::SameOrigin) => "same origin".to_string(),
        Ok(Provenance::Elsewhere { host }) => format!("from {host}"),
        Err(refusal) => refusal.to_string(),
    }
}

#[test]
fn who_chose_the_address_decides_what_may_load() {
    use Chooser::*;
    let other = "This page does not load the interview at “https://elsewhere.example/fake.txt”: it is on another site (elsewhere.example), which the publisher of this page has not allowed.";
    for (written, chooser, allowed, expected) in [
        ("https://publisher.example/interview.json", Link, "", "same origin"),
        ("HTTPS://Publisher.Example/x.txt", Link, "", "same origin"),
        ("https://elsewhere.example/fake.txt", Link, "", other),
        ("https://elsewhere.example/fake.txt", Link, "https://cdn.example", other),
        ("https://elsewhere.example/fake.txt", Link, "https://elsewhere.example", "from elsewhere.example"),
        ("https://elsewhere.example/fake.txt", Link, "https://ELSEWHERE.example/ https://cdn.example", "from elsewhere.example"),
        ("https://elsewhere.example/fake.txt", Link, "https://cdn.example, https://elsewhere.example", "from elsewhere.example"),
        // Another port or scheme is another origin.
        ("https://publisher.example:8443/x.txt", Link, "", "This page does not load the interview at “https://publisher.example:8443/x.txt”: it is on another site (publisher.example:8443), which the publisher of this page has not allowed."),
        ("http://publisher.example/x.txt", Link, "", "This page does not load the interview at “http://publisher.example/x.txt”: it is on another site (publisher.example), which the publisher of this page has not allowed."),
        // A host page's author may name any http(s) address.
        ("https://elsewhere.example/fake.txt", Author, "", "from elsewhere.example"),
        ("http://publisher.example/x.txt", Author, "", "from publisher.example"),
        // No other scheme, whoever chose it, allowed or not.
        ("data:text/plain,Why%3F%0A-%20Because", Link, "", "This page does not load the interview at “data:text/plain,Why%3F%0A-%20Because”: only http and https addresses are allowed, and this one is a “data” address."),
        ("data:text/plain,Why%3F", Author, "", "This page does not load the interview at “data:text/plain,Why%3F”: only http and https addresses are allowed, and this one is a “data” address."),
        ("blob:https://publisher.example/0b1c", Author, "", "This page does not load the interview at “blob:https://publisher.example/0b1c”: only http and https addresses are allowed, and this one is a “blob” address."),
        ("javascript:alert(1)", Link, "*", "This page does not load the interview at “javascript:alert(1)”: only http and https addresses are allowed, and this one is a “javascript” address."),
        ("file:///etc/passwd", Author, "", "This page does not load the interview at “file:///etc/passwd”: only http and https addresses are allowed, and this one is a “file” address."),
    ] {
        assert_eq!(verdict(written, chooser, allowed), expected, "{written} ({chooser:?}, allowed {allowed:?})");
    }
}

#[test]
fn the_allow_list_takes_only_http_origins() {
    assert_eq!(
        allowed_origins(" https://A.example/,http://b.example:8080  https://c.example/path * data:x ftp://d.example https:// https://u@e.example"),
        ["https://a.example", "http://b.example:8080"]
    );
    assert!(allowed_origins("").is_empty());
}

#[test]
fn a_link_query_is_bounded_on_a_character_boundary() {
    assert_eq!(link_query("kill web"), "kill web");
    let long = "é".repeat(MAX_LINK_QUERY_CHARS + 50);
    assert_eq!(link_query(&long).chars().count(), MAX_LINK_QUERY_CHARS);
    assert_eq!(
        link_query(&"a".repeat(MAX_LINK_QUERY_CHARS)).len(),
        MAX_LINK_QUERY_CHARS
    );
}
