// The page driver itself (e2e/engines.mjs), in every engine of ENGINES: a click whose target
// moves between the driver's aiming and its pointer input is kept from the page and aimed again.
// Every other engines-* test relies on this; a viewer that scrolls or renders after it is ready
// (a ?q= search scrolling to its first match) must not make a test click something else.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve } from "./harness.mjs";

const LIMIT = { timeout: 120_000 };

let server;
before(async () => {
  server = await serve({ recorder: true });
});
after(async () => {
  await server?.close();
});

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });

    test("a click whose target moves as the pointer arrives is held back and aimed again", LIMIT, async () => {
      const page = await suite.open(`${server.url}/`);
      await page.evaluate(() => {
        document.body.innerHTML =
          '<div style="height:300px"></div>' +
          '<button id="target" type="button" style="position:relative;width:12rem;height:4rem">target</button>' +
          '<button id="below" type="button" style="display:block;width:12rem;height:4rem">below</button>';
        window.seen = [];
        for (const kind of ["mousedown", "click"]) document.addEventListener(kind, (e) => window.seen.push(`${kind} ${e.target.id || e.target.localName}`));
        const target = document.getElementById("target");
        // The pointer's arrival (before its press) moves the target away, once: the press lands
        // where the target was, on the page below it.
        target.addEventListener("pointermove", () => {
          if (!window.moved) {
            window.moved = true;
            target.style.top = "12rem";
          }
        });
      });
      await page.click("#target");
      assert.deepEqual(await page.evaluate(() => ({ moved: window.moved, seen: window.seen })), {
        moved: true,
        seen: ["mousedown target", "click target"],
      });
    });
  });
}
