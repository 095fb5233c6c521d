// Embedding, hostile input: hostile data renders as inert text, everything works under exactly
// the strict Content-Security-Policy, and embed.html works in an iframe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readdirSync } from "node:fs";
import { serve, axe, luminance, DIST, ROOT } from "./harness.mjs";
import {
  useEmbeddingSuite,
  FIXTURES,
  CSP,
  SMALL_TXT_TITLE,
  ANOTHER_TITLE,
  LIMIT,
  PAYLOADS,
  server,
  open,
  hostPage,
  addViewer,
  questions,
  title,
  waitForTitle,
  settle,
  warningsOf,
  othersOf,
  waitForWarnings,
  until,
  assertHostUnharmed,
  cspServer,
  assertOnlyTheBrokenDemoInstanceLogged,
} from "./embedding-fixture.mjs";

useEmbeddingSuite();

// ---------------------------------------------------------------------------------------------
// 5, 8. Hostile data is inert (with and without the CSP)

async function assertInert(page, id, format) {
  const buttons = await questions(page, id);
  const checkInert = async (stage) => {
    const report = await page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const bad = [...root.querySelectorAll("img, script, svg, iframe, object, embed, image, use, frame")].map(
        (e) => e.outerHTML.slice(0, 80),
      );
      const onAttributes = [...root.querySelectorAll("*")].flatMap((e) =>
        [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`),
      );
      const links = [...root.querySelectorAll("a")].map((a) => a.getAttribute("href"));
      const field = (selector) => [...root.querySelectorAll(selector)].map((e) => e.textContent);
      return {
        bad,
        onAttributes,
        links,
        text: root.textContent,
        fields: {
          title: field(".iv-title"),
          intro: field(".iv-intro p"),
          question: field(".iv-q-text"),
          label: field(".iv-label"),
          text: field(".iv-text"),
          subheading: field(".iv-subheading"),
          paragraph: field(".iv-paragraph"),
        },
        pwned: window.__pwned,
      };
    }, id);
    assert.deepEqual(report.bad, [], `${stage}: elements made from data`);
    assert.deepEqual(report.onAttributes, [], `${stage}: event handler attributes`);
    for (const href of report.links) assert.ok(href.startsWith("#"), `${stage}: link ${href}`);
    assert.equal(report.pwned, undefined, `${stage}: a payload ran`);
    // Every payload is there, as text, in every kind of field.
    for (const name of ["title", "intro", "subheading", "paragraph"]) {
      const joined = report.fields[name].join("\n");
      for (const payload of PAYLOADS) assert.ok(joined.includes(payload), `${stage}: ${name} lacks ${payload}: ${joined}`);
    }
    assert.ok(report.fields.question[0].includes(PAYLOADS.join(" ")), `${stage}: question ${report.fields.question[0]}`);
    assert.deepEqual(report.fields.label.slice(0, 3), [PAYLOADS[0], PAYLOADS[3], PAYLOADS[2]].map((p) => `${p}:`), `${stage}: labels`);
    assert.ok(report.fields.text[0].includes(PAYLOADS.join(" ")), `${stage}: bullet text`);
    for (const payload of PAYLOADS) assert.ok(report.text.includes(payload), `${stage}: ${payload} not shown as text`);
    assert.ok(report.text.includes('<a href="javascript:alert(1)">click</a>'), `${stage}: link markup as text`);
  };
  await checkInert("collapsed");
  await page.locator(`#${id} .iv-expand-all`).click();
  assert.ok(await page.locator(`#${id} .iv-answer`).first().isVisible());
  await checkInert("expanded");
  // Highlighting runs over the hostile text.
  await page.locator(`#${id} .iv-search-input`).fill("img");
  await page.locator(`#${id} mark`).first().waitFor({ state: "attached" });
  const marks = await page.locator(`#${id} mark`).allTextContents();
  assert.ok(marks.length >= 8, `${marks.length} marks`);
  assert.ok(marks.every((m) => m.toLowerCase() === "img"), marks.join(","));
  await checkInert("searching img");
  await page.locator(`#${id} .iv-search-input`).fill("script window pwned");
  await page.locator(`#${id} .iv-search-input`).fill("svg onload");
  await page.locator(`#${id} .iv-search-input`).fill("javascript");
  await page.locator(`#${id} .iv-search-input`).press("Enter");
  await settle(page);
  await checkInert("searching more");
  await buttons.first().click();
  await checkInert(`${format} after a toggle`);
  assert.deepEqual(page.dialogs, []);
}

for (const [label, base] of [
  ["", () => server.url],
  [" (under the CSP)", () => cspServer.url],
]) {
  for (const format of ["json", "txt"]) {
    test(`hostile data in ${format} is shown as text, never run${label}`, LIMIT, async () => {
      const page = await hostPage(base());
      await addViewer(page, "hostile", { src: `hostile.${format}` });
      await assertInert(page, "hostile", format);
      // The document outside the element got nothing either.
      assert.equal(await page.locator("body img, body svg, body iframe").count(), 0);
      assert.equal(await page.evaluate(() => document.scripts.length), 1);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(page.problems, []);
      await assertHostUnharmed(page);
    });
  }
}

test("hostile question ids stay ids (and fragment links), not markup", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "hostile", { src: "hostile.json" });
  await questions(page, "hostile");
  const ids = await page.evaluate(() =>
    [...document.getElementById("hostile").shadowRoot.querySelectorAll(".iv-qa")].map((s) => s.id),
  );
  assert.ok(ids.some((id) => id.endsWith("javascript:alert(1)")), ids.join(" "));
  assert.ok(ids.some((id) => id.endsWith('"><img src=x onerror=window.__pwned=3>')), ids.join(" "));
  await page.locator("#hostile .iv-q-button").nth(2).click();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#hostile img").count(), 0);
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

// ---------------------------------------------------------------------------------------------
// 6. Under exactly the CSP

/** Asserts that no CSP violation was reported, neither as an event nor on the console. */
async function assertNoViolations(page) {
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems.filter((p) => /Content Security Policy/i.test(p)), []);
}

test("the CSP check itself notices a violation", LIMIT, async () => {
  const page = await open(`${cspServer.url}/host.html`);
  assert.equal(page.response.headers()["content-security-policy"], CSP);
  await page.evaluate(() => document.body.setAttribute("style", "color: red"));
  await page.waitForFunction(() => window.__violations.length > 0);
  await until(page, () => page.problems.some((p) => /Content Security Policy/.test(p)), "the console's CSP error");
  assert.match((await page.evaluate(() => window.__violations))[0], /^style-src/);
});

test("under the CSP: the standalone page works (questions, search, toggle, theme) without a violation", LIMIT, async () => {
  const page = await open(`${cspServer.url}/`);
  assert.equal(page.response.headers()["content-security-policy"], CSP);
  await page.locator(".iv-q-button").first().waitFor({ state: "attached" });
  const buttons = page.locator(".iv-q-button");
  assert.equal(await buttons.count(), 9);
  await page.locator(".iv-search-input").fill("Talisman");
  await page.waitForFunction(() => document.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length > 0);
  assert.ok((await page.locator("mark").count()) > 0);
  await page.locator(".iv-search-input").fill("");
  await buttons.first().click();
  assert.equal(await buttons.first().getAttribute("aria-expanded"), "true");
  await page.locator('.iv-theme input[value="dark"]').check();
  assert.equal(await page.locator("article.iv").getAttribute("data-theme"), "dark");
  // The stylesheet applied (a blocked stylesheet would leave the article unstyled).
  assert.equal(await page.locator("article.iv").evaluate((a) => getComputedStyle(a).boxSizing), "border-box");
  await settle(page);
  await assertNoViolations(page);
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

test("under the CSP: the demo article's instances work; only the broken one's 404 is logged", LIMIT, async () => {
  const page = await open(`${cspServer.url}/demo/article.html`);
  const first = await questions(page, "default-viewer");
  const other = await questions(page, "other-viewer");
  assert.equal(await first.count(), 9);
  assert.equal(await other.count(), 2);
  await page.locator("#broken-viewer .iv-error").waitFor({ state: "attached" });
  assert.match(await page.locator("#broken-viewer .iv-error-message").textContent(), /does-not-exist\.json.*404/);
  await page.locator("#default-viewer .iv-search-input").fill("Talisman");
  await page.waitForFunction(() => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length > 0);
  await other.nth(1).click();
  assert.equal(await other.nth(1).getAttribute("aria-expanded"), "true");
  // The shadow root's stylesheet applied under the CSP.
  assert.equal(await page.locator("#other-viewer article.iv").evaluate((a) => getComputedStyle(a).boxSizing), "border-box");
  await waitForWarnings(page, 1);
  await assertNoViolations(page);
  await assertOnlyTheBrokenDemoInstanceLogged(page);
});

test("under the CSP: embed.html, an inline JSON child and a src change work without a violation", LIMIT, async () => {
  const embed = await open(`${cspServer.url}/embed.html?src=demo/another-interview.txt&theme=dark`);
  const buttons = await questions(embed, "viewer");
  assert.equal(await buttons.count(), 2);
  await buttons.first().click();
  assert.equal(await buttons.first().getAttribute("aria-expanded"), "true");
  await settle(embed);
  await assertNoViolations(embed);
  assert.deepEqual(embed.problems, []);

  const inline = await open(`${cspServer.url}/inline-host.html`);
  assert.equal(await (await questions(inline, "inline-viewer")).count(), 3);
  await inline.evaluate(() => document.getElementById("inline-viewer").setAttribute("src", "small.txt"));
  await waitForTitle(inline, "inline-viewer", SMALL_TXT_TITLE);
  await inline.locator("#inline-viewer .iv-search-input").fill("lamp");
  await inline.locator("#inline-viewer mark").first().waitFor({ state: "attached" });
  await settle(inline);
  await assertNoViolations(inline);
  assert.deepEqual(inline.problems, []);
  await assertHostUnharmed(inline);
});

// ---------------------------------------------------------------------------------------------
// 7. embed.html in an iframe

test("embed.html in an iframe: shows the interview alone and the host sizes the frame to its height", LIMIT, async () => {
  const page = await open(`${server.url}/iframe-host.html`);
  const frameElement = page.locator("#frame");
  const frame = page.frameLocator("#frame");
  const buttons = frame.locator(".iv-q-button");
  await buttons.first().waitFor({ state: "attached" });
  assert.equal(await buttons.count(), 2);
  assert.equal(await frame.locator(".iv-title").textContent(), ANOTHER_TITLE);

  // No page chrome: the frame's body holds only the element, without margins.
  const embed = page.frames().find((f) => f.url().includes("/embed.html"));
  const chrome = await embed.evaluate(() => ({
    children: [...document.body.children].map((e) => e.tagName.toLowerCase()),
    margin: getComputedStyle(document.body).margin,
    // ?src= came from a link: it reaches the element as link-src (only this origin, or one the
    // page allows; SECURITY.md), never as the author's src.
    src: document.getElementById("viewer").getAttribute("link-src"),
    authorSrc: document.getElementById("viewer").getAttribute("src"),
  }));
  assert.deepEqual(chrome, { children: ["interview-viewer"], margin: "0px", src: "demo/another-interview.txt", authorSrc: null });

  // The host got a height > 300 and sized the frame to it: no scroll bar inside.
  await page.waitForFunction(() => window.heights.some((h) => h > 300));
  const sized = () =>
    page.waitForFunction(() => {
      const frame = document.getElementById("frame");
      const last = window.heights.at(-1);
      return frame.clientHeight === last && frame.contentDocument.documentElement.scrollHeight <= last;
    });
  await sized();
  const before = await frameElement.evaluate((f) => f.clientHeight);
  assert.ok(before > 300, `frame is ${before}px`);
  // Opening everything makes it taller; the host follows.
  await frame.locator(".iv-expand-all").click();
  await page.waitForFunction((before) => window.heights.at(-1) > before, before);
  await sized();
  assert.ok((await frameElement.evaluate((f) => f.clientHeight)) > before);
  for (const height of await page.evaluate(() => window.heights)) assert.ok(Number.isInteger(height) && height > 0);
  // The host's listener is the one-liner docs/embedding.md gives.
  const docs = await readFile(path.join(ROOT, "docs", "embedding.md"), "utf8");
  const oneLiner = docs.match(/```js\n(addEventListener\("message".*)\n```/)?.[1];
  assert.ok(oneLiner, "the one-line listener is in docs/embedding.md");
  assert.ok((await readFile(path.join(FIXTURES, "iframe-host.js"), "utf8")).includes(oneLiner));
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

test("embed.html turns its query parameters into attributes", LIMIT, async () => {
  const page = await open(`${server.url}/embed.html?src=small.json&theme=dark&heading-level=4&search=off`);
  const buttons = await questions(page, "viewer");
  assert.equal(await buttons.count(), 2);
  assert.equal(await page.locator("#viewer article.iv").getAttribute("data-theme"), "dark");
  assert.deepEqual(await page.locator("#viewer .iv-q-heading").evaluateAll((hs) => hs.map((h) => h.tagName)), ["H4", "H4"]);
  assert.equal(await page.locator("#viewer .iv-search").count(), 0);
  // Alone (not framed) it posts nothing and complains about nothing.
  assert.deepEqual(page.problems, []);
});
