// The reader's features end to end: deep links and history, copy link, the contents, keyboard
// movement and focus, the glossary and its toggletips, themes, print, small screens and axe-core.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, closeOpenedPages, luminance, ready, axe } from "./harness.mjs";

let server, browser;
/** The questions' section ids, read from the DOM of a first page load (they are slugs). */
let ids = [];

before(async () => {
  server = await serve();
  browser = await launch();
  const page = await open();
  ids = await page.locator(".iv-qa").evaluateAll((sections) => sections.map((s) => s.id));
  assert.equal(ids.length, 9);
  await page.context().close();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(closeOpenedPages);

/**
 * A new page (in its own browser context) on `path`, once the viewer is interactive. `init` runs
 * before the page's scripts; `permissions` are granted to the test server's origin; every other
 * option is a browser-context option (viewport, colorScheme, hasTouch, …).
 */
async function open(path = "/", options = {}) {
  const page = await openPage(browser, server.url + path, options);
  await hydrated(page);
  return page;
}

/**
 * The page is prerendered (its question buttons exist before the wasm runs), so "ready" here also
 * waits for hydration: the viewer marks its article `data-ready` once the wasm has taken over.
 */
async function hydrated(page) {
  await ready(page);
  await page.locator("article.iv[data-ready]").waitFor({ state: "attached" });
}

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 800 };
const SMALL = { width: 320, height: 640 };

const questionButton = (page, i) => page.locator(`[id="${ids[i]}-button"]`);
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? null);
const waitForFocus = (page, id) =>
  page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 });
const waitForExpanded = (page, i, value = "true") =>
  page.waitForFunction(
    ([id, value]) => document.getElementById(`${id}-button`)?.getAttribute("aria-expanded") === value,
    [ids[i], value],
    { timeout: 5000 },
  );
/** Waits until the element with this id is entirely inside the viewport. */
const waitInView = (page, id) =>
  page.waitForFunction(
    (id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
    },
    id,
    { timeout: 5000 },
  );

const articleBackground = (page) => page.locator("article.iv").evaluate((e) => getComputedStyle(e).backgroundColor);
const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const isDark = async (page) => luminance(await articleBackground(page)) < 0.2;
/** Waits until the article's background is dark (luminance < 0.2) or light (> 0.5). */
/** Waits (polling) until the article's background is dark (luminance < 0.2) or light (> 0.5). */
async function waitForTheme(page, dark) {
  let l;
  for (let tries = 0; tries < 100; tries++) {
    l = luminance(await articleBackground(page));
    if (dark ? l < 0.2 : l > 0.5) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`the article's background stayed at luminance ${l}, not ${dark ? "dark" : "light"}`);
}

const STORAGE_KEY = "interview-viewer:theme";
const NO_CLIPBOARD = () => Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => undefined });
const NO_STORAGE = () =>
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  });

// ---------------------------------------------------------------------------------------------
// 1. Deep links and history

test("a #question deep link opens that question, scrolls it into view and focuses its button", async () => {
  for (const i of [5, 8]) {
    const page = await open(`/#${ids[i]}`);
    await waitForExpanded(page, i);
    await waitForFocus(page, `${ids[i]}-button`);
    await waitInView(page, `${ids[i]}-button`);
    assert.equal(await questionButton(page, i).getAttribute("aria-expanded"), "true");
    const panel = page.locator(`[id="${await questionButton(page, i).getAttribute("aria-controls")}"]`);
    assert.equal(await panel.getAttribute("hidden"), null);
    assert.ok(await panel.locator("li, p").first().isVisible(), "the answer's text is shown");
    assert.ok(await page.evaluate(() => window.scrollY > 0), "the page scrolled down to the question");
    assert.deepEqual(page.problems, []);
  }
});

