// "Embed anywhere" end to end: <interview-viewer> (dist/interview-viewer.js) on host pages, its
// attributes, isolation from (and of) the host's CSS, several instances, failures, hostile data,
// a strict Content-Security-Policy, dist/ under a sub-path, and embed.html in an iframe.
// Host pages and test data live in e2e/fixtures/; special responses (500, 10 MB, slow) are routes.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readdirSync } from "node:fs";
import { serve, launch, newPage, axe, DIST, ROOT } from "./harness.mjs";

const FIXTURES = path.join(ROOT, "e2e", "fixtures");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SMALL_JSON = await readFile(path.join(FIXTURES, "small.json"), "utf8");
const SMALL_JSON_TITLE = JSON.parse(SMALL_JSON).title;
const SMALL_TXT = await readFile(path.join(FIXTURES, "small.txt"), "utf8");
const SMALL_TXT_TITLE = "Lighthouse keeping: a small plain-text interview";
const SEED_TITLE = "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific";
const ANOTHER_TITLE = "Reading interviews on the web: a conversation with a (fictional) editor";
const TEN_MB = 10 * 1024 * 1024;
/** A safety net so that a regression fails a test instead of hanging the run (not a timing check). */
const LIMIT = { timeout: 180_000 };

/** The four payloads of e2e/fixtures/hostile.{json,txt}. */
const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>window.__pwned=1</script>",
  "javascript:alert(1)",
  '"><svg onload=window.__pwned=2>',
];

// ---------------------------------------------------------------------------------------------
// Servers

/** `/flaky.json` answers 500 while `flaky.fail`, then the small JSON interview. */
const flaky = { fail: true, requests: 0 };
/** `/slow.json` holds its response open; the test answers it (`slow.requests[0]`) when it wants. */
const slow = { requests: [], arrived: null, onRequest: null };
function resetSlow() {
  let arrived;
  slow.arrived = new Promise((r) => (arrived = r));
  slow.requests = [];
  slow.onRequest = (res) => {
    slow.requests.push(res);
    arrived();
  };
}
resetSlow();

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...extra });
  res.end(body);
}

/** Browsers ask for /favicon.ico on pages without an icon; a 404 there is not the viewer's. */
const favicon = (req, res) => {
  res.writeHead(204);
  res.end();
};

/** `/flaky-seed.txt` answers 500 while `flakySeed.fail`, then the seed interview (9 questions). */
const flakySeed = { fail: true };
const SEED_TXT = await readFile(path.join(ROOT, "data", "mastalir-interview.txt"), "utf8");

/** A JSON interview of `count` questions, each answered by one bullet. */
function interviewJson(count, title = `An interview of ${count} questions`) {
  const questions = Array.from({ length: count }, (_, i) => ({
    id: `q${i + 1}`,
    text: `Question number ${i + 1}?`,
    answer: [{ kind: "bullet", label: "Answer", text: `The answer to question ${i + 1}.` }],
  }));
  return JSON.stringify({ format_version: 1, title, source: "", intro: [], questions });
}

