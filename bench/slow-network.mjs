// Cold loads on a slow phone network: DevTools' "Slow 4G" conditions (150 ms round trip,
// 1.6 Mbit/s down, 0.75 Mbit/s up) emulated through CDP `Network.emulateNetworkConditions`, from
// a local server that sends brotli (quality 11, as a CDN would), in a fresh browser context per
// load with the cache disabled. Four pages, loads interleaved:
//   static      the seed as plain HTML with the viewer's stylesheet (the floor)
//   standalone  dist/index.html
//   host+element  a host article with `<interview-viewer></interview-viewer>` and its script tag
//   host+snippet  the same article with dist/embed-snippet.html pasted in
// Per load, in ms since navigation start: first contentful paint (the paint entry); first
// question visible (the first paint at which a question's text, in the document or in an
// <interview-viewer>'s shadow root, has a size: the first contentful paint if it had one by
// then, else the first animation frame in which it had, polled every frame by an init script);
// interactive (the first frame with `.iv[data-ready]`, which only the wasm writes).
import http from "node:http";
import zlib from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

/** DevTools' "Slow 4G" preset (Chromium 156), in CDP's units (bytes per second, ms). */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (0.75 * 1e6) / 8 };

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

const PROBE = `(() => {
  const t = (window.__ivSlow = { question: null, ready: null });
  const find = (selector) => document.querySelector(selector) ?? document.querySelector("interview-viewer")?.shadowRoot?.querySelector(selector);
  const tick = () => {
    const now = performance.now();
    if (t.question === null) {
      const q = find(".iv-q-text");
      const r = q?.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0) t.question = now;
    }
    if (t.ready === null && find(".iv[data-ready]")) t.ready = now;
    if (t.question === null || t.ready === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** A host article around `interview` (HTML), with a little text and style of its own. */
const hostArticle = (interview) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A host article</title><link rel="stylesheet" href="/host.css"></head>
<body><main><h1>A magazine's article</h1>
<p>An introduction written by the host page, a few lines long, before the interview that the
page embeds below. It is set in the host's own typeface and colours.</p>
${interview}
<p>The host's closing paragraph, after the interview.</p></main></body></html>`;
const HOST_CSS = "body{font:18px/1.5 Georgia,serif;margin:0 auto;max-width:44rem;padding:1rem;color:#222;background:#fff}h1{font-size:2rem}";

/**
 * A brotli-serving server over `dirs` (first match wins) plus the two host pages; compressed
 * bodies are made once and kept.
 */
export async function brotliServer(dirs, { snippet }) {
  const cache = new Map();
  const pages = {
    "/host-element.html": hostArticle(`<script type="module" src="/interview-viewer.js"></script>\n<interview-viewer></interview-viewer>`),
    "/host-snippet.html": hostArticle(snippet),
    "/host.css": HOST_CSS,
  };
  const compressed = async (key, load) => {
    if (!cache.has(key)) {
      const body = await load();
      cache.set(key, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    return cache.get(key);
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const type = TYPES[path.extname(rel)] ?? "application/octet-stream";
    const send = (body) => {
      res.writeHead(200, { "content-type": type, "content-encoding": "br", "cache-control": "no-store", "content-length": body.length });
      res.end(body);
    };
    if (pages[rel] !== undefined) return send(await compressed(rel, async () => Buffer.from(pages[rel])));
    for (const dir of dirs) {
      const file = path.join(dir, rel);
      if (!file.startsWith(dir)) break;
      try {
        if (!(await stat(file)).isFile()) continue;
        return send(await compressed(file, () => readFile(file)));
      } catch {
        continue;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** One cold load of `url` under SLOW_4G; waits for interactivity when `viewer`. */
async function slowLoad(browser, url, { viewer }) {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.waitForFunction(() => window.__ivSlow?.question !== null, null, { timeout: 60_000 });
    if (viewer) await page.waitForFunction(() => window.__ivSlow?.ready !== null, null, { timeout: 60_000 });
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          // A question laid out before the first contentful paint became visible with it.
          const done = (fcp) => resolve({ fcp, question: Math.max(fcp ?? 0, window.__ivSlow.question), ready: window.__ivSlow.ready });
          const get = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
          if (get() !== undefined) return done(get());
          new PerformanceObserver(() => get() !== undefined && done(get())).observe({ type: "paint", buffered: true });
          setTimeout(() => done(get() ?? null), 10_000);
        }),
    );
  } finally {
    await context.close();
  }
}

export const SLOW_PAGES = [
  { key: "static", label: "static HTML page (the floor)", path: "/static.html", viewer: false },
  { key: "standalone", label: "standalone viewer (index.html)", path: "/", viewer: true },
  { key: "element", label: "host article + <interview-viewer>", path: "/host-element.html", viewer: true },
  { key: "snippet", label: "host article + embed snippet", path: "/host-snippet.html", viewer: true },
];

/**
 * `runs` cold loads of each page (after one discarded warm-up each), in an order that rotates
 * every run. Returns `{ [key]: [{ fcp, question, ready }] }`.
 */
export async function slowNetworkRuns(browser, { baseUrl, runs, progress = () => {} }) {
  const samples = Object.fromEntries(SLOW_PAGES.map((p) => [p.key, []]));
  for (const p of SLOW_PAGES) await slowLoad(browser, baseUrl + p.path, p);
  for (let i = 0; i < runs; i++) {
    const order = SLOW_PAGES.map((_, k) => SLOW_PAGES[(k + i) % SLOW_PAGES.length]);
    for (const p of order) samples[p.key].push(await slowLoad(browser, baseUrl + p.path, p));
    progress(i + 1, runs);
  }
  return samples;
}
