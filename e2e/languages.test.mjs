// The reader's own words in the interview's language (Chromium; the Arabic controls in every
// engine are in engines-formats.test.mjs): the host page's language, a host's overrides through
// the `messages` attribute or a `data-messages` child (an unknown key warned about), errors and
// plurals in that language, and an embed snippet in Arabic that hydrates without a change.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { serve, launch, openPage, closeOpenedPages, axe, DIST, ROOT } from "./harness.mjs";

const LIMIT = { timeout: 120_000 };
const FIXTURES = path.join(ROOT, "e2e", "fixtures");

/** A host page in `lang` around `body`. */
const host = (lang, body) => `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/interview-viewer.js"></script></head>
<body><main><h1>Host</h1>${body}</main></body></html>`;

/** The Arabic plain-text fixture as an embed snippet in Arabic (`iv-convert --lang ar`). */
const arabicSnippet = execFileSync(
  "cargo",
  ["run", "--quiet", "--features", "ssr", "--bin", "iv-convert", "--", "e2e/fixtures/formats/arabic.txt", "--lang", "ar", "--snippet", "--base", "/"],
  { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
);

let server, browser;
before(async () => {
  const page = (html) => (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  };
  server = await serve({
    dirs: [DIST, FIXTURES],
    routes: {
      "/favicon.ico": (req, res) => res.writeHead(204).end(),
      "/french.html": page(
        host(
          "fr-CA",
          `<interview-viewer id="plain" src="/small.json"></interview-viewer>
           <interview-viewer id="attribute" src="/small.json" messages='{"search_label": "Chercher dans la conversation"}'></interview-viewer>
           <interview-viewer id="child" src="/small.json">
             <script type="application/json" data-messages>{"expand_all": "Tout ouvrir", "serach_label": "typo"}</script>
           </interview-viewer>`,
        ),
      ),
      "/german-missing.html": page(host("de", `<interview-viewer src="/missing.json"></interview-viewer>`)),
      "/arabic-snippet.html": page(host("en", arabicSnippet)),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(closeOpenedPages);

test("a French page: French controls, plurals, and a host's overrides by attribute or child", LIMIT, async () => {
  const page = await openPage(browser, `${server.url}/french.html`);
  for (const id of ["plain", "attribute", "child"]) await page.locator(`#${id} article.iv[data-ready]`).waitFor();
  const words = (id) =>
    page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const text = (selector) => root.querySelector(selector).textContent.trim();
      return [root.querySelector("article.iv").lang, text(".iv-search-label"), text(".iv-expand-all"), text(".iv-contents-title")];
    }, id);
  assert.deepEqual(await words("plain"), ["fr", "Rechercher dans cet entretien", "Tout déplier", "Sommaire"]);
  assert.deepEqual(await words("attribute"), ["fr", "Chercher dans la conversation", "Tout déplier", "Sommaire"]);
  assert.deepEqual(await words("child"), ["fr", "Rechercher dans cet entretien", "Tout ouvrir", "Sommaire"]);
  // The child is not taken for the interview's data: the interview is the src's.
  assert.equal(await page.locator("#child .iv-q-button").count(), await page.locator("#plain .iv-q-button").count());
  // French plurals: one question matches, several match.
  const search = page.locator("#plain .iv-search-input");
  await search.fill("gravity");
  await page.locator("#plain .iv-search-status").filter({ hasText: /^1 question sur \d+ correspond/ }).waitFor();
  await search.fill("moon");
  await page.locator("#plain .iv-search-status").filter({ hasText: /^\d+ questions sur \d+ correspondent/ }).waitFor();
  // The unknown key is named once; nothing else went wrong.
  assert.deepEqual(page.problems, [
    "warning: Interview Viewer: these message keys are not known and were ignored: serach_label (docs/languages.md lists them)",
  ]);
  assert.deepEqual(await axe(page), []);
});

test("a failed load is explained in the element's language; the console stays in English", LIMIT, async () => {
  const page = await openPage(browser, `${server.url}/german-missing.html`);
  const alert = page.locator("interview-viewer .iv-error");
  await alert.waitFor();
  assert.equal(await alert.getAttribute("lang"), "de");
  assert.equal(await alert.locator(".iv-error-title").textContent(), "Dieses Interview kann nicht angezeigt werden.");
  assert.equal(await alert.locator(".iv-error-message").textContent(), "Unter „/missing.json“ wurde kein Interview gefunden (HTTP 404).");
  await page.waitForFunction(() => true);
  assert.ok(
    page.problems.includes("warning: Interview Viewer: No interview was found at “/missing.json” (HTTP 404)."),
    page.problems.join("\n"),
  );
});

test("an embed snippet in Arabic paints in Arabic and hydrates without a change", LIMIT, async () => {
  assert.match(arabicSnippet, /<interview-viewer lang="ar">/);
  const requested = [];
  const page = await openPage(browser, `${server.url}/arabic-snippet.html`, {
    prepare: (p) => p.on("request", (r) => requested.push(new URL(r.url()).pathname)),
  });
  // The prerendered controls are Arabic before the wasm runs…
  assert.equal((await page.locator("interview-viewer .iv-expand-all").textContent()).trim(), "توسيع الكل");
  const before = await page.locator("interview-viewer article.iv").evaluate((a) => a.outerHTML.replace(/ data-ready="true"/, ""));
  await page.locator("interview-viewer article.iv[data-ready]").waitFor();
  // …and hydration keeps them: the catalogue came with the wasm, before the first render.
  assert.ok(requested.some((p) => /^\/messages-ar-[0-9a-f]+\.json$/.test(p)), requested.join("\n"));
  const after = await page.locator("interview-viewer article.iv").evaluate((a) => a.outerHTML.replace(/ data-ready="true"/, ""));
  assert.equal(after, before);
  await page.locator("interview-viewer .iv-q-button").first().click();
  assert.equal(await page.locator("interview-viewer .iv-q-button").first().getAttribute("aria-expanded"), "true");
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axe(page), []);
});
