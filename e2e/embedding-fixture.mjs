// What the embedding tests (e2e/embedding-*.test.mjs) share: the host-page fixtures, a server
// with special routes (500s, 10 MB, slow, sniffing) and a second one under the strict CSP, and
// helpers to open host pages, add <interview-viewer> elements and watch what reaches the host.
// Host pages and test data live in e2e/fixtures/.
import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { serve, launch, openPage, closeOpenedPages, DIST, ROOT } from "./harness.mjs";

export const FIXTURES = path.join(ROOT, "e2e", "fixtures");
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const SMALL_JSON = await readFile(path.join(FIXTURES, "small.json"), "utf8");
export const SMALL_JSON_TITLE = JSON.parse(SMALL_JSON).title;
export const SMALL_TXT = await readFile(path.join(FIXTURES, "small.txt"), "utf8");
export const SMALL_TXT_TITLE = "Lighthouse keeping: a small plain-text interview";
export const SEED_TITLE = "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific";
export const ANOTHER_TITLE = "Reading interviews on the web: a conversation with a (fictional) editor";
export const TEN_MB = 10 * 1024 * 1024;
/** A safety net so that a regression fails a test instead of hanging the run (not a timing check). */
export const LIMIT = { timeout: 180_000 };

/** The four payloads of e2e/fixtures/hostile.{json,txt}. */
export const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>window.__pwned=1</script>",
  "javascript:alert(1)",
  '"><svg onload=window.__pwned=2>',
];

// ---------------------------------------------------------------------------------------------
// Servers

/** `/flaky.json` answers 500 while `flaky.fail`, then the small JSON interview. */
export const flaky = { fail: true, requests: 0 };
/** `/slow.json` holds its response open; the test answers it (`slow.requests[0]`) when it wants. */
export const slow = { requests: [], arrived: null, onRequest: null };
export function resetSlow() {
  let arrived;
  slow.arrived = new Promise((r) => (arrived = r));
  slow.requests = [];
  slow.onRequest = (res) => {
    slow.requests.push(res);
    arrived();
  };
}
resetSlow();

export function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...extra });
  res.end(body);
}

/** Browsers ask for /favicon.ico on pages without an icon; a 404 there is not the viewer's. */
export const favicon = (req, res) => {
  res.writeHead(204);
  res.end();
};

/** `/flaky-seed.txt` answers 500 while `flakySeed.fail`, then the seed interview (9 questions). */
export const flakySeed = { fail: true };
export const SEED_TXT = await readFile(path.join(ROOT, "data", "mastalir-interview.txt"), "utf8");

/** A JSON interview of `count` questions, each answered by one bullet. */
export function interviewJson(count, title = `An interview of ${count} questions`) {
  const questions = Array.from({ length: count }, (_, i) => ({
    id: `q${i + 1}`,
    text: `Question number ${i + 1}?`,
    answer: [{ kind: "bullet", label: "Answer", text: `The answer to question ${i + 1}.` }],
  }));
  return JSON.stringify({ format_version: 1, title, source: "", intro: [], questions });
}

