//! Component tests in a real headless Chromium (wasm-bindgen-test): each test renders a viewer
//! into a fresh element, lets Yew's scheduler flush, then queries and drives the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use interview_viewer::core::import::{import_text, ImportOptions};
use interview_viewer::core::model::Interview;
use interview_viewer::core::seed as content;
use interview_viewer::ui::loader::Source;
use interview_viewer::ui::viewer::{Viewer, ViewerOptions, ViewerProps};
use interview_viewer::ui::SharedInterview;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn options(prefix: &'static str) -> ViewerOptions {
    ViewerOptions {
        use_url: false,
        id_prefix: prefix.into(),
        ..ViewerOptions::default()
    }
}

/// Renders a viewer of `interview` into a new element appended to the body.
async fn render(interview: Interview, options: ViewerOptions) -> Element {
    render_from(interview, options, None).await
}

/// Renders a viewer of `interview`, loaded from another site's `host` if any.
async fn render_from(interview: Interview, options: ViewerOptions, host: Option<&str>) -> Element {
    render_source(interview, options, host, Source::Embedded).await
}

/// Renders a viewer of `interview` that came from `source`.
async fn render_source(
    interview: Interview,
    options: ViewerOptions,
    host: Option<&str>,
    source: Source,
) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let host_element = root.clone();
    let props = ViewerProps {
        interview: SharedInterview(Rc::new(interview)),
        options,
        loaded_from: host.map(|h| h.to_string().into()),
        source,
    };
    yew::Renderer::<Viewer>::with_root_and_props(host_element, props).render();
    yew::scheduler::flush().await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The questions shown: all of them, or while a search is active those it shows.
const SHOWN: &str = ".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found";

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn expanded(root: &Element) -> String {
    all(root, ".iv-q-button")
        .iter()
        .map(|b| {
            if b.get_attribute("aria-expanded").as_deref() == Some("true") {
                'x'
            } else {
                '.'
            }
        })
        .collect()
}

async fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