const routes = {
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

let server, cspServer, browser;
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

const contexts = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Records, before any of the page's scripts run: errors and unhandled rejections reaching the
 * host page, CSP violation events, and the fetches whose body the page has finished reading.
 */
function instrument() {
  window.__hostErrors = [];
  window.__violations = [];
  window.__bodiesRead = [];
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
async function open(url, { viewport = { width: 1280, height: 900 } } = {}) {
  const page = await newPage(browser, { viewport, colorScheme: "light" });
  contexts.push(page.context());
  page.dialogs = [];
  page.on("dialog", (dialog) => {
    page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.requests = [];
  page.on("request", (request) => page.requests.push(request.url()));
  await page.addInitScript(instrument);
  page.response = await page.goto(url);
  return page;
}

/** e2e/fixtures/host.html: just the script tag; the tests add elements to its <main id="host">. */
async function hostPage(base = server.url) {
  const page = await open(`${base}/host.html`);
  await page.waitForFunction(() => customElements.get("interview-viewer") !== undefined);
  return page;
}

/** Appends `<interview-viewer id=… attrs…>` (with an inline JSON child if `inline`) to #host. */
async function addViewer(page, id, attrs = {}, inline = null) {
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
async function questions(page, id) {
  const buttons = page.locator(`#${id} .iv-q-button`);
  await buttons.first().waitFor({ state: "attached" });
  return buttons;
}

const title = (page, id) => page.locator(`#${id} .iv-title`).textContent();
const waitForTitle = (page, id, expected) =>
  page.waitForFunction(
    ([id, expected]) => document.getElementById(id)?.shadowRoot?.querySelector(".iv-title")?.textContent === expected,
    [id, expected],
  );

/** Lets pending promise callbacks, renders and two animation frames run. */
const settle = (page) =>
  page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );

const warningsOf = (page) => page.problems.filter((p) => p.startsWith("warning: "));
const othersOf = (page) => page.problems.filter((p) => !p.startsWith("warning: "));

/** Waits until the page has logged at least `count` warnings (then lets more arrive, if any). */
async function waitForWarnings(page, count) {
  await until(page, () => warningsOf(page).length >= count, `${count} warning(s); got ${page.problems.join(" | ")}`);
  await settle(page);
}

/** Lets the page run (animation frame by animation frame) until `predicate()` holds. */
async function until(page, predicate, what) {
  for (let i = 0; i < 1000; i++) {
    if (await predicate()) return;
    await settle(page);
  }
  assert.fail(`gave up waiting for ${what}`);
}

/** Asserts nothing was thrown into the host page and no dialog opened. */
async function assertHostUnharmed(page) {
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), [], "errors reached the host page");
  assert.deepEqual(page.problems.filter((p) => p.startsWith("pageerror")), []);
  assert.deepEqual(page.dialogs, [], "a dialog opened");
}

/** Every id in the document and in every (nested) open shadow root, in document order. */
const allIds = (page) =>
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

const duplicates = (list) => [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];

/** sRGB relative luminance of a computed `rgb(…)` colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------------------------------------------------------------------------------------------
// 1. A host page needs only the script tag and the element; dist/ works under any path.

test("dist/ copied under /some/deep/path/: a host page with one script tag shows the embedded interview", LIMIT, async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "iv-subpath-"));
  const deep = path.join(tmp, "some", "deep", "path");
  await cp(DIST, deep, { recursive: true });
  const host = await readFile(path.join(FIXTURES, "subpath-host.html"));
  const subServer = await serve({
    dirs: [tmp],
    routes: {
      "/favicon.ico": favicon,
      "/host.html": (req, res) => send(res, 200, "text/html; charset=utf-8", host),
    },
  });
  try {
    const page = await open(`${subServer.url}/host.html`);
    const buttons = await questions(page, "viewer");
    assert.equal(await buttons.count(), 9);
    assert.equal(await title(page, "viewer"), SEED_TITLE);
    await buttons.first().click();
    assert.equal(await buttons.first().getAttribute("aria-expanded"), "true");
    // Everything (glue, wasm, stylesheet) came from next to interview-viewer.js.
    const paths = page.requests.map((u) => new URL(u).pathname).filter((p) => p !== "/favicon.ico");
    const outside = paths.filter((p) => p !== "/host.html" && !p.startsWith("/some/deep/path/"));
    assert.deepEqual(outside, [], "requests outside the sub-path");
    assert.ok(paths.some((p) => /^\/some\/deep\/path\/interview-viewer-[0-9a-f]+_bg\.wasm$/.test(p)), paths.join(" "));
    assert.ok(paths.some((p) => /^\/some\/deep\/path\/style-[0-9a-f]+\.css$/.test(p)), paths.join(" "));
    assert.deepEqual(page.problems, []);
    await assertHostUnharmed(page);

    // The standalone page, the demo article and embed.html work from the sub-path too.
    const standalone = await open(`${subServer.url}/some/deep/path/`);
    await standalone.locator(".iv-q-button").first().waitFor({ state: "attached" });
    assert.equal(await standalone.locator(".iv-q-button").count(), 9);
    assert.deepEqual(standalone.problems, []);

    const demo = await open(`${subServer.url}/some/deep/path/demo/article.html`);
    assert.equal(await (await questions(demo, "default-viewer")).count(), 9);
    assert.equal(await (await questions(demo, "other-viewer")).count(), 2);

    const embed = await open(`${subServer.url}/some/deep/path/embed.html?src=demo/another-interview.txt`);
    assert.equal(await (await questions(embed, "viewer")).count(), 2);
    assert.deepEqual(embed.problems, []);
  } finally {
    await subServer.close();
    await rm(tmp, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Sources and attributes

test("with no attributes the element shows the embedded interview in its shadow root", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a");
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 9);
  assert.equal(await title(page, "a"), SEED_TITLE);
  const inShadow = await page.evaluate(() => {
    const element = document.getElementById("a");
    return {
      shadow: element.shadowRoot.querySelectorAll(".iv-q-button").length,
      light: element.querySelectorAll("*").length,
      document: document.querySelectorAll(".iv-q-button").length,
    };
  });
  assert.deepEqual(inShadow, { shadow: 9, light: 0, document: 0 });
  // The questions are h2 (the title h1) by default, and the search box is there.
  assert.equal(await page.locator("#a .iv-q-heading").first().evaluate((h) => h.tagName), "H2");
  assert.equal(await page.locator("#a .iv-search-input").count(), 1);
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

test("src= a JSON file renders it", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 2);
  assert.equal(await title(page, "a"), SMALL_JSON_TITLE);
  await buttons.first().click();
  assert.match(await page.locator("#a .iv-bullets li").first().innerText(), /Gravity:\s+The Moon pulls/);
  assert.deepEqual(page.problems, []);
});

test("src= a plain-text file (text/plain) renders it", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "/small.txt" });
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 3);
  assert.equal(await title(page, "a"), SMALL_TXT_TITLE);
  assert.equal(await page.locator("#a .iv-label").first().textContent(), "Watch:");
  assert.deepEqual(page.problems, []);
});

test("the format is sniffed: a leading { means JSON whatever the type; otherwise the type decides", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "json-as-text", { src: "/sniff/json-as-text-plain" });
  await addViewer(page, "text-as-octets", { src: "/sniff/text-as-octet-stream" });
  await addViewer(page, "plus-json", { src: "/sniff/array-as-plus-json" });
  await addViewer(page, "array-as-text", { src: "/sniff/array-as-text" });
  await questions(page, "json-as-text");
  assert.equal(await title(page, "json-as-text"), SMALL_JSON_TITLE);
  await questions(page, "text-as-octets");
  assert.equal(await title(page, "text-as-octets"), SMALL_TXT_TITLE);
  // "[1, 2]" is read as JSON when the type says +json, as plain text otherwise.
  await page.locator("#plus-json .iv-error").waitFor({ state: "attached" });
  assert.match(await page.locator("#plus-json .iv-error-message").textContent(), /not valid: expected a JSON object/);
  await page.locator("#array-as-text .iv-error").waitFor({ state: "attached" });
  assert.match(await page.locator("#array-as-text .iv-error-message").textContent(), /has no questions/);
  await waitForWarnings(page, 2);
  assert.equal(warningsOf(page).length, 2);
  assert.deepEqual(othersOf(page), []);
});

test("an inline <script type=application/json> child renders when there is no src", LIMIT, async () => {
  // Parsed from HTML, as a host page writes it.
  const page = await open(`${server.url}/inline-host.html`);
  const buttons = await questions(page, "inline-viewer");
  assert.equal(await buttons.count(), 3);
  assert.equal(
    await title(page, "inline-viewer"),
    "Harbour pilots: an inline interview </script><img src=x onerror=window.__pwned=4>",
  );
  assert.equal(await page.locator("#inline-viewer img").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The host page is intact after the element (the "<\/script>" did not end anything early).
  assert.equal(await page.locator("#after").textContent(), "The host page goes on.");
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);

  // Added from script, too; src wins over the inline child when both are given.
  const host = await hostPage();
  await addViewer(host, "b", {}, SMALL_JSON);
  await addViewer(host, "c", { src: "small.txt" }, SMALL_JSON);
  await questions(host, "b");
  assert.equal(await title(host, "b"), SMALL_JSON_TITLE);
  await questions(host, "c");
  assert.equal(await title(host, "c"), SMALL_TXT_TITLE);
  assert.deepEqual(host.problems, []);
});

test("setting src later reloads the new interview (collapsed, no search carried over)", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  const buttons = await questions(page, "a");
  await buttons.first().click();
  await page.locator("#a .iv-search-input").fill("moon");
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.txt"));
  await waitForTitle(page, "a", SMALL_TXT_TITLE);
  assert.equal(await buttons.count(), 3);
  assert.deepEqual(
    await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    ["false", "false", "false"],
  );
  assert.equal(await page.locator("#a .iv-qa[hidden]").count(), 0);
  // And back to JSON, to a URL with a query string.
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.json?again"));
  await waitForTitle(page, "a", SMALL_JSON_TITLE);
  assert.equal(await buttons.count(), 2);
  assert.deepEqual(page.problems, []);
});

test("removing src falls back to the inline child, or to the embedded interview", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.txt" });
  await addViewer(page, "b", { src: "small.txt" }, SMALL_JSON);
  await questions(page, "a");
  await questions(page, "b");
  await page.evaluate(() => {
    document.getElementById("a").removeAttribute("src");
    document.getElementById("b").removeAttribute("src");
  });
  // Both elements got their update in the same task; once #b shows its inline interview...
  await waitForTitle(page, "b", SMALL_JSON_TITLE);
  await settle(page);
  // ...#a (no src, no inline child) must show the embedded interview, not the old file.
  assert.equal(await title(page, "a"), SEED_TITLE);
  assert.equal(await page.locator("#a .iv-q-button").count(), 9);
  assert.deepEqual(page.problems, []);
});

/**
 * Asserts instance `id` shows a fresh view of an interview of `count` questions: all collapsed,
 * the last question opens and closes by click, Expand all opens every one, Collapse all closes
 * them, and a search counts against this interview.
 */
async function assertFreshView(page, id, count, label) {
  const buttons = page.locator(`#${id} .iv-q-button`);
  await page.waitForFunction(
    ([id, count]) => document.getElementById(id)?.shadowRoot?.querySelectorAll(".iv-q-button").length === count,
    [id, count],
  );
  const expanded = () => buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));
  assert.deepEqual(await expanded(), Array(count).fill("false"), `${label}: starts collapsed`);
  const last = buttons.last();
  await last.click();
  assert.equal(await last.getAttribute("aria-expanded"), "true", `${label}: the last question opens`);
  assert.ok(await page.locator(`#${id} .iv-answer`).last().isVisible(), `${label}: its answer shows`);
  await last.click();
  assert.equal(await last.getAttribute("aria-expanded"), "false", `${label}: and closes`);
  await page.locator(`#${id}`).getByRole("button", { name: "Expand all" }).click();
  assert.deepEqual(await expanded(), Array(count).fill("true"), `${label}: Expand all`);
  await page.locator(`#${id}`).getByRole("button", { name: "Collapse all" }).click();
  assert.deepEqual(await expanded(), Array(count).fill("false"), `${label}: Collapse all`);
  // A word of the last question: the search must find it in this interview, counted against it.
  const word = (await page.locator(`#${id} .iv-q-text`).last().textContent()).match(/\p{L}{4,}/u)[0];
  const search = page.locator(`#${id} .iv-search-input`);
  await search.fill(word);
  await page.waitForFunction(
    ([id, count]) =>
      new RegExp(` of ${count} questions? match`).test(
        document.getElementById(id)?.shadowRoot?.querySelector(".iv-search-status")?.textContent ?? "",
      ),
    [id, count],
  );
  assert.equal(await last.getAttribute("aria-expanded"), "true", `${label}: the search opens the last question`);
  await search.press("Escape");
  assert.deepEqual(await expanded(), Array(count).fill("false"), `${label}: Escape restores`);
}

