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

/**
 * Serves `dirs` (first match wins) on 127.0.0.1. `headers(urlPath)` may add response headers;
 * `routes` maps a path to a handler `(req, res) => void` for special responses (500s, slow files).
 */
export async function serve({ dirs = [DIST], headers = () => ({}), routes = {} } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const route = routes[url.pathname];
    if (route) return route(req, res);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    for (const dir of dirs) {
      const file = path.join(dir, rel);
      if (!file.startsWith(dir)) break;
      try {
        if (!(await stat(file)).isFile()) continue;
        const body = await readFile(file);
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
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
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
