// The standalone viewer end to end: the release build in headless Chromium, used with mouse and
// keyboard, audited with axe-core collapsed and expanded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { newPage, ready, axe, standalonePage, ROOT } from "./harness.mjs";

const suite = standalonePage();
const open = (path) => suite.open(path);

const expanded = (page) =>
  page.locator(".iv-q-button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));

test("shows the whole interview: title, three intro paragraphs, nine collapsed questions", async () => {
  const page = await open();
  await assert.doesNotReject(page.locator("h1.iv-title").waitFor());
  assert.match(await page.locator("h1.iv-title").innerText(), /Mastalir/);
  assert.equal(await page.locator(".iv-intro p").count(), 3);
  const buttons = page.locator("h2.iv-q-heading > button.iv-q-button");
  assert.equal(await buttons.count(), 9);
  assert.deepEqual(await expanded(page), Array(9).fill("false"));
  // Each button controls its own panel, which is hidden until found.
  for (let i = 0; i < 9; i++) {
    const controls = await buttons.nth(i).getAttribute("aria-controls");
    const panel = page.locator(`[id="${controls}"]`);
    assert.equal(await panel.getAttribute("hidden"), "until-found");
  }
  // Every answer's text is in the page even while collapsed (find-in-page can reach it).
  const text = await page.locator(".iv-questions").textContent();
  assert.match(text, /Talisman Sabre/);
  assert.match(text, /Deterrence and preparedness/);
  assert.equal(await page.locator(".iv-bullets li").count(), 33);
  assert.equal(await page.locator(".iv-subheading").count(), 1);
  assert.deepEqual(page.problems, []);
});

test("a click opens and closes a question", async () => {
  const page = await open();
  const first = page.locator(".iv-q-button").first();
  await first.click();
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  const panel = page.locator(`[id="${await first.getAttribute("aria-controls")}"]`);
  assert.equal(await panel.getAttribute("hidden"), null);
  assert.ok(await panel.isVisible());
  assert.match(await panel.innerText(), /Increased Integration/);
  await first.click();
  assert.equal(await first.getAttribute("aria-expanded"), "false");
  assert.equal(await panel.getAttribute("hidden"), "until-found");
  assert.deepEqual(page.problems, []);
});

test("Enter and Space toggle the focused question", async () => {
  const page = await open();
  const second = page.locator(".iv-q-button").nth(1);
  await second.focus();
  await page.keyboard.press("Enter");
  assert.equal(await second.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Space");
  assert.equal(await second.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.id), await second.getAttribute("id"));
});

test("Expand all and Collapse all", async () => {
  const page = await open();
  await page.getByRole("button", { name: "Expand all" }).click();
  assert.deepEqual(await expanded(page), Array(9).fill("true"));
  assert.equal(await page.locator(".iv-answer[hidden]").count(), 0);
  await page.getByRole("button", { name: "Collapse all" }).click();
  assert.deepEqual(await expanded(page), Array(9).fill("false"));
  assert.equal(await page.locator(".iv-answer[hidden]").count(), 9);
});

test("labels are set apart from their text, and keep their colon", async () => {
  const page = await open();
  await page.getByRole("button", { name: "Expand all" }).click();
  const firstItem = page.locator(".iv-bullets li").first();
  assert.equal(await firstItem.locator("strong.iv-label").innerText(), "Increased Integration:");
  assert.match(await firstItem.locator(".iv-text").innerText(), /^Absolutely\./);
  // What a screen reader reads and copy and paste gives: the sentence as the source has it.
  assert.match(await firstItem.innerText(), /^Increased Integration: Absolutely\./);
  const second = page.locator(".iv-bullets li").nth(3);
  assert.match(await second.textContent(), /^Force multipliers: Our international partners/);
});

test("every character of the source reaches the reader's text, in order, and nothing else does", async () => {
  const page = await open();
  await page.getByRole("button", { name: "Expand all" }).click();
  // The source, line by line, less the "- " bullet markers, whitespace collapsed.
  const source = (await readFile(path.join(ROOT, "data", "mastalir-interview.txt"), "utf8"))
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/^- /, ""))
    .filter((line) => line !== "")
    .join(" ")
    .replace(/\s+/g, " ");
  // The page: the text content (hidden text included, so a toggletip's expansion inside a
  // sentence would show) of the introduction, each question and each answer block, in order.
  const rendered = await page.evaluate(() =>
    [...document.querySelectorAll(".iv-intro p, .iv-q-text, .iv-answer li, .iv-answer p, .iv-answer .iv-subheading")]
      .map((element) => element.textContent)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  if (rendered !== source) {
    let at = 0;
    while (at < source.length && rendered[at] === source[at]) at++;
    assert.fail(
      `the page's text leaves the source at character ${at}:\n  source: …${source.slice(Math.max(0, at - 40), at + 40)}…\n  page:   …${rendered.slice(Math.max(0, at - 40), at + 40)}…`,
    );
  }
  // The same for the selection a reader copies: the whole first answer as the browser serialises it.
  const copied = await page.evaluate(() => {
    const answer = document.querySelector(".iv-answer");
    const range = document.createRange();
    range.selectNodeContents(answer);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString().replace(/\s+/g, " ").trim();
  });
  assert.ok(source.includes(copied), `the copied answer is not the source's text: ${copied.slice(0, 200)}…`);
  assert.deepEqual(page.problems, []);
});

test("axe-core finds no WCAG 2.2 A/AA violation, collapsed or expanded", async () => {
  const page = await open();
  assert.deepEqual(await axe(page), [], "collapsed");
  await page.getByRole("button", { name: "Expand all" }).click();
  assert.deepEqual(await axe(page), [], "expanded");
  assert.deepEqual(page.problems, []);
});

test("fits a 320 px wide screen without horizontal scrolling", async () => {
  const page = await newPage(suite.browser, { viewport: { width: 320, height: 640 } });
  await page.goto(suite.server.url + "/");
  await ready(page);
  await page.getByRole("button", { name: "Expand all" }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
});
