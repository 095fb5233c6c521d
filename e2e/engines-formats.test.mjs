// Other formats and scripts in every engine of ENGINES (e2e/engines.mjs): an Arabic interview
// reads right to left (the layout mirrors: the contents column on the right, bullets on the
// right), its controls, status and live region speak Arabic (the catalogue fetched with the
// wasm), and a WebVTT transcript loads through the importers module with its speakers.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, DIST, ROOT } from "./harness.mjs";

const LIMIT = { timeout: 180_000 };

let server;
before(async () => {
  server = await serve({
    recorder: true,
    dirs: [DIST, path.join(ROOT, "e2e", "fixtures", "formats")],
    routes: { "/favicon.ico": (req, res) => res.writeHead(204).end() },
  });
});
after(async () => {
  await server?.close();
});

const hydrated = () => !!document.querySelector("article.iv[data-ready]");

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });

    test("an Arabic interview reads right to left, its layout mirrored", LIMIT, async () => {
      const page = await suite.open(`${server.url}/?src=arabic.txt`);
      await page.waitFor(hydrated);
      await page.waitFor(() => document.querySelectorAll(".iv-q-button").length === 2);
      const layout = await page.evaluate(() => {
        const article = document.querySelector("article.iv");
        const box = (selector) => document.querySelector(selector).getBoundingClientRect();
        const item = document.querySelector(".iv-bullets li");
        return {
          dir: article.getAttribute("dir"),
          direction: getComputedStyle(article).direction,
          questions: [...document.querySelectorAll(".iv-q-text")].map((q) => q.textContent),
          contentsRightOfQuestions: box(".iv-contents").left >= box(".iv-questions").right - 1,
          bulletOnTheRight: parseFloat(getComputedStyle(item, "::before").right) <= 1,
        };
      });
      assert.deepEqual(layout, {
        dir: "rtl",
        direction: "rtl",
        questions: ["لماذا تزور المكتبة كل أسبوع؟", "ما الذي تغير في المكتبة؟"],
        contentsRightOfQuestions: true,
        bulletOnTheRight: true,
      });
      await page.click(".iv-q-button");
      await page.waitFor(() => document.querySelector(".iv-q-button").getAttribute("aria-expanded") === "true");
      assert.match(await page.evaluate(() => document.querySelector(".iv-answer").textContent), /الهدوء: أجد فيها مكانا هادئا للقراءة\./);
      assert.deepEqual(await page.problems(), []);
    });

    test("an Arabic interview on an English page has Arabic controls, status and live region", LIMIT, async () => {
      const page = await suite.open(`${server.url}/arabic-host.html`);
      await page.waitFor(() => !!document.querySelector("interview-viewer").shadowRoot?.querySelector("article.iv[data-ready] .iv-q-button"));
      const words = await page.evaluate(() => {
        const root = document.querySelector("interview-viewer").shadowRoot;
        const text = (selector) => root.querySelector(selector)?.textContent.trim();
        const article = root.querySelector("article.iv");
        return {
          lang: article.getAttribute("lang"),
          dir: article.getAttribute("dir"),
          expand: text(".iv-expand-all"),
          collapse: text(".iv-collapse-all"),
          search: text(".iv-search-label"),
          placeholder: root.querySelector(".iv-search-input").getAttribute("placeholder"),
          contents: text(".iv-contents-title"),
          theme: text(".iv-theme-legend"),
        };
      });
      assert.deepEqual(words, {
        lang: "ar",
        dir: "rtl",
        expand: "توسيع الكل",
        collapse: "طي الكل",
        search: "ابحث في هذه المقابلة",
        placeholder: "كلمات أو «عبارة» أو اختصار",
        contents: "المحتويات",
        theme: "المظهر",
      });
      // Search: the status counts in Arabic (two questions: the dual form), and the live region
      // says it once the typing stops.
      await page.evaluate(() => {
        const input = document.querySelector("interview-viewer").shadowRoot.querySelector(".iv-search-input");
        input.value = "المكتبة";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await page.waitFor(() => /^يطابق سؤالان من 2/.test(document.querySelector("interview-viewer").shadowRoot.querySelector(".iv-search-status").textContent));
      await page.waitFor(() => /^يطابق سؤالان من 2/.test(document.querySelector("interview-viewer").shadowRoot.querySelector(".iv-live").textContent));
      assert.ok(server.requests.some((p) => /^\/messages-ar-[0-9a-f]+\.json$/.test(p)), "the Arabic catalogue was fetched");
      assert.deepEqual(await page.problems(), []);
    });

    test("a WebVTT transcript loads through the importers module, with its speakers", LIMIT, async () => {
      const page = await suite.open(`${server.url}/?src=panel.vtt`);
      await page.waitFor(hydrated);
      await page.waitFor(() => document.querySelectorAll(".iv-q-button").length === 2);
      await page.click(".iv-expand-all");
      await page.waitFor(() => document.querySelectorAll('.iv-q-button[aria-expanded="true"]').length === 2);
      const speakers = await page.evaluate(() => [...document.querySelectorAll(".iv-answer .iv-speaker")].map((s) => s.textContent));
      assert.deepEqual(speakers, ["Ana Quispe:", "Tomás Rao:", "Ana Quispe:"]);
      assert.equal(await page.evaluate(() => document.querySelector("article.iv").getAttribute("dir")), "ltr");
      assert.deepEqual(await page.problems(), []);
    });
  });
}
