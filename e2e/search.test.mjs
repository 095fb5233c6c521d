// Search end to end: typing, the URL, keys, focus, the live region and find-in-page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, standalonePage } from "./harness.mjs";

const suite = standalonePage();
const open = (path) => suite.open(path);

const status = (page) => page.locator(".iv-search-status").innerText();
const visibleQuestions = (page) => page.locator(".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found").count();
const expanded = (page) =>
  page.locator(".iv-q-button").evaluateAll((bs) => bs.map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join(""));

test("typing filters, opens and highlights; the query goes to ?q= without new history entries", async () => {
  const page = await open();
  const before = await page.evaluate(() => history.length);
  await page.locator(".iv-search-input").pressSequentially("talisman");
  // Renders follow keystrokes asynchronously: wait for the last one's results.
  await page.waitForFunction(() => document.querySelector(".iv-search-status").textContent.startsWith("2 of 9"));
  assert.match(await status(page), /^2 of 9 questions match/);
  assert.equal(await visibleQuestions(page), 2);
  assert.equal((await expanded(page)).replace(/\./g, ""), "xx");
  assert.ok((await page.locator("mark.iv-match").count()) >= 2);
  assert.equal(await page.locator("mark.iv-current").count(), 1);
  // The URL follows once typing pauses.
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "talisman");
  assert.equal(await page.evaluate(() => history.length), before);
  assert.deepEqual(page.problems, []);
});

test("a shared or reloaded URL restores the search", async () => {
  const page = await open("/?q=kill%20web");
  await page.waitForFunction(() => document.querySelector(".iv-search-input")?.value === "kill web");
  assert.equal(await page.locator(".iv-search-input").inputValue(), "kill web");
  assert.match(await status(page), /^1 of 9 questions match/);
  await page.reload();
  await ready(page);
  // The query is applied right after hydration (the first render must equal the prerendered
  // page, which has no search): wait for it rather than read at the first instant.
  await page.waitForFunction(() => document.querySelector(".iv-search-input")?.value === "kill web");
  assert.equal(await page.locator(".iv-search-input").inputValue(), "kill web");
  assert.equal(await visibleQuestions(page), 1);
});

test("forgiving matching: case, typographic apostrophes, hyphens, acronyms both ways", async () => {
  const page = await open();
  const input = page.locator(".iv-search-input");
  await input.fill("CHINA'S");
  assert.match(await status(page), /^2 of 9 questions match/);
  await input.fill("indo pacific");
  assert.ok((await page.locator("mark.iv-match").count()) > 3);
  await input.fill("satellite communications");
  assert.match(await page.locator(".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found").first().innerText(), /SATCOM/);
  await input.fill("SCIF");
  const marked = await page.locator("mark.iv-match").allInnerTexts();
  assert.ok(marked.some((t) => /sensitive compartmented/i.test(t)), `marks were ${marked}`);
});

test("no matches: a clear state with a hint", async () => {
  const page = await open();
  await page.locator(".iv-search-input").fill("zebra crossing");
  assert.match(await status(page), /^No matches\./);
  assert.match(await page.locator(".iv-search-hint").innerText(), /fewer words/);
  assert.equal(await visibleQuestions(page), 0);
  assert.ok(await page.getByRole("button", { name: "Next match" }).isDisabled());
});

test("Enter, Shift+Enter and the buttons move the current match and scroll it into view", async () => {
  const page = await open();
  await page.setViewportSize({ width: 800, height: 500 });
  const input = page.locator(".iv-search-input");
  await input.fill("space");
  const total = await page.locator("mark.iv-match").count();
  assert.ok(total > 10);
  const currentIndex = () =>
    page.locator("mark.iv-match").evaluateAll((ms) => ms.findIndex((m) => m.classList.contains("iv-current")));
  assert.equal(await currentIndex(), 0);
  await input.press("Enter");
  assert.equal(await currentIndex(), 1);
  await input.press("Shift+Enter");
  await input.press("Shift+Enter");
  assert.equal(await currentIndex(), total - 1);
  await page.waitForFunction(() => {
    const r = document.querySelector("mark.iv-current").getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await page.getByRole("button", { name: "Next match" }).click();
  assert.equal(await currentIndex(), 0);
  await page.getByRole("button", { name: "Previous match" }).click();
  assert.equal(await currentIndex(), total - 1);
  assert.match(await status(page), new RegExp(`match ${total} of ${total}`));
  // The status says where the current match is: the question that holds the current mark.
  const where = await page.evaluate(() => {
    const section = document.querySelector("mark.iv-current").closest(".iv-qa");
    return section ? [...document.querySelectorAll(".iv-qa")].indexOf(section) + 1 : 0;
  });
  assert.ok(where > 0);
  assert.match(await status(page), new RegExp(`match ${total} of ${total}, in question ${where}\\.$`));
});

test('"/" focuses the search box, but not while typing in a field', async () => {
  const page = await open();
  await page.locator(".iv-q-button").first().focus();
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.className), "iv-search-input");
  assert.equal(await page.locator(".iv-search-input").inputValue(), "");
  await page.keyboard.type("a/b");
  assert.equal(await page.locator(".iv-search-input").inputValue(), "a/b");
});

test("Escape clears the query and restores what was open before the search", async () => {
  const page = await open();
  await page.locator(".iv-q-button").nth(0).click();
  await page.locator(".iv-q-button").nth(4).click();
  assert.equal(await expanded(page), "x...x....");
  const input = page.locator(".iv-search-input");
  await input.fill("china");
  assert.notEqual(await expanded(page), "x...x....");
  await input.press("Escape");
  assert.equal(await input.inputValue(), "");
  assert.equal(await expanded(page), "x...x....");
  assert.equal(await page.locator("mark").count(), 0);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === null);
});

test("the result count reaches screen readers through a polite, debounced live region", async () => {
  const page = await open();
  const live = page.locator('[aria-live="polite"]');
  const input = page.locator(".iv-search-input");
  await input.pressSequentially("guard", { delay: 30 });
  // While typing quickly the region has not been flooded with every intermediate count.
  assert.equal(await live.innerText(), "");
  await page.waitForFunction(() => document.querySelector('[aria-live="polite"]').textContent.length > 0);
  assert.match(await live.innerText(), /^\d of 9 questions match/);
  assert.equal(await live.innerText(), await status(page));
});

test("find-in-page reaches collapsed answers and opens their question", async () => {
  // A text fragment uses the same machinery as Ctrl+F: it reveals hidden="until-found" content
  // and fires beforematch. Navigated to once the page is interactive, as a reader's Ctrl+F is.
  const page = await open("/");
  await page.goto(suite.server.url + "/#:~:text=Rendezvous%20and%20proximity");
  const button = page.locator(".iv-q-button").nth(7);
  await page.waitForFunction(() => document.querySelectorAll(".iv-q-button")[7].getAttribute("aria-expanded") === "true");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const panel = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
  assert.equal(await panel.getAttribute("hidden"), null);
  assert.equal(await expanded(page), ".......x.");
});
