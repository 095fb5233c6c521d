// Embedding, isolation: the host's hostile CSS does not reach the widget, the widget's CSS does
// not leak out, and several instances on one page stay independent with unique ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readdirSync } from "node:fs";
import { serve, axe, luminance, DIST, ROOT } from "./harness.mjs";
import {
  useEmbeddingSuite,
  ANOTHER_TITLE,
  LIMIT,
  server,
  open,
  hostPage,
  addViewer,
  questions,
  title,
  warningsOf,
  othersOf,
  waitForWarnings,
  until,
  assertHostUnharmed,
  allIds,
  duplicates,
  assertOnlyTheBrokenDemoInstanceLogged,
} from "./embedding-fixture.mjs";

useEmbeddingSuite();

// ---------------------------------------------------------------------------------------------
// 3. Isolation and several instances

/** Computed styles of elements inside instance `id`'s shadow root. */
function widgetStyles(id) {
  const root = document.getElementById(id).shadowRoot;
  const PROPS = [
    "display", "box-sizing", "font-size", "font-family", "font-weight", "line-height", "letter-spacing",
    "text-transform", "text-align", "color", "background-color", "border-top-style", "border-top-width",
    "list-style-type", "padding-top", "margin-top",
  ];
  const out = {};
  for (const selector of [
    "article.iv", ".iv-title", ".iv-intro p", ".iv-q-button", ".iv-q-text", ".iv-answer",
    ".iv-bullets", ".iv-bullets li", ".iv-label", ".iv-search-input", ".iv-expand-all", ".iv-theme",
  ]) {
    const element = root.querySelector(selector);
    if (!element) {
      out[selector] = "missing";
      continue;
    }
    const style = getComputedStyle(element);
    out[selector] = Object.fromEntries(PROPS.map((p) => [p, style.getPropertyValue(p)]));
  }
  // The bullets are drawn by li::before (the list itself has list-style: none).
  const li = root.querySelector(".iv-bullets li");
  const bullet = li && getComputedStyle(li, "::before");
  out["li::before"] = bullet && { content: bullet.content, width: bullet.width, background: bullet.backgroundColor };
  return out;
}

test("the demo page's hostile CSS does not reach the widget", LIMIT, async () => {
  const demo = await open(`${server.url}/demo/article.html`);
  await questions(demo, "default-viewer");
  // The hostile CSS is in force on the host page itself.
  const hostP = await demo.locator("main > p").first().evaluate((p) => getComputedStyle(p).fontSize);
  assert.equal(hostP, "30px");

  const inside = await demo.evaluate(() => {
    const root = document.getElementById("default-viewer").shadowRoot;
    const css = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      buttonBg: css(".iv-q-button").backgroundColor,
      buttonBorder: css(".iv-q-button").borderTopStyle,
      buttonFont: css(".iv-q-button").fontSize,
      boxSizing: css(".iv-q-button").boxSizing,
      articleBoxSizing: css("article.iv").boxSizing,
      articleDisplay: css("article.iv").display,
      qTextFont: css(".iv-q-text").fontSize,
      introTransform: css(".iv-intro p").textTransform,
      introSpacing: css(".iv-intro p").letterSpacing,
      introColor: css(".iv-intro p").color,
      collapsedVisibility: css(".iv-answer[hidden]").contentVisibility,
      textAlign: css("article.iv").textAlign,
    };
  });
  assert.notEqual(inside.buttonBg, "rgb(255, 0, 0)");
  assert.notEqual(inside.buttonBorder, "dashed");
  assert.notEqual(inside.buttonFont, "40px");
  assert.equal(inside.boxSizing, "border-box");
  assert.equal(inside.articleBoxSizing, "border-box");
  assert.equal(inside.articleDisplay, "block");
  assert.notEqual(inside.qTextFont, "40px");
  assert.equal(inside.introTransform, "none");
  assert.equal(inside.introSpacing, "normal");
  assert.notEqual(inside.introColor, "rgb(0, 128, 0)");
  assert.equal(inside.collapsedVisibility, "hidden");
  // The collapsed answer's content is not rendered (hidden="until-found" skips it).
  assert.equal(await demo.locator("#default-viewer .iv-answer[hidden] > *").first().evaluate((e) => e.checkVisibility()), false);
  // Questions a search filters out stay hidden despite "[hidden] { display: block !important }".
  await demo.locator("#default-viewer .iv-search-input").fill("Talisman");
  await demo.waitForFunction(
    () => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length > 0,
  );
  assert.deepEqual(
    [...new Set(await demo.locator("#default-viewer .iv-filtering > .iv-qa:not(.iv-found)").evaluateAll((s) => s.map((e) => getComputedStyle(e).display)))],
    ["none"],
  );
  await demo.locator("#default-viewer .iv-search-input").fill("");
  assert.equal(inside.textAlign, "start");

  // Exactly as on a neutral page (with the same accent the demo's CSS sets on the element).
  const neutral = await hostPage();
  await addViewer(neutral, "default-viewer");
  await neutral.evaluate(() => document.getElementById("default-viewer").style.setProperty("--interview-accent", "#7a1f5c"));
  await questions(neutral, "default-viewer");
  // Open a question in both, so the bullets are laid out.
  await demo.locator("#default-viewer .iv-q-button").first().click();
  await neutral.locator("#default-viewer .iv-q-button").first().click();
  const demoStyles = await demo.evaluate(widgetStyles, "default-viewer");
  const neutralStyles = await neutral.evaluate(widgetStyles, "default-viewer");
  assert.deepEqual(demoStyles, neutralStyles);
  assert.notEqual(demoStyles[".iv-bullets li"].display, "none");
  assert.equal(demoStyles[".iv-bullets li"]["display"], "list-item");
  assert.equal(demoStyles["li::before"].content, '""');
  assert.notEqual(demoStyles["li::before"].width, "auto");
});

