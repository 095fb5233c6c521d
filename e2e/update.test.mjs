// A new build while the standalone page is open (issue 15, part 4), in Chromium, with two builds:
// the first visit offers nothing; once the next build's service worker is installed beside the
// running one, a polite notice offers "Reload" (or "Dismiss"); nothing reloads by itself; after
// "Reload" the new worker controls the page and the reader's search and open questions are back
// (through the URL). The axe audit is clean with the notice open.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serve, launch, newPage, ready, axe, DIST } from "./harness.mjs";

const LIMIT = { timeout: 120_000 };

/** The folders the server looks in, first first: the next build goes in front of this one. */
const dirs = [DIST];
let server, browser, nextBuild, page;
before(async () => {
  // The next build, as the browser sees it: the same files and a service worker that differs
  // (a new build's always does: its cache's version and its file list change).
  nextBuild = await mkdtemp(path.join(os.tmpdir(), "iv-next-build-"));
  const sw = await readFile(path.join(DIST, "sw.js"), "utf8");
  await writeFile(path.join(nextBuild, "sw.js"), `${sw}\n// the next build\n`);
  server = await serve({ dirs });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  dirs.splice(0, dirs.length, DIST);
  await page?.context().close();
});

/** A first visit, controlled by this build's worker once it has taken over. */
async function firstVisit() {
  page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return page;
}

/** Publishes the next build, and lets the open page check for it (as a navigation or coming back to the tab would). */
async function publishNextBuild() {
  dirs.unshift(nextBuild);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
}

const notice = () => page.locator(".iv-update-box");

test("the first visit offers nothing; a new build's worker brings a polite notice that can be dismissed", LIMIT, async () => {
  await firstVisit();
  assert.equal(await notice().count(), 0);
  assert.equal(await page.locator(".iv-update").getAttribute("role"), "status", "the live region waits, empty");
  await page.evaluate(() => (window.__sameDocument = true));
  await publishNextBuild();
  await notice().waitFor({ state: "visible", timeout: 30_000 });
  assert.equal(await page.locator(".iv-update-text").innerText(), "A new version of this reader is ready.");
  assert.deepEqual(await notice().getByRole("button").allInnerTexts(), ["Reload", "Dismiss"]);
  assert.deepEqual(await axe(page), []);
  // Nothing reloads by itself; the old worker keeps serving this page.
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  await page.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await notice().count(), 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.ok(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null), "the new worker still waits");
  assert.deepEqual(page.problems, []);
});

test("Reload lets the new build take over and brings back the search and the open questions", LIMIT, async () => {
  await firstVisit();
  const buttons = page.locator(".iv-q-button");
  await buttons.nth(1).click();
  await page.locator(".iv-search-input").fill("talisman");
  await page.waitForFunction(() => document.querySelector(".iv-search-status").textContent.startsWith("2 of 9"));
  const second = await buttons.nth(1).getAttribute("id");
  await publishNextBuild();
  await notice().waitFor({ state: "visible", timeout: 30_000 });
  await page.evaluate(() => (window.__sameDocument = true));
  await Promise.all([page.waitForEvent("load", { timeout: 30_000 }), page.getByRole("button", { name: "Reload" }).click()]);
  await ready(page);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, "a new document");
  // The new worker takes over (it activates once the old page is gone) and controls the page:
  // none waits, and no notice.
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration.waiting === null && registration.active?.state === "activated" && navigator.serviceWorker.controller?.scriptURL === registration.active.scriptURL;
    },
    null,
    { timeout: 30_000, polling: 100 },
  );
  assert.equal(await notice().count(), 0);
  // The search is back, and so is what was open outside it.
  await page.waitForFunction(() => document.querySelector(".iv-search-status").textContent.startsWith("2 of 9"));
  assert.equal(await page.locator(".iv-search-input").inputValue(), "talisman");
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("q"), "talisman");
  assert.equal(url.searchParams.get("open"), null, "the open questions leave the URL once applied");
  await page.locator(".iv-search-input").press("Escape");
  await page.waitForFunction(() => document.querySelector(".iv-search-status").textContent === "");
  const expanded = await buttons.evaluateAll((bs) => bs.filter((b) => b.getAttribute("aria-expanded") === "true").map((b) => b.id));
  assert.deepEqual(expanded, [second]);
  assert.deepEqual(page.problems, []);
});
