// A new build while the standalone page is open (issue 15, part 4), in every engine of ENGINES
// (e2e/engines.mjs), with two builds: once the next build's service worker waits, the notice
// offers Reload; nothing reloads by itself; Reload brings the next build's worker in (its cache
// replaces the old one) and the reader's search back.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, DIST } from "./harness.mjs";

/** A safety net so that a hang fails its test instead of the run (not a timing check). */
const LIMIT = { timeout: 180_000 };
/** The next build's cache: a new build's worker names a cache of its own. */
const NEXT_CACHE = "interview-viewer-0000000000000next";

let nextBuild;
before(async () => {
  nextBuild = await mkdtemp(path.join(os.tmpdir(), "iv-next-build-engines-"));
  const sw = await readFile(path.join(DIST, "sw.js"), "utf8");
  const next = sw.replace(/interview-viewer-[0-9a-f]{16}(?=")/, NEXT_CACHE);
  assert.notEqual(next, sw, "sw.js names its cache");
  await writeFile(path.join(nextBuild, "sw.js"), next);
});
after(async () => {
  if (nextBuild) await rm(nextBuild, { recursive: true, force: true });
});

const hydrated = () => !!document.querySelector("article.iv[data-ready]");

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });

    test("a waiting new build brings the notice; Reload lets it take over and keeps the search", LIMIT, async () => {
      // A server of its own: the next build is published by putting its folder first.
      const dirs = [DIST];
      const server = await serve({ dirs, recorder: true, routes: { "/favicon.ico": (req, res) => res.writeHead(204).end() } });
      try {
        const page = await suite.open(`${server.url}/?q=talisman`);
        await page.waitFor(hydrated);
        await page.waitFor(async () => !!(await navigator.serviceWorker.ready).active);
        // Reload once so that this build's worker controls the page: still nothing to offer.
        await page.reload();
        await page.waitFor(hydrated);
        await page.waitFor(() => !!navigator.serviceWorker.controller);
        assert.equal(await page.evaluate(() => document.querySelector(".iv-update-box")), null);

        dirs.unshift(nextBuild);
        await page.evaluate(() => ((window.__sameDocument = true), navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)));
        await page.waitFor(() => document.querySelector(".iv-update-text")?.textContent === "A new version of this reader is ready.");
        assert.equal(await page.evaluate(() => document.querySelector(".iv-update").getAttribute("role")), "status");
        // Nothing reloads by itself, and the new worker waits.
        await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        assert.deepEqual(
          await page.evaluate(async () => ({ same: window.__sameDocument === true, waiting: !!(await navigator.serviceWorker.getRegistration()).waiting })),
          { same: true, waiting: true },
        );

        await page.click(".iv-update-reload");
        await page.waitFor(() => window.__sameDocument === undefined && !!document.querySelector("article.iv[data-ready]"));
        // The next build's worker takes over: its cache is the only one left.
        const workers = async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          const state = (worker) => worker?.state ?? null;
          return { waiting: state(registration.waiting), active: state(registration.active), controlled: !!navigator.serviceWorker.controller, caches: await caches.keys() };
        };
        await page.waitFor(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          const keys = (await caches.keys()).filter((k) => k.startsWith("interview-viewer-"));
          return registration.waiting === null && !!navigator.serviceWorker.controller && keys.length === 1 && keys[0] === "interview-viewer-0000000000000next";
        }).catch(async (error) => {
          throw new Error(`${error.message}; the workers: ${JSON.stringify(await page.evaluate(workers))}`);
        });
        assert.equal(await page.evaluate(() => document.querySelector(".iv-update-box")), null);
        await page.waitFor(() => document.querySelector(".iv-search-status").textContent.startsWith("2 of 9 questions match"));
        assert.equal(await page.evaluate(() => document.querySelector(".iv-search-input").value), "talisman");
        assert.deepEqual(await page.problems(), []);
      } finally {
        await server.disconnect();
      }
    });
  });
}