/** Every computed property of the elements matching `selectors` (layout sizes left out). */
function hostStyles(selectors) {
  const SKIP = new Set(["width", "height", "inline-size", "block-size", "perspective-origin", "transform-origin"]);
  const out = {};
  for (const selector of selectors) {
    document.querySelectorAll(selector).forEach((element, i) => {
      const style = getComputedStyle(element);
      const values = {};
      for (const name of style) if (!SKIP.has(name)) values[name] = style.getPropertyValue(name);
      out[`${selector}[${i}]`] = values;
    });
  }
  out.document = {
    htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    sheets: [...document.styleSheets].map((s) => s.href),
    adopted: document.adoptedStyleSheets.length,
    bodyClass: document.body.className,
  };
  return out;
}

/** Reports the differing properties of two hostStyles() results. */
function diff(a, b) {
  const out = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    for (const prop of new Set([...Object.keys(a[key] ?? {}), ...Object.keys(b[key] ?? {})])) {
      const [x, y] = [a[key]?.[prop], b[key]?.[prop]];
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${key} ${prop}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    }
  }
  return out;
}

test("the widget's CSS does not leak into the host page (compared with the page without the widget)", LIMIT, async () => {
  // The demo article, hostile CSS and all.
  const DEMO = ["html", "body", "header", "header .kicker", "h1", "main", "main > p", "code", "h2", "p.after"];
  const demo = await open(`${server.url}/demo/article.html`);
  await questions(demo, "default-viewer");
  await questions(demo, "other-viewer");
  const control = await open(`${server.url}/demo/control.html`);
  await control.waitForLoadState("load");
  assert.equal(await control.evaluate(() => customElements.get("interview-viewer")), undefined);
  assert.deepEqual(diff(await demo.evaluate(hostStyles, DEMO), await control.evaluate(hostStyles, DEMO)), []);

  // A host whose own markup uses the viewer's class names (.iv, .iv-q-button, mark, [hidden]…).
  const PROBE = ["html", "body", "#probe", "#probe *"];
  const leak = await open(`${server.url}/leak-host.html`);
  await questions(leak, "viewer");
  await leak.locator("#viewer .iv-q-button").first().click();
  await leak.locator("#viewer .iv-search-input").fill("space");
  const leakControl = await open(`${server.url}/leak-control.html`);
  await leakControl.waitForLoadState("load");
  assert.deepEqual(diff(await leak.evaluate(hostStyles, PROBE), await leakControl.evaluate(hostStyles, PROBE)), []);
  // The host's hidden panel stays hidden; its page keeps its own theme attribute-free <html>.
  assert.equal(await leak.locator("#probe .iv-answer").isVisible(), false);
  assert.deepEqual(leak.problems, []);
});

