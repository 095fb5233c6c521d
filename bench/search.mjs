// Keystroke to painted results, in the browser, on a large interview.
//
// Method: one page opens `/?src=synthetic.json` (the ≈1 MB synthetic interview) and waits until
// the viewer is interactive (see page-load.mjs) and all its questions are in the DOM. Each
// measurement, inside the page: record t0 = performance.now(), set the search box's value to the
// whole query and dispatch one `input` event (as if typed or pasted in one keystroke). A
// MutationObserver on `.iv-search-status` notes when the status text changes (the DOM reflects
// the results: "dom"); from that moment a requestAnimationFrame callback ("frame": the next frame
// begins) posts a setTimeout(0), which runs once that frame's style, layout and paint are done
// ("painted"). So "painted" includes waiting for the next frame, up to one frame interval
// (16.7 ms at 60 Hz), as a reader experiences it. Between queries the box is cleared the same way
// (measured too, as "(clear)": all questions come back), and the page idles 100 ms, less than the
// viewer's 700 ms live-region delay, so no deferred announcement lands inside a measurement.
// Queries are interleaved across repetitions so that drift (GC, heat) spreads over all of them.
import { coldPage, interactive, memory } from "./page-load.mjs";

/** Installed in the page: types `value` and resolves with the timings. */
const TYPE = `window.__ivType = (value) =>
  new Promise((resolve) => {
    const input = document.querySelector(".iv-search-input");
    const status = document.querySelector(".iv-search-status");
    if (!input || !status) return resolve({ error: "no search box" });
    const before = status.textContent;
    let dom = null;
    let frame = null;
    const finish = () => {
      const painted = performance.now() - t0;
      resolve({
        dom,
        frame,
        painted,
        sync,
        status: status.textContent,
        visible: document.querySelectorAll(".iv-qa:not([hidden])").length,
      });
    };
    const observer = new MutationObserver(() => {
      if (dom !== null || status.textContent === before) return;
      dom = performance.now() - t0;
      observer.disconnect();
      requestAnimationFrame(() => {
        frame = performance.now() - t0; // the next frame begins: style, layout and paint follow
        setTimeout(finish, 0);
      });
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    setTimeout(() => { observer.disconnect(); if (dom === null) resolve({ error: "status did not change in 10 s" }); }, 10000);
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value }));
    const sync = performance.now() - t0; // time spent inside the event dispatch
  });`;

/**
 * `prerendered`: whether the served HTML holds (the seed's) questions, so that their presence
 * says nothing; `questions`: how many the synthetic interview has, all of which must be in the
 * DOM before measuring.
 */
export async function searchRuns(browser, { url, prerendered, questions, queries, reps, progress = () => {} }) {
  const { context, page, cdp } = await coldPage(browser);
  try {
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    const ready = await interactive(page, { prerendered, timeout: 120_000 });
    await page.waitForFunction((n) => document.querySelectorAll(".iv-qa").length >= n, questions, { timeout: 120_000 });
    const loaded = {
      interactive: ready.at,
      method: ready.method,
      questions: await page.locator(".iv-qa").count(),
      ...(await memory(page, cdp)),
    };
    await page.evaluate(TYPE);
    const samples = Object.fromEntries([...queries, "(clear)"].map((q) => [q, []]));
    const outcome = {};
    for (let rep = 0; rep < reps; rep++) {
      for (const query of queries) {
        for (const [key, value] of [[query, query], ["(clear)", ""]]) {
          const r = await page.evaluate((v) => window.__ivType(v), value);
          if (r.error) throw new Error(`search for ${JSON.stringify(value)}: ${r.error}`);
          samples[key].push(r);
          outcome[key] = { status: r.status, visible: r.visible };
          await page.waitForTimeout(100);
        }
      }
      progress(rep + 1, reps);
    }
    return { loaded, samples, outcome };
  } finally {
    await context.close();
  }
}
