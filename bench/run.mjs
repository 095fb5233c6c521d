// The benchmark behind `bash scripts/bench.sh` (which builds dist/ and the test data first):
// download sizes, cold-load paint and interactivity against a static HTML page of the same
// interview, memory, and search latency. Prints the figures and writes BENCHMARKS.md. It
// asserts nothing about timings: budgets are reported as PASS/MISS, the exit code stays 0.
//
//   node bench/run.mjs --data DIR [--dist DIR] [--runs 15] [--reps 10] [--out BENCHMARKS.md]
//
// DIR holds seed.json and synthetic.json (`cargo run --release --example synthetic_json`) and,
// optionally, search-bench.txt (the output of `cargo bench --bench search`). --dist is the
// release build to measure (default: dist/, or $IV_DIST).
import { readFile, writeFile, mkdir, rm, copyFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import os from "node:os";
import path from "node:path";
import { serve, launch, DIST, ROOT } from "../e2e/harness.mjs";
import { firstVisitFiles } from "./sizes.mjs";
import { staticPage, headOf } from "./static-page.mjs";
import { loadRuns, METHODS } from "./page-load.mjs";
import { searchRuns } from "./search.mjs";
import { brotliServer, slowNetworkRuns, SLOW_PAGES, SLOW_4G } from "./slow-network.mjs";
import { percentile, median, ms, bytes, kb, mb, verdict, textTable, mdTable } from "./stats.mjs";

const { values: args } = parseArgs({
  options: {
    data: { type: "string" },
    dist: { type: "string", default: DIST },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "15" },
    reps: { type: "string", default: process.env.BENCH_REPS ?? "10" },
    "slow-runs": { type: "string", default: process.env.BENCH_SLOW_RUNS ?? "7" },
    out: { type: "string", default: path.join(ROOT, "BENCHMARKS.md") },
    command: { type: "string", default: "bash scripts/bench.sh" },
  },
});
if (!args.data) throw new Error("usage: node bench/run.mjs --data DIR [--runs N] [--reps N] [--out FILE]");
const RUNS = Math.max(1, parseInt(args.runs, 10) || 15);
const REPS = Math.max(1, parseInt(args.reps, 10) || 10);
const SLOW_RUNS = Math.max(1, parseInt(args["slow-runs"], 10) || 7);

// Budgets and goals the figures are reported against.
const BROTLI_BUDGET = 90_000; // bytes (1 KB = 1,000 bytes), everything a first visit downloads
const FCP_RATIO_BUDGET = 1.1; // viewer FCP / static FCP
const INTERACTIVE_RATIO_BUDGET = 2.0; // viewer interactive / static FCP
const SEARCH_GOAL_MS = 16; // keystroke to painted results
const FIRST_VISIT_GOAL = 120_000; // bytes brotli: issue 12's step towards BROTLI_BUDGET
// Slow 4G (bench/slow-network.mjs):
const SLOW_FCP_RATIO_GOAL = 1.1; // standalone FCP / static FCP
const SLOW_INTERACTIVE_GOAL_MS = 1000; // standalone interactive
const SLOW_SNIPPET_RATIO_GOAL = 1.1; // snippet's first question / the host's FCP
const SLOW_ELEMENT_GOAL_MS = 1000; // plain element's first question
const QUERIES = ["space", "kill web", "ISR", "zeppelin", "integr"];

// The whole benchmark is bounded: a hung browser must not hang the command.
const watchdog = setTimeout(() => {
  console.error("bench: gave up after 20 minutes");
  process.exit(1);
}, 20 * 60_000);

const log = (s = "") => console.log(s);
const section = (s) => log(`\n\x1b[1m${s}\x1b[0m`);
const progress = (what) => (i, n) => process.stderr.write(`\r  ${what}: ${i}/${n}${i === n ? "\n" : ""}`);

