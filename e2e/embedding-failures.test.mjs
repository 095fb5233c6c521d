// Embedding, failures: each one shows a specific message inside the element, logs one warning
// and throws nothing at the host; the demo page with a broken instance passes axe-core.
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
  SMALL_JSON_TITLE,
  LIMIT,
  flaky,
  send,
  favicon,
  routes,
  server,
  open,
  hostPage,
  addViewer,
  questions,
  title,
  warningsOf,
  othersOf,
  eventsOf,
  waitForWarnings,
  assertHostUnharmed,
  browser,
} from "./embedding-fixture.mjs";

useEmbeddingSuite();

// ---------------------------------------------------------------------------------------------
// 4. Failures: a specific message inside the element, one warning, nothing thrown at the host

/**
 * Mounts one failing instance and checks the common contract: `.iv-error` with role=alert whose
 * message matches `message`, a "Try again" button exactly when `retry`, one console warning that
 * repeats the message, `resourceErrors` network errors logged by the browser itself, no pageerror.
 */
async function failing(src, { message, retry, resourceErrors }) {
  const page = await hostPage();
  await addViewer(page, "broken", { src });
  await addViewer(page, "fine", { src: "small.json" });
  const error = page.locator("#broken .iv-error");
  await error.waitFor({ state: "attached" });
  assert.equal(await error.getAttribute("role"), "alert");
  assert.ok(await error.isVisible());
  const text = await page.locator("#broken .iv-error-message").textContent();
  assert.match(text, message);
  assert.equal(await page.locator("#broken .iv-retry").count(), retry ? 1 : 0, "Try again button");
  if (retry) assert.equal(await page.locator("#broken .iv-retry").textContent(), "Try again");
  assert.equal(await page.locator("#broken .iv-q-button").count(), 0);
  await waitForWarnings(page, 1);
  assert.deepEqual(warningsOf(page), [`warning: Interview Viewer: ${text}`]);
  const others = othersOf(page);
  assert.equal(others.length, resourceErrors, others.join("\n"));
  for (const other of others) assert.match(other, /^error: Failed to load resource: /);
  // The other instance and the host page are fine.
  assert.equal(await (await questions(page, "fine")).count(), 2);
  assert.equal(await page.locator("body > h1").textContent(), "Test host page");
  await assertHostUnharmed(page);
  return { page, text };
}

test("failure: unreachable src (connection refused) says the server did not answer, with Try again", LIMIT, async () => {
  const { text } = await failing("http://127.0.0.1:1/x.json", {
    message: /could not be loaded from “http:\/\/127\.0\.0\.1:1\/x\.json”: the server did not answer/,
    retry: true,
    resourceErrors: 1,
  });
  assert.match(text, /connection/);
});

test("failure: 404 says nothing was found there, without Try again", LIMIT, async () => {
  await failing("missing.json", {
    message: /^No interview was found at “missing\.json” \(HTTP 404\)\.$/,
    retry: false,
    resourceErrors: 1,
  });
});

test("failure: 500 offers Try again; once the server recovers, Try again shows the interview", LIMIT, async () => {
  flaky.fail = true;
  flaky.requests = 0;
  const { page } = await failing("/flaky.json", {
    message: /^The server could not send the interview from “\/flaky\.json” \(HTTP 500\)\.$/,
    retry: true,
    resourceErrors: 1,
  });
  flaky.fail = false;
  await page.locator("#broken .iv-retry").click();
  const buttons = await questions(page, "broken");
  assert.equal(await buttons.count(), 2);
  assert.equal(await title(page, "broken"), SMALL_JSON_TITLE);
  assert.equal(await page.locator("#broken .iv-error").count(), 0);
  assert.equal(flaky.requests, 2);
  assert.equal(warningsOf(page).length, 1, "no new warning for the successful retry");
  assert.equal(othersOf(page).length, 1);
  await assertHostUnharmed(page);
});

test("failure: malformed JSON says the data is not valid and where", LIMIT, async () => {
  await failing("malformed.json", {
    message: /^The interview data is not valid: .*line 1 column \d+/,
    retry: false,
    resourceErrors: 0,
  });
});

test("failure: JSON of the wrong shape names the problem", LIMIT, async () => {
  await failing("wrong-block.json", { message: /^The interview data is not valid: .*table/, retry: false, resourceErrors: 0 });
});

