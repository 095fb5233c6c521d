// "Share" (issue 15, part 2) in Chromium: the panel gives the link to the interview and its embed
// code, copies either with a spoken status (or offers it selected where the clipboard refuses),
// and the embed code, pasted into another page, shows the same interview there.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, closeOpenedPages, ready, axe } from "./harness.mjs";

let server, browser;
/** The host page the tests paste embed code into (served at /host.html). */
let hostBody = "";

before(async () => {
  server = await serve({
    routes: {
      "/host.html": (req, res) =>
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(`<!doctype html><html lang="en"><head><title>A host page</title><link rel="icon" href="data:,"></head><body><main><h1>A host page</h1>\n${hostBody}\n</main></body></html>`),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(closeOpenedPages);

const CLIPBOARD = ["clipboard-read", "clipboard-write"];
const NO_CLIPBOARD = () => Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => undefined });

async function open(path, options = {}) {
  const page = await openPage(browser, server.url + path, options);
  await ready(page);
  return page;
}

/** Opens the share panel of `root` (the page, or an element's shadow root locator). */
async function openShare(root) {
  const button = root.locator(".iv-share-button");
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  return root.locator(".iv-share-panel");
}

/** The questions' texts of the viewer in `root`. */
const questionTexts = (root) => root.locator(".iv-q-text").allInnerTexts();

test("Share gives the link and the embed code, copies each with a status, and Escape closes it", async () => {
  const page = await open("/?q=kill#anything", { permissions: CLIPBOARD });
  const button = page.locator(".iv-share-button");
  assert.equal(await button.innerText(), "Share");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.ok(await page.locator(".iv-share-panel").isHidden(), "the panel is there (aria-controls resolves), hidden and empty");
  assert.equal(await page.locator(".iv-share-panel > *").count(), 0);
  const panel = await openShare(page);
  assert.equal(await button.getAttribute("aria-controls"), await panel.getAttribute("id"));

  // The fields are named by their labels; the link drops the search and the fragment.
  const link = page.getByLabel("Link to this interview");
  const code = page.getByLabel("Embed code");
  assert.equal(await link.inputValue(), `${server.url}/`);
  assert.equal(
    await code.inputValue(),
    `<script type="module" src="${server.url}/interview-viewer.js"></script>\n<interview-viewer></interview-viewer>`,
  );
  assert.ok(await code.evaluate((c) => c.readOnly && c.getAttribute("aria-describedby") !== null));
  assert.deepEqual(await axe(page), [], "axe with the share panel open");

  const status = panel.locator(".iv-share-status");
  assert.equal(await status.getAttribute("role"), "status");
  await panel.getByRole("button", { name: "Copy link" }).click();
  await page.waitForFunction(() => document.querySelector(".iv-share-status").textContent === "Link copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/`);
  await panel.getByRole("button", { name: "Copy embed code" }).click();
  await page.waitForFunction(() => document.querySelector(".iv-share-status").textContent === "Embed code copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.inputValue());
  // The confirmation goes away by itself.
  await page.waitForFunction(() => document.querySelector(".iv-share-status").textContent === "", null, { timeout: 5000 });

  // Escape, from anywhere in the panel, closes it and gives the focus back to its button.
  await code.focus();
  await page.keyboard.press("Escape");
  assert.ok(await page.locator(".iv-share-panel").isHidden());
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "iv-share-button");
  // The search box kept its query: Escape was the panel's.
  assert.equal(await page.locator(".iv-search-input").inputValue(), "kill");
  assert.deepEqual(page.problems, []);
});

test("without the Clipboard API, a copy selects the field and says to press Ctrl+C", async () => {
  const page = await open("/", { init: NO_CLIPBOARD });
  const panel = await openShare(page);
  await panel.getByRole("button", { name: "Copy embed code" }).click();
  await page.waitForFunction(() => document.querySelector(".iv-share-status").textContent === "Press Ctrl+C (⌘C) to copy the embed code");
  const selected = await page.evaluate(() => {
    const field = document.activeElement;
    return [field.id.endsWith("share-code"), field.selectionStart, field.selectionEnd === field.value.length];
  });
  assert.deepEqual(selected, [true, 0, true], "the embed code is focused and wholly selected");
  await panel.getByRole("button", { name: "Copy link" }).click();
  await page.waitForFunction(() => document.querySelector(".iv-share-status").textContent === "Press Ctrl+C (⌘C) to copy the link");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "share-link");
  assert.deepEqual(page.problems, []);
});

test("the embed code, pasted into another page, shows the same interview there", async () => {
  for (const path of ["/", "/?src=demo/interviews/qa.txt"]) {
    const page = await open(path);
    const texts = await questionTexts(page);
    const panel = await openShare(page);
    const code = await panel.getByLabel("Embed code").inputValue();
    if (path !== "/") assert.match(code, new RegExp(`<interview-viewer src="${server.url}/demo/interviews/qa.txt">`));
    hostBody = code;
    const host = await open("/host.html");
    const element = host.locator("interview-viewer");
    await ready(host, element);
    assert.deepEqual(await questionTexts(element), texts, `the interview of ${path}`);
    assert.deepEqual(host.problems, [], path);
  }
});

test("an embedded viewer shares its host page and its own script; share=\"off\" hides Share", async () => {
  hostBody = `<interview-viewer id="first"></interview-viewer>\n<interview-viewer id="second" share="off" src="demo/interviews/qa.txt"></interview-viewer>\n<script type="module" src="/interview-viewer.js"></script>`;
  const page = await open("/host.html?from=a#somewhere", { permissions: CLIPBOARD });
  const [first, second] = [page.locator("#first"), page.locator("#second")];
  await ready(page, first);
  await ready(page, second);
  assert.equal(await second.locator(".iv-share-button").count(), 0);
  const panel = await openShare(first);
  assert.equal(await panel.getByLabel("Link to this interview").inputValue(), `${server.url}/host.html?from=a`);
  assert.equal(
    await panel.getByLabel("Embed code").inputValue(),
    `<script type="module" src="${server.url}/interview-viewer.js"></script>\n<interview-viewer></interview-viewer>`,
  );
  await panel.getByRole("button", { name: "Copy embed code" }).click();
  await first.locator(".iv-share-status", { hasText: "Embed code copied" }).waitFor();
  assert.deepEqual(await axe(page), [], "axe with an embedded share panel open");
  assert.deepEqual(page.problems, []);
});