test("every change of interview starts a fresh view: src to src, src removed, inline data, Try again", LIMIT, async () => {
  const page = await hostPage();
  // A 3-question interview, with a question open and a search typed, then each kind of change
  // to a longer one: every question of the new one must work.
  await addViewer(page, "a", { src: "small.txt" });
  await assertFreshView(page, "a", 3, "small.txt");
  await page.locator("#a .iv-q-button").first().click();
  await page.locator("#a .iv-search-input").fill("light");

  // src removed: the embedded interview (9 questions).
  await page.evaluate(() => document.getElementById("a").removeAttribute("src"));
  await waitForTitle(page, "a", SEED_TITLE);
  await assertFreshView(page, "a", 9, "src removed");

  // src to src: 2 questions, then the seed as text (9).
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.json"));
  await waitForTitle(page, "a", SMALL_JSON_TITLE);
  await assertFreshView(page, "a", 2, "src to small.json");
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "/seed.txt"));
  await assertFreshView(page, "a", 9, "src to seed.txt");

  // Inline data: src removed falls back to the inline child; a changed child is read on the
  // next attribute change.
  await addViewer(page, "b", { src: "small.txt" }, interviewJson(2, "Two"));
  await questions(page, "b");
  await page.evaluate(() => document.getElementById("b").removeAttribute("src"));
  await waitForTitle(page, "b", "Two");
  await assertFreshView(page, "b", 2, "inline of 2");
  await page.evaluate((json) => {
    const element = document.getElementById("b");
    element.querySelector("script").textContent = json;
    element.setAttribute("theme", "light");
  }, interviewJson(7, "Seven"));
  await waitForTitle(page, "b", "Seven");
  await assertFreshView(page, "b", 7, "inline of 7");

  // An error, then Try again.
  flakySeed.fail = true;
  await page.evaluate(() => document.getElementById("b").setAttribute("src", "/flaky-seed.txt"));
  await page.locator("#b .iv-retry").waitFor();
  flakySeed.fail = false;
  await page.locator("#b .iv-retry").click();
  // The seed as plain text has no title line.
  await waitForTitle(page, "b", "Interview");
  await assertFreshView(page, "b", 9, "Try again");
  assert.deepEqual(othersOf(page).filter((p) => !p.includes("500")), []);
  await assertHostUnharmed(page);
});

