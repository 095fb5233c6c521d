// The standalone viewer in every engine of ENGINES (e2e/engines.mjs: Chromium, Firefox ESR,
// WebKitGTK), driven with real pointer and keyboard input: questions, Expand/Collapse all, search
// and its URL and keys, deep links, toggletips, themes, and axe-core in light and dark.
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ENGINES, browserSuite } from "./engines.mjs";
import { serve, luminance } from "./harness.mjs";
import { COUNT, PAGE, manyMatchesRoute } from "./many-matches.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** A safety net so that a hang fails its test instead of the run (not a timing check). */
const LIMIT = { timeout: 180_000 };

let server;
before(async () => {
  server = await serve({ recorder: true, routes: { "/many.json": manyMatchesRoute } });
});
after(async () => {
  await server?.close();
});

// In-page helpers (each is sent to the page as source, so each stands alone).
const hydrated = () => !!document.querySelector("article.iv[data-ready]");
/** "x" for an open question, "." for a closed one, in order. */
const expanded = () =>
  [...document.querySelectorAll(".iv-q-button")].map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join("");
const expandedIs = (want) =>
  [...document.querySelectorAll(".iv-q-button")].map((b) => (b.getAttribute("aria-expanded") === "true" ? "x" : ".")).join("") === want;
const status = () => document.querySelector(".iv-search-status")?.textContent ?? "";
const activeId = () => document.activeElement?.id ?? null;
const questionIds = () => [...document.querySelectorAll(".iv-qa")].map((s) => s.id);
/** The intro's first acronym button and its bubble: ids, state and whether the bubble shows. */
const firstTip = () => {
  const button = document.querySelector(".iv-intro button.iv-abbr");
  const tip = button.parentElement.querySelector(".iv-tip");
  return {
    id: button.id,
    expanded: button.getAttribute("aria-expanded"),
    shown: tip.checkVisibility() && tip.getBoundingClientRect().width > 0,
    active: document.activeElement === button,
  };
};
const theme = () => {
  const article = document.querySelector("article.iv");
  return {
    attribute: article.getAttribute("data-theme"),
    checked: document.querySelector("fieldset.iv-theme input:checked")?.value ?? null,
    stored: localStorage.getItem("interview-viewer:theme"),
    background: getComputedStyle(article).backgroundColor,
  };
};
/** Runs the injected axe-core with the WCAG 2.x A/AA rules; one line per violation. */
const runAxe = async () => {
  const result = await window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
};