// ---- the machine ---------------------------------------------------------------------------
function machine(browserVersion) {
  const sh = (cmd, a) => {
    try {
      return execFileSync(cmd, a, { encoding: "utf8", cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "";
    }
  };
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const meminfo = readFileSync("/proc/meminfo", "utf8");
  const memKb = Number((meminfo.match(/^MemTotal:\s+(\d+)/m) ?? [])[1] ?? 0);
  const dirty = sh("git", ["status", "--porcelain", "--", "src", "static", "index.html", "Cargo.toml", "Cargo.lock"]);
  return {
    nproc: sh("nproc", []) || String(os.availableParallelism()),
    cpu: (cpuinfo.match(/^model name\s*:\s*(.*)$/m) ?? [])[1]?.trim() ?? "unknown",
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB (MemTotal ${memKb.toLocaleString("en-US")} kB)`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: `${browserVersion} (${process.env.CHROMIUM || "/usr/bin/chromium"}, headless, via playwright-core)`,
    node: process.version,
    trunk: sh("trunk", ["--version"]),
    rustc: sh("rustc", ["--version"]),
    commit: `${sh("git", ["rev-parse", "--short", "HEAD"]) || "unknown"}${dirty ? " + uncommitted changes in src/, static/ or index.html" : ""}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    load: `${os.loadavg()[0].toFixed(2)}`,
  };
}

// ---- where the wasm's bytes are ---------------------------------------------------------------
/**
 * `twiggy top` of the release wasm before wasm-opt (its names kept): bench.sh leaves the
 * wasm-bindgen output in DIST/../wasm-names/. Null when twiggy or that file is missing.
 */
function twiggyTop(dist) {
  const wasm = path.join(dist, "..", "wasm-names", "interview-viewer_bg.wasm");
  try {
    const out = execFileSync("twiggy", ["top", "-n", "20", wasm], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return out.split("\n").map((l) => (l.length > 150 ? l.slice(0, 149) + "…" : l)).join("\n").trimEnd();
  } catch {
    return null;
  }
}

// ---- the native search benchmark's output --------------------------------------------------
function nativeSearch(text) {
  if (!text) return null;
  const start = text.indexOf("synthetic interview:");
  const table = (start >= 0 ? text.slice(start) : text).trim();
  const num = (re) => Number((table.match(re) ?? [])[1]);
  return {
    table,
    medianOfMedians: num(/median of the medians ([\d.]+) µs/),
    meanOfMedians: num(/mean of the medians ([\d.]+) µs/),
    slowest: num(/slowest median ([\d.]+) µs/),
    queries: num(/over the (\d+) queries/),
    indexMs: num(/index built in ([\d.]+) ms/),
  };
}

// ---- run -----------------------------------------------------------------------------------
const seed = JSON.parse(await readFile(path.join(args.data, "seed.json"), "utf8"));
const synthetic = JSON.parse(await readFile(path.join(args.data, "synthetic.json"), "utf8"));
const syntheticFileBytes = (await readFile(path.join(args.data, "synthetic.json"))).length;
const syntheticTextBytes = [synthetic.title, ...synthetic.intro, ...synthetic.questions.flatMap((q) => [q.text, ...q.answer.flatMap((b) => [b.label ?? "", b.text])])]
  .reduce((n, s) => n + Buffer.byteLength(s), 0);
const native = nativeSearch(await readFile(path.join(args.data, "search-bench.txt"), "utf8").catch(() => ""));

// The static baseline page goes in its own directory, served before dist/.
const dist = path.resolve(args.dist);
const indexHtml = await readFile(path.join(dist, "index.html"), "utf8");
const head = headOf(indexHtml);
// Prerendered: the served HTML already holds the questions (then their presence is no sign that
// the wasm has started).
const prerendered = indexHtml.includes("iv-q-button");
if (!head.stylesheet) throw new Error("dist/index.html links no stylesheet");
const staticDir = path.join(args.data, "static");
await rm(staticDir, { recursive: true, force: true });
await mkdir(staticDir, { recursive: true });
await writeFile(path.join(staticDir, "static.html"), staticPage(seed, head));
await copyFile(path.join(args.data, "synthetic.json"), path.join(staticDir, "synthetic.json"));

const server = await serve({ dirs: [staticDir, dist] });
const browser = await launch();
let report;
try {
  const box = machine(browser.version());
  section("Machine");
  for (const [k, v] of Object.entries(box)) log(`  ${k.padEnd(9)} ${v}`);

  // 1. First-visit files ---------------------------------------------------------------------
  section("1. First visit: files and sizes (gzip level 9, brotli quality 11)");
  const sizes = await firstVisitFiles(browser, { baseUrl: server.url, dist, prerendered });
  const fileRows = [
    ["file", "fetched", "raw", "gzip", "brotli"],
    ...sizes.files.map((f) => [f.file + (f.missing ? " (not in dist/!)" : ""), f.requested ? `yes (${f.type})` : "no (referenced)", bytes(f.raw), bytes(f.gzip), bytes(f.brotli)]),
    ["subtotal: fetched by the page", "", bytes(sizes.pageTotals.raw), bytes(sizes.pageTotals.gzip), bytes(sizes.pageTotals.brotli)],
    ["total: everything", "", bytes(sizes.totals.raw), bytes(sizes.totals.gzip), bytes(sizes.totals.brotli)],
  ];
  log(textTable(fileRows, [2, 3, 4]));
  if (sizes.foreign.length) log(`  requests to other origins: ${sizes.foreign.join(", ")}`);
  const sizeOk = sizes.totals.brotli <= BROTLI_BUDGET;
  const sizeVerdict = verdict(sizeOk, `${kb(Math.abs(BROTLI_BUDGET - sizes.totals.brotli))} (${bytes(Math.abs(BROTLI_BUDGET - sizes.totals.brotli))})`);
  log(`  budget ${kb(BROTLI_BUDGET)} brotli for everything: ${kb(sizes.totals.brotli)} → ${sizeVerdict}`);
  // Issue 12's goal is about what a first visit transfers: the files fetched, not those only named.
  const firstVisitGoal = verdict(sizes.pageTotals.brotli <= FIRST_VISIT_GOAL, kb(Math.abs(FIRST_VISIT_GOAL - sizes.pageTotals.brotli)));
  log(`  this round's goal, ${kb(FIRST_VISIT_GOAL)} for the files fetched (${kb(sizes.pageTotals.brotli)}): → ${firstVisitGoal}`);
  const twiggy = twiggyTop(dist);
  if (twiggy) log(`\n  where the wasm's bytes are (twiggy top, before wasm-opt, names kept):\n${twiggy.replace(/^/gm, "    ")}`);

  // 2. Cold loads --------------------------------------------------------------------------------
  section(`2. Cold load over loopback: medians of ${RUNS} runs (+1 warm-up each), fresh context, cache disabled`);
  const loads = await loadRuns(browser, {
    viewerUrl: `${server.url}/`,
    staticUrl: `${server.url}/static.html`,
    prerendered,
    runs: RUNS,
    progress: progress("cold loads"),
  });
  const pick = (kind, key) => loads[kind].map((s) => s[key]);
  const methods = [...new Set(pick("viewer", "method"))];
  const interactiveMethod = methods.map((m) => METHODS[m] ?? m).join("; in other runs: ");
  const fig = {
    viewerFcp: median(pick("viewer", "fcp")),
    staticFcp: median(pick("static", "fcp")),
    interactive: median(pick("viewer", "interactive")),
    instantiated: median(pick("viewer", "instantiated")),
    questionsInDom: median(pick("viewer", "questionsInDom")),
    viewerHeap: median(pick("viewer", "heap")),
    viewerHeapGc: median(pick("viewer", "heapAfterGc")),
    viewerWasm: median(pick("viewer", "wasm")),
    staticHeap: median(pick("static", "heap")),
    staticHeapGc: median(pick("static", "heapAfterGc")),
  };
  const spread = (kind, key) => {
    const v = pick(kind, key).filter(Number.isFinite);
    return v.length ? `${ms(Math.min(...v))} – ${ms(Math.max(...v))}` : "n/a";
  };
  const fcpRatio = fig.viewerFcp / fig.staticFcp;
  const interactiveRatio = fig.interactive / fig.staticFcp;
  const loadRows = [
    ["measure", "median", "p90", "min – max"],
    ["static page: first contentful paint", ms(fig.staticFcp), ms(percentile(pick("static", "fcp"), 0.9)), spread("static", "fcp")],
    ["viewer: first contentful paint", ms(fig.viewerFcp), ms(percentile(pick("viewer", "fcp"), 0.9)), spread("viewer", "fcp")],
    [`viewer: questions in the DOM${prerendered ? " (prerendered HTML)" : ""}`, ms(fig.questionsInDom), ms(percentile(pick("viewer", "questionsInDom"), 0.9)), spread("viewer", "questionsInDom")],
    ["viewer: wasm instantiated (before Rust main)", ms(fig.instantiated), ms(percentile(pick("viewer", "instantiated"), 0.9)), spread("viewer", "instantiated")],
    ["viewer: interactive", ms(fig.interactive), ms(percentile(pick("viewer", "interactive"), 0.9)), spread("viewer", "interactive")],
  ];
  log(textTable(loadRows, [1, 2]));
  log(`  interactive measured by: ${interactiveMethod}`);
  const fcpVerdict = verdict(fcpRatio <= FCP_RATIO_BUDGET, `${Math.abs(FCP_RATIO_BUDGET - fcpRatio).toFixed(2)}`);
  const interactiveVerdict = verdict(interactiveRatio <= INTERACTIVE_RATIO_BUDGET, `${Math.abs(INTERACTIVE_RATIO_BUDGET - interactiveRatio).toFixed(2)}`);
  log(`  viewer FCP / static FCP         = ${fcpRatio.toFixed(2)} (budget ≤ ${FCP_RATIO_BUDGET.toFixed(1)}) → ${fcpVerdict}`);
  log(`  viewer interactive / static FCP = ${interactiveRatio.toFixed(2)} (budget ≤ ${INTERACTIVE_RATIO_BUDGET.toFixed(1)}) → ${interactiveVerdict}`);
  const heapRows = [
    ["page", "JS heap used after load", "after forced GC", "wasm linear memory"],
    ["viewer (seed interview)", mb(fig.viewerHeap), mb(fig.viewerHeapGc), mb(fig.viewerWasm)],
    ["static page", mb(fig.staticHeap), mb(fig.staticHeapGc), "–"],
  ];
  log(textTable(heapRows));

  // 2b. Slow 4G -----------------------------------------------------------------------------
  section(`2b. Cold load on slow 4G (${SLOW_4G.latency} ms RTT, 1.6 Mbit/s down, 0.75 up; brotli): medians of ${SLOW_RUNS} runs (+1 warm-up each)`);
  const snippet = await readFile(path.join(dist, "embed-snippet.html"), "utf8");
  const slowServer = await brotliServer([staticDir, dist], { snippet });
  let slow;
  try {
    slow = await slowNetworkRuns(browser, { baseUrl: slowServer.url, runs: SLOW_RUNS, progress: progress("slow-4G loads") });
  } finally {
    await slowServer.close();
  }
  const slowMedian = (key, field) => median(slow[key].map((s) => s[field]));
  const slowSpread = (key, field) => {
    const v = slow[key].map((s) => s[field]).filter(Number.isFinite);
    return v.length ? `${ms(Math.min(...v))} – ${ms(Math.max(...v))}` : "n/a";
  };
  const slowRows = [["page", "first contentful paint", "first question visible", "interactive", "FCP min – max"]];
  for (const p of SLOW_PAGES) {
    slowRows.push([p.label, ms(slowMedian(p.key, "fcp")), ms(slowMedian(p.key, "question")), p.viewer ? ms(slowMedian(p.key, "ready")) : "–", slowSpread(p.key, "fcp")]);
  }
  log(textTable(slowRows, [1, 2, 3]));
  const slowFig = {
    staticFcp: slowMedian("static", "fcp"),
    standaloneFcp: slowMedian("standalone", "fcp"),
    standaloneReady: slowMedian("standalone", "ready"),
    hostFcp: slowMedian("element", "fcp"),
    elementQuestion: slowMedian("element", "question"),
    snippetQuestion: slowMedian("snippet", "question"),
  };
  const slowGoals = [
    ["goal", "figure", "goal", "verdict"],
    ["standalone FCP / static FCP", `${(slowFig.standaloneFcp / slowFig.staticFcp).toFixed(2)}`, `≤ ${SLOW_FCP_RATIO_GOAL}`, slowFig.standaloneFcp / slowFig.staticFcp <= SLOW_FCP_RATIO_GOAL ? "PASS" : "MISS"],
    ["standalone interactive", ms(slowFig.standaloneReady), `≤ ${SLOW_INTERACTIVE_GOAL_MS} ms`, slowFig.standaloneReady <= SLOW_INTERACTIVE_GOAL_MS ? "PASS" : "MISS"],
    ["snippet: first question / host FCP (host + element page)", `${(slowFig.snippetQuestion / slowFig.hostFcp).toFixed(2)}`, `≤ ${SLOW_SNIPPET_RATIO_GOAL}`, slowFig.snippetQuestion / slowFig.hostFcp <= SLOW_SNIPPET_RATIO_GOAL ? "PASS" : "MISS"],
    ["plain element: first question visible", ms(slowFig.elementQuestion), `≤ ${SLOW_ELEMENT_GOAL_MS} ms`, slowFig.elementQuestion <= SLOW_ELEMENT_GOAL_MS ? "PASS" : "MISS"],
  ];
  log(textTable(slowGoals, [1]));

  // 3. Search --------------------------------------------------------------------------------
  section("3. Search");
  if (native) {
    log("  native (cargo bench --bench search):");
    log(native.table.replace(/^/gm, "    "));
  } else {
    log("  native: no output of `cargo bench --bench search` was given");
  }
  log(`\n  in the browser: /?src=synthetic.json, ${synthetic.questions.length} questions, ${kb(syntheticTextBytes)} of text (${kb(syntheticFileBytes)} JSON), ${REPS} repetitions per query`);
  const search = await searchRuns(browser, {
    url: `${server.url}/?src=synthetic.json`,
    prerendered,
    questions: synthetic.questions.length,
    queries: QUERIES,
    reps: REPS,
    progress: progress("search repetitions"),
  });
  const searchRows = [["query", "result", "dom median", "frame median", "painted median", "painted p90", `goal ${SEARCH_GOAL_MS} ms (median)`]];
  const searchFigures = [];
  for (const [query, runs] of Object.entries(search.samples)) {
    const painted = runs.map((r) => r.painted);
    const row = {
      query,
      // The status line's first sentence (without the no-match hint) and the sections shown.
      result: `${(search.outcome[query].status.match(/^.*?\.(?=\s|$)/) ?? [search.outcome[query].status])[0] || "(empty status)"} (${search.outcome[query].visible} shown)`,
      dom: median(runs.map((r) => r.dom)),
      frame: median(runs.map((r) => r.frame)),
      painted: median(painted),
      p90: percentile(painted, 0.9),
    };
    searchFigures.push(row);
    searchRows.push([query, row.result, ms(row.dom), ms(row.frame), ms(row.painted), ms(row.p90), row.painted <= SEARCH_GOAL_MS ? "PASS" : `MISS: +${(row.painted - SEARCH_GOAL_MS).toFixed(1)} ms`]);
  }
  log(textTable(searchRows, [2, 3, 4, 5]));
  const allPainted = Object.entries(search.samples).filter(([q]) => q !== "(clear)").flatMap(([, runs]) => runs.map((r) => r.painted));
  const overall = { median: median(allPainted), p90: percentile(allPainted, 0.9) };
  log(`  all queries together: median ${ms(overall.median)}, p90 ${ms(overall.p90)} (goal ${SEARCH_GOAL_MS} ms)`);
  log(`  1 MB interview, one cold load: interactive at ${ms(search.loaded.interactive)} (by ${search.loaded.method}), ${search.loaded.questions} questions, JS heap ${mb(search.loaded.heap)} (${mb(search.loaded.heapAfterGc)} after GC), wasm memory ${mb(search.loaded.wasm)}`);

  const loadEnd = os.loadavg()[0].toFixed(2);
  const busy = Math.max(Number(box.load), Number(loadEnd)) > Number(box.nproc);
  log(`\n  load average (1 min): ${box.load} at the start, ${loadEnd} at the end on ${box.nproc} CPUs`);
  if (busy) log("  WARNING: the machine was busy during the measurements: timings are inflated and noisy");

  section("Summary");
  log(`  first visit, brotli, all files: ${kb(sizes.totals.brotli)} (budget ${kb(BROTLI_BUDGET)}) → ${sizeVerdict}`);
  log(`  viewer FCP / static FCP: ${fcpRatio.toFixed(2)} → ${fcpVerdict}`);
  for (const row of slowGoals.slice(1)) log(`  slow 4G, ${row[0]}: ${row[1]} (goal ${row[2]}) → ${row[3]}`);
  log(`  viewer interactive / static FCP: ${interactiveRatio.toFixed(2)} → ${interactiveVerdict}`);
  log(`  JS heap after load (viewer, seed): ${mb(fig.viewerHeap)}, ${mb(fig.viewerHeapGc)} after GC; wasm memory ${mb(fig.viewerWasm)}`);
  if (native) log(`  native search, 1 MB: median of the per-query medians ${native.medianOfMedians} µs (slowest ${native.slowest} µs)`);
  log(`  browser search, 1 MB, keystroke to painted: median ${ms(overall.median)}, p90 ${ms(overall.p90)} (goal ${SEARCH_GOAL_MS} ms) → ${overall.median <= SEARCH_GOAL_MS ? "PASS" : "MISS"}`);

  report = {
    loadEnd, busy,
    slowRows, slowGoals, firstVisitGoal, twiggy,
    box, sizes, fileRows, sizeVerdict, loadRows, heapRows, fig, fcpRatio, interactiveRatio, fcpVerdict,
    interactiveVerdict, interactiveMethod, native, search, searchRows, overall, syntheticTextBytes, syntheticFileBytes,
  };
} finally {
  await browser.close();
  await server.close();
}

// ---- BENCHMARKS.md ---------------------------------------------------------------------------
const r = report;
const md = `# Benchmarks

Figures from one run of the benchmark command on the machine below. They depend on the machine
and its load; compare runs on the same machine. The command asserts nothing about timings: it
prints the figures, reports each budget as PASS or MISS, and rewrites this file.

## Command

\`\`\`sh
bash scripts/setup.sh     # once: the tools (trunk, wasm-bindgen, wasm-opt, chromium, playwright-core)
${args.command.trim()}      # trunk build --release, test data, cargo bench --bench search, bench/run.mjs
\`\`\`

Options: \`bash scripts/bench.sh --runs N --reps M\` (defaults 15 cold loads per page and 10
repetitions per search query; this run: ${RUNS} and ${REPS}). It takes a few minutes, most of it
compiling the release build and the native benchmark.

## Machine

| | |
|---|---|
| CPUs (nproc) | ${r.box.nproc} |
| CPU model | ${r.box.cpu} |
| memory | ${r.box.memory} |
| OS | ${r.box.os} |
| Chromium | ${r.box.chromium} |
| Node | ${r.box.node} |
| toolchain | ${r.box.rustc}; ${r.box.trunk} |
| source | commit ${r.box.commit} |
| date | ${r.box.date} |
| load average (1 min) | ${r.box.load} at the start of the browser measurements, ${r.loadEnd} at the end${r.busy ? ` — **the machine was busy (more runnable tasks than CPUs): timings are inflated and noisy**` : ""} |

## Summary

| measure | figure | budget or goal | verdict |
|---|---:|---:|---|
| first visit, brotli, all files | ${kb(r.sizes.totals.brotli)} | ≤ ${kb(BROTLI_BUDGET)} | ${r.sizeVerdict} |
| first visit, brotli, files fetched (this round's goal) | ${kb(r.sizes.pageTotals.brotli)} | ≤ ${kb(FIRST_VISIT_GOAL)} | ${r.firstVisitGoal} |
${r.slowGoals.slice(1).map((g) => `| slow 4G: ${g[0]} | ${g[1]} | ${g[2]} | ${g[3]} |`).join("\n")}
| viewer FCP / static page FCP | ${r.fcpRatio.toFixed(2)} (${ms(r.fig.viewerFcp)} / ${ms(r.fig.staticFcp)}) | ≤ ${FCP_RATIO_BUDGET.toFixed(1)} | ${r.fcpVerdict} |
| viewer interactive / static page FCP | ${r.interactiveRatio.toFixed(2)} (${ms(r.fig.interactive)} / ${ms(r.fig.staticFcp)}) | ≤ ${INTERACTIVE_RATIO_BUDGET.toFixed(1)} | ${r.interactiveVerdict} |
| search, keystroke to painted results, 1 MB interview (median of all queries) | ${ms(r.overall.median)} (p90 ${ms(r.overall.p90)}) | ≤ ${SEARCH_GOAL_MS} ms | ${verdict(r.overall.median <= SEARCH_GOAL_MS, `${Math.abs(SEARCH_GOAL_MS - r.overall.median).toFixed(1)} ms`)} |
| search, native, 1 MB interview: median of the ${r.native?.queries || ""} per-query medians | ${Number.isFinite(r.native?.medianOfMedians) ? `${r.native.medianOfMedians} µs (slowest ${r.native.slowest} µs)` : "n/a"} | – | – |
| JS heap after load, viewer with the seed (after GC) | ${mb(r.fig.viewerHeap)} (${mb(r.fig.viewerHeapGc)}); wasm memory ${mb(r.fig.viewerWasm)} | – | – |
| 1 MB interview (\`?src=\`): interactive, one cold load | ${ms(r.search.loaded.interactive)}; JS heap ${mb(r.search.loaded.heap)}, wasm memory ${mb(r.search.loaded.wasm)} | – | – |

## 1. First visit: files

Every file a first visit to \`dist/index.html\` downloads (recorded with Playwright's request
events, the service worker's included), plus any file of \`dist/\` the page names without
fetching it. Sizes of the files in
\`dist/\`: raw, gzip (node zlib, level 9) and brotli (node zlib, quality 11). 1 KB = 1,000 bytes.

${mdTable(r.fileRows, [2, 3, 4])}

Budget: ${kb(BROTLI_BUDGET)} brotli for everything → **${r.sizeVerdict}**; this round's goal,
${kb(FIRST_VISIT_GOAL)} for the files fetched → **${r.firstVisitGoal}**.

${r.twiggy ? "Where the wasm's bytes are: `twiggy top` on the wasm-bindgen output before wasm-opt (so that the names are kept; wasm-opt then removes the names section and shrinks the code):\n\n```text\n" + r.twiggy + "\n```" : "(twiggy is not installed: `cargo install twiggy` adds the wasm's top size contributors here.)"}

## 2. Cold load: paint and interactivity

Headless Chromium over loopback (no network throttling), ${RUNS} runs of each page after one
discarded warm-up, each in a fresh browser context with the cache disabled; times are ms since
navigation start. The static page is the seed interview as plain HTML with the same stylesheet
and no JavaScript. Interactive is measured by: ${r.interactiveMethod}.

${mdTable(r.loadRows, [1, 2])}

| ratio | value | budget | verdict |
|---|---:|---:|---|
| viewer FCP / static FCP | ${r.fcpRatio.toFixed(2)} | ≤ ${FCP_RATIO_BUDGET.toFixed(1)} | ${r.fcpVerdict} |
| viewer interactive / static FCP | ${r.interactiveRatio.toFixed(2)} | ≤ ${INTERACTIVE_RATIO_BUDGET.toFixed(1)} | ${r.interactiveVerdict} |

## 2b. Cold load on a slow phone network

DevTools' "Slow 4G" conditions (${SLOW_4G.latency} ms round trip, 1.6 Mbit/s down, 0.75 Mbit/s up)
emulated through CDP \`Network.emulateNetworkConditions\`, from a local server that sends every
file brotli-compressed (quality 11), a fresh context per load, cache disabled; ${SLOW_RUNS} runs of
each page after one warm-up, the pages' order rotating every run; medians, ms since navigation
start. "First question visible": the first animation frame in which a question's text (in the
document or in the element's shadow root) has a size. "Interactive": the first frame with
\`.iv[data-ready]\`. The host article is a small page of its own (its own stylesheet) around
\`<interview-viewer></interview-viewer>\` or around \`dist/embed-snippet.html\`
(bench/slow-network.mjs).

${mdTable(r.slowRows, [1, 2, 3])}

${mdTable(r.slowGoals, [1])}

### Memory after load (medians)

${mdTable(r.heapRows)}

## 3. Search

### Native (\`cargo bench --bench search\`)

${r.native ? "```text\n" + r.native.table + "\n```" : "Not run."}

### In the browser: keystroke to painted results

The synthetic interview (\`synthetic_interview(1_000_000, 42)\`): ${r.search.loaded.questions} questions,
${kb(r.syntheticTextBytes)} of text, ${kb(r.syntheticFileBytes)} as JSON, loaded with \`/?src=synthetic.json\`.
${REPS} repetitions per query, times in ms from the \`input\` event: "dom" until the status line
has changed (the script work: search, Yew's render, DOM updates), "frame" until the next
animation frame begins, "painted" until that frame's style, layout and paint are done.
Goal: ${SEARCH_GOAL_MS} ms to painted.

${mdTable(r.searchRows, [2, 3, 4, 5])}

All typed queries together: median ${ms(r.overall.median)}, p90 ${ms(r.overall.p90)}.

One cold load of the 1 MB interview: interactive at ${ms(r.search.loaded.interactive)}, JS heap
${mb(r.search.loaded.heap)} (${mb(r.search.loaded.heapAfterGc)} after GC), wasm linear memory ${mb(r.search.loaded.wasm)}.

## Method

* **Build.** \`trunk build --release\` (wasm-opt \`-Oz\`, Trunk's post-build hook), exactly what is
  deployed, but with \`--dist\` into a private temporary folder so that builds and tests running at
  the same time in \`dist/\` neither disturb the measurement nor are disturbed by it. The
  benchmark serves that folder with \`serve()\` from \`e2e/harness.mjs\` on 127.0.0.1 (no
  compression, \`cache-control: no-store\`).
* **Files.** A fresh browser context opens \`/\`; every request of the context (the page's and
  its service worker's) is recorded until the viewer is interactive and no request has started
  for 1.5 s; files whose names appear in \`index.html\` or in a downloaded \`.js\`/\`.css\` are
  added. The budget applies to everything; the subtotal is what the page itself fetched.
  Compressed sizes are what a server pre-compressing at the highest levels would send.
* **Paint.** \`first-contentful-paint\` from \`performance.getEntriesByName\` (buffered
  PerformanceObserver). Viewer and static page runs alternate (which goes first flips every run)
  so that drift affects both alike. Medians are reported; ratios are ratios of medians.
* **Interactive.** The first signal the page offers: its own \`performance.mark('iv-interactive')\`;
  else the viewer's root \`.iv[data-ready]\`, an attribute only the wasm writes (after hydrating
  the prerendered HTML, or after rendering); else, only when the served HTML is not prerendered,
  the first \`.iv-q-button\` in the DOM. The last two are timed with \`performance.now()\` by a
  MutationObserver that \`page.addInitScript\` installs before any page script. "questions in the
  DOM" is when the first \`.iv-q-button\` exists (with a prerendered page: when the HTML is parsed).
  "wasm instantiated" is when \`WebAssembly.instantiateStreaming\` (wrapped by the same init
  script) resolves: the wasm is downloaded and compiled, its Rust \`main\` has not run yet.
* **Memory.** After interactivity and two animation frames: CDP \`Runtime.getHeapUsage\`
  (\`usedSize\`), again after \`HeapProfiler.collectGarbage\`; the WebAssembly memory is
  \`memory.buffer.byteLength\` of the instance, outside the JS heap.
* **Search, native.** \`cargo bench --bench search\`: each query at least 50 times and 300 ms on the
  1 MB interview, median and p90 per query.
* **Search, browser.** In the page: \`t0 = performance.now()\`, set \`.iv-search-input\`'s value to
  the whole query, dispatch one \`input\` event; a MutationObserver on \`.iv-search-status\` notes
  the change ("dom"), then \`requestAnimationFrame\` → \`setTimeout(0)\` runs once that frame is
  painted ("painted"). "painted" therefore includes waiting for the next frame (up to 16.7 ms at
  60 Hz), as a reader would. The box is cleared the same way between queries ("(clear)" row: every
  question comes back), and the page idles 100 ms, under the viewer's 700 ms live-region delay,
  so no deferred update lands in a measurement. Queries are interleaved across repetitions.
* **Limits.** Loopback has no network latency or bandwidth limit: the load figures are CPU and
  parsing costs, not what a reader on a phone network sees (there the download sizes above
  dominate). Headless Chromium paints without a GPU.
`;
// The levers tried one by one are measured by hand (each needs a different build); their
// record lives in bench/levers.md and is carried into every rewrite of BENCHMARKS.md.
const levers = await readFile(path.join(ROOT, "bench", "levers.md"), "utf8").catch(() => "");
await writeFile(args.out, levers ? `${md}\n${levers}` : md);
log(`\nwrote ${path.relative(process.cwd(), args.out) || args.out}`);
clearTimeout(watchdog);
