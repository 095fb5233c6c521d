// Quote links (issue 15, part 1) in Chromium: selecting a passage of an answer offers "Copy link
// to quote"; the link opens the question with the passage highlighted and in view, on the
// standalone page and for an embedded viewer (whose link points at its host page).
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, closeOpenedPages, ready, axe } from "./harness.mjs";

const QUESTION = "why-is-it-important-for-guardians-to-forge-stronger";
const PASSAGE = "allows us to convey norms of freedom";
const CLIPBOARD = ["clipboard-read", "clipboard-write"];

let server, browser;
let hostBody = "";

before(async () => {
  server = await serve({
    routes: {
      "/host.html": (req, res) =>
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(`<!doctype html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,"></head><body><main><h1>Host</h1><p id="${QUESTION}">The host's own element with the question's id.</p>\n${hostBody}\n<script type="module" src="/interview-viewer.js"></script></main></body></html>`),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(closeOpenedPages);

async function open(path, options = {}) {
  const page = await openPage(browser, server.url + path, options);
  await ready(page);
  return page;
}

/** Selects the first occurrence of `text` in the answer `panelId` (in `host`'s shadow root if given). */
function select([panelId, text, host]) {
  const root = host ? document.getElementById(host).shadowRoot : document;
  const panel = root.getElementById(panelId);
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const at = node.data.indexOf(text);
    if (at >= 0) return getSelection().setBaseAndExtent(node, at, node, at + text.length), true;
  }
  return false;
}

/** The passage the quote highlight covers, and whether it is in the viewport. */
const highlighted = () => {
  const highlight = CSS.highlights.get("iv-quote");
  const range = highlight && [...highlight][0];
  if (!range) return null;
  const box = range.getBoundingClientRect();
  return { text: range.toString(), inView: box.top >= 0 && box.bottom <= innerHeight };
};
/** Whether the quote highlight is in the viewport (stands alone: it is sent to the page). */
const highlightInView = () => {
  const range = [...(CSS.highlights.get("iv-quote") ?? [])][0];
  const box = range?.getBoundingClientRect();
  return !!box && box.top >= 0 && box.bottom <= innerHeight;
};

test("selecting a passage offers Copy link to quote; the link opens the question with the passage highlighted", async () => {
  const page = await open(`/#${QUESTION}`, { permissions: CLIPBOARD });
  assert.equal(await page.locator(".iv-quote").count(), 0, "nothing to quote before a selection");
  assert.ok(await page.evaluate(select, [`${QUESTION}-panel`, PASSAGE]));
  const button = page.locator(".iv-quote .iv-copy-button");
  await button.waitFor();
  assert.equal(await button.innerText(), "Copy link to quote");
  // Next after the selection in the keyboard's order: inside the answer, after its text.
  assert.ok(await button.evaluate((b, id) => b.closest(".iv-answer")?.id === id, `${QUESTION}-panel`));
  assert.deepEqual(await axe(page), [], "axe with the quote button shown");
  await button.click();
  await page.locator(".iv-quote .iv-copy-status", { hasText: "Link to the quote copied" }).waitFor();
  assert.equal(await page.evaluate(() => getSelection().toString()), PASSAGE, "copying kept the selection");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const quoted = encodeURIComponent(PASSAGE);
  assert.equal(link, `${server.url}/#${QUESTION}~quote=${quoted}:~:text=${quoted}`);

  const reader = await open(link.replace(server.url, ""));
  // Highlighted, then scrolled into view (smoothly, unless the reader asked for less motion).
  await reader.waitForFunction(highlighted);
  assert.equal(await reader.locator(`#${QUESTION}-button`).getAttribute("aria-expanded"), "true");
  await reader.waitForFunction(highlightInView);
  assert.equal((await reader.evaluate(highlighted)).text, PASSAGE);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(reader.problems, []);
});

test("a long selection is linked by its first and last words, and found across the answer's blocks", async () => {
  const page = await open(`/#${QUESTION}`, { permissions: CLIPBOARD });
  // From the second bullet into the third: the selection's text has line breaks the DOM lacks.
  const selected = await page.evaluate((panelId) => {
    const panel = document.getElementById(panelId);
    const items = panel.querySelectorAll("li");
    const walker = (el) => {
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n; (n = w.nextNode()); ) nodes.push(n);
      return nodes;
    };
    const start = walker(items[1]).find((n) => n.data.includes("particularly"));
    const end = walker(items[2]).find((n) => n.data.includes("regional knowledge"));
    getSelection().setBaseAndExtent(start, start.data.indexOf("particularly"), end, end.data.indexOf("regional knowledge") + "regional knowledge".length);
    return getSelection().toString();
  }, `${QUESTION}-panel`);
  assert.match(selected, /^particularly concerning[\s\S]*regional knowledge$/);
  await page.locator(".iv-quote .iv-copy-button").click();
  await page.locator(".iv-quote .iv-copy-status", { hasText: "Link to the quote copied" }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /~quote=particularly%20concerning%20adversaries%E2%80%99%20counterspace,capabilities%20and%20regional%20knowledge:~:text=/);
  const reader = await open(link.replace(server.url, ""));
  await reader.waitForFunction(() => CSS.highlights.get("iv-quote")?.size === 1);
  const { text } = await reader.evaluate(() => ({ text: [...CSS.highlights.get("iv-quote")][0].toString() }));
  assert.match(text, /^particularly concerning adversaries’[\s\S]*unique perspectives,\s+capabilities and regional knowledge$/);
});

test("without the Clipboard API the quote's link is shown selected", async () => {
  const page = await open(`/#${QUESTION}`, { init: () => Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => undefined }) });
  await page.evaluate(select, [`${QUESTION}-panel`, PASSAGE]);
  await page.locator(".iv-quote .iv-copy-button").click();
  const field = page.locator(".iv-quote .iv-copy-field");
  await field.waitFor();
  assert.match(await field.inputValue(), new RegExp(`#${QUESTION}~quote=`));
  assert.equal(await field.getAttribute("aria-label"), "Link to this quote");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "iv-copy-field");
});

