// The size guard: the release build must stay within the budgets in bench/size-budget.json.
// Size is deterministic for a given toolchain and lock file, so this is a plain check, not a
// timing: brotli (quality 11) of the wasm, and of a first visit, which is every file the service
// worker downloads on the first visit (its list, with "./" and "./index.html" counted once) plus
// sw.js itself. `scripts/bench.sh` prints the same figures and the wasm's top contributors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, ROOT } from "./harness.mjs";

const budget = JSON.parse(await readFile(path.join(ROOT, "bench", "size-budget.json"), "utf8"));

const brotli = (buffer) =>
  zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;

/** Each first-visit file of dist/ with its brotli size. */
export async function firstVisitSizes(dist = DIST) {
  const sw = await readFile(path.join(dist, "sw.js"), "utf8");
  const list = JSON.parse(sw.match(/\bFILES ?= ?(\[[\s\S]*?\]);/)[1]);
  const files = new Set([...list.map((f) => (f === "./" ? "index.html" : f.slice(2))), "sw.js"]);
  const sizes = {};
  for (const file of files) sizes[file] = brotli(await readFile(path.join(dist, file)));
  return sizes;
}

test("the wasm and a first visit stay within the size budget (bench/size-budget.json)", async () => {
  const sizes = await firstVisitSizes();
  const wasm = Object.entries(sizes).find(([file]) => file.endsWith(".wasm"));
  assert.ok(wasm, "no wasm in the first visit");
  const firstVisit = Object.values(sizes).reduce((a, b) => a + b, 0);
  const table = Object.entries(sizes)
    .map(([file, bytes]) => `  ${file}: ${bytes}`)
    .join("\n");
  assert.ok(
    wasm[1] <= budget.wasm,
    `the wasm is ${wasm[1]} bytes brotli, over its budget of ${budget.wasm}: make it smaller, or raise the budget deliberately (README)`,
  );
  assert.ok(
    firstVisit <= budget.first_visit,
    `a first visit is ${firstVisit} bytes brotli, over its budget of ${budget.first_visit}:\n${table}`,
  );
});