for (const engine of ENGINES) {
  describe(engine, () => {
    const suite = browserSuite(engine, { before, after, afterEach });

    /** A new page on `path`, once the viewer has hydrated. */
    async function open(path = "/", viewport) {
      const page = await suite.open(server.url + path, viewport);
      await page.waitFor(hydrated);
      return page;
    }
    /** The n-th question button (0-based), for click()/hover(). */
    const nthQuestion = (n) => document.querySelectorAll(".iv-q-button")[n];

    test("a mouse click opens a question and a second click closes it", LIMIT, async () => {
      const page = await open();
      assert.equal(await page.evaluate(expanded), ".........");
      await page.click(".iv-q-button");
      await page.waitFor(() => document.querySelector(".iv-q-button").getAttribute("aria-expanded") === "true");
      const panel = () => {
        const button = document.querySelector(".iv-q-button");
        const panel = document.getElementById(button.getAttribute("aria-controls"));
        return { hidden: panel.getAttribute("hidden"), visible: panel.checkVisibility(), text: panel.innerText };
      };
      const shown = await page.evaluate(panel);
      assert.equal(shown.hidden, null);
      assert.ok(shown.visible, "the answer is shown");
      assert.match(shown.text, /Increased Integration/);
      assert.equal(await page.evaluate(expanded), "x........");
      await page.click(".iv-q-button");
      await page.waitFor(() => document.querySelector(".iv-q-button").getAttribute("aria-expanded") === "false");
      assert.equal((await page.evaluate(panel)).hidden, "until-found");
      assert.deepEqual(await page.problems(), []);
    });

    test("Enter and Space toggle the focused question, which keeps the focus", LIMIT, async () => {
      const page = await open();
      const id = await page.evaluate(() => {
        const button = document.querySelectorAll(".iv-q-button")[1];
        button.focus();
        return button.id;
      });
      await page.press("Enter");
      await page.waitFor(() => document.querySelectorAll(".iv-q-button")[1].getAttribute("aria-expanded") === "true");
      assert.equal(await page.evaluate(expanded), ".x.......");
      await page.press("Space");
      await page.waitFor(() => document.querySelectorAll(".iv-q-button")[1].getAttribute("aria-expanded") === "false");
      assert.equal(await page.evaluate(expanded), ".........");
      assert.equal(await page.evaluate(activeId), id);
      assert.deepEqual(await page.problems(), []);
    });

    test("ArrowDown, ArrowUp, Home and End move the focus between question buttons, wrapping", LIMIT, async () => {
      const page = await open();
      const ids = await page.evaluate(() => [...document.querySelectorAll(".iv-q-button")].map((b) => b.id));
      await page.evaluate(() => document.querySelector(".iv-q-button").focus());
      for (const [key, to] of [
        ["ArrowDown", 1],
        ["ArrowDown", 2],
        ["ArrowUp", 1],
        ["ArrowUp", 0],
        ["ArrowUp", 8],
        ["ArrowDown", 0],
        ["End", 8],
        ["Home", 0],
      ]) {
        await page.press(key);
        await page.waitFor((id) => document.activeElement?.id === id, ids[to]);
      }
      assert.equal(await page.evaluate(expanded), ".........", "moving the focus opens or closes nothing");
      assert.deepEqual(await page.problems(), []);
    });

    test("Expand all opens every question and Collapse all closes them", LIMIT, async () => {
      const page = await open();
      await page.click(".iv-expand-all");
      await page.waitFor(() => document.querySelectorAll('.iv-q-button[aria-expanded="true"]').length === 9);
      assert.equal(await page.evaluate(expanded), "xxxxxxxxx");
      assert.equal(await page.evaluate(() => document.querySelectorAll(".iv-answer[hidden]").length), 0);
      await page.click(".iv-collapse-all");
      await page.waitFor(() => document.querySelectorAll('.iv-q-button[aria-expanded="false"]').length === 9);
      assert.equal(await page.evaluate(() => document.querySelectorAll(".iv-answer[hidden]").length), 9);
      assert.deepEqual(await page.problems(), []);
    });

    test("typing filters, opens and highlights; the query reaches ?q= without a history entry; a reload restores it", LIMIT, async () => {
      const page = await open();
      const length = await page.evaluate(() => history.length);
      await page.click(".iv-search-input");
      await page.type("talisman");
      await page.waitFor(() => document.querySelector(".iv-search-status").textContent.startsWith("2 of 9 questions match"));
      const seen = await page.evaluate(() => ({
        visible: document.querySelectorAll(".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found").length,
        marks: document.querySelectorAll("mark.iv-match").length,
        current: document.querySelectorAll("mark.iv-current").length,
        value: document.querySelector(".iv-search-input").value,
      }));
      assert.deepEqual({ ...seen, marks: seen.marks >= 2 }, { visible: 2, marks: true, current: 1, value: "talisman" });
      assert.equal((await page.evaluate(expanded)).replace(/\./g, ""), "xx");
      // The URL follows once typing pauses (replaceState: no new history entry).
      await page.waitFor(() => new URL(location.href).searchParams.get("q") === "talisman");
      assert.equal(await page.evaluate(() => history.length), length);

      await page.reload();
      await page.waitFor(hydrated);
      // The query is applied right after the hydrating render (which matches the prerendered,
      // unfiltered page): wait for it.
      await page.waitFor(() => document.querySelector(".iv-search-status").textContent.startsWith("2 of 9 questions match"));
      assert.equal(await page.evaluate(() => document.querySelector(".iv-search-input").value), "talisman");
      assert.equal(await page.evaluate(() => document.querySelectorAll(".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found").length), 2);
      assert.ok((await page.evaluate(() => document.querySelectorAll("mark.iv-match").length)) >= 2);
      assert.deepEqual(await page.problems(), []);
    });

    test("many matching questions: a page at a time; the button after them shows the next and focuses it", LIMIT, async () => {
      const page = await open("/?src=/many.json");
      await page.waitFor((count) => document.querySelectorAll(".iv-qa").length === count, COUNT);
      await page.click(".iv-search-input");
      await page.type("orbit");
      await page.waitFor(() => document.querySelector(".iv-search-status").textContent.startsWith("60 of 60 questions match"));
      const shown = () => [...document.querySelectorAll(".iv-qa")].filter((s) => s.getBoundingClientRect().height > 0).length;
      assert.equal(await page.evaluate(shown), PAGE);
      assert.equal(await page.evaluate(() => document.querySelector(".iv-more-button").textContent), "Show 20 more matching questions");
      // Focusing the button scrolls it into view, near enough to show more by itself; but the
      // focus is on it, so it waits for the reader (else Enter would skip a page).
      await page.evaluate(() => document.querySelector(".iv-more-button").focus());
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
      assert.equal(await page.evaluate(shown), PAGE);
      await page.press("Enter");
      await page.waitFor(() => document.activeElement?.id === "q21-button");
      assert.ok((await page.evaluate(shown)) >= 2 * PAGE);
      assert.deepEqual(await page.problems(), []);
    });

    test("a shared ?q= URL opens with its search applied", LIMIT, async () => {
      const page = await open("/?q=kill%20web");
      // Applied right after the hydrating render.
      await page.waitFor(() => document.querySelector(".iv-search-status").textContent !== "");
      assert.match(await page.evaluate(status), /^1 of 9 questions match/);
      assert.equal(await page.evaluate(() => document.querySelector(".iv-search-input").value), "kill web");
      assert.equal(await page.evaluate(() => document.querySelectorAll(".iv-questions:not(.iv-filtering) > .iv-qa, .iv-found").length), 1);
      assert.deepEqual(await page.problems(), []);
    });

    test('"/" focuses the search box, and is typed normally once there', LIMIT, async () => {
      const page = await open();
      await page.evaluate(() => document.querySelector(".iv-q-button").focus());
      await page.press("/");
      await page.waitFor(() => document.activeElement?.classList.contains("iv-search-input"));
      assert.equal(await page.evaluate(() => document.querySelector(".iv-search-input").value), "");
      await page.type("a/b");
      await page.waitFor(() => document.querySelector(".iv-search-input").value === "a/b");
      assert.deepEqual(await page.problems(), []);
    });

    test("Escape clears the query and restores what was open before the search", LIMIT, async () => {
      const page = await open();
      await page.click(nthQuestion, 0);
      await page.click(nthQuestion, 4);
      await page.waitFor(expandedIs, "x...x....");
      await page.click(".iv-search-input");
      await page.type("china");
      await page.waitFor(() => /^\d of 9 questions match/.test(document.querySelector(".iv-search-status").textContent));
      assert.notEqual(await page.evaluate(expanded), "x...x....");
      await page.waitFor(() => new URL(location.href).searchParams.get("q") === "china");
      await page.press("Escape");
      await page.waitFor(() => document.querySelector(".iv-search-input").value === "");
      await page.waitFor(expandedIs, "x...x....");
      assert.equal(await page.evaluate(() => document.querySelectorAll("mark").length), 0);
      assert.equal(await page.evaluate(status), "");
      await page.waitFor(() => new URL(location.href).searchParams.get("q") === null);
      assert.deepEqual(await page.problems(), []);
    });

    test("Enter and Shift+Enter in the search box step the current match", LIMIT, async () => {
      const page = await open();
      await page.click(".iv-search-input");
      await page.type("space");
      // The status of the whole word: typing shows the statuses of "s", "sp", … on the way, and
      // the URL's ?q= follows the query once the status of the same render is in the page.
      await page.waitFor(
        () =>
          new URL(location.href).searchParams.get("q") === "space" &&
          / · match 1 of \d+, in (question \d+|the introduction)\.$/.test(document.querySelector(".iv-search-status").textContent),
      );
      const total = Number((await page.evaluate(status)).match(/match 1 of (\d+)/)[1]);
      assert.ok(total > 10, `${total} matches`);
      const current = () => {
        const marks = [...document.querySelectorAll("mark.iv-match")];
        return { count: marks.length, index: marks.findIndex((m) => m.classList.contains("iv-current")) };
      };
      // Every match is marked (marks may follow the count by a frame or two).
      await page.waitFor((total) => document.querySelectorAll("mark.iv-match").length === total, total);
      assert.deepEqual(await page.evaluate(current), { count: total, index: 0 });
      await page.press("Enter");
      await page.waitFor((total) => document.querySelector(".iv-search-status").textContent.includes(` · match 2 of ${total}, in `), total);
      assert.deepEqual(await page.evaluate(current), { count: total, index: 1 });
      await page.press("Shift+Enter");
      await page.waitFor((total) => document.querySelector(".iv-search-status").textContent.includes(` · match 1 of ${total}, in `), total);
      await page.press("Shift+Enter");
      await page.waitFor((total) => document.querySelector(".iv-search-status").textContent.includes(` · match ${total} of ${total}, in `), total);
      assert.deepEqual(await page.evaluate(current), { count: total, index: total - 1 });
      // The current match is scrolled into view.
      await page.waitFor(() => {
        const r = document.querySelector("mark.iv-current").getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      assert.equal(await page.evaluate(() => document.activeElement?.className), "iv-search-input");
      assert.deepEqual(await page.problems(), []);
    });

    test("a #question deep link opens that question, scrolls to it and focuses its button", LIMIT, async () => {
      const first = await open();
      const ids = await first.evaluate(questionIds);
      assert.equal(ids.length, 9);
      for (const i of [5, 8]) {
        const page = await open(`/#${ids[i]}`);
        await page.waitFor((id) => document.getElementById(`${id}-button`)?.getAttribute("aria-expanded") === "true", ids[i]);
        await page.waitFor((id) => document.activeElement?.id === `${id}-button`, ids[i]);
        await page.waitFor((id) => {
          const r = document.getElementById(`${id}-button`).getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
        }, ids[i]);
        const state = await page.evaluate((id) => {
          const button = document.getElementById(`${id}-button`);
          const panel = document.getElementById(button.getAttribute("aria-controls"));
          return { hidden: panel.getAttribute("hidden"), visible: panel.checkVisibility(), scrolled: scrollY > 0 };
        }, ids[i]);
        assert.deepEqual(state, { hidden: null, visible: true, scrolled: true });
        assert.equal((await page.evaluate(expanded))[i], "x");
        assert.deepEqual(await page.problems(), []);
      }
    });

    test("toggletip: keyboard focus on an acronym opens its bubble; Escape closes it and keeps the focus", LIMIT, async () => {
      const page = await open();
      const closed = await page.evaluate(firstTip);
      assert.deepEqual([closed.expanded, closed.shown], ["false", false]);
      // Tab to the acronym from the element just before it (the last contents link).
      await page.evaluate(() => [...document.querySelectorAll("nav.iv-contents a")].at(-1).focus());
      await page.press("Tab");
      await page.waitFor(() => {
        const button = document.querySelector(".iv-intro button.iv-abbr");
        return document.activeElement === button && button.getAttribute("aria-expanded") === "true";
      });
      const opened = await page.evaluate(firstTip);
      assert.deepEqual([opened.expanded, opened.shown, opened.active], ["true", true, true]);
      await page.press("Escape");
      await page.waitFor(() => document.querySelector(".iv-intro button.iv-abbr").getAttribute("aria-expanded") === "false");
      const after = await page.evaluate(firstTip);
      assert.equal(after.shown, false, "the bubble is hidden");
      assert.equal(after.active, true, "Escape keeps the focus on the acronym");
      assert.deepEqual(await page.problems(), []);
    });

    test("toggletip: hovering an acronym opens its bubble; moving away closes it", LIMIT, async () => {
      const page = await open();
      await page.hover(".iv-intro button.iv-abbr");
      await page.waitFor(() => document.querySelector(".iv-intro button.iv-abbr").getAttribute("aria-expanded") === "true");
      const tip = await page.evaluate(firstTip);
      assert.equal(tip.shown, true, "the bubble shows");
      assert.equal(tip.active, false, "hovering does not move the focus");
      await page.hover("h1.iv-title");
      await page.waitFor(() => document.querySelector(".iv-intro button.iv-abbr").getAttribute("aria-expanded") === "false");
      assert.equal((await page.evaluate(firstTip)).shown, false);
      assert.deepEqual(await page.problems(), []);
    });

    test('choosing "Dark" sets data-theme="dark" and survives a reload', LIMIT, async () => {
      const page = await open();
      const darkLabel = () => document.querySelector('fieldset.iv-theme input[value="dark"]').closest("label");
      await page.click(darkLabel);
      await page.waitFor(() => document.querySelector("article.iv").getAttribute("data-theme") === "dark");
      const chosen = await page.evaluate(theme);
      const { background, ...chosenState } = chosen;
      assert.deepEqual(chosenState, { attribute: "dark", checked: "dark", stored: "dark" });
      assert.ok(luminance(background) < 0.2, `dark background ${background}`);
      await page.reload();
      await page.waitFor(hydrated);
      const reloaded = await page.evaluate(theme);
      const { background: reloadedBackground, ...reloadedState } = reloaded;
      assert.deepEqual(reloadedState, { attribute: "dark", checked: "dark", stored: "dark" });
      assert.ok(luminance(reloadedBackground) < 0.2, `dark background after reload ${reloadedBackground}`);
      assert.deepEqual(await page.problems(), []);
    });

    test("Share opens a panel with the link and the embed code; a copy is confirmed or offered selected; Escape closes it", LIMIT, async () => {
      const page = await open("/?q=kill");
      await page.click(".iv-share-button");
      await page.waitFor(() => document.querySelector(".iv-share-panel:not([hidden]) textarea") !== null);
      const fields = () => ({
        expanded: document.querySelector(".iv-share-button").getAttribute("aria-expanded"),
        link: document.querySelector(".iv-share-panel input").value,
        code: document.querySelector(".iv-share-panel textarea").value,
        labels: [...document.querySelectorAll(".iv-share-panel label")].map((l) => document.getElementById(l.htmlFor)?.tagName),
      });
      assert.deepEqual(await page.evaluate(fields), {
        expanded: "true",
        link: `${server.url}/`,
        code: `<script type="module" src="${server.url}/interview-viewer.js"></script>\n<interview-viewer></interview-viewer>`,
        labels: ["INPUT", "TEXTAREA"],
      });
      await page.evaluate(AXE_SOURCE);
      assert.deepEqual(await page.evaluate(runAxe), [], "axe with the share panel open");

      // The clipboard may be refused to an automated browser: then the code is offered selected.
      await page.click(() => [...document.querySelectorAll(".iv-share-copy")][1]);
      await page.waitFor(() => document.querySelector(".iv-share-status").textContent !== "");
      const outcome = await page.evaluate(() => ({
        status: document.querySelector(".iv-share-status").textContent,
        selected: document.activeElement?.tagName === "TEXTAREA" && document.activeElement.selectionEnd === document.activeElement.value.length,
      }));
      if (outcome.status !== "Embed code copied") {
        assert.deepEqual(outcome, { status: "Press Ctrl+C (⌘C) to copy the embed code", selected: true });
      }

      await page.evaluate(() => document.querySelector(".iv-share-panel textarea").focus());
      await page.press("Escape");
      await page.waitFor(() => document.querySelector(".iv-share-panel").hidden && !document.querySelector(".iv-share-panel textarea"));
      assert.equal(await page.evaluate(() => document.activeElement?.className), "iv-share-button");
      assert.equal(await page.evaluate(() => document.querySelector(".iv-search-input").value), "kill");
      assert.deepEqual(await page.problems(), []);
    });

    test("axe-core finds no WCAG 2.2 A/AA violation, collapsed and all expanded, light and dark", LIMIT, async () => {
      const page = await open();
      await page.evaluate(AXE_SOURCE);
      for (const mode of ["light", "dark"]) {
        await page.click((mode) => document.querySelector(`fieldset.iv-theme input[value="${mode}"]`).closest("label"), mode);
        await page.waitFor((mode) => document.querySelector("article.iv").getAttribute("data-theme") === mode, mode);
        await page.click(".iv-collapse-all");
        await page.waitFor(() => document.querySelectorAll('.iv-q-button[aria-expanded="false"]').length === 9);
        assert.deepEqual(await page.evaluate(runAxe), [], `${mode}, collapsed`);
        await page.click(".iv-expand-all");
        await page.waitFor(() => document.querySelectorAll('.iv-q-button[aria-expanded="true"]').length === 9);
        assert.deepEqual(await page.evaluate(runAxe), [], `${mode}, all expanded`);
      }
      assert.deepEqual(await page.problems(), []);
    });
  });
}