test("a selection outside the answers, or across two of them, offers nothing", async () => {
  const page = await open("/?q=");
  await page.locator(".iv-expand-all").click();
  await page.evaluate(() => {
    const [first, second] = [...document.querySelectorAll(".iv-answer")].map((a) => document.createTreeWalker(a, NodeFilter.SHOW_TEXT).nextNode());
    getSelection().setBaseAndExtent(first, 0, second, 3);
  });
  await page.waitForTimeout(400);
  assert.equal(await page.locator(".iv-quote").count(), 0);
  await page.evaluate(() => getSelection().selectAllChildren(document.querySelector(".iv-intro p")));
  await page.waitForTimeout(400);
  assert.equal(await page.locator(".iv-quote").count(), 0);
});

test("an embedded viewer's quote link points at its host page, by the element's name, and the element follows it", async () => {
  hostBody = `<interview-viewer id="talk"></interview-viewer>`;
  const page = await open("/host.html", { permissions: CLIPBOARD });
  const element = page.locator("#talk");
  await ready(page, element);
  await element.locator(`.iv-q-button >> nth=6`).click();
  const panelId = await element.locator(".iv-answer >> nth=6").getAttribute("id");
  assert.ok(await page.evaluate(select, [panelId, PASSAGE, "talk"]));
  await element.locator(".iv-quote .iv-copy-button").click();
  await element.locator(".iv-quote .iv-copy-status", { hasText: "Link to the quote copied" }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${server.url}/host.html#talk/${QUESTION}~quote=${encodeURIComponent(PASSAGE)}`);
  // The host hears it.
  const events = [];
  await page.exposeFunction("__heard", (detail) => events.push(detail));
  await page.evaluate(() => document.addEventListener("interview-viewer:quote-copied", (e) => window.__heard(e.detail)));
  await element.locator(".iv-quote .iv-copy-button").click();
  for (let i = 0; i < 50 && events.length === 0; i++) await page.waitForTimeout(50);
  assert.deepEqual(events, [{ id: QUESTION, number: 7, text: PASSAGE }]);

  const reader = await open(link.replace(server.url, ""));
  const inside = reader.locator("#talk");
  await ready(reader, inside);
  await reader.waitForFunction(highlighted);
  assert.equal(await inside.locator(".iv-q-button >> nth=6").getAttribute("aria-expanded"), "true");
  await reader.waitForFunction(highlightInView);
  assert.equal((await reader.evaluate(highlighted)).text, PASSAGE);
  // The host's own element with the question's id was left alone (the fragment names the viewer).
  assert.equal(await reader.evaluate(() => location.hash.startsWith("#talk/")), true);
  assert.deepEqual(reader.problems, []);
});