test("contents links add history entries; Back and Forward return to (and reopen) each question", async () => {
  const page = await open("/");
  const length = await page.evaluate(() => history.length);
  const link = (i) => page.locator(`nav.iv-contents a[href="#${ids[i]}"]`);

  await link(2).click();
  await waitForExpanded(page, 2);
  await waitForFocus(page, `${ids[2]}-button`);
  assert.equal(new URL(page.url()).hash, `#${ids[2]}`);

  await link(6).click();
  await waitForExpanded(page, 6);
  await waitForFocus(page, `${ids[6]}-button`);
  assert.equal(new URL(page.url()).hash, `#${ids[6]}`);
  assert.equal(await page.evaluate(() => history.length), length + 2, "each click adds one history entry");

  // Close everything, so Back has to open question 3 again rather than find it open.
  await page.getByRole("button", { name: "Collapse all" }).click();
  await waitForExpanded(page, 2, "false");

  await page.goBack();
  assert.equal(new URL(page.url()).hash, `#${ids[2]}`);
  await waitForExpanded(page, 2);
  await waitForFocus(page, `${ids[2]}-button`);
  await waitInView(page, `${ids[2]}-button`);

  await page.goForward();
  assert.equal(new URL(page.url()).hash, `#${ids[6]}`);
  await waitForExpanded(page, 6);
  await waitForFocus(page, `${ids[6]}-button`);
  await waitInView(page, `${ids[6]}-button`);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 2. Copy link

test("Copy link writes the page URL + #question to the clipboard and says so in a status", async () => {
  const page = await open("/", { permissions: ["clipboard-read", "clipboard-write"] });
  const button = page.getByRole("button", { name: "Copy link to question 3" });
  assert.equal(await page.locator(".iv-copy-button").count(), 9);
  assert.equal(await button.getAttribute("class"), "iv-copy-button");
  const copy = page.locator(".iv-copy").filter({ has: button });
  const status = copy.locator(".iv-copy-status");
  assert.equal(await status.getAttribute("role"), "status");
  assert.equal(await status.innerText(), "");

  await button.click();
  await page.waitForFunction(
    (id) => document.getElementById(id).closest(".iv-qa").querySelector(".iv-copy-status").textContent === "Link copied",
    `${ids[2]}-button`,
    { timeout: 5000 },
  );
  assert.ok(await status.isVisible(), "the confirmation is visible");
  const pageUrl = page.url().split("#")[0];
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${pageUrl}#${ids[2]}`);
  assert.equal(await copy.locator(".iv-copy-field").count(), 0, "no manual field when copying worked");
  assert.deepEqual(page.problems, []);
});

test("without the Clipboard API, Copy link shows the link selected in a read-only field", async () => {
  const page = await open("/", { init: NO_CLIPBOARD });
  assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
  const button = page.getByRole("button", { name: "Copy link to question 5" });
  const copy = page.locator(".iv-copy").filter({ has: button });
  await button.click();
  const field = copy.locator(".iv-copy-field");
  await field.waitFor({ state: "visible", timeout: 5000 });
  const pageUrl = page.url().split("#")[0];
  assert.equal(await field.inputValue(), `${pageUrl}#${ids[4]}`);
  assert.ok(await field.evaluate((f) => f.readOnly), "the field is read-only");
  await page.waitForFunction(() => document.activeElement?.classList.contains("iv-copy-field"), null, { timeout: 5000 });
  const selection = await field.evaluate((f) => [f.selectionStart, f.selectionEnd, f.value.length]);
  assert.deepEqual(selection, [0, selection[2], selection[2]], "the whole link is selected");
  assert.match(await copy.locator(".iv-copy-status").innerText(), /Ctrl\+C/);
  assert.equal(await copy.locator(".iv-copy-status").getAttribute("role"), "status");
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 3. Contents

test("wide screens: the contents list is shown beside the text and marks the question in view", async () => {
  const page = await open("/", { viewport: WIDE });
  const nav = page.locator("nav.iv-contents");
  const list = nav.locator(".iv-contents-list");
  assert.ok(await list.isVisible());
  assert.ok(!(await nav.locator(".iv-contents-toggle").isVisible()), "no toggle on a wide screen");
  const hrefs = await list.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, [...ids.map((id) => `#${id}`), "#glossary"]);
  for (const link of await list.locator("a").all()) assert.ok(await link.isVisible());
  assert.equal(await list.locator('a[href="#glossary"]').innerText(), "Glossary");
  assert.equal(await page.locator("#glossary").count(), 1);

  // Scroll question 6 (opened, so it fills the reading area) to the top of the screen.
  await page.getByRole("button", { name: "Expand all" }).click();
  await page.locator(`[id="${ids[5]}"]`).evaluate((s) => s.scrollIntoView({ block: "start", behavior: "instant" }));
  await page.waitForFunction(
    (href) => document.querySelector(`nav.iv-contents a[href="${href}"]`)?.getAttribute("aria-current") === "true",
    `#${ids[5]}`,
    { timeout: 5000 },
  );
  assert.equal(await list.locator('a[aria-current="true"]').count(), 1, "only one link is current");
  assert.ok(await nav.getAttribute("aria-labelledby"));
  assert.deepEqual(page.problems, []);
});

test("narrow screens: the contents hide behind a toggle, and choosing a question closes them", async () => {
  const page = await open("/", { viewport: NARROW });
  const toggle = page.getByRole("button", { name: "Contents" });
  const list = page.locator("nav.iv-contents .iv-contents-list");
  assert.ok(await toggle.isVisible());
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await toggle.getAttribute("aria-controls"), await list.getAttribute("id"));
  assert.ok(!(await list.isVisible()), "the list is hidden until asked for");

  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await list.isVisible());
  assert.equal(await list.locator("a").count(), 10);

  await list.locator(`a[href="#${ids[3]}"]`).click();
  await waitForExpanded(page, 3);
  await waitForFocus(page, `${ids[3]}-button`);
  await waitInView(page, `${ids[3]}-button`);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.ok(!(await list.isVisible()), "the list closes after a choice");
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 4. Keyboard

test("arrow keys, Home and End move between question buttons, wrapping at the ends", async () => {
  const page = await open("/");
  const before = await page.locator(".iv-q-button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));
  await questionButton(page, 0).focus();
  const steps = [
    ["ArrowDown", 1],
    ["ArrowDown", 2],
    ["ArrowUp", 1],
    ["ArrowUp", 0],
    ["ArrowUp", 8],
    ["ArrowDown", 0],
    ["End", 8],
    ["ArrowDown", 0],
    ["Home", 0],
    ["ArrowUp", 8],
    ["Home", 0],
  ];
  for (const [key, to] of steps) {
    await page.keyboard.press(key);
    assert.equal(await activeId(page), `${ids[to]}-button`, `${key} should focus question ${to + 1}`);
  }
  const after = await page.locator(".iv-q-button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));
  assert.deepEqual(after, before, "moving focus opens or closes nothing");

  // While a search filters the questions, the keys move among the ones shown.
  await page.locator(".iv-search-input").fill("talisman");
  const shown = await page.locator(":is(.iv-questions:not(.iv-filtering) > .iv-qa, .iv-found) .iv-q-button").evaluateAll((bs) => bs.map((b) => b.id));
  assert.equal(shown.length, 2);
  await page.locator(`[id="${shown[0]}"]`).focus();
  for (const [key, to] of [["ArrowDown", 1], ["ArrowDown", 0], ["ArrowUp", 1], ["Home", 0], ["End", 1]]) {
    await page.keyboard.press(key);
    assert.equal(await activeId(page), shown[to], `${key} while searching`);
  }
  assert.deepEqual(page.problems, []);
});

/** Describes the focused element in words a test can compare. */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { key: "body" };
  let key;
  if (el.matches(".iv-contents-link")) key = `contents ${el.getAttribute("href")}`;
  else if (el.matches(".iv-contents-toggle")) key = "contents toggle";
  else if (el.matches(".iv-abbr")) key = `acronym ${el.id}`;
  else if (el.matches(".iv-search-input")) key = "search";
  else if (el.matches("input[type=radio]")) key = `theme ${el.value}`;
  else if (el.matches(".iv-q-button")) key = `question ${el.id}`;
  else if (el.matches("button")) key = el.getAttribute("aria-label") || el.textContent.trim();
  else key = `${el.tagName.toLowerCase()}.${el.className}#${el.id}`;
  const style = getComputedStyle(el);
  return {
    key,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    focusVisible: el.matches(":focus-visible"),
  };
}

/** Tabs from the top of the page to its end, returning every focus stop. */
async function tabThrough(page) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const stops = [];
  for (let n = 0; n < 120; n++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(describeFocus);
    if (stop.key === "body" || (stops.length > 0 && stop.key === stops[0].key)) break;
    stops.push(stop);
  }
  return stops;
}

function assertFocusRings(stops) {
  const bad = stops.filter((s) => !s.focusVisible || s.outlineStyle === "none" || s.outlineWidth < 2);
  assert.deepEqual(
    bad.map((s) => `${s.key}: ${s.outlineStyle} ${s.outlineWidth}px${s.focusVisible ? "" : " (not :focus-visible)"}`),
    [],
    "every keyboard focus stop shows a focus ring of at least 2px",
  );
}

test("Tab reaches every control in order, each with a visible focus ring (wide screen)", async () => {
  const page = await open("/", { viewport: WIDE });
  const introAcronyms = await page.locator(".iv-intro .iv-abbr").evaluateAll((bs) => bs.map((b) => `acronym ${b.id}`));
  assert.ok(introAcronyms.length >= 1);
  const expected = [
    ...ids.map((id) => `contents #${id}`),
    "contents #glossary",
    ...introAcronyms,
    "search",
    // Previous and next match are disabled without a query, so Tab skips them.
    "Expand all",
    "Collapse all",
    "Share",
    "theme system",
    ...ids.flatMap((id, i) => [`question ${id}-button`, `Copy link to question ${i + 1}`]),
  ];
  const stops = await tabThrough(page);
  assert.deepEqual(
    stops.map((s) => s.key),
    expected,
  );
  assertFocusRings(stops);
  assert.deepEqual(page.problems, []);
});

test("Tab reaches every control on a narrow screen, and the search buttons once there is a query", async () => {
  const page = await open("/", { viewport: NARROW });
  const introAcronyms = await page.locator(".iv-intro .iv-abbr").evaluateAll((bs) => bs.map((b) => `acronym ${b.id}`));
  let stops = await tabThrough(page);
  assert.deepEqual(
    stops.map((s) => s.key),
    [
      "contents toggle",
      ...introAcronyms,
      "search",
      "Expand all",
      "Collapse all",
      "Share",
      "theme system",
      ...ids.flatMap((id, i) => [`question ${id}-button`, `Copy link to question ${i + 1}`]),
    ],
  );
  assertFocusRings(stops);

  // With matches, Previous, Next and Clear follow the search box.
  await page.locator(".iv-search-input").fill("talisman");
  await page.locator(".iv-search-input").focus();
  const after = [];
  for (let n = 0; n < 3; n++) {
    await page.keyboard.press("Tab");
    after.push(await page.evaluate(describeFocus));
  }
  assert.deepEqual(
    after.map((s) => s.key),
    ["Previous match", "Next match", "Clear"],
  );
  assertFocusRings(after);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 5. Glossary and toggletips

test("the glossary lists the interview's acronyms with their expansions", async () => {
  const page = await open("/");
  const glossary = page.locator("#glossary");
  assert.ok(await glossary.isVisible());
  assert.match(await glossary.getByRole("heading").first().innerText(), /glossary/i);
  const entries = Object.fromEntries(
    await glossary.locator("dt").evaluateAll((dts) =>
      dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.trim() ?? ""]),
    ),
  );
  const expected = {
    SFI: "Space Forces-Indo-Pacific",
    USINDOPACOM: "U.S. Indo-Pacific Command",
    USSPACECOM: "U.S. Space Command",
    RIMPAC: "Rim of the Pacific",
    EW: "Electromagnetic Warfare",
    NSSI: "National Security Space Institute",
    CONOPS: "concepts of operation",
    CSP: "campaign support plan",
    ISR: "intelligence, surveillance and reconnaissance",
    SATCOM: "satellite communications",
    PNT: "position, navigation and timing",
    SCIF: "sensitive compartmented information facility",
  };
  for (const [abbr, expansion] of Object.entries(expected)) {
    assert.ok(abbr in entries, `${abbr} is in the glossary (it has ${Object.keys(entries).join(", ")})`);
    assert.equal(entries[abbr].toLowerCase(), expansion.toLowerCase(), abbr);
  }
  assert.deepEqual(page.problems, []);
});

/** The bubble of an acronym button: drawn beside it, hidden from the accessibility tree. */
const bubbleOf = (acronym) => acronym.locator("xpath=following-sibling::span[contains(@class, 'iv-tip')]");

/** The text a bubble draws (from its data-expansion, so that it is not in the sentence's text). */
const drawnText = (tip) =>
  tip.evaluate((t) => JSON.parse(getComputedStyle(t, "::before").content.replace(/^'|'$/g, '"')));

/** The intro's first acronym button (USSPACECOM) and its bubble. */
async function firstTip(page) {
  const button = page.locator(".iv-intro button.iv-abbr").first();
  const describedBy = await button.getAttribute("aria-describedby");
  assert.ok(describedBy, "the acronym button has aria-describedby");
  // The description is the glossary's entry for the acronym.
  const description = page.locator(`[id="${describedBy}"]`);
  assert.ok(await description.evaluate((d) => d.tagName === "DD" && !!d.closest(".iv-glossary")));
  const tip = bubbleOf(button);
  assert.equal(await tip.count(), 1);
  assert.equal(await tip.getAttribute("aria-hidden"), "true");
  assert.equal(await tip.textContent(), "", "the bubble adds no text to the sentence");
  return { button, tip };
}

const center = async (locator) => {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

test("toggletip: hover opens it, the pointer can move onto the bubble, moving away closes it", async () => {
  const page = await open("/");
  const { button, tip } = await firstTip(page);
  assert.ok(!(await tip.isVisible()));
  assert.equal(await button.getAttribute("aria-expanded"), "false");

  const from = await center(button);
  await page.mouse.move(from.x, from.y);
  await tip.waitFor({ state: "visible", timeout: 5000 });
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(await drawnText(tip), "U.S. Space Command");

  // Move the pointer up onto the bubble one pixel at a time, as a slow hand would: it crosses
  // whatever lies between the acronym and its bubble.
  const box = await tip.boundingBox();
  const to = { x: from.x, y: box.y + box.height / 2 };
  assert.ok(to.x > box.x && to.x < box.x + box.width, "the bubble is above the acronym");
  await page.mouse.move(to.x, to.y, { steps: Math.ceil(from.y - to.y) });
  assert.ok(await tip.isVisible(), "the bubble stays open while the pointer travels onto it");
  assert.equal(await button.getAttribute("aria-expanded"), "true");

  await page.mouse.move(to.x, to.y + 300, { steps: 5 });
  await tip.waitFor({ state: "hidden", timeout: 5000 });
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.deepEqual(page.problems, []);
});

test("toggletip: keyboard focus opens it and Escape closes it, leaving the focus where it was", async () => {
  const page = await open("/");
  const { button, tip } = await firstTip(page);
  // Tab to the acronym from the element just before it.
  await page.locator("nav.iv-contents a").last().focus();
  await page.keyboard.press("Tab");
  assert.equal(await activeId(page), await button.getAttribute("id"));
  await tip.waitFor({ state: "visible", timeout: 5000 });
  assert.equal(await button.getAttribute("aria-expanded"), "true");

  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden", timeout: 5000 });
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await activeId(page), await button.getAttribute("id"), "Escape keeps the focus on the acronym");

  // Tabbing away closes it.
  await page.keyboard.press("Escape");
  await button.focus();
  await page.keyboard.press("Tab");
  assert.ok(!(await tip.isVisible()));
  assert.deepEqual(page.problems, []);
});

test("toggletip: a tap opens it on a touch screen", async () => {
  const page = await open("/", { viewport: NARROW, hasTouch: true, isMobile: true });
  const { button, tip } = await firstTip(page);
  await button.scrollIntoViewIfNeeded();
  await button.tap();
  await tip.waitFor({ state: "visible", timeout: 5000 });
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  // The tap's synthetic click must not close what its touch just opened.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(await tip.isVisible());
  assert.deepEqual(page.problems, []);
});

test("an acronym button's accessible name is the acronym and its description the expansion", async () => {
  const page = await open("/");
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const checked = [];
  for (const button of await page.locator("button.iv-abbr").all()) {
    if (!(await button.isVisible())) continue; // collapsed answers: checked once opened below
    checked.push(await button.getAttribute("id"));
  }
  await page.getByRole("button", { name: "Expand all" }).click();
  const all = await page.locator("button.iv-abbr").evaluateAll((bs) => bs.map((b) => b.id));
  assert.ok(all.length >= 12);
  const glossary = Object.fromEntries(
    await page.locator("#glossary dt").evaluateAll((dts) => dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])),
  );
  for (const id of all) {
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: `[id="${id}"]` });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    const node = nodes[0];
    const name = node.name?.value;
    assert.ok(name in glossary, `${id}: name "${name}" is a glossary acronym`);
    assert.equal(node.description?.value, glossary[name], `${id}: description is the expansion of ${name}`);
    const tipText = await page.locator(`[id="${id}"]`).evaluate((b) => document.getElementById(b.getAttribute("aria-describedby")).textContent);
    assert.equal(tipText, glossary[name]);
    assert.equal(await drawnText(bubbleOf(page.locator(`[id="${id}"]`))), glossary[name], `${id}: the bubble draws the expansion`);
  }
  assert.ok(checked.length >= 1);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 6. Themes, forced colours, reduced motion

test("the theme follows the system's colour scheme", async () => {
  const dark = await open("/", { colorScheme: "dark" });
  assert.ok(luminance(await articleBackground(dark)) < 0.2, `dark: ${await articleBackground(dark)}`);
  assert.ok(luminance(await bodyBackground(dark)) < 0.2, `dark body: ${await bodyBackground(dark)}`);
  assert.ok(await dark.getByRole("radio", { name: "System" }).isChecked());
  const light = await open("/", { colorScheme: "light" });
  assert.ok(luminance(await articleBackground(light)) > 0.8, `light: ${await articleBackground(light)}`);
  assert.ok(luminance(await bodyBackground(light)) > 0.8, `light body: ${await bodyBackground(light)}`);
  assert.deepEqual(dark.problems, []);
  assert.deepEqual(light.problems, []);
});

test("choosing Dark overrides a light system, persists across reload, and System follows again", async () => {
  const page = await open("/", { colorScheme: "light" });
  const fieldset = page.locator("fieldset.iv-theme");
  assert.match(await fieldset.locator("legend").innerText(), /Theme/);
  await fieldset.getByRole("radio", { name: "Dark" }).check();
  await waitForTheme(page, true);
  assert.ok(await isDark(page));
  assert.ok(luminance(await bodyBackground(page)) < 0.2, "the page around the viewer is dark too");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), "dark");

  await page.reload();
  await hydrated(page);
  assert.ok(await isDark(page), "the choice survives a reload");
  assert.ok(await fieldset.getByRole("radio", { name: "Dark" }).isChecked());

  await fieldset.getByRole("radio", { name: "System" }).check();
  await waitForTheme(page, false);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), "system");
  await page.emulateMedia({ colorScheme: "dark" });
  await waitForTheme(page, true);
  await page.emulateMedia({ colorScheme: "light" });
  await waitForTheme(page, false);

  // Light overrides a dark system.
  await page.emulateMedia({ colorScheme: "dark" });
  await fieldset.getByRole("radio", { name: "Light" }).check();
  await waitForTheme(page, false);
  assert.ok(luminance(await bodyBackground(page)) > 0.8, "the page around the viewer is light too");
  assert.deepEqual(page.problems, []);
});

