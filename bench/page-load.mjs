// Paint, interactivity and memory of a cold first visit, in headless Chromium over loopback.
//
// Method, per run: a fresh browser context (nothing cached, and the HTTP cache disabled through
// CDP `Network.setCacheDisabled`), one navigation, then
//   * first contentful paint: the `first-contentful-paint` paint entry (its startTime, ms since
//     navigation start), read through a buffered PerformanceObserver;
//   * interactive, the first of these signals the page offers:
//       1. a `performance.mark('iv-interactive')` set by the page;
//       2. the viewer's root `.iv[data-ready]`, which only the wasm writes (after hydrating the
//          prerendered HTML, or after rendering);
//       3. only when the served HTML is not prerendered: the first `.iv-q-button` in the DOM;
//     (2) and (3) are timed with performance.now() by a MutationObserver that `addInitScript`
//     installs before any page script; which signal was used is reported;
//   * memory, once the page is interactive and two animation frames have passed: the V8 heap in
//     use (CDP `Runtime.getHeapUsage`), again after a forced garbage collection
//     (`HeapProfiler.collectGarbage`), and the size of the WebAssembly linear memory (outside the
//     JS heap), from the instance the probe below catches.

/**
 * Runs in every document before its own scripts (see `addInitScript`): notes when the first
 * `.iv-q-button` and the first `.iv[data-ready]` appear, and wraps
 * `WebAssembly.instantiate(Streaming)` to note when the wasm is instantiated (before its Rust
 * `main` runs) and to keep its exports (for `memory`).
 */
export const PROBE = `(() => {
  const iv = (window.__iv = { buttonAt: null, readyAt: null, instantiatedAt: null, wasm: null, errors: [] });
  // Uncaught errors (a script that does not parse, a failed start): the viewer will not start.
  addEventListener("error", (e) => iv.errors.push(String(e.message || e.type)));
  addEventListener("unhandledrejection", (e) => iv.errors.push("unhandled rejection: " + String(e.reason)));
  const seen = () => {
    if (iv.buttonAt === null && document.querySelector(".iv-q-button")) iv.buttonAt = performance.now();
    if (iv.readyAt === null && document.querySelector(".iv[data-ready]")) iv.readyAt = performance.now();
    if (iv.buttonAt !== null && iv.readyAt !== null) observer.disconnect();
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-ready"] });
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
        if (instance && iv.wasm === null) {
          iv.wasm = instance.exports;
          iv.instantiatedAt = performance.now();
        }
        return result;
      });
    };
  }
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

export const METHODS = {
  mark: "performance.mark('iv-interactive') set by the page",
  ready: "the viewer's root `.iv[data-ready]` appearing (written only by the wasm, after hydration or rendering)",
  dom: "the first `.iv-q-button` appearing in the DOM",
  wasm: "wasm instantiated (approximation: the page is prerendered and gives no ready signal)",
};

/**
 * Waits until the viewer is interactive (see the signals above); `prerendered` says whether the
 * served HTML already holds the questions. Returns `{ at, method, buttonAt, instantiatedAt }`
 * (times in ms since navigation start).
 */
export async function interactive(page, { prerendered, timeout = 30_000 }) {
  await page
    .waitForFunction(
      (prerendered) =>
        performance.getEntriesByName("iv-interactive", "mark").length > 0 ||
        window.__iv?.readyAt != null ||
        (!prerendered && window.__iv?.buttonAt != null) ||
        window.__iv?.errors.length > 0,
      prerendered,
      { timeout },
    )
    .catch((error) => {
      if (!prerendered) throw error;
    });
  const result = await page.evaluate((prerendered) => {
    const iv = window.__iv ?? {};
    const mark = performance.getEntriesByName("iv-interactive", "mark")[0];
    const [at, method] = mark
      ? [mark.startTime, "mark"]
      : iv.readyAt != null
        ? [iv.readyAt, "ready"]
        : iv.buttonAt != null && !prerendered
          ? [iv.buttonAt, "dom"]
          : [iv.instantiatedAt, "wasm"];
    return { at, method, buttonAt: iv.buttonAt, instantiatedAt: iv.instantiatedAt, errors: iv.errors ?? [] };
  }, prerendered);
  if (result.at == null || (result.method === "wasm" && result.errors.length > 0)) {
    throw new Error(`the viewer did not start at ${page.url()}: ${result.errors.join("; ") || "no ready signal"}`);
  }
  return result;
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
export async function measureLoad(browser, url, { viewer, prerendered }) {
  const { context, page, cdp } = await coldPage(browser);
  try {
    await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    const fcp = await firstContentfulPaint(page);
    const ready = viewer ? await interactive(page, { prerendered }) : null;
    const mem = await memory(page, cdp);
    return {
      fcp,
      interactive: ready?.at ?? null,
      method: ready?.method ?? null,
      questionsInDom: ready?.buttonAt ?? null,
      instantiated: ready?.instantiatedAt ?? null,
      ...mem,
    };
  } finally {
    await context.close();
  }
}

/**
 * `runs` cold loads of each page, alternating which goes first, after one discarded warm-up of
 * each (the first launch pays one-off costs). Returns `{ viewer: [..], static: [..] }`.
 */
export async function loadRuns(browser, { viewerUrl, staticUrl, prerendered, runs, progress = () => {} }) {
  const samples = { viewer: [], static: [] };
  await measureLoad(browser, viewerUrl, { viewer: true, prerendered });
  await measureLoad(browser, staticUrl, { viewer: false });
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ["viewer", "static"] : ["static", "viewer"];
    for (const kind of order) {
      const url = kind === "viewer" ? viewerUrl : staticUrl;
      samples[kind].push(await measureLoad(browser, url, { viewer: kind === "viewer", prerendered }));
    }
    progress(i + 1, runs);
  }
  return samples;
}
