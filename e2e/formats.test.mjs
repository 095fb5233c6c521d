// The text formats besides the seed's, through src= in the standalone page (Chromium): a
// speaker-labelled transcript, "Q:"/"A:" text, WebVTT, SRT and Markdown (e2e/fixtures/formats/). Each
// shows exactly what iv-convert makes of the same file (questions, answers, speakers), no format
// marker reaches the reader's text, the importers module is fetched only for these formats, and
// the axe audit stays clean.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { serve, launch, openPage, closeOpenedPages, ready, axe, DIST, ROOT } from "./harness.mjs";

const LIMIT = { timeout: 120_000 };
const FORMATS = path.join(ROOT, "e2e", "fixtures", "formats");

let server, browser;
before(async () => {
  server = await serve({
    dirs: [DIST, FORMATS],
    routes: { "/favicon.ico": (req, res) => res.writeHead(204).end() },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(closeOpenedPages);

/** What iv-convert makes of `file`: the JSON, parsed. */
function converted(file) {
  const out = execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "iv-convert", "--", path.join(FORMATS, file)], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

/** What the reader sees: each question's text and its answer's paragraphs, as text. */
const shown = () =>
  [...document.querySelectorAll(".iv-qa")].map((qa) => ({
    question: qa.querySelector(".iv-q-text").textContent,
    answer: [...qa.querySelectorAll(".iv-answer p, .iv-answer li")].map((p) => p.textContent),
  }));

/** The same from iv-convert's JSON; names shown when more than one voice answers. */
function expected(interview) {
  const voices = new Set(interview.questions.flatMap((q) => q.answer.map((b) => b.speaker).filter(Boolean)));
  const named = (name, text) => (voices.size > 1 && name ? `${name}: ${text}` : text);
  return interview.questions.map((q) => ({
    question: named(q.asker, q.text),
    answer: q.answer.filter((b) => b.kind !== "subheading").map((b) => named(b.speaker, b.label ? `${b.label}: ${b.text}` : b.text)),
  }));
}

const CASES = [
  ["transcript.txt", { questions: 2, speakers: ["LUCÍA", "DR. OKAFOR"] }],
  ["qa.txt", { questions: 2, speakers: [] }],
  ["panel.vtt", { questions: 2, speakers: ["Ana Quispe", "Tomás Rao"] }],
  ["panel.srt", { questions: 2, speakers: ["QUISPE", "RAO"] }],
  ["interview.md", { questions: 2, speakers: [] }],
];

for (const [file, { questions, speakers }] of CASES) {
  test(`${file} through src=: what iv-convert makes of it, speakers and all, no format marker`, LIMIT, async () => {
    const json = converted(file);
    assert.equal(json.questions.length, questions);
    const page = await openPage(browser, `${server.url}/?src=${file}`);
    await ready(page);
    await page.locator(".iv-expand-all").click();
    assert.deepEqual(await page.evaluate(shown), expected(json));
    assert.deepEqual(
      await page.locator(".iv-answer .iv-speaker").evaluateAll((names) => [...new Set(names.map((n) => n.textContent.replace(/:$/, "")))]),
      speakers,
    );
    const text = await page.locator("article.iv").innerText();
    for (const marker of [/-->/, /WEBVTT/, /<v/, /<i>/, /&amp;/, /(^|\s)[QA]:/, /NOTE/, /#/, /\*/, /\]\(/]) {
      assert.doesNotMatch(text, marker, `${marker} reached the reader's text`);
    }
    // Search finds a speaker's name where names are shown.
    if (speakers.length) {
      await page.locator(".iv-search-input").fill(speakers[1].split(" ")[0]);
      await page.locator(".iv-search-status").filter({ hasText: /question(s)? match/ }).waitFor();
      assert.ok((await page.locator(".iv-speaker mark").count()) >= 1);
    }
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await axe(page), []);
  });
}

test("Markdown's emphasis and links are real <em>, <strong> and <a> elements, safe addresses only", LIMIT, async () => {
  const page = await openPage(browser, `${server.url}/?src=interview.md`);
  await ready(page);
  await page.locator(".iv-expand-all").click();
  const answers = page.locator(".iv-answer");
  assert.deepEqual(await answers.locator("strong:not(.iv-label)").allTextContents(), ["slow"]);
  assert.deepEqual(await answers.locator("em").allTextContents(), ["sleep"]);
  assert.deepEqual(await answers.locator("a").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")])), [
    ["the team", "mailto:trains@planning.example"],
  ]);
  assert.deepEqual(await answers.locator(".iv-label").allTextContents(), ["Cost:", "Sales:"]);
  assert.deepEqual(await answers.locator(".iv-subheading").allTextContents(), ["What changed:"]);
  // The introduction is plain text: its link keeps its address after it.
  assert.match(await page.locator(".iv-intro").innerText(), /the planning office \(https:\/\/planning\.example\/night\)/);
  // A search match inside a link stays inside the one link.
  await page.locator(".iv-search-input").fill("team");
  await page.locator(".iv-search-status").filter({ hasText: /question(s)? match/ }).waitFor();
  assert.equal(await answers.locator("a").count(), 1);
  assert.equal(await answers.locator("a mark").count(), 1);
  assert.deepEqual(page.problems, []);
});

test("the importers module is fetched for those formats only, not for the seed or JSON", LIMIT, async () => {
  const fetched = [];
  const page = await openPage(browser, `${server.url}/`, { prepare: (p) => p.on("request", (r) => fetched.push(new URL(r.url()).pathname)) });
  await ready(page);
  await page.goto(`${server.url}/?src=panel.vtt`);
  await ready(page);
  const importers = fetched.filter((p) => p.startsWith("/importers-"));
  assert.equal(importers.length, 2, fetched.join("\n"));
  assert.ok(fetched.indexOf(importers[0]) > fetched.indexOf("/panel.vtt"), "only after the file asked for it");
});

test("the demo page of formats: one interview of each, the Arabic one right to left; axe clean", LIMIT, async () => {
  const page = await openPage(browser, `${server.url}/demo/formats.html`);
  const counts = {};
  for (const id of ["transcript-viewer", "qa-viewer", "vtt-viewer", "srt-viewer", "markdown-viewer", "arabic-viewer"]) {
    await page.locator(`#${id} article.iv[data-ready] .iv-q-button`).first().waitFor();
    counts[id] = await page.locator(`#${id} .iv-q-button`).count();
  }
  assert.deepEqual(counts, { "transcript-viewer": 2, "qa-viewer": 2, "vtt-viewer": 2, "srt-viewer": 2, "markdown-viewer": 2, "arabic-viewer": 2 });
  assert.equal(await page.locator("#arabic-viewer article.iv").getAttribute("dir"), "rtl");
  assert.equal(await page.locator("#arabic-viewer .iv-questions").getAttribute("lang"), "ar");
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axe(page), []);
});