test("a stored choice is shown checked on a first visit, not only after a reload", async () => {
  // A new tab: no form state for the browser to restore, so the switch shows what the page
  // itself checks. (The prerendered page has System checked; hydration must check the stored
  // choice.)
  for (const choice of ["Dark", "Light"]) {
    const stored = choice.toLowerCase();
    const page = await open("/", {
      colorScheme: choice === "Dark" ? "light" : "dark",
      init: `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(stored)});`,
    });
    await hydrated(page);
    const fieldset = page.locator("fieldset.iv-theme");
    assert.ok(await fieldset.getByRole("radio", { name: choice }).isChecked(), `${choice} checked`);
    assert.equal(await fieldset.getByRole("radio", { name: "System" }).isChecked(), false);
    assert.equal(await isDark(page), choice === "Dark");
    assert.deepEqual(page.problems, []);
  }
});

test("with storage blocked the page loads cleanly and the theme switch still works for the visit", async () => {
  const page = await open("/", { colorScheme: "light", init: NO_STORAGE });
  assert.equal(
    await page.evaluate(() => {
      try {
        void window.localStorage;
        return "readable";
      } catch (e) {
        return e.name;
      }
    }),
    "SecurityError",
  );
  assert.ok(!(await isDark(page)));
  await page.getByRole("radio", { name: "Dark" }).check();
  await waitForTheme(page, true);
  await page.getByRole("radio", { name: "System" }).check();
  await waitForTheme(page, false);
  await page.getByRole("radio", { name: "Dark" }).check();
  await waitForTheme(page, true);
  assert.deepEqual(page.problems, []);
});

