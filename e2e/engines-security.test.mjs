// A publisher's page shows only the interviews its publisher allows, in every engine of ENGINES
// (e2e/engines.mjs). A second loopback server (another port: another origin) plays the attacker's
// site, sending CORS headers. The page's ?src= (standalone page and embed.html) may load only
// same-origin addresses, or origins the page lists in <meta name="interview-viewer-sources">;
// data: never; the <interview-viewer src> a host's author writes may name any http(s) address.
// Whatever interview is shown titles the page. Other inputs a link carries (?q=, the fragment, a
// text fragment) stay text. See SECURITY.md.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, DIST, ROOT } from "./harness.mjs";

const FIXTURES = path.join(ROOT, "e2e", "fixtures");
const LIMIT = { timeout: 180_000 };
const FAKE_TITLE = "A made-up interview";
const FAKE = `# ${FAKE_TITLE}\nDid the general say this?\n- Made up: No, this text was never said.\n`;
const SEED_TITLE = "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific";
const NOT_SHOWN = "Interview not shown — Interview Viewer";
const favicon = (req, res) => {
  res.writeHead(204);
  res.end();
};

let publisher, allowing, elsewhere;
before(async () => {
  elsewhere = await serve({
    dirs: [FIXTURES],
    headers: () => ({ "access-control-allow-origin": "*" }),
    routes: {
      "/fake.txt": (req, res) => {
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "access-control-allow-origin": "*" });
        res.end(FAKE);
      },
    },
  });
  publisher = await serve({ recorder: true, dirs: [DIST, FIXTURES], routes: { "/favicon.ico": favicon } });
  // The same site, whose publisher allows the other origin.
  allowing = await serve({
    recorder: true,
    dirs: [DIST, FIXTURES],
    routes: { "/favicon.ico": favicon },
    html: (text) => text.replace("<title>", `<meta name="interview-viewer-sources" content="${elsewhere.url}"><title>`),
  });
});
after(async () => {
  await Promise.all([publisher, allowing, elsewhere].map((s) => s?.close()));
});