test("the standalone page after an error and Try again: deep links, Expand all and search reach every question", LIMIT, async () => {
  flakySeed.fail = true;
  const page = await open(`${server.url}/?src=/flaky-seed.txt`);
  await page.locator(".iv-retry").waitFor();
  flakySeed.fail = false;
  await page.locator(".iv-retry").click();
  const buttons = page.locator(".iv-q-button");
  await buttons.nth(8).waitFor();
  const lastId = await page.locator(".iv-qa").last().getAttribute("id");
  await page.evaluate((id) => (location.hash = id), lastId);
  await page.waitForFunction((id) => document.getElementById(`${id}-button`)?.getAttribute("aria-expanded") === "true", lastId);
  assert.equal(await page.evaluate(() => document.activeElement?.id), `${lastId}-button`);
  await page.getByRole("button", { name: "Expand all" }).click();
  assert.deepEqual(
    await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    Array(9).fill("true"),
  );
  await page.locator(".iv-search-input").fill("SCIF");
  await page.waitForFunction(() => document.querySelector(".iv-search-status")?.textContent.startsWith("1 of 9 questions match"));
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "SCIF");
});

test("a src that changes while the previous one is still loading: the last one wins", LIMIT, async () => {
  resetSlow();
  const page = await hostPage();
  await addViewer(page, "a", { src: "/slow.json" });
  await slow.arrived;
  assert.equal(await page.locator("#a .iv-loading").count(), 1);
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.txt"));
  await waitForTitle(page, "a", SMALL_TXT_TITLE);
  // Now the first, outdated response arrives; the page reads it...
  const stale = JSON.parse(SMALL_JSON);
  stale.title = "Stale: an answer to an outdated request";
  send(slow.requests[0], 200, "application/json", JSON.stringify(stale));
  await page.waitForFunction(() => window.__bodiesRead.some((u) => u.endsWith("/slow.json")));
  await settle(page);
  // ...and must ignore it: the element's src is small.txt.
  assert.equal(await title(page, "a"), SMALL_TXT_TITLE);
  assert.deepEqual(page.problems, []);
});

test('theme="dark" makes the article dark; theme="light" light; changing it applies', LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "light", { theme: "light" });
  await addViewer(page, "dark", { theme: "dark" });
  await questions(page, "light");
  await questions(page, "dark");
  const colours = (id) =>
    page.locator(`#${id} article.iv`).evaluate((a) => {
      const s = getComputedStyle(a);
      return { theme: a.dataset.theme, bg: s.backgroundColor, fg: s.color };
    });
  const dark = await colours("dark");
  const light = await colours("light");
  assert.equal(dark.theme, "dark");
  assert.ok(luminance(dark.bg) < 0.05, `dark background ${dark.bg}`);
  assert.ok(luminance(dark.fg) > 0.6, `dark text ${dark.fg}`);
  assert.equal(light.theme, "light");
  assert.ok(luminance(light.bg) > 0.8, `light background ${light.bg}`);
  // The theme switch inside reflects the host's choice.
  assert.equal(await page.locator('#dark .iv-theme input[value="dark"]').isChecked(), true);
  await page.evaluate(() => document.getElementById("dark").setAttribute("theme", "light"));
  await page.waitForFunction(
    () => document.getElementById("dark").shadowRoot.querySelector("article.iv").dataset.theme === "light",
  );
  assert.ok(luminance((await colours("dark")).bg) > 0.8);
  assert.deepEqual(page.problems, []);
});

