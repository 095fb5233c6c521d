// Offline and instant: prerendered HTML, reading without JavaScript, the service worker, the
// single-file edition from file://, and a slow wasm that arrives after the text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve, launch, newPage, ready, DIST, ROOT } from "./harness.mjs";

let server, browser, seed;
before(async () => {
  server = await serve();
  browser = await launch();
  seed = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "iv-convert", "--", "data/mastalir-interview.txt"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every text of the seed a reader should see (HTML-escaped as the prerenderer writes it). */
function seedTexts() {
  const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const texts = [...seed.intro];
  for (const q of seed.questions) {
    texts.push(q.text);
    for (const b of q.answer) {
      if (b.label) texts.push(b.label);
      // Acronyms are wrapped in toggletips, so check the text between them word by word.
      texts.push(b.text);
    }
  }
  return texts.map(escape);
}

const visibleText = (page) => page.evaluate(() => document.body.innerText);

test("the raw index.html already holds every question and answer", async () => {
  const html = await (await fetch(server.url + "/")).text();
  // Toggletip bubbles hold no text (the stylesheet draws the expansion), so the text reads on.
  const flat = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, "");
  for (const text of seedTexts()) assert.ok(flat.includes(text), `missing from index.html: ${text.slice(0, 60)}…`);
  assert.match(html, /hidden="until-found"/);
});

test("with JavaScript off the text reads as a plain article: answers shown, no controls", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "/");
  const text = await visibleText(page);
  assert.match(text, /Increased Integration/);
  assert.match(text, /Deterrence and preparedness/);
  for (const panel of await page.locator(".iv-answer").all()) assert.ok(await panel.isVisible());
  assert.equal(await page.locator(".iv-toolbar").isVisible(), false);
  assert.equal(await page.locator(".iv-search-input").count() > 0 && (await page.locator(".iv-search-input").isVisible()), false);
  await context.close();
});

test("hydration: no warnings, nothing moves, and the page becomes interactive", async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__shiftSources = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shifts += entry.value;
        for (const s of entry.sources) window.__shiftSources.push(s.node?.className || s.node?.nodeName);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(server.url + "/");
  await ready(page);
  const button = page.locator(".iv-q-button").nth(2);
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.deepEqual(await page.evaluate(() => window.__shiftSources), []);
  assert.equal(await page.evaluate(() => window.__shifts), 0);
  assert.deepEqual(page.problems, []);
});

test("a slow wasm: the prerendered text is readable, questions work, unfinished controls are hidden", async () => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const page = await newPage(browser);
  await page.route(/_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(server.url + "/", { waitUntil: "domcontentloaded" });
  assert.match(await visibleText(page), /Are space capabilities playing a greater role/);
  assert.equal(await page.locator(".iv[data-ready]").count(), 0);
  // The search needs the wasm, so it is not offered yet (hidden, but its space is kept).
  assert.equal(await page.locator(".iv-search-input").isVisible(), false);
  // The questions already open and close (boot.js), and what the reader opened is kept.
  const second = page.locator(".iv-q-button").nth(1);
  await second.click();
  assert.equal(await second.getAttribute("aria-expanded"), "true");
  const where = () =>
    page.locator(".iv-questions").evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top + scrollY, height: r.height };
    });
  const box = await where();
  assert.match(await page.locator(".iv-answer").nth(1).innerText(), /Force multipliers/);
  release();
  await ready(page);
  assert.equal(await second.getAttribute("aria-expanded"), "true");
  assert.ok(await page.locator(".iv-search-input").isVisible());
  // Hydration moved nothing.
  assert.deepEqual(await where(), box);
  await second.click();
  assert.equal(await second.getAttribute("aria-expanded"), "false");
  assert.deepEqual(page.problems, []);
});

