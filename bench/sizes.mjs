// Transfer sizes of a first visit: which files the page downloads, and how large each is raw,
// gzipped (zlib level 9) and brotli-compressed (quality 11), as a server would pre-compress them.
//
// Method: a fresh browser context (empty cache) opens `/` and we record every request with
// Playwright's `request` event until the viewer is interactive and the network is idle. Then we
// add any file under dist/ that the page references without downloading it on this visit (its
// name appears in index.html, or in a downloaded .js or .css file), e.g. a favicon that headless
// Chromium does not fetch. Sizes are measured on the files in dist/, not on the wire (the
// benchmark server sends them uncompressed).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";

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
 * `{ files: [{ file, requested, type, raw, gzip, brotli }], totals, foreign: [urls] }`.
 * `ready(page)` must resolve once the page has finished starting.
 */
export async function firstVisitFiles(browser, { baseUrl, dist, ready }) {
  const context = await browser.newContext();
  const requests = new Map(); // url path -> resource type
  const foreign = [];
  try {
    const page = await context.newPage();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== new URL(baseUrl).origin) return foreign.push(request.url());
      requests.set(url.pathname, request.resourceType());
    });
    await page.goto(baseUrl + "/", { waitUntil: "load", timeout: 30_000 });
    await ready(page);
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
  } finally {
    await context.close();
  }

  const distFiles = await listFiles(dist);
  const byName = new Map(); // dist-relative file -> { requested, type }
  for (const [urlPath, type] of requests) {
    let rel = decodeURIComponent(urlPath).replace(/^\/+/, "");
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    if (distFiles.includes(rel)) byName.set(rel, { requested: true, type });
    else byName.set(rel, { requested: true, type, missing: true });
  }
  // Files referenced by name from the page or from what it downloaded, but not fetched.
  for (const rel of [...byName.keys()]) {
    if (!/\.(html|js|mjs|css)$/.test(rel) || byName.get(rel).missing) continue;
    const text = await readFile(path.join(dist, rel), "utf8");
    for (const other of distFiles) {
      if (!byName.has(other) && text.includes(path.posix.basename(other))) {
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
  const totals = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(totals)) totals[k] += f[k];
  return { files, totals, foreign };
}