test("the documented CSS custom properties reach inside; the accent follows the theme", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "light", { theme: "light", src: "small.json" });
  await addViewer(page, "dark", { theme: "dark", src: "small.json" });
  await page.evaluate(() => {
    for (const id of ["light", "dark"]) {
      const style = document.getElementById(id).style;
      style.setProperty("--interview-accent", "rgb(122, 31, 92)");
      style.setProperty("--interview-accent-dark", "rgb(240, 166, 214)");
      style.setProperty("--interview-font-text", '"Test Serif", serif');
      style.setProperty("--interview-font-ui", '"Test Sans", sans-serif');
    }
  });
  await questions(page, "light");
  await questions(page, "dark");
  const look = (id) =>
    page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      return {
        bullet: getComputedStyle(root.querySelector(".iv-bullets li"), "::before").backgroundColor,
        text: getComputedStyle(root.querySelector("article.iv")).fontFamily,
        ui: getComputedStyle(root.querySelector(".iv-search-input")).fontFamily,
      };
    }, id);
  assert.deepEqual(await look("light"), { bullet: "rgb(122, 31, 92)", text: '"Test Serif", serif', ui: '"Test Sans", sans-serif' });
  assert.deepEqual(await look("dark"), { bullet: "rgb(240, 166, 214)", text: '"Test Serif", serif', ui: '"Test Sans", sans-serif' });
  assert.deepEqual(page.problems, []);
});

test("removing theme returns to auto (the system's scheme)", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { theme: "dark", src: "small.json" });
  await questions(page, "a");
  assert.equal(await page.locator("#a article.iv").getAttribute("data-theme"), "dark");
  await page.evaluate(() => document.getElementById("a").setAttribute("theme", "auto"));
  await page.waitForFunction(() => document.getElementById("a").shadowRoot.querySelector("article.iv").dataset.theme === "system");
  await page.evaluate(() => document.getElementById("a").setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.getElementById("a").shadowRoot.querySelector("article.iv").dataset.theme === "dark");
  // No attribute means auto, as if the element had never had one (the context prefers light).
  await page.evaluate(() => document.getElementById("a").removeAttribute("theme"));
  await settle(page);
  assert.equal(await page.locator("#a article.iv").getAttribute("data-theme"), "system");
  assert.ok(luminance(await page.locator("#a article.iv").evaluate((a) => getComputedStyle(a).backgroundColor)) > 0.8);
});

test('heading-level="3" makes questions h3 (title h2); out-of-range levels fall back to 2', LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "three", { "heading-level": "3" });
  await addViewer(page, "six", { "heading-level": "6", src: "small.json" });
  await addViewer(page, "bad", { "heading-level": "9", src: "small.json" });
  await questions(page, "three");
  await questions(page, "six");
  await questions(page, "bad");
  const tags = (id, selector) => page.locator(`#${id} ${selector}`).evaluateAll((es) => [...new Set(es.map((e) => e.tagName))]);
  assert.deepEqual(await tags("three", ".iv-q-heading"), ["H3"]);
  assert.deepEqual(await tags("three", ".iv-title"), ["H2"]);
  assert.equal(await page.locator("#three .iv-q-heading").count(), 9);
  assert.deepEqual(await tags("six", ".iv-q-heading"), ["H6"]);
  assert.deepEqual(await tags("six", ".iv-title"), ["H5"]);
  assert.deepEqual(await tags("bad", ".iv-q-heading"), ["H2"]);
  // Changing it later applies.
  await page.evaluate(() => document.getElementById("three").setAttribute("heading-level", "4"));
  await page.waitForFunction(
    () => document.getElementById("three").shadowRoot.querySelector(".iv-q-heading").tagName === "H4",
  );
  assert.deepEqual(page.problems, []);
});

test("with heading-level, no heading of the viewer outranks its title (the host's outline stays intact)", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "three", { "heading-level": "3" });
  await addViewer(page, "six", { "heading-level": "6" });
  await questions(page, "three");
  await questions(page, "six");
  // No heading of the viewer outranks its title (the host's outline stays intact).
  for (const id of ["three", "six"]) {
    const levels = await page.locator(`#${id} :is(h1, h2, h3, h4, h5, h6)`).evaluateAll((hs) =>
      hs.map((h) => `${h.tagName}.${h.className}`),
    );
    const titleLevel = Number(levels.find((l) => l.includes("iv-title"))[1]);
    const outranking = levels.filter((l) => !l.includes("iv-title") && Number(l[1]) <= titleLevel);
    assert.deepEqual([...new Set(outranking)], [], `${id}: headings at or above the title's level h${titleLevel}`);
  }
});

test('search="off" hides the search box; other values keep it', LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "off", { search: "off" });
  await addViewer(page, "on", { search: "on" });
  await questions(page, "off");
  await questions(page, "on");
  assert.equal(await page.locator("#off .iv-search").count(), 0);
  assert.equal(await page.locator("#off input[type=search]").count(), 0);
  assert.equal(await page.locator("#on .iv-search-input").count(), 1);
  // The rest of the toolbar stays.
  assert.equal(await page.locator("#off .iv-expand-all").count(), 1);
  await page.evaluate(() => document.getElementById("on").setAttribute("search", "off"));
  await page.locator("#on .iv-search").waitFor({ state: "detached" });
  assert.deepEqual(page.problems, []);
});

test("an element moved in the document (disconnected, reconnected) keeps working", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  await questions(page, "a");
  await page.evaluate(() => {
    const element = document.getElementById("a");
    element.remove();
    document.body.prepend(element);
  });
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 2);
  await buttons.nth(1).click();
  assert.equal(await buttons.nth(1).getAttribute("aria-expanded"), "true");
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

