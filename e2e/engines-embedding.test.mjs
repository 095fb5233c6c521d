// <interview-viewer> on the demo host page, and the strict Content-Security-Policy, in every engine
// of ENGINES (e2e/engines.mjs): its instances, independent searches and toggles, the broken
// instance's message, and no CSP violation on the standalone page or the demo page.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, injectRecorder, DIST } from "./harness.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The one problem the demo page has: its third instance's src does not exist. */
const BROKEN_WARNING = "warning: Interview Viewer: No interview was found at “does-not-exist.json” (HTTP 404).";
const ANOTHER_TITLE = "Reading interviews on the web: a conversation with a (fictional) editor";
/** A safety net so that a hang fails its test instead of the run (not a timing check). */
const LIMIT = { timeout: 180_000 };

/** Browsers ask for /favicon.ico on pages without an icon; a 404 there is not the viewer's. */
const favicon = (req, res) => {
  res.writeHead(204);
  res.end();
};

/**
 * A host article with dist/embed-snippet.html pasted in, and the wasm held back until
 * `releaseWasm()`: the time before it arrives, made as long as the test needs. (Holding the glue
 * instead would hold the page's load event in Firefox and WebKit.)
 */
const snippetHost = async () =>
  injectRecorder(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main>
<h1>A host article</h1><p>Before the interview.</p>
${await readFile(path.join(DIST, "embed-snippet.html"), "utf8")}
<p>After the interview.</p></main></body></html>`);
let releaseWasm = () => {};
let wasmReleased = Promise.resolve();
const holdWasm = () => (wasmReleased = new Promise((resolve) => (releaseWasm = resolve)));

let server, cspServer;
before(async () => {
  const wasm = (await readdir(DIST)).find((f) => /^interview-viewer-[0-9a-f]+_bg\.wasm$/.test(f));
  const routes = {
    "/favicon.ico": favicon,
    "/snippet-host.html": async (req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": CSP });
      res.end(await snippetHost());
    },
    [`/${wasm}`]: async (req, res) => {
      await wasmReleased;
      res.writeHead(200, { "content-type": "application/wasm", "cache-control": "no-store" });
      res.end(await readFile(path.join(DIST, wasm)));
    },
  };
  server = await serve({ recorder: true, routes });
  cspServer = await serve({
    recorder: true,
    headers: () => ({ "content-security-policy": CSP }),
    routes: { "/favicon.ico": favicon },
  });
});
after(async () => {
  await server?.close();
  await cspServer?.close();
});

// In-page helpers (each is sent to the page as source, so each stands alone).
/** One instance's state, read through its shadow root. */
const instance = (id) => {
  const root = document.getElementById(id)?.shadowRoot;
  if (!root) return null;
  const alert = root.querySelector('[role="alert"]');
  return {
    ready: !!root.querySelector(".iv[data-ready]"),
    title: root.querySelector(".iv-title")?.textContent ?? null,
    questions: root.querySelectorAll(".iv-q-button").length,
    expanded: [...root.querySelectorAll(".iv-q-button")].map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join(""),
    filteredOut: root.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length,
    marks: root.querySelectorAll("mark").length,
    query: root.querySelector(".iv-search-input")?.value ?? null,
    status: root.querySelector(".iv-search-status")?.textContent ?? null,
    alert: alert ? alert.textContent : null,
  };
};
/** Waits (in the page) until instance `id` has hydrated and shows `count` questions. */
const instanceReady = (id, count) => {
  const root = document.getElementById(id)?.shadowRoot;
  return !!root?.querySelector(".iv[data-ready]") && root.querySelectorAll(".iv-q-button").length === count;
};
const brokenShown = () => !!document.getElementById("broken-viewer")?.shadowRoot?.querySelector('[role="alert"]');

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });

    /** Opens the demo article on `base` and waits for its instances. */
    async function demo(base) {
      const page = await suite.open(`${base}/demo/article.html`);
      await page.waitFor(instanceReady, "default-viewer", 9);
      await page.waitFor(instanceReady, "other-viewer", 2);
      await page.waitFor(brokenShown);
      return page;
    }
    /** Waits until the broken instance's warning was logged, then returns every problem. */
    async function problemsAfterWarning(page) {
      await page.waitFor(() => (window.__ivProblems ?? []).some((p) => p.startsWith("warning: Interview Viewer")));
      return page.problems();
    }

    test("the demo page: its instances, independent searches and toggles, the broken one says why", LIMIT, async () => {
      const page = await demo(server.url);
      const broken = await page.evaluate(instance, "broken-viewer");
      assert.equal(broken.questions, 0);
      assert.match(broken.alert, /This interview cannot be shown\./);
      assert.match(broken.alert, /does-not-exist\.json.*404/);
      assert.equal((await page.evaluate(instance, "other-viewer")).title, ANOTHER_TITLE);

      // A search in one instance filters only that one.
      await page.click("#other-viewer >>> .iv-search-input");
      await page.type("scannable");
      await page.waitFor(() => document.getElementById("other-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length === 1);
      let other = await page.evaluate(instance, "other-viewer");
      let first = await page.evaluate(instance, "default-viewer");
      assert.match(other.status, /^1 of 2 questions matches/);
      assert.ok(other.marks > 0);
      assert.deepEqual([first.filteredOut, first.marks, first.query, first.status], [0, 0, "", ""]);

      await page.click("#default-viewer >>> .iv-search-input");
      await page.type("Talisman");
      await page.waitFor(() => /^2 of 9 questions match/.test(document.getElementById("default-viewer").shadowRoot.querySelector(".iv-search-status").textContent));
      first = await page.evaluate(instance, "default-viewer");
      other = await page.evaluate(instance, "other-viewer");
      assert.equal(first.filteredOut, 7);
      assert.deepEqual([other.filteredOut, other.query], [1, "scannable"], "the other instance keeps its own search");

      // Escape clears each search; a question opened in one leaves the other's closed.
      await page.press("Escape");
      await page.click("#other-viewer >>> .iv-search-input");
      await page.press("Escape");
      await page.waitFor(() => document.getElementById("default-viewer").shadowRoot.querySelector(".iv-search-input").value === "");
      await page.waitFor(() => document.getElementById("other-viewer").shadowRoot.querySelector(".iv-search-input").value === "");
      await page.click("#default-viewer >>> .iv-q-button");
      await page.waitFor(() => document.getElementById("default-viewer").shadowRoot.querySelector(".iv-q-button").getAttribute("aria-expanded") === "true");
      assert.equal((await page.evaluate(instance, "other-viewer")).expanded, "..");
      await page.click("#other-viewer >>> .iv-expand-all");
      await page.waitFor(() => document.getElementById("other-viewer").shadowRoot.querySelectorAll('.iv-q-button[aria-expanded="true"]').length === 2);
      assert.equal((await page.evaluate(instance, "default-viewer")).expanded, "x........");

      assert.deepEqual(await problemsAfterWarning(page), [BROKEN_WARNING]);
    });

    test("an embed snippet shows and toggles before the wasm, then is hydrated in place (strict CSP)", LIMIT, async () => {
      holdWasm();
      try {
        const page = await suite.open(`${server.url}/snippet-host.html`);
        // The declarative shadow root holds the whole interview before the wasm.
        assert.equal(await page.evaluate(() => document.querySelector("interview-viewer").shadowRoot?.querySelectorAll(".iv-q-button").length), 9);
        assert.equal(await page.evaluate(() => !!document.querySelector("interview-viewer").shadowRoot.querySelector(".iv[data-ready]")), false);
        await page.waitFor(() => customElements.get("interview-viewer") !== undefined);
        await page.click((n) => document.querySelector("interview-viewer").shadowRoot.querySelectorAll(".iv-q-button")[n], 2);
        await page.waitFor(() => document.querySelector("interview-viewer").shadowRoot.querySelectorAll(".iv-q-button")[2].getAttribute("aria-expanded") === "true");
        await page.evaluate(() => (window.__firstButton = document.querySelector("interview-viewer").shadowRoot.querySelector(".iv-q-button")) && true);
        // The viewer's events reach a listener on the document from inside the shadow root.
        await page.evaluate(() => {
          window.__heard = [];
          for (const name of ["loaded", "question-opened", "question-closed", "searched"]) {
            document.addEventListener(`interview-viewer:${name}`, (e) =>
              window.__heard.push(`${name} ${e.target.localName} ${e.detail.query ?? e.detail.number ?? e.detail.questions}`),
            );
          }
        });
        releaseWasm();
        await page.waitFor(() => !!document.querySelector("interview-viewer").shadowRoot.querySelector(".iv[data-ready]"));
        const after = await page.evaluate(() => {
          const root = document.querySelector("interview-viewer").shadowRoot;
          return {
            same: window.__firstButton === root.querySelector(".iv-q-button"),
            expanded: [...root.querySelectorAll(".iv-q-button")].map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join(""),
          };
        });
        assert.deepEqual(after, { same: true, expanded: "..x......" }, "hydrated in place, keeping what the reader opened");
        await page.click((n) => document.querySelector("interview-viewer").shadowRoot.querySelectorAll(".iv-q-button")[n], 0);
        await page.waitFor(() => window.__heard.length === 2);
        await page.click("interview-viewer >>> .iv-search-input");
        await page.type("Talisman");
        await page.waitFor(() => document.querySelector("interview-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length === 7);
        await page.waitFor(() => window.__heard.length === 3);
        assert.deepEqual(await page.evaluate(() => window.__heard), [
          "loaded interview-viewer 9",
          "question-opened interview-viewer 1",
          "searched interview-viewer Talisman",
        ]);
        assert.ok(await page.evaluate(() => document.querySelector("interview-viewer").shadowRoot.querySelectorAll("mark.iv-match").length > 0));
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
        assert.deepEqual(await page.problems(), []);
      } finally {
        releaseWasm();
      }
    });

    test("the CSP check itself notices a violation (so that its silence below means something)", LIMIT, async () => {
      const page = await suite.open(`${cspServer.url}/`);
      await page.waitFor(() => !!document.querySelector("article.iv[data-ready]"));
      await page.evaluate(() => document.body.setAttribute("style", "color: red"));
      await page.waitFor(() => (window.__ivProblems ?? []).some((p) => p.startsWith("csp: ")));
      const problems = await page.problems();
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.match(problems[0], /^csp: style-src/);
    });

    test("under the strict CSP the standalone page works (search, toggle, theme) without a violation", LIMIT, async () => {
      const page = await suite.open(`${cspServer.url}/`);
      await page.waitFor(() => !!document.querySelector("article.iv[data-ready]"));
      assert.equal(await page.evaluate(() => document.querySelectorAll(".iv-q-button").length), 9);
      await page.click(".iv-search-input");
      await page.type("Talisman");
      await page.waitFor(() => document.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length === 7);
      assert.ok((await page.evaluate(() => document.querySelectorAll("mark.iv-match").length)) > 0);
      await page.press("Escape");
      await page.waitFor(() => document.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length === 0);
      await page.click(".iv-q-button");
      await page.waitFor(() => document.querySelector(".iv-q-button").getAttribute("aria-expanded") === "true");
      await page.click(() => document.querySelector('fieldset.iv-theme input[value="dark"]').closest("label"));
      await page.waitFor(() => document.querySelector("article.iv").getAttribute("data-theme") === "dark");
      // The stylesheet applied (a blocked stylesheet would leave the article unstyled).
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("article.iv")).boxSizing), "border-box");
      // Let late work (marks, effects) run before looking for violations.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
      assert.deepEqual(await page.problems(), []);
    });

    test("under the strict CSP the demo page's instances work; only the broken one's 404 is reported", LIMIT, async () => {
      const page = await demo(cspServer.url);
      assert.match((await page.evaluate(instance, "broken-viewer")).alert, /does-not-exist\.json.*404/);
      await page.click("#default-viewer >>> .iv-search-input");
      await page.type("Talisman");
      await page.waitFor(() => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-filtering > .iv-qa:not(.iv-found)").length === 7);
      await page.click((n) => document.getElementById("other-viewer").shadowRoot.querySelectorAll(".iv-q-button")[n], 1);
      await page.waitFor(() => document.getElementById("other-viewer").shadowRoot.querySelectorAll(".iv-q-button")[1].getAttribute("aria-expanded") === "true");
      // The shadow roots' stylesheet applied under the CSP.
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.getElementById("other-viewer").shadowRoot.querySelector("article.iv")).boxSizing),
        "border-box",
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
      assert.deepEqual(await problemsAfterWarning(page), [BROKEN_WARNING]);
    });
  });
}