async fn type_query(root: &Element, text: &str) {
    let input: HtmlInputElement = one(root, ".iv-search-input").dyn_into().unwrap();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

fn seed() -> Interview {
    content::seed().interview
}

#[wasm_bindgen_test]
async fn renders_nine_collapsed_questions_as_an_accordion() {
    let root = render(seed(), options("a-")).await;
    let buttons = all(&root, "h2.iv-q-heading > button.iv-q-button");
    assert_eq!(buttons.len(), 9);
    assert_eq!(expanded(&root), ".........");
    for button in &buttons {
        let panel_id = button.get_attribute("aria-controls").unwrap();
        let panel = document()
            .get_element_by_id(&panel_id)
            .expect("panel exists");
        assert_eq!(
            panel.get_attribute("hidden").as_deref(),
            Some("until-found")
        );
        // The heading holds the button and nothing else.
        assert_eq!(button.parent_element().unwrap().child_element_count(), 1);
    }
    assert_eq!(all(&root, ".iv-intro p").len(), 3);
    assert_eq!(all(&root, ".iv-bullets li").len(), 33);
}

#[wasm_bindgen_test]
async fn clicking_toggles_one_question() {
    let root = render(seed(), options("b-")).await;
    let third = all(&root, ".iv-q-button").remove(2);
    click(&third).await;
    assert_eq!(expanded(&root), "..x......");
    let panel = document()
        .get_element_by_id(&third.get_attribute("aria-controls").unwrap())
        .unwrap();
    assert!(!panel.has_attribute("hidden"));
    click(&third).await;
    assert_eq!(expanded(&root), ".........");
}

#[wasm_bindgen_test]
async fn expand_all_and_collapse_all() {
    let root = render(seed(), options("c-")).await;
    click(&one(&root, ".iv-expand-all")).await;
    assert_eq!(expanded(&root), "xxxxxxxxx");
    click(&one(&root, ".iv-collapse-all")).await;
    assert_eq!(expanded(&root), ".........");
}

#[wasm_bindgen_test]
async fn labels_are_set_apart_from_their_text_and_keep_their_colon() {
    let root = render(seed(), options("d-")).await;
    let first = one(&root, ".iv-bullets li");
    assert_eq!(
        one(&first, "strong.iv-label").text_content().unwrap(),
        "Increased Integration:"
    );
    assert!(one(&first, ".iv-text")
        .text_content()
        .unwrap()
        .starts_with("Absolutely."));
    assert_eq!(
        one(&root, ".iv-subheading").text_content().unwrap(),
        "Examples of Counterspace Capabilities:"
    );
}

#[wasm_bindgen_test]
async fn hostile_text_renders_as_text() {
    let text = "Intro <script>window.__pwned = 1</script>\n\
                <img src=x onerror=\"window.__pwned = 2\">?\n\
                - <b>Bold</b>: \"><svg onload=window.__pwned=3> javascript:alert(1)\n";
    let imported = import_text(text, &ImportOptions::default());
    let root = render(imported.interview, options("e-")).await;
    click(&one(&root, ".iv-expand-all")).await;
    assert!(
        all(&root, "script, img, svg, b").is_empty(),
        "markup from data reached the DOM"
    );
    let shown = root.text_content().unwrap();
    assert!(shown.contains("<script>window.__pwned = 1</script>"));
    assert!(shown.contains("<img src=x onerror=\"window.__pwned = 2\">?"));
    assert!(shown.contains("\"><svg onload=window.__pwned=3>"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn search_filters_opens_and_highlights() {
    let root = render(seed(), options("f-")).await;
    type_query(&root, "talisman").await;
    let status = one(&root, ".iv-search-status").text_content().unwrap();
    assert!(
        status.starts_with("2 of 9 questions match"),
        "status was {status:?}"
    );
    assert_eq!(all(&root, SHOWN).len(), 2);
    assert_eq!(expanded(&root).matches('x').count(), 2);
    let marks = all(&root, "mark.iv-match");
    assert!(marks
        .iter()
        .all(|m| m.text_content().unwrap().eq_ignore_ascii_case("talisman")));
    assert_eq!(all(&root, "mark.iv-current").len(), 1);
}

#[wasm_bindgen_test]
async fn search_without_matches_says_so() {
    let root = render(seed(), options("g-")).await;
    type_query(&root, "zebra crossing").await;
    let status = one(&root, ".iv-search-status").text_content().unwrap();
    assert!(status.starts_with("No matches."), "status was {status:?}");
    assert!(all(&root, SHOWN).is_empty());
}

#[wasm_bindgen_test]
async fn clearing_the_search_restores_what_was_open() {
    let root = render(seed(), options("h-")).await;
    click(&all(&root, ".iv-q-button")[0]).await;
    type_query(&root, "china").await;
    assert_ne!(expanded(&root), "x........");
    click(&one(&root, ".iv-search-clear")).await;
    assert_eq!(expanded(&root), "x........");
    assert!(all(&root, "mark").is_empty());
}

#[wasm_bindgen_test]
async fn two_viewers_share_no_ids() {
    let first = render(seed(), options("one-")).await;
    let second = render(seed(), options("two-")).await;
    let mut ids: Vec<String> = [first, second]
        .iter()
        .flat_map(|root| all(root, "[id]"))
        .filter_map(|e| e.get_attribute("id"))
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate ids between two viewers");
}

/// Waits `ms` milliseconds of real time (animation frames keep running meanwhile).
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_search_over_hundreds_of_answers_shows_a_page_of_them_highlighted_then_more() {
    use interview_viewer::core::glossary::Glossary;
    use interview_viewer::core::search::SearchIndex;
    use interview_viewer::core::state::RESULTS_PAGE;
    use interview_viewer::core::synthetic::synthetic_interview;

    let interview = synthetic_interview(200_000, 7);
    let results =
        SearchIndex::new(&interview, &Glossary::from_interview(&interview)).search("space");
    let matching = results.matching_questions.clone();
    assert!(
        matching.len() > 2 * RESULTS_PAGE,
        "the test needs several pages"
    );
    // The highlights of the title, the introduction and the first page's questions.
    let first_page = &matching[..RESULTS_PAGE];
    let expected = results
        .matches
        .iter()
        .filter(|m| m.field.question().is_none_or(|q| first_page.contains(&q)))
        .count();
    let root = render(interview, options("big-")).await;
    // Far below the screen, so that scrolling does not show more results by itself meanwhile.
    root.dyn_ref::<HtmlElement>()
        .unwrap()
        .style()
        .set_property("margin-top", "400vh")
        .unwrap();
    type_query(&root, "space").await;
    // The keystroke's own render filters, opens and reports every match at once…
    let status = one(&root, ".iv-search-status").text_content().unwrap();
    let total = results.matches.len();
    assert!(
        status.contains(&format!("of {total}")),
        "status was {status:?}"
    );
    let found: Vec<String> = all(&root, ".iv-found .iv-answer")
        .iter()
        .filter_map(|a| a.get_attribute("data-question"))
        .collect();
    let page: Vec<String> = first_page.iter().map(|q| q.to_string()).collect();
    assert_eq!(found, page, "the first page of matching questions is shown");
    // …their highlights follow within a few frames…
    let mut marks = 0;
    for _ in 0..100 {
        wait(50).await;
        yew::scheduler::flush().await;
        marks = all(&root, "mark.iv-match").len();
        if marks == expected {
            break;
        }
    }
    assert_eq!(marks, expected);
    assert_eq!(all(&root, "mark.iv-current").len(), 1);
    // …and the button after the list shows the next page and focuses its first question.
    let more = one(&root, ".iv-more-results .iv-more-button");
    assert_eq!(
        more.text_content().unwrap(),
        format!("Show {RESULTS_PAGE} more matching questions")
    );
    click(&more).await;
    wait(50).await;
    yew::scheduler::flush().await;
    assert!(all(&root, ".iv-found").len() >= 2 * RESULTS_PAGE);
    let focused = document()
        .active_element()
        .and_then(|e| e.get_attribute("aria-controls"));
    let next = one(
        &root,
        &format!(".iv-answer[data-question=\"{}\"]", matching[RESULTS_PAGE]),
    );
    assert_eq!(focused, next.get_attribute("id"));
}

#[wasm_bindgen_test]
async fn an_interview_from_another_site_says_where_it_comes_from() {
    let root = render_from(seed(), options("prov-"), Some("elsewhere.example")).await;
    assert_eq!(
        one(&root, ".iv-provenance").text_content().unwrap(),
        "Loaded from elsewhere.example"
    );
    let same = render(seed(), options("prov2-")).await;
    assert!(same.query_selector(".iv-provenance").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn share_gives_the_embed_code_of_the_interview_where_it_came_from() {
    let options = ViewerOptions {
        script: Some("https://cdn.example/iv/interview-viewer.js".into()),
        ..options("share-")
    };
    let source = Source::Url("talks/a \"quoted\" name.json".into());
    let root = render_source(seed(), options, None, source).await;
    // The button appears once the viewer knows it is on a page with an address.
    wait(0).await;
    let button = one(&root, ".iv-share-button");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    click(&button).await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let code = js_sys::Reflect::get(&one(&root, "#share-share-code"), &"value".into())
        .unwrap()
        .as_string()
        .unwrap();
    let page = web_sys::window().unwrap().location();
    let folder = page.href().unwrap();
    let folder = &folder[..folder.rfind('/').unwrap() + 1];
    assert_eq!(
        code,
        format!(
            "<script type=\"module\" src=\"https://cdn.example/iv/interview-viewer.js\"></script>\n\
             <interview-viewer src=\"{folder}talks/a%20%22quoted%22%20name.json\"></interview-viewer>"
        )
    );
    let link = one(&root, "#share-share-link")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value();
    assert!(!link.contains('#'), "{link}");
    click(&button).await;
    // Closed: the panel stays (its button's `aria-controls` resolves), hidden and empty.
    let panel = one(&root, ".iv-share-panel");
    assert!(panel.has_attribute("hidden"));
    assert_eq!(panel.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn share_can_be_left_out() {
    let options = ViewerOptions {
        show_share: false,
        ..options("noshare-")
    };
    let root = render(seed(), options).await;
    wait(0).await;
    assert!(root.query_selector(".iv-share-button").unwrap().is_none());
    assert!(root.query_selector(".iv-expand-all").unwrap().is_some());
}