test("forced colours: the page renders and search marks stand out", async () => {
  const page = await open("/", { forcedColors: "active" });
  await page.locator(".iv-search-input").fill("space");
  const mark = page.locator("mark.iv-match").first();
  await mark.waitFor();
  assert.ok((await page.locator("mark.iv-match").count()) > 0);
  const [markBg, textBg] = await mark.evaluate((m) => [
    getComputedStyle(m).backgroundColor,
    getComputedStyle(document.querySelector("article.iv")).backgroundColor,
  ]);
  assert.notEqual(markBg, textBg, "marks have their own background");
  assert.deepEqual(page.problems, []);
});

test("reduced motion: scrolling is instant", async () => {
  const reduced = await open("/", { reducedMotion: "reduce" });
  assert.equal(await reduced.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), "auto");
  const normal = await open("/", { reducedMotion: "no-preference" });
  assert.equal(await normal.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), "smooth");
  assert.deepEqual(reduced.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 7. Print

async function assertPrintsEverything(page) {
  await page.emulateMedia({ media: "print" });
  const answers = await page.locator(".iv-answer").all();
  assert.equal(answers.length, 9);
  for (const [i, answer] of answers.entries()) {
    assert.ok(await answer.isVisible(), `answer ${i + 1} is printed`);
    for (const text of await answer.locator("li, p").all()) {
      assert.ok(await text.isVisible(), `answer ${i + 1}'s text is printed`);
    }
    assert.ok(await answer.evaluate((a) => a.getBoundingClientRect().height > 40), `answer ${i + 1} has its height`);
  }
  for (const button of await page.locator(".iv-q-button").all()) assert.ok(await button.isVisible(), "questions are printed");
  assert.ok(!(await page.locator(".iv-toolbar").isVisible()), "no toolbar on paper");
  assert.ok(!(await page.locator("nav.iv-contents").isVisible()), "no contents on paper");
  for (const copy of await page.locator(".iv-copy-button").all()) assert.ok(!(await copy.isVisible()), "no copy buttons on paper");
}

test("print shows every answer, open or not, and none of the controls", async () => {
  const page = await open("/", { viewport: WIDE });
  await questionButton(page, 1).click(); // a mix of open and collapsed answers
  await assertPrintsEverything(page);
  assert.deepEqual(page.problems, []);
});

test("print shows the whole interview even while a search filters it", async () => {
  const page = await open("/?q=talisman", { viewport: WIDE });
  assert.equal(await page.locator(".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found").count(), 2);
  await assertPrintsEverything(page);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 8. Small screens

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("320 px: no horizontal scrolling with every answer open and with the contents open", async () => {
  const page = await open("/", { viewport: SMALL });
  await page.getByRole("button", { name: "Expand all" }).click();
  assert.ok((await overflow(page)) <= 0, `expanded: ${await overflow(page)}px too wide`);
  await page.getByRole("button", { name: "Contents" }).click();
  assert.ok(await page.locator(".iv-contents-list").isVisible());
  assert.ok((await overflow(page)) <= 0, `contents open: ${await overflow(page)}px too wide`);
  assert.deepEqual(page.problems, []);
});

test("320 px: an open toggletip stays on the screen and never makes the page scroll sideways", async () => {
  const page = await open("/", { viewport: SMALL });
  await page.getByRole("button", { name: "Expand all" }).click();
  const acronyms = await page.locator("button.iv-abbr").all();
  assert.ok(acronyms.length >= 12);
  const outside = [];
  for (const acronym of acronyms) {
    await acronym.focus();
    const tip = bubbleOf(acronym);
    await tip.waitFor({ state: "visible", timeout: 5000 });
    const [left, right, width] = await tip.evaluate((t) => {
      const r = t.getBoundingClientRect();
      return [r.left, r.right, window.innerWidth];
    });
    const extra = await overflow(page);
    if (left < 0 || right > width || extra > 0) {
      outside.push(`${await acronym.innerText()} (${await acronym.getAttribute("id")}): bubble ${Math.round(left)}–${Math.round(right)} px of ${width}, page ${extra} px too wide`);
    }
  }
  assert.deepEqual(outside, []);
  assert.deepEqual(page.problems, []);
});

test("320 px: every control is a target of at least 24 × 24 px", async () => {
  const page = await open("/", { viewport: SMALL });
  await page.getByRole("button", { name: "Expand all" }).click();
  await page.getByRole("button", { name: "Contents" }).click();
  await page.locator(".iv-search-input").fill("space"); // shows Previous, Next and Clear
  const small = await page.evaluate(() => {
    const name = (el) =>
      `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute("aria-label") || el.textContent).trim().slice(0, 30)}"`;
    // A radio's target is its label (a click anywhere on it picks the radio), so labels are
    // measured and the bare 16 px circles are not.
    const controls = document.querySelectorAll(
      ".iv button:not(.iv-abbr), .iv a:not(.iv-intro a):not(.iv-answer a), .iv input:not([type=radio]), .iv label",
    );
    const out = [];
    let measured = 0;
    for (const el of controls) {
      if (!el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      measured++;
      if (r.width < 24 || r.height < 24) out.push(`${name(el)}: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
    return { out, measured };
  });
  assert.ok(small.measured > 30, `measured ${small.measured} controls`);
  assert.deepEqual(small.out, []);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// 9. axe-core

/** Opens every answer and one toggletip (in an answer), then runs axe-core. */
async function auditOpen(page, label) {
  await page.getByRole("button", { name: "Expand all" }).click();
  const acronym = page.locator(".iv-answer button.iv-abbr").first();
  await acronym.focus();
  const tip = bubbleOf(acronym);
  await tip.waitFor({ state: "visible", timeout: 5000 });
  assert.deepEqual(await axe(page), [], label);
  assert.ok(await tip.isVisible(), "the toggletip was open during the audit");
}

test("axe-core: no WCAG 2.2 A/AA violations in the light theme, all open, a toggletip shown", async () => {
  const page = await open("/", { colorScheme: "light" });
  await auditOpen(page, "light");
  assert.deepEqual(page.problems, []);
});

test("axe-core: no violations in the dark theme, from the system and from the Dark radio", async () => {
  const system = await open("/", { colorScheme: "dark" });
  assert.ok(await isDark(system));
  await auditOpen(system, "dark (system)");
  assert.deepEqual(system.problems, []);

  const chosen = await open("/", { colorScheme: "light" });
  await chosen.getByRole("radio", { name: "Dark" }).check();
  await waitForTheme(chosen, true);
  await auditOpen(chosen, "dark (radio)");
  assert.deepEqual(chosen.problems, []);
});