// In-page helpers (each is sent to the page as source, so each stands alone).
/** What the standalone page (or an element, by id) shows: the alert, title, questions, provenance. */
const shown = (id) => {
  const root = id ? document.getElementById(id)?.shadowRoot : document;
  if (!root) return null;
  const alert = root.querySelector('[role="alert"]');
  const title = root.querySelector(".iv[data-ready] .iv-title");
  if (!alert && !title) return null;
  return {
    alert: alert?.textContent ?? null,
    title: title?.textContent ?? null,
    questions: root.querySelectorAll(".iv-q-button").length,
    provenance: root.querySelector(".iv-provenance")?.textContent ?? null,
    documentTitle: document.title,
    text: (id ? root : document.body).textContent.includes("never said"),
    pwned: window.__pwned ?? null,
  };
};
/** The document's title, once it is `expected` (it follows the interview in an effect after the render). */
const titleIs = (expected) => (document.title === expected ? document.title : null);
const searchState = () => ({
  query: document.querySelector(".iv-search-input")?.value ?? null,
  status: document.querySelector(".iv-search-status")?.textContent ?? "",
  injected: document.querySelectorAll(".iv img, .iv script:not([src]), .iv svg image").length,
  pwned: window.__pwned ?? null,
});

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });
    const fakeUrl = () => `${elsewhere.url}/fake.txt`;
    const elsewhereHost = () => new URL(elsewhere.url).host;
    /** The publisher's test host page with one <interview-viewer id="a" src=…> (the author's src). */
    async function hostWithElement(src) {
      const host = await suite.open(`${publisher.url}/host.html`);
      await host.waitFor(() => customElements.get("interview-viewer") !== undefined);
      await host.evaluate((src) => {
        const element = document.createElement("interview-viewer");
        element.id = "a";
        element.setAttribute("src", src);
        document.getElementById("host").append(element);
      }, src);
      return host;
    }

    test("a link to another site's interview is refused by default, naming the address, and nothing is fetched", LIMIT, async () => {
      const before = elsewhere.requests.length;
      for (const page of ["/", "/embed.html"]) {
        const p = await suite.open(`${publisher.url}${page}?src=${encodeURIComponent(fakeUrl())}`);
        await p.waitFor(titleIs, NOT_SHOWN);
        const state = await p.waitFor(shown, page === "/" ? null : "viewer");
        assert.equal(
          state.alert,
          `This interview cannot be shown.This page does not load the interview at “${fakeUrl()}”: it is on another site (${elsewhereHost()}), which the publisher of this page has not allowed.`,
          page,
        );
        assert.deepEqual([state.questions, state.text, state.documentTitle], [0, false, NOT_SHOWN], page);
        assert.deepEqual((await p.problems()).filter((x) => !x.startsWith("warning: Interview Viewer: This page does not load")), [], page);
      }
      assert.equal(elsewhere.requests.length, before, "the other site was never asked");
    });

    test("a data: address is refused, by a link and in the src attribute", LIMIT, async () => {
      const data = `data:text/plain,${encodeURIComponent(FAKE)}`;
      const page = await suite.open(`${publisher.url}/?src=${encodeURIComponent(data)}`);
      await page.waitFor(titleIs, NOT_SHOWN);
      const state = await page.waitFor(shown, null);
      assert.match(state.alert, /only http and https addresses are allowed, and this one is a “data” address\.$/);
      assert.deepEqual([state.questions, state.text, state.documentTitle], [0, false, NOT_SHOWN]);

      const host = await hostWithElement(data);
      const element = await host.waitFor(shown, "a");
      assert.match(element.alert, /this one is a “data” address\.$/);
      assert.equal(element.questions, 0);
    });

    test("an origin the publisher lists is loaded, and the page says where it comes from", LIMIT, async () => {
      for (const page of ["/", "/embed.html"]) {
        const p = await suite.open(`${allowing.url}${page}?src=${encodeURIComponent(fakeUrl())}`);
        await p.waitFor(titleIs, `${FAKE_TITLE} — Interview Viewer`);
        const state = await p.waitFor(shown, page === "/" ? null : "viewer");
        assert.deepEqual(
          [state.alert, state.title, state.questions, state.provenance, state.documentTitle],
          [null, FAKE_TITLE, 1, `Loaded from ${elsewhereHost()}`, `${FAKE_TITLE} — Interview Viewer`],
          page,
        );
        assert.deepEqual(await p.problems(), [], page);
      }
    });

    test("the host page's author may name another site in the src attribute; it is said too", LIMIT, async () => {
      const host = await hostWithElement(fakeUrl());
      const state = await host.waitFor(shown, "a");
      assert.deepEqual([state.title, state.provenance], [FAKE_TITLE, `Loaded from ${elsewhereHost()}`]);
      // The host page's own title is the host's.
      assert.equal(state.documentTitle, "Test host page");
    });

    test("the title and description follow the interview shown; the seed's match the page as served", LIMIT, async () => {
      const page = await suite.open(`${publisher.url}/`);
      const seed = await page.waitFor(shown, null);
      assert.equal(seed.documentTitle, `${SEED_TITLE} — Interview Viewer`);
      // As served: the prerendered page already has the title the viewer gives it.
      const served = await (await fetch(`${publisher.url}/`)).text();
      assert.equal(served.match(/<title>([^<]*)<\/title>/)[1], `${SEED_TITLE} — Interview Viewer`);
      const same = await suite.open(`${publisher.url}/?src=small.json`);
      await same.waitFor(titleIs, "Tide tables, explained: a small JSON interview — Interview Viewer");
      const small = await same.waitFor(shown, null);
      assert.deepEqual(
        [small.title, small.provenance, small.documentTitle],
        ["Tide tables, explained: a small JSON interview", null, "Tide tables, explained: a small JSON interview — Interview Viewer"],
      );
      const description = await same.evaluate(() => document.querySelector('meta[name="description"]').content);
      assert.equal(description, "Test Fixtures Quarterly: Tide tables, explained: a small JSON interview. A collapsible, searchable reader.");
    });

    test("?q= from a link is bounded and stays text", LIMIT, async () => {
      const hostile = `space<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>${"x".repeat(500)}`;
      const page = await suite.open(`${publisher.url}/?q=${encodeURIComponent(hostile)}`);
      const state = await page.waitFor(() => {
        const input = document.querySelector(".iv[data-ready] .iv-search-input");
        return input && input.value !== "" ? true : null;
      });
      assert.ok(state);
      const after = await page.evaluate(searchState);
      assert.equal(after.query, [...hostile].slice(0, 200).join(""));
      assert.deepEqual([after.injected, after.pwned], [0, null]);
      assert.deepEqual(await page.problems(), []);
    });

    test("a hostile #fragment and text fragment do nothing but fail to match", LIMIT, async () => {
      for (const fragment of [
        `#${encodeURIComponent('"><img src=x onerror=window.__pwned=1>')}`,
        "#:~:text=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
        "#javascript:window.__pwned=1",
      ]) {
        const page = await suite.open(`${publisher.url}/${fragment}`);
        await page.waitFor(shown, null);
        const state = await page.evaluate(() => ({
          open: [...document.querySelectorAll(".iv-q-button")].filter((b) => b.getAttribute("aria-expanded") === "true").length,
          injected: document.querySelectorAll(".iv img").length,
          pwned: window.__pwned ?? null,
        }));
        assert.deepEqual(state, { open: 0, injected: 0, pwned: null }, fragment);
        assert.deepEqual(await page.problems(), [], fragment);
      }
    });
  });
}