test("after one visit the viewer opens, renders and searches with the network off", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(server.url + "/");
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Reload once so the page is controlled by the worker (clients.claim also does this).
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  await context.setOffline(true);
  await page.goto(server.url + "/?q=talisman");
  await ready(page);
  await page.waitForFunction(() => document.querySelector(".iv-search-status")?.textContent.startsWith("2 of 9"));
  assert.ok((await page.locator("mark.iv-match").count()) >= 2);
  await page.locator(".iv-search-input").fill("kill web");
  assert.match(await page.locator(".iv-search-status").innerText(), /^1 of 9 questions match/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the service worker caches exactly this build's files", async () => {
  const sw = await readFile(path.join(DIST, "sw.js"), "utf8");
  const list = JSON.parse(sw.match(/\bFILES ?= ?(\[[\s\S]*?\]);/)[1]);
  const index = await readFile(path.join(DIST, "index.html"), "utf8");
  // (Attributes may be unquoted: the release's HTML is minified.)
  const assets = [...index.matchAll(/(?:href|src)="?\.\/([^" >]+)"?/g)];
  assert.ok(assets.length >= 4, `found only ${assets.length} assets in index.html`);
  for (const asset of assets) {
    if (!asset[1].startsWith("demo")) assert.ok(list.includes(`./${asset[1]}`), `${asset[1]} is not cached`);
  }
  for (const file of list) {
    if (file === "./") continue;
    assert.ok((await fetch(`${server.url}/${file.slice(2)}`)).ok, `${file} is listed but not served`);
  }
});

test("interview-offline.html works alone from file://: search, toggles, glossary, themes, deep links", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "iv-offline-"));
  const file = path.join(dir, "interview-offline.html");
  await copyFile(path.join(DIST, "interview-offline.html"), file);
  const page = await newPage(browser);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await ready(page);
  // Toggle.
  const first = page.locator(".iv-q-button").first();
  await first.click();
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  // Search.
  await page.locator(".iv-search-input").fill("SCIF");
  assert.match(await page.locator(".iv-search-status").innerText(), /^1 of 9 questions match/);
  await page.locator(".iv-search-input").press("Escape");
  // Glossary and a toggletip.
  assert.match(await page.locator(".iv-glossary").innerText(), /SATCOM\s+satellite communications/);
  const acronym = page.locator(".iv-intro button.iv-abbr").first();
  await acronym.focus();
  assert.ok(await page.locator(".iv-intro .iv-tip:not([hidden])").first().isVisible());
  // Themes.
  await page.locator("fieldset.iv-theme label", { hasText: "Dark" }).click();
  assert.equal(await page.locator("article.iv").getAttribute("data-theme"), "dark");
  // No "Share": a file on this device has no address to give (its toolbar is otherwise whole).
  assert.equal(await page.locator(".iv-expand-all").count(), 1);
  assert.equal(await page.locator(".iv-share-button").count(), 0);
  // Deep link.
  const id = await page.locator(".iv-qa").nth(6).getAttribute("id");
  await page.goto(pathToFileURL(file).href + "#" + id);
  await page.waitForFunction(
    (sid) => document.getElementById(`${sid}-button`)?.getAttribute("aria-expanded") === "true",
    id,
  );
  assert.ok(requests.every((u) => u.startsWith("file:") || u.startsWith("data:")), requests.join("\n"));
  assert.deepEqual(page.problems, []);
});

test("when the wasm cannot load, the prerendered page stays readable and its questions still work", async () => {
  const page = await newPage(browser);
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url + "/");
  // One warning says so; nothing is thrown at the page.
  for (let i = 0; i < 100 && !page.problems.some((p) => p.startsWith("warning: Interview Viewer")); i++) {
    await page.waitForTimeout(100);
  }
  const warnings = page.problems.filter((p) => p.startsWith("warning: Interview Viewer"));
  assert.equal(warnings.length, 1, page.problems.join("\n"));
  assert.ok(page.problems.every((p) => !p.startsWith("pageerror")), page.problems.join("\n"));
  assert.match(await visibleText(page), /Are space capabilities playing a greater role/);
  const first = page.locator(".iv-q-button").first();
  await first.click();
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  assert.match(await page.locator(".iv-answer").first().innerText(), /Increased Integration/);
  // No control that needs the wasm pretends to work.
  assert.equal(await page.locator(".iv-search-input").isVisible(), false);
  assert.equal(await page.locator(".iv[data-ready]").count(), 0);
});
