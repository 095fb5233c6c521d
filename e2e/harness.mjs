// Shared end-to-end harness: a static server over dist/ on a free loopback port, and a headless
// Debian Chromium driven by playwright-core (no browser download), with helpers for the checks
// every test makes (console errors, axe-core).
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// IV_DIST lets a run test a build in another folder (e.g. while dist/ is being rebuilt).
export const DIST = process.env.IV_DIST ? path.resolve(process.env.IV_DIST) : path.join(ROOT, "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** The cross-engine tests' problem recorder (see e2e/iv-recorder.js) and where serve() puts it. */
export const RECORDER_FILE = path.join(ROOT, "e2e", "iv-recorder.js");
export const RECORDER_PATH = "/__iv-recorder.js";

/** `html` with `<script src="${src}"></script>` as the first child of its <head>. */
export function injectRecorder(html, src = RECORDER_PATH) {
  const tag = `<script src="${src}"></script>`;
  const head = /<head(\s[^>]*)?>/i;
  if (head.test(html)) return html.replace(head, (open) => `${open}${tag}`);
  return html.replace(/<html(\s[^>]*)?>/i, (open) => `${open}<head>${tag}</head>`);
}

/**
 * Serves `dirs` (first match wins) on 127.0.0.1. `headers(urlPath)` may add response headers;
 * `routes` maps a path to a handler `(req, res) => void` for special responses (500s, slow files).
 * With `recorder: true` every HTML file served from `dirs` gets the problem recorder
 * (e2e/iv-recorder.js, served at RECORDER_PATH) as the first child of its <head>.
 * `html(text, urlPath)` may rewrite every HTML file served from `dirs` (a publisher's <meta>).
 * The result's `close()` stops the server at once: open connections are destroyed and new ones
 * are refused. `disconnect()` is the same, named for tests where a reader goes offline.
 * `requests` lists the paths asked for.
 */
export async function serve({ dirs = [DIST], headers = () => ({}), routes = {}, recorder = false, html } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push(url.pathname);
    const route = routes[url.pathname];
    if (route) return route(req, res);
    if (recorder && url.pathname === RECORDER_PATH) {
      res.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store", ...headers(url.pathname) });
      return res.end(await readFile(RECORDER_FILE));
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    for (const dir of dirs) {
      const file = path.join(dir, rel);
      if (!file.startsWith(dir)) break;
      try {
        if (!(await stat(file)).isFile()) continue;
        let body = await readFile(file);
        if (html && path.extname(file) === ".html") body = html(body.toString("utf8"), url.pathname);
        if (recorder && path.extname(file) === ".html") body = injectRecorder(body.toString("utf8"));
        res.writeHead(200, {
          "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
          ...headers(url.pathname),
        });
        return res.end(body);
      } catch {
        continue;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  // Closing also destroys every connection. `server.close()` alone waits for them to end, and a
  // socket Chromium opened ahead of need (no request on it yet: not "idle" to Node) holds it
  // until Node's request timeout, 300 s: a test that closed its server while its pages were
  // still open hung past its own limit once in about twenty runs.
  let closed = null;
  const close = () => {
    closed ??= new Promise((r) => server.close(() => r()));
    for (const socket of sockets) socket.destroy();
    return closed;
  };
  return { url: `http://127.0.0.1:${port}`, close, disconnect: close, requests };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A new page that records console errors and warnings and uncaught exceptions. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") page.problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`pageerror: ${err.message}`));
  return page;
}

/** The desktop viewport most tests use. */
export const WIDE = { width: 1280, height: 900 };

/** The contexts of the pages `openPage` opened, closed by `closeOpenedPages` after each test. */
const opened = [];

/**
 * A new page, in a browser context of its own, on `url`. `viewport` defaults to WIDE; `init` is
 * a script (or a list) run before the page's own; `permissions` are granted to the URL's origin;
 * `prepare(page)` runs before navigating (listeners); every other option is a context option.
 * `page.response` is the navigation's response.
 */
export async function openPage(browser, url, { viewport = WIDE, init = [], permissions, prepare, ...options } = {}) {
  const page = await newPage(browser, { viewport, ...options });
  opened.push(page.context());
  if (permissions) await page.context().grantPermissions(permissions, { origin: new URL(url).origin });
  for (const script of [init].flat()) await page.addInitScript(script);
  await prepare?.(page);
  page.response = await page.goto(url);
  return page;
}

/** Closes every page `openPage` opened (a test file's afterEach). */
export async function closeOpenedPages() {
  await Promise.all(opened.splice(0).map((context) => context.close()));
}

/** The relative luminance (WCAG 2, sRGB) of a computed `rgb()`/`rgba()` colour: 0 black … 1 white. */
export function luminance(color) {
  const [r, g, b] = color
    .match(/[\d.]+/g)
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Waits until the viewer has mounted (the questions are interactive). */
export async function ready(page, root = page) {
  // The prerendered page has its questions before the wasm runs; data-ready marks hydration.
  await root.locator(".iv[data-ready]").first().waitFor({ state: "attached" });
}

const AXE = require.resolve("axe-core/axe.min.js");

/** Runs axe-core with the WCAG 2.x A/AA rules and returns its violations, one line each. */
export async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  return violations;
}

/**
 * For a test file about the standalone page: serves dist/ and launches Chromium before its tests,
 * closes both after them. `open(path)` gives a page that is loaded and hydrated; `server` and
 * `browser` are there for tests that need more.
 */
export function standalonePage() {
  const suite = {
    server: null,
    browser: null,
    async open(path = "/") {
      const page = await newPage(suite.browser);
      await page.goto(suite.server.url + path);
      await ready(page);
      return page;
    },
  };
  before(async () => {
    suite.server = await serve();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