export const routes = {
  "/favicon.ico": favicon,
  "/seed.txt": (req, res) => send(res, 200, "text/plain; charset=utf-8", SEED_TXT),
  "/flaky-seed.txt": (req, res) => {
    if (flakySeed.fail) send(res, 500, "text/plain", "internal server error");
    else send(res, 200, "text/plain; charset=utf-8", SEED_TXT);
  },
  "/flaky.json": (req, res) => {
    flaky.requests++;
    if (flaky.fail) send(res, 500, "text/plain", "internal server error");
    else send(res, 200, "application/json", SMALL_JSON);
  },
  // 10 MB, announced by Content-Length.
  "/huge.json": (req, res) => {
    const body = Buffer.alloc(TEN_MB, " ");
    body.write('{"format_version": 1, "title": "huge", "questions": []}');
    send(res, 200, "application/json", body, { "content-length": String(body.length) });
  },
  // 10 MB of valid plain text, chunked: no Content-Length, so the size is only known once read.
  "/huge-chunked.txt": (req, res) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    const line = "Is this a question?\n- Yes: it is.\n";
    const chunk = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)));
    let sent = 0;
    const more = () => {
      while (sent < TEN_MB) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once("drain", more);
      }
      res.end();
    };
    more();
  },
  // Format sniffing: the body's first character decides whatever the content type says...
  "/sniff/json-as-text-plain": (req, res) => send(res, 200, "text/plain; charset=utf-8", `\n  ${SMALL_JSON}`),
  "/sniff/text-as-octet-stream": (req, res) => send(res, 200, "application/octet-stream", SMALL_TXT),
  // ...and a JSON content type (also any +json) makes a body JSON even when it does not start with "{".
  "/sniff/array-as-plus-json": (req, res) => send(res, 200, "application/vnd.example+json", "[1, 2]"),
  "/sniff/array-as-text": (req, res) => send(res, 200, "text/plain", "[1, 2]"),
  "/slow.json": (req, res) => slow.onRequest(res),
  // The demo article without the viewer's script: the control for "nothing leaks into the host".
  "/demo/control.html": async (req, res) => {
    const html = await readFile(path.join(DIST, "demo", "article.html"), "utf8");
    const without = html.replace(/<script type="module" src="\.\.\/interview-viewer\.js"><\/script>/, "");
    assert.notEqual(without, html, "the demo page's script tag was not found");
    send(res, 200, "text/html; charset=utf-8", without);
  },
  "/leak-control.html": async (req, res) => {
    const html = await readFile(path.join(FIXTURES, "leak-host.html"), "utf8");
    const without = html.replace(/<script type="module" src="\/interview-viewer\.js"><\/script>/, "");
    assert.notEqual(without, html, "the leak host's script tag was not found");
    send(res, 200, "text/html; charset=utf-8", without);
  },
};

/** The servers and the browser of the current test file (live bindings, set by `useEmbeddingSuite`). */
export let server, cspServer, browser;

