// Transfer sizes of a first visit: which files the page downloads, and how large each is raw,
// gzipped (zlib level 9) and brotli-compressed (quality 11), as a server would pre-compress them.
//
// Method: a fresh browser context (empty cache) opens `/`; we record every request of the context
// (the page's and its service worker's, e.g. a precache) with Playwright's `request` event until
// the viewer is interactive and no request has started for 1.5 s. Then we add any file under
// dist/ that the page references without downloading it on this visit (its path in dist/
// appears in index.html, or in a downloaded .js, .css or manifest). Sizes are measured on the files in dist/, not
// on the wire (the benchmark server sends them uncompressed).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { interactive, PROBE } from "./page-load.mjs";

async function listFiles(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue; // Trunk's .stage/ while a build runs
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel + "/")));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

export function compressed(buffer) {
  return {
    raw: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

/**
 * Opens the page once in `browser` and returns
 * `{ files: [{ file, requested, type, raw, gzip, brotli }], totals, pageTotals, foreign: [urls] }`.
 * `prerendered`: whether the served HTML already holds the questions (see page-load.mjs).
 */
export async function firstVisitFiles(browser, { baseUrl, dist, prerendered }) {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const requests = new Map(); // url path -> resource type
  const foreign = [];
  let last = Date.now();
  try {
    context.on("request", (request) => {
      last = Date.now();
      const url = new URL(request.url());
      if (url.origin !== new URL(baseUrl).origin) return foreign.push(request.url());
      const type = request.serviceWorker() ? "service worker" : request.resourceType();
      if (!requests.has(url.pathname)) requests.set(url.pathname, type);
    });
    const page = await context.newPage();
    await page.goto(baseUrl + "/", { waitUntil: "load", timeout: 30_000 });
    await interactive(page, { prerendered });
    // Until 1.5 s pass without a new request (at most 15 s more).
    for (const end = Date.now() + 15_000; Date.now() < end && Date.now() - last < 1_500; ) {
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await context.close();
  }

  const distFiles = await listFiles(dist);
  const byName = new Map(); // dist-relative file -> { requested, type }
  for (const [urlPath, type] of requests) {
    let rel = decodeURIComponent(urlPath).replace(/^\/+/, "");
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    // One row per file; "/" and "/index.html" are the same file, and the page's own fetch
    // names the row when a service worker fetches the file again.
    const known = byName.get(rel);
    if (known && known.type !== "service worker") continue;
    if (known && type === "service worker") continue;
    if (distFiles.includes(rel)) byName.set(rel, { requested: true, type });
    else byName.set(rel, { requested: true, type, missing: true });
  }
  // Files referenced by their path in dist/ from the page or from what it downloaded, but not
  // fetched.
  for (const rel of [...byName.keys()]) {
    if (!/\.(html|js|mjs|css|webmanifest|json)$/.test(rel) || byName.get(rel).missing) continue;
    const text = await readFile(path.join(dist, rel), "utf8");
    for (const other of distFiles) {
      if (!byName.has(other) && text.includes(other)) {
        byName.set(other, { requested: false, type: "referenced" });
      }
    }
  }

  const files = [];
  for (const [file, info] of byName) {
    if (info.missing) {
      files.push({ file, ...info, raw: 0, gzip: 0, brotli: 0 });
      continue;
    }
    files.push({ file, ...info, ...compressed(await readFile(path.join(dist, file))) });
  }
  // Largest first: that is where savings are.
  files.sort((a, b) => b.brotli - a.brotli);
  // Everything, and what the page itself fetched (no service-worker precache, no mere references).
  const totals = { raw: 0, gzip: 0, brotli: 0 };
  const pageTotals = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    for (const k of Object.keys(totals)) totals[k] += f[k];
    if (f.requested && f.type !== "service worker") for (const k of Object.keys(totals)) pageTotals[k] += f[k];
  }
  return { files, totals, pageTotals, foreign };
}