test("several instances on the demo page are independent (search, toggles, ids)", LIMIT, async () => {
  const page = await open(`${server.url}/demo/article.html`);
  const first = await questions(page, "default-viewer");
  const other = await questions(page, "other-viewer");
  await page.locator("#broken-viewer .iv-error").waitFor({ state: "attached" });
  assert.equal(await first.count(), 9);
  assert.equal(await other.count(), 2);
  assert.equal(await title(page, "other-viewer"), ANOTHER_TITLE);
  // The other viewer's attributes: dark, h3.
  assert.equal(await page.locator("#other-viewer article.iv").getAttribute("data-theme"), "dark");
  assert.deepEqual(
    await page.locator("#other-viewer .iv-q-heading").evaluateAll((hs) => hs.map((h) => h.tagName)),
    ["H3", "H3"],
  );

  // A search in one filters only that one.
  await page.locator("#other-viewer .iv-search-input").fill("scannable");
  await page.waitForFunction(() => document.getElementById("other-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length === 1);
  assert.equal(await page.locator("#default-viewer .iv-filtering > .iv-qa:not(.iv-found)").count(), 0);
  assert.equal(await page.locator("#default-viewer mark").count(), 0);
  assert.equal(await page.locator("#default-viewer .iv-search-input").inputValue(), "");
  assert.match(await page.locator("#other-viewer .iv-search-status").textContent(), /^1 of 2 questions matches/);
  assert.equal(await page.locator("#default-viewer .iv-search-status").textContent(), "");
  await page.locator("#default-viewer .iv-search-input").fill("Talisman");
  await page.waitForFunction(() => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length > 0);
  assert.equal(await page.locator("#other-viewer .iv-filtering > .iv-qa:not(.iv-found)").count(), 1, "the other viewer keeps its own search");

  // Opening a question in one leaves the other's closed.
  await page.locator("#default-viewer .iv-search-input").fill("");
  await page.locator("#other-viewer .iv-search-input").fill("");
  await first.first().click();
  assert.equal(await first.first().getAttribute("aria-expanded"), "true");
  assert.equal(await other.first().getAttribute("aria-expanded"), "false");
  await page.locator("#other-viewer .iv-expand-all").click();
  assert.deepEqual(await other.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))), ["true", "true"]);
  assert.deepEqual(
    await first.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    ["true", ...Array(8).fill("false")],
  );

  // No id is used twice, in the document and all shadow roots together.
  const ids = await allIds(page);
  assert.ok(ids.length > 50, `only ${ids.length} ids`);
  assert.deepEqual(duplicates(ids), []);

  // One warning and one resource error, both for the broken instance; nothing else.
  await waitForWarnings(page, 1);
  await assertOnlyTheBrokenDemoInstanceLogged(page);
});

test("two instances of the same interview: unique ids, references resolve in their own root", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a");
  await addViewer(page, "b");
  await addViewer(page, "c", { src: "small.json" });
  await questions(page, "a");
  await questions(page, "b");
  await questions(page, "c");
  await page.locator("#a .iv-search-input").fill("space");
  await page.locator("#b .iv-expand-all").click();
  const ids = await allIds(page);
  assert.deepEqual(duplicates(ids), []);
  // Every aria-controls / aria-describedby / aria-labelledby / for points into the same root.
  const dangling = await page.evaluate(() => {
    const out = [];
    for (const id of ["a", "b", "c"]) {
      const root = document.getElementById(id).shadowRoot;
      for (const element of root.querySelectorAll("[aria-controls], [aria-describedby], [aria-labelledby], label[for]")) {
        for (const attr of ["aria-controls", "aria-describedby", "aria-labelledby", "for"]) {
          for (const ref of (element.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean)) {
            if (!root.getElementById(ref)) out.push(`${id}: ${attr}=${ref}`);
          }
        }
      }
    }
    return out;
  });
  assert.deepEqual(dangling, []);
  // Toggling questions of #b leaves #a's alone.
  const expanded = (id) => page.locator(`#${id} .iv-q-button`).evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));
  const before = await expanded("a");
  await page.locator("#b .iv-collapse-all").click();
  await page.locator("#b .iv-q-button").nth(2).click();
  assert.deepEqual(await expanded("b"), ["false", "false", "true", ...Array(6).fill("false")]);
  assert.deepEqual(await expanded("a"), before);
  assert.deepEqual(page.problems, []);
});
