// Quote links (issue 15, part 1) in every engine of ENGINES (e2e/engines.mjs). Both paths: the
// standalone page's link carries the standard text fragment (which the browser highlights where it
// can, and removes from the URL) and the viewer's own copy, which it highlights itself; an embedded
// viewer's link points at its host page and only the viewer's own highlight can reach its shadow
// root. The button appears for a selection in an answer, in the page and in a shadow root.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, injectRecorder } from "./harness.mjs";

const QUESTION = "why-is-it-important-for-guardians-to-forge-stronger";
const PASSAGE = "allows us to convey norms of freedom";
const QUOTED = encodeURIComponent(PASSAGE);
/** A safety net so that a hang fails its test instead of the run (not a timing check). */
const LIMIT = { timeout: 180_000 };

let server;
before(async () => {
  server = await serve({
    recorder: true,
    routes: {
      "/favicon.ico": (req, res) => res.writeHead(204).end(),
      "/host.html": (req, res) =>
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            injectRecorder(
              `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main><h1>Host</h1>` +
                `<interview-viewer id="talk"></interview-viewer><script type="module" src="/interview-viewer.js"></script></main></body></html>`,
            ),
          ),
    },
  });
});
after(async () => {
  await server?.close();
});

// In-page helpers (each is sent to the page as source, so each stands alone).
/** The viewer's root: the page, or the shadow root of the element `#talk`. */
const quoteState = (host) => {
  const root = host ? document.getElementById(host)?.shadowRoot : document;
  const button = root?.querySelectorAll(".iv-q-button")[6];
  const range = [...(CSS.highlights.get("iv-quote") ?? [])][0];
  const box = range?.getBoundingClientRect();
  return {
    expanded: button?.getAttribute("aria-expanded") ?? null,
    text: range ? range.toString() : null,
    inView: !!box && box.top >= 0 && box.bottom <= innerHeight,
  };
};
const select = (host, text) => {
  const root = host ? document.getElementById(host).shadowRoot : document;
  const panel = root.querySelectorAll(".iv-answer")[6];
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const at = node.data.indexOf(text);
    if (at >= 0) return getSelection().setBaseAndExtent(node, at, node, at + text.length), true;
  }
  return false;
};

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });
    const ready = (host) => (host ? !!document.getElementById(host)?.shadowRoot?.querySelector(".iv[data-ready]") : !!document.querySelector(".iv[data-ready]"));

    test("a standalone quote link opens its question with the passage highlighted and in view", LIMIT, async () => {
      const page = await suite.open(`${server.url}/#${QUESTION}~quote=${QUOTED}:~:text=${QUOTED}`);
      await page.waitFor(ready, null);
      await page.waitFor(() => [...(CSS.highlights.get("iv-quote") ?? [])].length === 1);
      await page.waitFor((host) => {
        const range = [...CSS.highlights.get("iv-quote")][0];
        const box = range.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, null);
      assert.deepEqual(await page.evaluate(quoteState, null), { expanded: "true", text: PASSAGE, inView: true });
      assert.deepEqual(await page.problems(), []);
    });

    test("an embedded viewer follows a quote link to its host page that names it", LIMIT, async () => {
      const page = await suite.open(`${server.url}/host.html#talk/${QUESTION}~quote=${QUOTED}`);
      await page.waitFor(ready, "talk");
      await page.waitFor(() => [...(CSS.highlights.get("iv-quote") ?? [])].length === 1);
      await page.waitFor(() => {
        const box = [...CSS.highlights.get("iv-quote")][0].getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      });
      assert.deepEqual(await page.evaluate(quoteState, "talk"), { expanded: "true", text: PASSAGE, inView: true });
      assert.deepEqual(await page.problems(), []);
    });

    for (const host of [null, "talk"]) {
      test(`selecting a passage ${host ? "in an embedded viewer" : "on the standalone page"} offers its link`, LIMIT, async () => {
        const page = await suite.open(host ? `${server.url}/host.html` : `${server.url}/`);
        await page.waitFor(ready, host);
        await page.click((host) => (host ? document.getElementById(host).shadowRoot : document).querySelectorAll(".iv-q-button")[6], host);
        await page.waitFor((host) => (host ? document.getElementById(host).shadowRoot : document).querySelectorAll(".iv-q-button")[6].getAttribute("aria-expanded") === "true", host);
        assert.equal(await page.evaluate(select, host, PASSAGE), true);
        const button = (host) => (host ? document.getElementById(host).shadowRoot : document).querySelector(".iv-quote .iv-copy-button");
        await page.waitFor(button, host);
        await page.click(button, host);
        const outcome = (host) => {
          const root = host ? document.getElementById(host).shadowRoot : document;
          return { status: root.querySelector(".iv-quote .iv-copy-status")?.textContent ?? "", field: root.querySelector(".iv-quote .iv-copy-field")?.value ?? null };
        };
        await page.waitFor((host) => (host ? document.getElementById(host).shadowRoot : document).querySelector(".iv-quote .iv-copy-status")?.textContent !== "", host);
        const result = await page.evaluate(outcome, host);
        // An automated browser may refuse the clipboard: then the link is shown to copy by hand.
        if (result.status !== "Link to the quote copied") {
          const expected = host
            ? `${server.url}/host.html#talk/${QUESTION}~quote=${QUOTED}`
            : `${server.url}/#${QUESTION}~quote=${QUOTED}:~:text=${QUOTED}`;
          assert.deepEqual(result, { status: "Press Ctrl+C (⌘C) to copy the link", field: expected });
        }
        assert.deepEqual(await page.problems(), []);
      });
    }
  });
}