test("an embedded question's \"copy link\" either is absent or copies a link that opens that question", LIMIT, async () => {
  const page = await open(`${server.url}/demo/article.html`);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await questions(page, "other-viewer");
  const copy = page.locator("#other-viewer .iv-copy-button");
  if ((await copy.count()) === 0) return; // No deep links in embedded viewers: fine too.
  await page.evaluate(() => navigator.clipboard.writeText("nothing copied yet"));
  await copy.nth(1).click();
  let link;
  const copied = async () => (link = await page.evaluate(() => navigator.clipboard.readText())) !== "nothing copied yet";
  await until(page, copied, "the copied link");
  assert.ok(link.startsWith(`${server.url}/demo/article.html#`), link);
  // Following the copied link opens the second question of that viewer (and only that one).
  const visitor = await open(link);
  const buttons = await questions(visitor, "other-viewer");
  await questions(visitor, "default-viewer");
  await settle(visitor);
  assert.deepEqual(
    await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    ["false", "true"],
    `${link} did not open the question`,
  );
});

// ---------------------------------------------------------------------------------------------
// 3. Isolation and several instances

/** Computed styles of elements inside instance `id`'s shadow root. */
function widgetStyles(id) {
  const root = document.getElementById(id).shadowRoot;
  const PROPS = [
    "display", "box-sizing", "font-size", "font-family", "font-weight", "line-height", "letter-spacing",
    "text-transform", "text-align", "color", "background-color", "border-top-style", "border-top-width",
    "list-style-type", "padding-top", "margin-top",
  ];
  const out = {};
  for (const selector of [
    "article.iv", ".iv-title", ".iv-intro p", ".iv-q-button", ".iv-q-text", ".iv-answer",
    ".iv-bullets", ".iv-bullets li", ".iv-label", ".iv-search-input", ".iv-expand-all", ".iv-theme",
  ]) {
    const element = root.querySelector(selector);
    if (!element) {
      out[selector] = "missing";
      continue;
    }
    const style = getComputedStyle(element);
    out[selector] = Object.fromEntries(PROPS.map((p) => [p, style.getPropertyValue(p)]));
  }
  // The bullets are drawn by li::before (the list itself has list-style: none).
  const li = root.querySelector(".iv-bullets li");
  const bullet = li && getComputedStyle(li, "::before");
  out["li::before"] = bullet && { content: bullet.content, width: bullet.width, background: bullet.backgroundColor };
  return out;
}

test("the demo page's hostile CSS does not reach the widget", LIMIT, async () => {
  const demo = await open(`${server.url}/demo/article.html`);
  await questions(demo, "default-viewer");
  // The hostile CSS is in force on the host page itself.
  const hostP = await demo.locator("main > p").first().evaluate((p) => getComputedStyle(p).fontSize);
  assert.equal(hostP, "30px");

  const inside = await demo.evaluate(() => {
    const root = document.getElementById("default-viewer").shadowRoot;
    const css = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      buttonBg: css(".iv-q-button").backgroundColor,
      buttonBorder: css(".iv-q-button").borderTopStyle,
      buttonFont: css(".iv-q-button").fontSize,
      boxSizing: css(".iv-q-button").boxSizing,
      articleBoxSizing: css("article.iv").boxSizing,
      articleDisplay: css("article.iv").display,
      qTextFont: css(".iv-q-text").fontSize,
      introTransform: css(".iv-intro p").textTransform,
      introSpacing: css(".iv-intro p").letterSpacing,
      introColor: css(".iv-intro p").color,
      collapsedVisibility: css(".iv-answer[hidden]").contentVisibility,
      textAlign: css("article.iv").textAlign,
    };
  });
  assert.notEqual(inside.buttonBg, "rgb(255, 0, 0)");
  assert.notEqual(inside.buttonBorder, "dashed");
  assert.notEqual(inside.buttonFont, "40px");
  assert.equal(inside.boxSizing, "border-box");
  assert.equal(inside.articleBoxSizing, "border-box");
  assert.equal(inside.articleDisplay, "block");
  assert.notEqual(inside.qTextFont, "40px");
  assert.equal(inside.introTransform, "none");
  assert.equal(inside.introSpacing, "normal");
  assert.notEqual(inside.introColor, "rgb(0, 128, 0)");
  assert.equal(inside.collapsedVisibility, "hidden");
  // The collapsed answer's content is not rendered (hidden="until-found" skips it).
  assert.equal(await demo.locator("#default-viewer .iv-answer[hidden] > *").first().evaluate((e) => e.checkVisibility()), false);
  // Questions a search filters out stay hidden despite "[hidden] { display: block !important }".
  await demo.locator("#default-viewer .iv-search-input").fill("Talisman");
  await demo.waitForFunction(
    () => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-qa[hidden]").length > 0,
  );
  assert.deepEqual(
    [...new Set(await demo.locator("#default-viewer .iv-qa[hidden]").evaluateAll((s) => s.map((e) => getComputedStyle(e).display)))],
    ["none"],
  );
  await demo.locator("#default-viewer .iv-search-input").fill("");
  assert.equal(inside.textAlign, "start");

  // Exactly as on a neutral page (with the same accent the demo's CSS sets on the element).
  const neutral = await hostPage();
  await addViewer(neutral, "default-viewer");
  await neutral.evaluate(() => document.getElementById("default-viewer").style.setProperty("--interview-accent", "#7a1f5c"));
  await questions(neutral, "default-viewer");
  // Open a question in both, so the bullets are laid out.
  await demo.locator("#default-viewer .iv-q-button").first().click();
  await neutral.locator("#default-viewer .iv-q-button").first().click();
  const demoStyles = await demo.evaluate(widgetStyles, "default-viewer");
  const neutralStyles = await neutral.evaluate(widgetStyles, "default-viewer");
  assert.deepEqual(demoStyles, neutralStyles);
  assert.notEqual(demoStyles[".iv-bullets li"].display, "none");
  assert.equal(demoStyles[".iv-bullets li"]["display"], "list-item");
  assert.equal(demoStyles["li::before"].content, '""');
  assert.notEqual(demoStyles["li::before"].width, "auto");
});

