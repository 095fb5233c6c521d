// A search with many matching questions (Chromium): it shows a page of them at a time
// (core::state::RESULTS_PAGE, 20), with the contents in step; the buttons after and before the
// list show the neighbouring pages and move the focus to the first question they add; scrolling
// shows more by itself; stepping through matches and deep links reach questions outside the
// page; clearing the search shows every question again. The axe audit stays clean.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, closeOpenedPages, ready, axe, DIST } from "./harness.mjs";
import { COUNT, PAGE, manyMatchesRoute } from "./many-matches.mjs";

let server, browser;
before(async () => {
  server = await serve({
    dirs: [DIST],
    routes: {
      "/many.json": manyMatchesRoute,
      "/favicon.ico": (req, res) => res.writeHead(204).end(),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(closeOpenedPages);

async function open() {
  const page = await openPage(browser, `${server.url}/?src=/many.json`);
  await ready(page);
  await page.locator(".iv-q-button").nth(COUNT - 1).waitFor({ state: "attached" });
  return page;
}

/** The numbers of the questions a reader can see, in order. */
const shown = (page) =>
  page.locator(".iv-qa").evaluateAll((sections) =>
    sections.filter((s) => s.checkVisibility()).map((s) => Number(s.querySelector(".iv-answer").dataset.question) + 1),
  );
/** The numbers of the questions the contents lists where a reader can see them. */
const listed = (page) =>
  page.locator("nav.iv-contents a.iv-contents-link").evaluateAll((links) =>
    links.filter((a) => a.checkVisibility()).map((a) => a.getAttribute("href")),
  );
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const activeId = (page) => page.evaluate(() => document.activeElement?.id);

async function search(page, query) {
  await page.locator(".iv-search-input").fill(query);
  await page.waitForFunction(() => /of 60 questions match/.test(document.querySelector(".iv-search-status").textContent));
}

test("a search shows its first page of matching questions; the button after them shows the next", async () => {
  const page = await open();
  await search(page, "orbit");
  assert.match(await page.locator(".iv-search-status").innerText(), /^60 of 60 questions match · match 1 of \d+, in question 1\.$/);
  assert.deepEqual(await shown(page), range(1, PAGE));
  assert.deepEqual(await listed(page), range(1, PAGE).map((n) => `#q${n}`), "the contents are in step");
  assert.equal(await page.locator(".iv-more-results:visible").count(), 1, "no button before the first page");
  const more = page.locator(".iv-more-button");
  assert.equal(await more.innerText(), "Show 20 more matching questions");
  assert.deepEqual(await axe(page), []);

  // Pressed from the keyboard: the next page, and the focus on its first question.
  await more.focus();
  // In view now, but in the reader's hand: it does not show more by itself.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
  assert.deepEqual(await shown(page), range(1, PAGE));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "q21-button");
  const now = await shown(page);
  assert.deepEqual(now.slice(0, 2 * PAGE), range(1, 2 * PAGE));
  assert.ok(await page.locator("#q21").evaluate((s) => s.querySelector("mark.iv-match") !== null), "its matches are highlighted");
  assert.deepEqual(page.problems, []);
});

test("scrolling to the end of the page shows more by itself, until every match is shown", async () => {
  const page = await open();
  await search(page, "orbit");
  for (let i = 0; i < 20 && (await shown(page)).length < COUNT; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(200);
  }
  assert.deepEqual(await shown(page), range(1, COUNT));
  assert.equal(await page.locator(".iv-more-button").count(), 0, "nothing more to show");
  assert.equal(await page.locator("mark.iv-match").count(), 2 * COUNT, "every match is highlighted");
  assert.deepEqual(page.problems, []);
});

test("stepping back from the first match shows the last page; the button before it shows earlier ones", async () => {
  const page = await open();
  await search(page, "orbit");
  await page.locator(".iv-search-input").press("Shift+Enter");
  await page.waitForFunction(() => /in question 60\.$/.test(document.querySelector(".iv-search-status").textContent));
  assert.deepEqual(await shown(page), range(COUNT - PAGE + 1, COUNT));
  assert.deepEqual(await listed(page), range(COUNT - PAGE + 1, COUNT).map((n) => `#q${n}`));
  const current = page.locator("mark.iv-current");
  assert.equal(await current.count(), 1);
  assert.ok(await current.isVisible());
  assert.ok(await current.evaluate((m) => m.closest(".iv-qa").id === "q60"));
  const earlier = page.locator(".iv-more-button", { hasText: "Show 20 earlier matching questions" });
  assert.equal(await earlier.count(), 1);
  assert.ok(await earlier.evaluate((b, list) => b.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING,
    await page.locator(".iv-questions").elementHandle()), "it comes before the list");
  assert.deepEqual(await axe(page), []);

  await earlier.click();
  await page.waitForFunction(() => document.activeElement?.id === "q40-button");
  assert.deepEqual(await shown(page), range(COUNT - 2 * PAGE + 1, COUNT));
  // Clearing shows every question again, and no button.
  await page.locator(".iv-search-input").press("Escape");
  await page.waitForFunction(() => document.querySelector(".iv-search-status").textContent === "");
  assert.equal((await shown(page)).length, COUNT);
  assert.equal(await page.locator(".iv-more-button").count(), 0);
  assert.equal((await listed(page)).length, COUNT);
  assert.deepEqual(page.problems, []);
});

test("a link to a matching question outside the page shows it, open and focused", async () => {
  const page = await open();
  await search(page, "orbit");
  await page.evaluate(() => { location.hash = "#q45"; });
  await page.waitForFunction(() => document.activeElement?.id === "q45-button");
  assert.ok((await shown(page)).includes(45));
  assert.equal(await page.locator("#q45-button").getAttribute("aria-expanded"), "true");
  assert.ok(await page.locator("#q45-button").isVisible());
  assert.deepEqual(page.problems, []);
});