/** Serves dist/ and the fixtures (plainly and under the CSP) and launches Chromium for one test file. */
export function useEmbeddingSuite() {
  before(async () => {
    server = await serve({ dirs: [DIST, FIXTURES], routes });
    cspServer = await serve({
      dirs: [DIST, FIXTURES],
      headers: () => ({ "content-security-policy": CSP }),
      routes: { "/favicon.ico": favicon },
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await cspServer?.close();
  });
  afterEach(closeOpenedPages);
}

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Records, before any of the page's scripts run: errors and unhandled rejections reaching the
 * host page, CSP violation events, the fetches whose body the page has finished reading, and the
 * viewer's `interview-viewer:*` events (`eventsOf`).
 */
export function instrument() {
  window.__hostErrors = [];
  window.__violations = [];
  window.__bodiesRead = [];
  // The viewer's events for the host page, as a listener on the document hears them.
  window.__ivEvents = [];
  for (const name of ["loaded", "failed", "question-opened", "question-closed", "searched"]) {
    document.addEventListener(`interview-viewer:${name}`, (e) =>
      window.__ivEvents.push({ name, target: e.target.id || e.target.localName, detail: e.detail }),
    );
  }
  addEventListener("error", (e) => window.__hostErrors.push(`error: ${e.message}`));
  addEventListener("unhandledrejection", (e) => window.__hostErrors.push(`rejection: ${e.reason}`));
  addEventListener(
    "securitypolicyviolation",
    (e) => window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    true,
  );
  const fetch = window.fetch;
  window.fetch = async function (...args) {
    const response = await fetch.apply(this, args);
    const text = response.text;
    response.text = function () {
      return text.call(this).then((body) => {
        window.__bodiesRead.push(response.url);
        return body;
      });
    };
    return response;
  };
}

/** A new page (own context, light colour scheme) on `url`; records dialogs instead of showing them. */
export async function open(url, { viewport } = {}) {
  return openPage(browser, url, {
    viewport,
    colorScheme: "light",
    init: instrument,
    prepare(page) {
      page.dialogs = [];
      page.on("dialog", (dialog) => {
        page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        dialog.dismiss().catch(() => {});
      });
      page.requests = [];
      page.on("request", (request) => page.requests.push(request.url()));
    },
  });
}

/** e2e/fixtures/host.html: just the script tag; the tests add elements to its <main id="host">. */
export async function hostPage(base = server.url) {
  const page = await open(`${base}/host.html`);
  await page.waitForFunction(() => customElements.get("interview-viewer") !== undefined);
  return page;
}

/** Appends `<interview-viewer id=… attrs…>` (with an inline JSON child if `inline`) to #host. */
export async function addViewer(page, id, attrs = {}, inline = null) {
  await page.evaluate(
    ([id, attrs, inline]) => {
      const element = document.createElement("interview-viewer");
      element.id = id;
      for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
      if (inline !== null) {
        const script = document.createElement("script");
        script.type = "application/json";
        script.textContent = inline;
        element.append(script);
      }
      document.getElementById("host").append(element);
    },
    [id, attrs, inline],
  );
}

/** Waits until instance `id` shows questions; returns its question buttons. */
export async function questions(page, id) {
  const buttons = page.locator(`#${id} .iv-q-button`);
  await buttons.first().waitFor({ state: "attached" });
  return buttons;
}

export const title = (page, id) => page.locator(`#${id} .iv-title`).textContent();
export const waitForTitle = (page, id, expected) =>
  page.waitForFunction(
    ([id, expected]) => document.getElementById(id)?.shadowRoot?.querySelector(".iv-title")?.textContent === expected,
    [id, expected],
  );

/** Lets pending promise callbacks, renders and two animation frames run. */
export const settle = (page) =>
  page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );

/** The `interview-viewer:*` events the document heard so far: `{ name, target, detail }`. */
export const eventsOf = (page) => page.evaluate(() => window.__ivEvents);

export const warningsOf = (page) => page.problems.filter((p) => p.startsWith("warning: "));
export const othersOf = (page) => page.problems.filter((p) => !p.startsWith("warning: "));

/** Waits until the page has logged at least `count` warnings (then lets more arrive, if any). */
export async function waitForWarnings(page, count) {
  await until(page, () => warningsOf(page).length >= count, `${count} warning(s); got ${page.problems.join(" | ")}`);
  await settle(page);
}

/** Lets the page run (animation frame by animation frame) until `predicate()` holds. */
export async function until(page, predicate, what) {
  for (let i = 0; i < 1000; i++) {
    if (await predicate()) return;
    await settle(page);
  }
  assert.fail(`gave up waiting for ${what}`);
}

/** Asserts nothing was thrown into the host page and no dialog opened. */
export async function assertHostUnharmed(page) {
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), [], "errors reached the host page");
  assert.deepEqual(page.problems.filter((p) => p.startsWith("pageerror")), []);
  assert.deepEqual(page.dialogs, [], "a dialog opened");
}

/**
 * On the demo article: exactly one warning and one resource error, both for its broken instance
 * (does-not-exist.json), and nothing thrown at the host. Call after `waitForWarnings(page, 1)`.
 */
export async function assertOnlyTheBrokenDemoInstanceLogged(page) {
  assert.deepEqual(warningsOf(page), [
    "warning: Interview Viewer: No interview was found at “does-not-exist.json” (HTTP 404).",
  ]);
  assert.equal(othersOf(page).length, 1, othersOf(page).join("\n"));
  assert.match(othersOf(page)[0], /^error: Failed to load resource: .*404/);
  await assertHostUnharmed(page);
}

/** Every id in the document and in every (nested) open shadow root, in document order. */
export const allIds = (page) =>
  page.evaluate(() => {
    const ids = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll("*")) {
        if (element.id) ids.push(element.id);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return ids;
  });

export const duplicates = (list) => [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];
