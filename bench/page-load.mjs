// Paint, interactivity and memory of a cold first visit, in headless Chromium over loopback.
//
// Method, per run: a fresh browser context (nothing cached, and the HTTP cache disabled through
// CDP `Network.setCacheDisabled`), one navigation, then
//   * first contentful paint: the `first-contentful-paint` paint entry (its startTime, ms since
//     navigation start), read through a buffered PerformanceObserver;
//   * interactive: the `iv-interactive` performance mark if the page sets one; otherwise the
//     performance.now() at which a MutationObserver, installed before any page script by
//     `addInitScript`, first sees a `.iv-q-button` in the DOM (the questions can be clicked);
//   * memory, once the page is interactive and two animation frames have passed: the V8 heap in
//     use (CDP `Runtime.getHeapUsage`), again after a forced garbage collection
//     (`HeapProfiler.collectGarbage`), and the size of the WebAssembly linear memory (outside the
//     JS heap), taken from the instance Trunk announces with its `TrunkApplicationStarted` event.

/** Runs in every document before its own scripts (see `addInitScript`). */
export const PROBE = `(() => {
  const iv = (window.__iv = { buttonAt: null, startedAt: null, wasm: null });
  const seen = () => {
    if (iv.buttonAt === null && document.querySelector(".iv-q-button")) {
      iv.buttonAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
  addEventListener("TrunkApplicationStarted", (e) => {
    iv.startedAt = performance.now();
    iv.wasm = e.detail && e.detail.wasm;
  });
})();`;

/** A fresh context and page with the cache disabled and the probe installed. */
export async function coldPage(browser) {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return { context, page, cdp };
}

/** The first-contentful-paint time of the page (ms since navigation start), or null. */
export function firstContentfulPaint(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const get = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
        if (get() !== undefined) return resolve(get());
        new PerformanceObserver(() => get() !== undefined && resolve(get())).observe({ type: "paint", buffered: true });
        setTimeout(() => resolve(get() ?? null), 10_000);
      }),
  );
}

/** Waits until the viewer is interactive; returns `{ at, method }` (ms since navigation start). */
export async function interactive(page, timeout = 30_000) {
  await page.waitForFunction(
    () => performance.getEntriesByName("iv-interactive", "mark").length > 0 || window.__iv?.buttonAt != null,
    null,
    { timeout },
  );
  return page.evaluate(() => {
    const mark = performance.getEntriesByName("iv-interactive", "mark")[0];
    return mark
      ? { at: mark.startTime, method: "mark", startedAt: window.__iv?.startedAt ?? null }
      : { at: window.__iv.buttonAt, method: "dom", startedAt: window.__iv?.startedAt ?? null };
  });
}

/** Heap in use now and after a forced GC, and the wasm linear memory, in bytes. */
export async function memory(page, cdp) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const before = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("HeapProfiler.collectGarbage");
  const after = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__iv?.wasm?.memory?.buffer?.byteLength ?? null);
  return { heap: before.usedSize, heapAfterGc: after.usedSize, wasm };
}

/** One cold load of `url`; `viewer` says whether to wait for interactivity. */
export async function measureLoad(browser, url, { viewer }) {
  const { context, page, cdp } = await coldPage(browser);
  try {
    await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    const fcp = await firstContentfulPaint(page);
    const ready = viewer ? await interactive(page) : null;
    const mem = await memory(page, cdp);
    return { fcp, interactive: ready?.at ?? null, method: ready?.method ?? null, started: ready?.startedAt ?? null, ...mem };
  } finally {
    await context.close();
  }
}

/**
 * `runs` cold loads of each page, alternating which goes first, after one discarded warm-up of
 * each (the first launch pays one-off costs). Returns `{ viewer: [..], static: [..] }`.
 */
export async function loadRuns(browser, { viewerUrl, staticUrl, runs, progress = () => {} }) {
  const samples = { viewer: [], static: [] };
  await measureLoad(browser, viewerUrl, { viewer: true });
  await measureLoad(browser, staticUrl, { viewer: false });
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ["viewer", "static"] : ["static", "viewer"];
    for (const kind of order) {
      const url = kind === "viewer" ? viewerUrl : staticUrl;
      samples[kind].push(await measureLoad(browser, url, { viewer: kind === "viewer" }));
    }
    progress(i + 1, runs);
  }
  return samples;
}
