// The embed snippet (dist/embed-snippet.html, `iv-convert --snippet`): pasted into a host page,
// the interview paints with the page from its declarative shadow root, reads with JavaScript off,
// opens and closes before the wasm arrives, and is hydrated in place: nothing moves, what the
// reader opened stays open, and the viewer then works as a plain element does.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { serve, launch, openPage, closeOpenedPages, axe, DIST, ROOT } from "./harness.mjs";

const LIMIT = { timeout: 120_000 };
const SNIPPET = await readFile(path.join(DIST, "embed-snippet.html"), "utf8");

/** A host article with `snippet` pasted between two of its paragraphs. */
const hostPage = (snippet) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A host article</title></head>
<body><main><h1>A host article</h1><p>Before the interview.</p>
${snippet}
<p id="after">After the interview.</p></main></body></html>`;

/** The wasm is held back until `release()`: the time before it arrives. */
const gate = { open: null, release: () => gate.open?.() };
function resetGate() {
  const opened = new Promise((resolve) => (gate.open = resolve));
  gate.opened = opened;
}

let server, browser;
before(async () => {
  const wasm = (await readdir(DIST)).find((f) => /^interview-viewer-[0-9a-f]+_bg\.wasm$/.test(f));
  const send = (res, type, body) => {
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  };
  server = await serve({
    routes: {
      "/favicon.ico": (req, res) => res.writeHead(204).end(),
      "/snippet-host.html": (req, res) => send(res, "text/html; charset=utf-8", hostPage(SNIPPET)),
      "/converted-host.html": (req, res) => send(res, "text/html; charset=utf-8", hostPage(converted)),
      [`/${wasm}`]: async (req, res) => {
        await gate.opened;
        send(res, "application/wasm", await readFile(path.join(DIST, wasm)));
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(closeOpenedPages);

/** `iv-convert --snippet` of the small plain-text fixture, published at the server's root. */
const converted = execFileSync(
  "cargo",
  ["run", "--quiet", "--features", "ssr", "--bin", "iv-convert", "--", "e2e/fixtures/small.txt", "--snippet", "--base", "/"],
  { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);

const inShadow = (selector) => `interview-viewer >> ${selector}`;
const hydrated = (page) => page.locator(inShadow("article.iv[data-ready]")).waitFor({ state: "attached" });
/** Marks the first question's button, to tell hydration (same node) from a new render. */
const markFirstButton = (page) =>
  page.evaluate(() => (window.__firstButton = document.querySelector("interview-viewer").shadowRoot.querySelector(".iv-q-button")));
const sameFirstButton = (page) =>
  page.evaluate(() => window.__firstButton === document.querySelector("interview-viewer").shadowRoot.querySelector(".iv-q-button"));

/** Where each question button and the host's next paragraph are, to the pixel. */
const layout = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("interview-viewer").shadowRoot;
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    };
    return { questions: [...root.querySelectorAll(".iv-q-button")].map(box), after: box(document.getElementById("after")) };
  });

test("the snippet paints the interview before the wasm arrives, toggles it, and is hydrated in place", LIMIT, async () => {
  resetGate();
  const page = await openPage(browser, `${server.url}/snippet-host.html`);
  // The whole interview is there with the host page, in the element's shadow root.
  assert.equal(await page.locator(inShadow(".iv-q-button")).count(), 9);
  await assert.doesNotReject(page.locator(inShadow(".iv-q-button")).first().waitFor({ state: "visible" }));
  assert.equal(await page.locator(inShadow("article.iv[data-ready]")).count(), 0, "not hydrated yet");
  // The element's module is here, the wasm is not: questions already open and close.
  const third = page.locator(inShadow(".iv-q-button")).nth(2);
  await page.waitForFunction(() => customElements.get("interview-viewer") !== undefined);
  await third.click();
  assert.equal(await third.getAttribute("aria-expanded"), "true");
  await assert.doesNotReject(page.locator(inShadow(".iv-answer")).nth(2).waitFor({ state: "visible" }));
  const before = await layout(page);
  await markFirstButton(page);

  gate.release();
  await hydrated(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await third.getAttribute("aria-expanded"), "true", "what the reader opened stays open");
  assert.deepEqual(await layout(page), before, "nothing moved when the viewer took over");
  assert.ok(await sameFirstButton(page), "hydrated in place, not rendered a second time");

  // The hydrated viewer: its own toggling, search with marks, Expand all.
  await third.click();
  assert.equal(await third.getAttribute("aria-expanded"), "false");
  await page.locator(inShadow(".iv-search-input")).fill("talisman");
  await page.locator(inShadow(".iv-search-status")).filter({ hasText: /^2 of 9 questions match/ }).waitFor();
  assert.ok((await page.locator(inShadow("mark.iv-match")).count()) >= 2);
  await page.locator(inShadow(".iv-search-input")).fill("");
  await page.locator(inShadow(".iv-expand-all")).click();
  assert.equal(await page.locator(inShadow('.iv-q-button[aria-expanded="true"]')).count(), 9);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axe(page), []);
});

test("with JavaScript off the snippet is a plain article: every answer shown, no controls", LIMIT, async () => {
  resetGate();
  gate.release();
  const page = await openPage(browser, `${server.url}/snippet-host.html`, { javaScriptEnabled: false });
  const answers = page.locator(inShadow(".iv-answer"));
  assert.equal(await answers.count(), 9);
  for (let i = 0; i < 9; i++) assert.ok(await answers.nth(i).isVisible(), `answer ${i + 1} is shown`);
  assert.equal(await page.locator(inShadow(".iv-toolbar")).isVisible(), false);
  assert.match(await answers.nth(0).innerText(), /\S/);
});

test("iv-convert --snippet writes the same for any interview: its data inline, hydrated in place", LIMIT, async () => {
  resetGate();
  assert.match(converted, /<script type="application\/json">/);
  const page = await openPage(browser, `${server.url}/converted-host.html`);
  await markFirstButton(page);
  gate.release();
  const title = page.locator(inShadow(".iv-title"));
  assert.equal(await title.textContent(), "Lighthouse keeping: a small plain-text interview");
  const count = await page.locator(inShadow(".iv-q-button")).count();
  assert.ok(count > 0);
  const before = await layout(page);
  await hydrated(page);
  assert.deepEqual(await layout(page), before);
  assert.ok(await sameFirstButton(page), "hydrated in place");
  await page.locator(inShadow(".iv-q-button")).last().click();
  assert.equal(await page.locator(inShadow(".iv-q-button")).last().getAttribute("aria-expanded"), "true");
  assert.deepEqual(page.problems, []);
});