/** Every computed property of the elements matching `selectors` (layout sizes left out). */
function hostStyles(selectors) {
  const SKIP = new Set(["width", "height", "inline-size", "block-size", "perspective-origin", "transform-origin"]);
  const out = {};
  for (const selector of selectors) {
    document.querySelectorAll(selector).forEach((element, i) => {
      const style = getComputedStyle(element);
      const values = {};
      for (const name of style) if (!SKIP.has(name)) values[name] = style.getPropertyValue(name);
      out[`${selector}[${i}]`] = values;
    });
  }
  out.document = {
    htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    sheets: [...document.styleSheets].map((s) => s.href),
    adopted: document.adoptedStyleSheets.length,
    bodyClass: document.body.className,
  };
  return out;
}

/** Reports the differing properties of two hostStyles() results. */
function diff(a, b) {
  const out = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    for (const prop of new Set([...Object.keys(a[key] ?? {}), ...Object.keys(b[key] ?? {})])) {
      const [x, y] = [a[key]?.[prop], b[key]?.[prop]];
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${key} ${prop}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    }
  }
  return out;
}

test("the widget's CSS does not leak into the host page (compared with the page without the widget)", LIMIT, async () => {
  // The demo article, hostile CSS and all.
  const DEMO = ["html", "body", "header", "header .kicker", "h1", "main", "main > p", "code", "h2", "p.after"];
  const demo = await open(`${server.url}/demo/article.html`);
  await questions(demo, "default-viewer");
  await questions(demo, "other-viewer");
  const control = await open(`${server.url}/demo/control.html`);
  await control.waitForLoadState("load");
  assert.equal(await control.evaluate(() => customElements.get("interview-viewer")), undefined);
  assert.deepEqual(diff(await demo.evaluate(hostStyles, DEMO), await control.evaluate(hostStyles, DEMO)), []);

  // A host whose own markup uses the viewer's class names (.iv, .iv-q-button, mark, [hidden]…).
  const PROBE = ["html", "body", "#probe", "#probe *"];
  const leak = await open(`${server.url}/leak-host.html`);
  await questions(leak, "viewer");
  await leak.locator("#viewer .iv-q-button").first().click();
  await leak.locator("#viewer .iv-search-input").fill("space");
  const leakControl = await open(`${server.url}/leak-control.html`);
  await leakControl.waitForLoadState("load");
  assert.deepEqual(diff(await leak.evaluate(hostStyles, PROBE), await leakControl.evaluate(hostStyles, PROBE)), []);
  // The host's hidden panel stays hidden; its page keeps its own theme attribute-free <html>.
  assert.equal(await leak.locator("#probe .iv-answer").isVisible(), false);
  assert.deepEqual(leak.problems, []);
});

test("several instances on the demo page are independent (search, toggles, ids)", LIMIT, async () => {
  const page = await open(`${server.url}/demo/article.html`);
  const first = await questions(page, "default-viewer");
  const other = await questions(page, "other-viewer");
  await page.locator("#broken-viewer .iv-error").waitFor({ state: "attached" });
  assert.equal(await first.count(), 9);
  assert.equal(await other.count(), 2);
  assert.equal(await title(page, "other-viewer"), ANOTHER_TITLE);
  // The other viewer's attributes: dark, h3.
  assert.equal(await page.locator("#other-viewer article.iv").getAttribute("data-theme"), "dark");
  assert.deepEqual(
    await page.locator("#other-viewer .iv-q-heading").evaluateAll((hs) => hs.map((h) => h.tagName)),
    ["H3", "H3"],
  );

  // A search in one filters only that one.
  await page.locator("#other-viewer .iv-search-input").fill("scannable");
  await page.waitForFunction(() => document.getElementById("other-viewer").shadowRoot.querySelectorAll(".iv-qa[hidden]").length === 1);
  assert.equal(await page.locator("#default-viewer .iv-qa[hidden]").count(), 0);
  assert.equal(await page.locator("#default-viewer mark").count(), 0);
  assert.equal(await page.locator("#default-viewer .iv-search-input").inputValue(), "");
  assert.match(await page.locator("#other-viewer .iv-search-status").textContent(), /^1 of 2 questions matches/);
  assert.equal(await page.locator("#default-viewer .iv-search-status").textContent(), "");
  await page.locator("#default-viewer .iv-search-input").fill("Talisman");
  await page.waitForFunction(() => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-qa[hidden]").length > 0);
  assert.equal(await page.locator("#other-viewer .iv-qa[hidden]").count(), 1, "the other viewer keeps its own search");

  // Opening a question in one leaves the other's closed.
  await page.locator("#default-viewer .iv-search-input").fill("");
  await page.locator("#other-viewer .iv-search-input").fill("");
  await first.first().click();
  assert.equal(await first.first().getAttribute("aria-expanded"), "true");
  assert.equal(await other.first().getAttribute("aria-expanded"), "false");
  await page.locator("#other-viewer .iv-expand-all").click();
  assert.deepEqual(await other.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))), ["true", "true"]);
  assert.deepEqual(
    await first.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    ["true", ...Array(8).fill("false")],
  );

  // No id is used twice, in the document and all shadow roots together.
  const ids = await allIds(page);
  assert.ok(ids.length > 50, `only ${ids.length} ids`);
  assert.deepEqual(duplicates(ids), []);

  // One warning and one resource error, both for the broken instance; nothing else.
  await waitForWarnings(page, 1);
  assert.deepEqual(warningsOf(page), [
    "warning: Interview Viewer: No interview was found at “does-not-exist.json” (HTTP 404).",
  ]);
  assert.equal(othersOf(page).length, 1, othersOf(page).join("\n"));
  assert.match(othersOf(page)[0], /^error: Failed to load resource: .*404/);
  await assertHostUnharmed(page);
});

