// Other formats and scripts in every engine of ENGINES (e2e/engines.mjs): an Arabic interview
// reads right to left (the layout mirrors: the contents column on the right, bullets on the
// right), and a WebVTT transcript loads through the importers module with its speakers.
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
