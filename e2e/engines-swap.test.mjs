// A viewer's state belongs to the interview it shows, in every engine of ENGINES
// (e2e/engines.mjs): after each kind of change of interview — src to src, src removed, inline
// data, an error then "Try again" — every question of the new one opens, Expand all and Collapse
// all reach all of them, and a search counts against it.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, DIST, ROOT } from "./harness.mjs";
import { interviewJson, SEED_TXT } from "./embedding-fixture.mjs";

const FIXTURES = path.join(ROOT, "e2e", "fixtures");
const SEED_TITLE = "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific";
/** A safety net so that a hang fails its test instead of the run (not a timing check). */
const LIMIT = { timeout: 180_000 };

/** `/flaky-seed.txt` answers 500 while `flakySeed.fail`, then the seed as plain text. */
const flakySeed = { fail: true };
const send = (res, status, type, body) => {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
};
const routes = {
  "/favicon.ico": (req, res) => send(res, 204, "text/plain", ""),
  "/seed.txt": (req, res) => send(res, 200, "text/plain; charset=utf-8", SEED_TXT),
  "/flaky-seed.txt": (req, res) =>
    flakySeed.fail
      ? send(res, 500, "text/plain", "internal server error")
      : send(res, 200, "text/plain; charset=utf-8", SEED_TXT),
};


let server;
before(async () => {
  server = await serve({ recorder: true, dirs: [DIST, FIXTURES], routes });
});
after(async () => {
  await server?.close();
});

// In-page helpers (each is sent to the page as source, so each stands alone).
/** Instance `id`: its title, question count and "x."-string of expanded questions, once hydrated. */
const viewState = (id) => {
  const root = document.getElementById(id)?.shadowRoot;
  if (!root?.querySelector(".iv[data-ready]")) return null;
  const buttons = [...root.querySelectorAll(".iv-q-button")];
  return {
    title: root.querySelector(".iv-title")?.textContent ?? null,
    questions: buttons.length,
    expanded: buttons.map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join(""),
    status: root.querySelector(".iv-search-status")?.textContent ?? "",
    retry: !!root.querySelector(".iv-retry"),
  };
};
const shows = (id, title, count) => {
  const root = document.getElementById(id)?.shadowRoot;
  return (
    !!root?.querySelector(".iv[data-ready]") &&
    root.querySelector(".iv-title")?.textContent === title &&
    root.querySelectorAll(".iv-q-button").length === count
  );
};
const expandedIs = (id, pattern) => {
  const root = document.getElementById(id)?.shadowRoot;
  return [...root.querySelectorAll(".iv-q-button")].map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join("") === pattern;
};
const lastButton = (id) => [...document.getElementById(id).shadowRoot.querySelectorAll(".iv-q-button")].pop();
const control = (id, selector) => document.getElementById(id).shadowRoot.querySelector(selector);

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });

    /** Checks a fresh view of `count` questions in instance `id` by mouse and keyboard. */
    async function assertFreshView(page, id, count, label) {
      const closed = ".".repeat(count);
      const state = await page.waitFor(viewState, id);
      assert.equal(state.expanded, closed, `${label}: starts collapsed`);
      await page.click(lastButton, id);
      await page.waitFor(expandedIs, id, ".".repeat(count - 1) + "x");
      await page.click(lastButton, id);
      await page.waitFor(expandedIs, id, closed);
      await page.click(control, id, ".iv-expand-all");
      await page.waitFor(expandedIs, id, "x".repeat(count));
      await page.click(control, id, ".iv-collapse-all");
      await page.waitFor(expandedIs, id, closed);
      // A word of the last question, searched: counted against this interview, and it opens.
      const word = await page.evaluate(
        (id) => [...document.getElementById(id).shadowRoot.querySelectorAll(".iv-q-text")].pop().textContent.match(/\p{L}{4,}/u)[0],
        id,
      );
      await page.click(control, id, ".iv-search-input");
      await page.type(word);
      await page.waitFor(
        (id, count) => new RegExp(` of ${count} questions? match`).test(document.getElementById(id).shadowRoot.querySelector(".iv-search-status").textContent),
        id,
        count,
      );
      assert.ok((await page.evaluate(viewState, id)).expanded.endsWith("x"), `${label}: the search opens the last question`);
      await page.press("Escape");
      await page.waitFor(expandedIs, id, closed);
    }

    test("every change of interview starts a fresh view: src to src, src removed, inline data, Try again", LIMIT, async () => {
      const page = await suite.open(`${server.url}/host.html`);
      await page.waitFor(() => customElements.get("interview-viewer") !== undefined);
      await page.evaluate((inline) => {
        for (const [id, src, json] of [["a", "small.txt", null], ["b", "small.txt", inline]]) {
          const element = document.createElement("interview-viewer");
          element.id = id;
          element.setAttribute("src", src);
          if (json) {
            const script = document.createElement("script");
            script.type = "application/json";
            script.textContent = json;
            element.append(script);
          }
          document.getElementById("host").append(element);
        }
      }, interviewJson(2, "Two"));
      await page.waitFor(shows, "a", "Lighthouse keeping: a small plain-text interview", 3);
      await assertFreshView(page, "a", 3, "small.txt");
      // Leave a question open and a query typed before each change.
      await page.click(control, "a", ".iv-q-button");

      await page.evaluate(() => document.getElementById("a").removeAttribute("src"));
      await page.waitFor(shows, "a", SEED_TITLE, 9);
      await assertFreshView(page, "a", 9, "src removed");

      await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.json"));
      await page.waitFor(shows, "a", "Tide tables, explained: a small JSON interview", 2);
      await assertFreshView(page, "a", 2, "src to small.json");
      await page.evaluate(() => document.getElementById("a").setAttribute("src", "/seed.txt"));
      await page.waitFor(shows, "a", "Interview", 9);
      await assertFreshView(page, "a", 9, "src to seed.txt");

      await page.evaluate(() => document.getElementById("b").removeAttribute("src"));
      await page.waitFor(shows, "b", "Two", 2);
      await assertFreshView(page, "b", 2, "inline of 2");
      await page.evaluate((json) => {
        const element = document.getElementById("b");
        element.querySelector("script").textContent = json;
        element.setAttribute("theme", "light");
      }, interviewJson(7, "Seven"));
      await page.waitFor(shows, "b", "Seven", 7);
      await assertFreshView(page, "b", 7, "inline of 7");

      flakySeed.fail = true;
      await page.evaluate(() => document.getElementById("b").setAttribute("src", "/flaky-seed.txt"));
      await page.waitFor((id) => !!document.getElementById(id).shadowRoot.querySelector(".iv-retry"), "b");
      flakySeed.fail = false;
      await page.click(control, "b", ".iv-retry");
      await page.waitFor(shows, "b", "Interview", 9);
      await assertFreshView(page, "b", 9, "Try again");

      const problems = (await page.problems()).filter((p) => !/500|flaky-seed/.test(p));
      assert.deepEqual(problems, []);
    });
  });
}