test("failure: format_version 99 names both versions", LIMIT, async () => {
  await failing("format-version-99.json", {
    message: /^The interview data uses format version 99; this viewer reads versions 1 to 2\.$/,
    retry: false,
    resourceErrors: 0,
  });
});

test("failure: an empty file says it is empty", LIMIT, async () => {
  await failing("empty.json", { message: /^The interview file is empty\.$/, retry: false, resourceErrors: 0 });
});

test("failure: plain text without questions explains what a question is", LIMIT, async () => {
  await failing("no-questions.txt", { message: /^The file has no questions: a question is a line ending in "\?"/, retry: false, resourceErrors: 0 });
});

test("failure: a 10 MB file (Content-Length) is refused as too large", LIMIT, async () => {
  await failing("/huge.json", {
    message: /^The interview file is too large \(10\.0 MB; the limit is 5 MB\)\.$/,
    retry: false,
    resourceErrors: 0,
  });
});

test("failure: a 10 MB file without Content-Length (chunked) is refused as too large", LIMIT, async () => {
  await failing("/huge-chunked.txt", {
    message: /^The interview file is too large \(10\.0 MB; the limit is 5 MB\)\.$/,
    retry: false,
    resourceErrors: 0,
  });
});

test("failure: a broken inline JSON child shows the message and warns once", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "broken", {}, '{"format_version": 1, "title": ');
  await page.locator("#broken .iv-error").waitFor({ state: "attached" });
  const text = await page.locator("#broken .iv-error-message").textContent();
  assert.match(text, /^The interview data is not valid: /);
  assert.equal(await page.locator("#broken .iv-retry").count(), 0);
  await waitForWarnings(page, 1);
  assert.deepEqual(page.problems, [`warning: Interview Viewer: ${text}`]);
  await assertHostUnharmed(page);
});

test("failure: when the wasm cannot be fetched, every instance says so, one warning each", LIMIT, async () => {
  const wasm = readdirSync(DIST).find((f) => /^interview-viewer-[0-9a-f]+_bg\.wasm$/.test(f));
  const broken = await serve({
    dirs: [DIST, FIXTURES],
    routes: { "/favicon.ico": favicon, [`/${wasm}`]: (req, res) => send(res, 404, "text/plain", "gone") },
  });
  try {
    const page = await open(`${broken.url}/demo/article.html`);
    await waitForWarnings(page, 4);
    const messages = await page.evaluate(() =>
      [...document.querySelectorAll("interview-viewer")].map((e) => {
        const alert = e.shadowRoot.querySelector(".iv-error");
        return `${alert?.getAttribute("role")}: ${alert?.textContent}`;
      }),
    );
    // Each in its element's language (the third instance is the Arabic interview, lang="ar").
    const english = "alert: This interview cannot be shown: the viewer failed to load.";
    assert.deepEqual(messages, [english, english, "alert: لا يمكن عرض هذه المقابلة: تعذّر تحميل العارض.", english]);
    assert.equal(warningsOf(page).length, 4);
    for (const warning of warningsOf(page)) assert.match(warning, /^warning: Interview Viewer: the viewer could not start\./);
    assert.equal(othersOf(page).length, 1, othersOf(page).join("\n"));
    assert.match(othersOf(page)[0], /^error: Failed to load resource: .*404/);
    assert.equal(await page.locator("p.after").textContent(), "The article goes on after the interviews.");
    // The host page hears each failure, from its element.
    const failed = (await eventsOf(page)).filter((e) => e.name === "failed");
    assert.deepEqual(failed.map((e) => [e.target, e.detail.kind]).sort(), [
      ["arabic-viewer", "viewer"], ["broken-viewer", "viewer"], ["default-viewer", "viewer"], ["other-viewer", "viewer"],
    ].sort());
    await assertHostUnharmed(page);
  } finally {
    await broken.close();
  }
});

test("axe-core finds no WCAG 2.2 A/AA violation on the demo page (four instances, one broken)", LIMIT, async () => {
  const page = await open(`${server.url}/demo/article.html`);
  await questions(page, "default-viewer");
  await questions(page, "other-viewer");
  await page.locator("#broken-viewer .iv-error").waitFor({ state: "attached" });
  assert.deepEqual(await axe(page), [], "collapsed");
  await page.locator("#other-viewer .iv-expand-all").click();
  await page.locator("#default-viewer .iv-search-input").fill("space");
  assert.deepEqual(await axe(page), [], "expanded and searching");
});