test("two instances of the same interview: unique ids, references resolve in their own root", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a");
  await addViewer(page, "b");
  await addViewer(page, "c", { src: "small.json" });
  await questions(page, "a");
  await questions(page, "b");
  await questions(page, "c");
  await page.locator("#a .iv-search-input").fill("space");
  await page.locator("#b .iv-expand-all").click();
  const ids = await allIds(page);
  assert.deepEqual(duplicates(ids), []);
  // Every aria-controls / aria-describedby / aria-labelledby / for points into the same root.
  const dangling = await page.evaluate(() => {
    const out = [];
    for (const id of ["a", "b", "c"]) {
      const root = document.getElementById(id).shadowRoot;
      for (const element of root.querySelectorAll("[aria-controls], [aria-describedby], [aria-labelledby], label[for]")) {
        for (const attr of ["aria-controls", "aria-describedby", "aria-labelledby", "for"]) {
          for (const ref of (element.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean)) {
            if (!root.getElementById(ref)) out.push(`${id}: ${attr}=${ref}`);
          }
        }
      }
    }
    return out;
  });
  assert.deepEqual(dangling, []);
  // Toggling questions of #b leaves #a's alone.
  const expanded = (id) => page.locator(`#${id} .iv-q-button`).evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));
  const before = await expanded("a");
  await page.locator("#b .iv-collapse-all").click();
  await page.locator("#b .iv-q-button").nth(2).click();
  assert.deepEqual(await expanded("b"), ["false", "false", "true", ...Array(6).fill("false")]);
  assert.deepEqual(await expanded("a"), before);
  assert.deepEqual(page.problems, []);
});

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
    message: /^The interview data uses format version 99; this viewer reads version 1\.$/,
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
    await waitForWarnings(page, 3);
    const messages = await page.evaluate(() =>
      [...document.querySelectorAll("interview-viewer")].map((e) => {
        const alert = e.shadowRoot.querySelector(".iv-error");
        return `${alert?.getAttribute("role")}: ${alert?.textContent}`;
      }),
    );
    assert.deepEqual(messages, Array(3).fill("alert: This interview cannot be shown: the viewer failed to load."));
    assert.equal(warningsOf(page).length, 3);
    for (const warning of warningsOf(page)) assert.match(warning, /^warning: Interview Viewer: the viewer could not start\./);
    assert.equal(othersOf(page).length, 1, othersOf(page).join("\n"));
    assert.match(othersOf(page)[0], /^error: Failed to load resource: .*404/);
    assert.equal(await page.locator("p.after").textContent(), "The article goes on after the interviews.");
    await assertHostUnharmed(page);
  } finally {
    await broken.close();
  }
});

test("axe-core finds no WCAG 2.2 A/AA violation on the demo page (three instances, one broken)", LIMIT, async () => {
  const page = await open(`${server.url}/demo/article.html`);
  await questions(page, "default-viewer");
  await questions(page, "other-viewer");
  await page.locator("#broken-viewer .iv-error").waitFor({ state: "attached" });
  assert.deepEqual(await axe(page), [], "collapsed");
  await page.locator("#other-viewer .iv-expand-all").click();
  await page.locator("#default-viewer .iv-search-input").fill("space");
  assert.deepEqual(await axe(page), [], "expanded and searching");
});

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
  await page.waitForFunction(() => document.querySelectorAll(".iv-qa[hidden]").length > 0);
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

test("under the CSP: the demo article's three instances work; only the broken one's 404 is logged", LIMIT, async () => {
  const page = await open(`${cspServer.url}/demo/article.html`);
  const first = await questions(page, "default-viewer");
  const other = await questions(page, "other-viewer");
  assert.equal(await first.count(), 9);
  assert.equal(await other.count(), 2);
  await page.locator("#broken-viewer .iv-error").waitFor({ state: "attached" });
  assert.match(await page.locator("#broken-viewer .iv-error-message").textContent(), /does-not-exist\.json.*404/);
  await page.locator("#default-viewer .iv-search-input").fill("Talisman");
  await page.waitForFunction(() => document.getElementById("default-viewer").shadowRoot.querySelectorAll(".iv-qa[hidden]").length > 0);
  await other.nth(1).click();
  assert.equal(await other.nth(1).getAttribute("aria-expanded"), "true");
  // The shadow root's stylesheet applied under the CSP.
  assert.equal(await page.locator("#other-viewer article.iv").evaluate((a) => getComputedStyle(a).boxSizing), "border-box");
  await waitForWarnings(page, 1);
  await assertNoViolations(page);
  assert.deepEqual(warningsOf(page), [
    "warning: Interview Viewer: No interview was found at “does-not-exist.json” (HTTP 404).",
  ]);
  assert.equal(othersOf(page).length, 1, othersOf(page).join("\n"));
  assert.match(othersOf(page)[0], /^error: Failed to load resource: .*404/);
  await assertHostUnharmed(page);
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
    src: document.getElementById("viewer").getAttribute("src"),
  }));
  assert.deepEqual(chrome, { children: ["interview-viewer"], margin: "0px", src: "demo/another-interview.txt" });

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
