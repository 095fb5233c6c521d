// The viewer's events for the host page (docs/embedding.md), in Chromium: each bubbles out of the
// element's shadow root to a listener on the document, with its detail; a question opened or
// closed by the reader, a search once it settles (one event for a typed word), none for Expand
// all or a search's own opening; every way of failing says its kind. (The viewer's own files
// failing is checked in embedding-failures; Firefox and WebKit in engines-embedding.)
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useEmbeddingSuite,
  hostPage,
  addViewer,
  questions,
  eventsOf,
  until,
  LIMIT,
  SMALL_JSON,
  SMALL_JSON_TITLE,
} from "./embedding-fixture.mjs";

useEmbeddingSuite();

const named = async (page, name) => (await eventsOf(page)).filter((e) => e.name === name);

test("an embedded viewer tells its host page it is loaded, what the reader opens and closes, and what they searched", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  const buttons = await questions(page, "a");
  await until(page, async () => (await named(page, "loaded")).length === 1, "loaded");
  const small = JSON.parse(SMALL_JSON);
  assert.deepEqual(await named(page, "loaded"), [
    { name: "loaded", target: "a", detail: { questions: small.questions.length, title: SMALL_JSON_TITLE, lang: small.lang ?? null } },
  ]);

  await buttons.first().click();
  await until(page, async () => (await named(page, "question-opened")).length === 1, "opened");
  await buttons.first().click();
  await until(page, async () => (await named(page, "question-closed")).length === 1, "closed");
  const first = { id: small.questions[0].id, number: 1, text: small.questions[0].text };
  assert.deepEqual(
    (await eventsOf(page)).filter((e) => e.name.startsWith("question-")),
    [
      { name: "question-opened", target: "a", detail: first },
      { name: "question-closed", target: "a", detail: first },
    ],
  );

  // Many at once: no per-question event.
  await page.locator("#a .iv-expand-all").click();
  await page.locator("#a .iv-collapse-all").click();
  // A typed word: one event once it settles, not one per key; the search's own opening sends none.
  await page.locator("#a .iv-search-input").pressSequentially("moon", { delay: 30 });
  await until(page, async () => (await named(page, "searched")).length >= 1, "searched");
  await page.waitForTimeout(1000);
  const searched = await named(page, "searched");
  assert.equal(searched.length, 1, JSON.stringify(searched));
  assert.equal(searched[0].target, "a");
  assert.equal(searched[0].detail.query, "moon");
  const status = await page.locator("#a .iv-search-status").textContent();
  assert.match(status, new RegExp(`^${searched[0].detail.questions} of ${small.questions.length} question`));
  assert.ok(searched[0].detail.matches >= searched[0].detail.questions);
  assert.equal((await eventsOf(page)).filter((e) => e.name.startsWith("question-")).length, 2);
  assert.deepEqual(page.problems, []);
});

test("each way of failing reaches the host page with its kind", LIMIT, async () => {
  const page = await hostPage();
  const cases = {
    missing: [{ src: "missing.json" }, null, "not-found"],
    server: [{ src: "/flaky.json" }, null, "server"],
    refused: [{ src: "javascript:alert(1)" }, null, "refused"],
    invalid: [{}, '{"format_version": 1, "title": ', "invalid-data"],
    empty: [{ src: "empty.json" }, null, "empty"],
    version: [{ src: "format-version-99.json" }, null, "unsupported-version"],
    none: [{ src: "no-questions.txt" }, null, "no-questions"],
  };
  for (const [id, [attrs, inline]] of Object.entries(cases)) await addViewer(page, id, attrs, inline);
  await until(page, async () => (await named(page, "failed")).length === Object.keys(cases).length, "every failure");
  const failed = await named(page, "failed");
  for (const [id, [, , kind]] of Object.entries(cases)) {
    const event = failed.find((e) => e.target === id);
    assert.equal(event?.detail.kind, kind, `${id}: ${JSON.stringify(event)}`);
    const shown = await page.locator(`#${id} .iv-error-message`).textContent();
    assert.equal(event.detail.message, shown);
  }
  assert.equal((await named(page, "loaded")).length, 0);
});
