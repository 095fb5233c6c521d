// Embedding, sources and attributes: a host page needs only the script tag and the element (dist/
// under any path); src (JSON, text, sniffed), an inline JSON child, every change of interview,
// theme, heading-level, search, moving the element, copy link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readdirSync } from "node:fs";
import { serve, axe, luminance, DIST, ROOT } from "./harness.mjs";
import {
  useEmbeddingSuite,
  FIXTURES,
  SMALL_JSON,
  SMALL_JSON_TITLE,
  SMALL_TXT_TITLE,
  SEED_TITLE,
  LIMIT,
  flaky,
  slow,
  resetSlow,
  send,
  favicon,
  flakySeed,
  interviewJson,
  routes,
  server,
  open,
  hostPage,
  addViewer,
  questions,
  title,
  waitForTitle,
  settle,
  warningsOf,
  othersOf,
  waitForWarnings,
  until,
  assertHostUnharmed,
} from "./embedding-fixture.mjs";

useEmbeddingSuite();

// ---------------------------------------------------------------------------------------------
// 1. A host page needs only the script tag and the element; dist/ works under any path.

test("dist/ copied under /some/deep/path/: a host page with one script tag shows the embedded interview", LIMIT, async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "iv-subpath-"));
  const deep = path.join(tmp, "some", "deep", "path");
  await cp(DIST, deep, { recursive: true });
  const host = await readFile(path.join(FIXTURES, "subpath-host.html"));
  const subServer = await serve({
    dirs: [tmp],
    routes: {
      "/favicon.ico": favicon,
      "/host.html": (req, res) => send(res, 200, "text/html; charset=utf-8", host),
    },
  });
  try {
    const page = await open(`${subServer.url}/host.html`);
    const buttons = await questions(page, "viewer");
    assert.equal(await buttons.count(), 9);
    assert.equal(await title(page, "viewer"), SEED_TITLE);
    await buttons.first().click();
    assert.equal(await buttons.first().getAttribute("aria-expanded"), "true");
    // Everything (glue, wasm, stylesheet) came from next to interview-viewer.js.
    const paths = page.requests.map((u) => new URL(u).pathname).filter((p) => p !== "/favicon.ico");
    const outside = paths.filter((p) => p !== "/host.html" && !p.startsWith("/some/deep/path/"));
    assert.deepEqual(outside, [], "requests outside the sub-path");
    assert.ok(paths.some((p) => /^\/some\/deep\/path\/interview-viewer-[0-9a-f]+_bg\.wasm$/.test(p)), paths.join(" "));
    assert.ok(paths.some((p) => /^\/some\/deep\/path\/style-[0-9a-f]+\.css$/.test(p)), paths.join(" "));
    assert.deepEqual(page.problems, []);
    await assertHostUnharmed(page);

    // The standalone page, the demo article and embed.html work from the sub-path too.
    const standalone = await open(`${subServer.url}/some/deep/path/`);
    await standalone.locator(".iv-q-button").first().waitFor({ state: "attached" });
    assert.equal(await standalone.locator(".iv-q-button").count(), 9);
    assert.deepEqual(standalone.problems, []);

    const demo = await open(`${subServer.url}/some/deep/path/demo/article.html`);
    assert.equal(await (await questions(demo, "default-viewer")).count(), 9);
    assert.equal(await (await questions(demo, "other-viewer")).count(), 2);

    const embed = await open(`${subServer.url}/some/deep/path/embed.html?src=demo/another-interview.txt`);
    assert.equal(await (await questions(embed, "viewer")).count(), 2);
    assert.deepEqual(embed.problems, []);
  } finally {
    await subServer.close();
    await rm(tmp, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Sources and attributes

test("with no attributes the element shows the embedded interview in its shadow root", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a");
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 9);
  assert.equal(await title(page, "a"), SEED_TITLE);
  const inShadow = await page.evaluate(() => {
    const element = document.getElementById("a");
    return {
      shadow: element.shadowRoot.querySelectorAll(".iv-q-button").length,
      light: element.querySelectorAll("*").length,
      document: document.querySelectorAll(".iv-q-button").length,
    };
  });
  assert.deepEqual(inShadow, { shadow: 9, light: 0, document: 0 });
  // The questions are h2 (the title h1) by default, and the search box is there.
  assert.equal(await page.locator("#a .iv-q-heading").first().evaluate((h) => h.tagName), "H2");
  assert.equal(await page.locator("#a .iv-search-input").count(), 1);
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

test("src= a JSON file renders it", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 2);
  assert.equal(await title(page, "a"), SMALL_JSON_TITLE);
  await buttons.first().click();
  assert.match(await page.locator("#a .iv-bullets li").first().innerText(), /Gravity:\s+The Moon pulls/);
  assert.deepEqual(page.problems, []);
});

test("src= a plain-text file (text/plain) renders it", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "/small.txt" });
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 3);
  assert.equal(await title(page, "a"), SMALL_TXT_TITLE);
  assert.equal(await page.locator("#a .iv-label").first().textContent(), "Watch:");
  assert.deepEqual(page.problems, []);
});

test("the format is sniffed: a leading { means JSON whatever the type; otherwise the type decides", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "json-as-text", { src: "/sniff/json-as-text-plain" });
  await addViewer(page, "text-as-octets", { src: "/sniff/text-as-octet-stream" });
  await addViewer(page, "plus-json", { src: "/sniff/array-as-plus-json" });
  await addViewer(page, "array-as-text", { src: "/sniff/array-as-text" });
  await questions(page, "json-as-text");
  assert.equal(await title(page, "json-as-text"), SMALL_JSON_TITLE);
  await questions(page, "text-as-octets");
  assert.equal(await title(page, "text-as-octets"), SMALL_TXT_TITLE);
  // "[1, 2]" is read as JSON when the type says +json, as plain text otherwise.
  await page.locator("#plus-json .iv-error").waitFor({ state: "attached" });
  assert.match(await page.locator("#plus-json .iv-error-message").textContent(), /not valid: expected a JSON object/);
  await page.locator("#array-as-text .iv-error").waitFor({ state: "attached" });
  assert.match(await page.locator("#array-as-text .iv-error-message").textContent(), /has no questions/);
  await waitForWarnings(page, 2);
  assert.equal(warningsOf(page).length, 2);
  assert.deepEqual(othersOf(page), []);
});

test("an inline <script type=application/json> child renders when there is no src", LIMIT, async () => {
  // Parsed from HTML, as a host page writes it.
  const page = await open(`${server.url}/inline-host.html`);
  const buttons = await questions(page, "inline-viewer");
  assert.equal(await buttons.count(), 3);
  assert.equal(
    await title(page, "inline-viewer"),
    "Harbour pilots: an inline interview </script><img src=x onerror=window.__pwned=4>",
  );
  assert.equal(await page.locator("#inline-viewer img").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The host page is intact after the element (the "<\/script>" did not end anything early).
  assert.equal(await page.locator("#after").textContent(), "The host page goes on.");
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);

  // Added from script, too; src wins over the inline child when both are given.
  const host = await hostPage();
  await addViewer(host, "b", {}, SMALL_JSON);
  await addViewer(host, "c", { src: "small.txt" }, SMALL_JSON);
  await questions(host, "b");
  assert.equal(await title(host, "b"), SMALL_JSON_TITLE);
  await questions(host, "c");
  assert.equal(await title(host, "c"), SMALL_TXT_TITLE);
  assert.deepEqual(host.problems, []);
});

test("setting src later reloads the new interview (collapsed, no search carried over)", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  const buttons = await questions(page, "a");
  await buttons.first().click();
  await page.locator("#a .iv-search-input").fill("moon");
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.txt"));
  await waitForTitle(page, "a", SMALL_TXT_TITLE);
  assert.equal(await buttons.count(), 3);
  assert.deepEqual(
    await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    ["false", "false", "false"],
  );
  assert.equal(await page.locator("#a .iv-filtering > .iv-qa:not(.iv-found)").count(), 0);
  // And back to JSON, to a URL with a query string.
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.json?again"));
  await waitForTitle(page, "a", SMALL_JSON_TITLE);
  assert.equal(await buttons.count(), 2);
  assert.deepEqual(page.problems, []);
});

test("removing src falls back to the inline child, or to the embedded interview", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.txt" });
  await addViewer(page, "b", { src: "small.txt" }, SMALL_JSON);
  await questions(page, "a");
  await questions(page, "b");
  await page.evaluate(() => {
    document.getElementById("a").removeAttribute("src");
    document.getElementById("b").removeAttribute("src");
  });
  // Both elements got their update in the same task; once #b shows its inline interview...
  await waitForTitle(page, "b", SMALL_JSON_TITLE);
  await settle(page);
  // ...#a (no src, no inline child) must show the embedded interview, not the old file.
  assert.equal(await title(page, "a"), SEED_TITLE);
  assert.equal(await page.locator("#a .iv-q-button").count(), 9);
  assert.deepEqual(page.problems, []);
});

/**
 * Asserts instance `id` shows a fresh view of an interview of `count` questions: all collapsed,
 * the last question opens and closes by click, Expand all opens every one, Collapse all closes
 * them, and a search counts against this interview.
 */
async function assertFreshView(page, id, count, label) {
  const buttons = page.locator(`#${id} .iv-q-button`);
  await page.waitForFunction(
    ([id, count]) => document.getElementById(id)?.shadowRoot?.querySelectorAll(".iv-q-button").length === count,
    [id, count],
  );
  const expanded = () => buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded")));
  assert.deepEqual(await expanded(), Array(count).fill("false"), `${label}: starts collapsed`);
  const last = buttons.last();
  await last.click();
  assert.equal(await last.getAttribute("aria-expanded"), "true", `${label}: the last question opens`);
  assert.ok(await page.locator(`#${id} .iv-answer`).last().isVisible(), `${label}: its answer shows`);
  await last.click();
  assert.equal(await last.getAttribute("aria-expanded"), "false", `${label}: and closes`);
  await page.locator(`#${id}`).getByRole("button", { name: "Expand all" }).click();
  assert.deepEqual(await expanded(), Array(count).fill("true"), `${label}: Expand all`);
  await page.locator(`#${id}`).getByRole("button", { name: "Collapse all" }).click();
  assert.deepEqual(await expanded(), Array(count).fill("false"), `${label}: Collapse all`);
  // A word of the last question: the search must find it in this interview, counted against it.
  const word = (await page.locator(`#${id} .iv-q-text`).last().textContent()).match(/\p{L}{4,}/u)[0];
  const search = page.locator(`#${id} .iv-search-input`);
  await search.fill(word);
  await page.waitForFunction(
    ([id, count]) =>
      new RegExp(` of ${count} questions? match`).test(
        document.getElementById(id)?.shadowRoot?.querySelector(".iv-search-status")?.textContent ?? "",
      ),
    [id, count],
  );
  assert.equal(await last.getAttribute("aria-expanded"), "true", `${label}: the search opens the last question`);
  await search.press("Escape");
  assert.deepEqual(await expanded(), Array(count).fill("false"), `${label}: Escape restores`);
}

test("every change of interview starts a fresh view: src to src, src removed, inline data, Try again", LIMIT, async () => {
  const page = await hostPage();
  // A 3-question interview, with a question open and a search typed, then each kind of change
  // to a longer one: every question of the new one must work.
  await addViewer(page, "a", { src: "small.txt" });
  await assertFreshView(page, "a", 3, "small.txt");
  await page.locator("#a .iv-q-button").first().click();
  await page.locator("#a .iv-search-input").fill("light");

  // src removed: the embedded interview (9 questions).
  await page.evaluate(() => document.getElementById("a").removeAttribute("src"));
  await waitForTitle(page, "a", SEED_TITLE);
  await assertFreshView(page, "a", 9, "src removed");

  // src to src: 2 questions, then the seed as text (9).
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.json"));
  await waitForTitle(page, "a", SMALL_JSON_TITLE);
  await assertFreshView(page, "a", 2, "src to small.json");
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "/seed.txt"));
  await assertFreshView(page, "a", 9, "src to seed.txt");

  // Inline data: src removed falls back to the inline child; a changed child is read on the
  // next attribute change.
  await addViewer(page, "b", { src: "small.txt" }, interviewJson(2, "Two"));
  await questions(page, "b");
  await page.evaluate(() => document.getElementById("b").removeAttribute("src"));
  await waitForTitle(page, "b", "Two");
  await assertFreshView(page, "b", 2, "inline of 2");
  await page.evaluate((json) => {
    const element = document.getElementById("b");
    element.querySelector("script").textContent = json;
    element.setAttribute("theme", "light");
  }, interviewJson(7, "Seven"));
  await waitForTitle(page, "b", "Seven");
  await assertFreshView(page, "b", 7, "inline of 7");

  // An error, then Try again.
  flakySeed.fail = true;
  await page.evaluate(() => document.getElementById("b").setAttribute("src", "/flaky-seed.txt"));
  await page.locator("#b .iv-retry").waitFor();
  flakySeed.fail = false;
  await page.locator("#b .iv-retry").click();
  // The seed as plain text has no title line.
  await waitForTitle(page, "b", "Interview");
  await assertFreshView(page, "b", 9, "Try again");
  assert.deepEqual(othersOf(page).filter((p) => !p.includes("500")), []);
  await assertHostUnharmed(page);
});

test("the standalone page after an error and Try again: deep links, Expand all and search reach every question", LIMIT, async () => {
  flakySeed.fail = true;
  const page = await open(`${server.url}/?src=/flaky-seed.txt`);
  await page.locator(".iv-retry").waitFor();
  flakySeed.fail = false;
  await page.locator(".iv-retry").click();
  const buttons = page.locator(".iv-q-button");
  await buttons.nth(8).waitFor();
  const lastId = await page.locator(".iv-qa").last().getAttribute("id");
  await page.evaluate((id) => (location.hash = id), lastId);
  await page.waitForFunction((id) => document.getElementById(`${id}-button`)?.getAttribute("aria-expanded") === "true", lastId);
  assert.equal(await page.evaluate(() => document.activeElement?.id), `${lastId}-button`);
  await page.getByRole("button", { name: "Expand all" }).click();
  assert.deepEqual(
    await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    Array(9).fill("true"),
  );
  await page.locator(".iv-search-input").fill("SCIF");
  await page.waitForFunction(() => document.querySelector(".iv-search-status")?.textContent.startsWith("1 of 9 questions match"));
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "SCIF");
});

test("a src that changes while the previous one is still loading: the last one wins", LIMIT, async () => {
  resetSlow();
  const page = await hostPage();
  await addViewer(page, "a", { src: "/slow.json" });
  await slow.arrived;
  assert.equal(await page.locator("#a .iv-loading").count(), 1);
  await page.evaluate(() => document.getElementById("a").setAttribute("src", "small.txt"));
  await waitForTitle(page, "a", SMALL_TXT_TITLE);
  // Now the first, outdated response arrives; the page reads it...
  const stale = JSON.parse(SMALL_JSON);
  stale.title = "Stale: an answer to an outdated request";
  send(slow.requests[0], 200, "application/json", JSON.stringify(stale));
  await page.waitForFunction(() => window.__bodiesRead.some((u) => u.endsWith("/slow.json")));
  await settle(page);
  // ...and must ignore it: the element's src is small.txt.
  assert.equal(await title(page, "a"), SMALL_TXT_TITLE);
  assert.deepEqual(page.problems, []);
});

test('theme="dark" makes the article dark; theme="light" light; changing it applies', LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "light", { theme: "light" });
  await addViewer(page, "dark", { theme: "dark" });
  await questions(page, "light");
  await questions(page, "dark");
  const colours = (id) =>
    page.locator(`#${id} article.iv`).evaluate((a) => {
      const s = getComputedStyle(a);
      return { theme: a.dataset.theme, bg: s.backgroundColor, fg: s.color };
    });
  const dark = await colours("dark");
  const light = await colours("light");
  assert.equal(dark.theme, "dark");
  assert.ok(luminance(dark.bg) < 0.05, `dark background ${dark.bg}`);
  assert.ok(luminance(dark.fg) > 0.6, `dark text ${dark.fg}`);
  assert.equal(light.theme, "light");
  assert.ok(luminance(light.bg) > 0.8, `light background ${light.bg}`);
  // The theme switch inside reflects the host's choice.
  assert.equal(await page.locator('#dark .iv-theme input[value="dark"]').isChecked(), true);
  await page.evaluate(() => document.getElementById("dark").setAttribute("theme", "light"));
  await page.waitForFunction(
    () => document.getElementById("dark").shadowRoot.querySelector("article.iv").dataset.theme === "light",
  );
  assert.ok(luminance((await colours("dark")).bg) > 0.8);
  assert.deepEqual(page.problems, []);
});

test("the documented CSS custom properties reach inside; the accent follows the theme", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "light", { theme: "light", src: "small.json" });
  await addViewer(page, "dark", { theme: "dark", src: "small.json" });
  await page.evaluate(() => {
    for (const id of ["light", "dark"]) {
      const style = document.getElementById(id).style;
      style.setProperty("--interview-accent", "rgb(122, 31, 92)");
      style.setProperty("--interview-accent-dark", "rgb(240, 166, 214)");
      style.setProperty("--interview-font-text", '"Test Serif", serif');
      style.setProperty("--interview-font-ui", '"Test Sans", sans-serif');
    }
  });
  await questions(page, "light");
  await questions(page, "dark");
  const look = (id) =>
    page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      return {
        bullet: getComputedStyle(root.querySelector(".iv-bullets li"), "::before").backgroundColor,
        text: getComputedStyle(root.querySelector("article.iv")).fontFamily,
        ui: getComputedStyle(root.querySelector(".iv-search-input")).fontFamily,
      };
    }, id);
  assert.deepEqual(await look("light"), { bullet: "rgb(122, 31, 92)", text: '"Test Serif", serif', ui: '"Test Sans", sans-serif' });
  assert.deepEqual(await look("dark"), { bullet: "rgb(240, 166, 214)", text: '"Test Serif", serif', ui: '"Test Sans", sans-serif' });
  assert.deepEqual(page.problems, []);
});

test("removing theme returns to auto (the system's scheme)", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { theme: "dark", src: "small.json" });
  await questions(page, "a");
  assert.equal(await page.locator("#a article.iv").getAttribute("data-theme"), "dark");
  await page.evaluate(() => document.getElementById("a").setAttribute("theme", "auto"));
  await page.waitForFunction(() => document.getElementById("a").shadowRoot.querySelector("article.iv").dataset.theme === "system");
  await page.evaluate(() => document.getElementById("a").setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.getElementById("a").shadowRoot.querySelector("article.iv").dataset.theme === "dark");
  // No attribute means auto, as if the element had never had one (the context prefers light).
  await page.evaluate(() => document.getElementById("a").removeAttribute("theme"));
  await settle(page);
  assert.equal(await page.locator("#a article.iv").getAttribute("data-theme"), "system");
  assert.ok(luminance(await page.locator("#a article.iv").evaluate((a) => getComputedStyle(a).backgroundColor)) > 0.8);
});

test('heading-level="3" makes questions h3 (title h2); out-of-range levels fall back to 2', LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "three", { "heading-level": "3" });
  await addViewer(page, "six", { "heading-level": "6", src: "small.json" });
  await addViewer(page, "bad", { "heading-level": "9", src: "small.json" });
  await questions(page, "three");
  await questions(page, "six");
  await questions(page, "bad");
  const tags = (id, selector) => page.locator(`#${id} ${selector}`).evaluateAll((es) => [...new Set(es.map((e) => e.tagName))]);
  assert.deepEqual(await tags("three", ".iv-q-heading"), ["H3"]);
  assert.deepEqual(await tags("three", ".iv-title"), ["H2"]);
  assert.equal(await page.locator("#three .iv-q-heading").count(), 9);
  assert.deepEqual(await tags("six", ".iv-q-heading"), ["H6"]);
  assert.deepEqual(await tags("six", ".iv-title"), ["H5"]);
  assert.deepEqual(await tags("bad", ".iv-q-heading"), ["H2"]);
  // Changing it later applies.
  await page.evaluate(() => document.getElementById("three").setAttribute("heading-level", "4"));
  await page.waitForFunction(
    () => document.getElementById("three").shadowRoot.querySelector(".iv-q-heading").tagName === "H4",
  );
  assert.deepEqual(page.problems, []);
});

test("with heading-level, no heading of the viewer outranks its title (the host's outline stays intact)", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "three", { "heading-level": "3" });
  await addViewer(page, "six", { "heading-level": "6" });
  await questions(page, "three");
  await questions(page, "six");
  // No heading of the viewer outranks its title (the host's outline stays intact).
  for (const id of ["three", "six"]) {
    const levels = await page.locator(`#${id} :is(h1, h2, h3, h4, h5, h6)`).evaluateAll((hs) =>
      hs.map((h) => `${h.tagName}.${h.className}`),
    );
    const titleLevel = Number(levels.find((l) => l.includes("iv-title"))[1]);
    const outranking = levels.filter((l) => !l.includes("iv-title") && Number(l[1]) <= titleLevel);
    assert.deepEqual([...new Set(outranking)], [], `${id}: headings at or above the title's level h${titleLevel}`);
  }
});

test('search="off" hides the search box; other values keep it', LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "off", { search: "off" });
  await addViewer(page, "on", { search: "on" });
  await questions(page, "off");
  await questions(page, "on");
  assert.equal(await page.locator("#off .iv-search").count(), 0);
  assert.equal(await page.locator("#off input[type=search]").count(), 0);
  assert.equal(await page.locator("#on .iv-search-input").count(), 1);
  // The rest of the toolbar stays.
  assert.equal(await page.locator("#off .iv-expand-all").count(), 1);
  await page.evaluate(() => document.getElementById("on").setAttribute("search", "off"));
  await page.locator("#on .iv-search").waitFor({ state: "detached" });
  assert.deepEqual(page.problems, []);
});

test("an element moved in the document (disconnected, reconnected) keeps working", LIMIT, async () => {
  const page = await hostPage();
  await addViewer(page, "a", { src: "small.json" });
  await questions(page, "a");
  await page.evaluate(() => {
    const element = document.getElementById("a");
    element.remove();
    document.body.prepend(element);
  });
  const buttons = await questions(page, "a");
  assert.equal(await buttons.count(), 2);
  await buttons.nth(1).click();
  assert.equal(await buttons.nth(1).getAttribute("aria-expanded"), "true");
  assert.deepEqual(page.problems, []);
  await assertHostUnharmed(page);
});

test("an embedded question's \"copy link\" either is absent or copies a link that opens that question", LIMIT, async () => {
  const page = await open(`${server.url}/demo/article.html`);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await questions(page, "other-viewer");
  const copy = page.locator("#other-viewer .iv-copy-button");
  if ((await copy.count()) === 0) return; // No deep links in embedded viewers: fine too.
  await page.evaluate(() => navigator.clipboard.writeText("nothing copied yet"));
  await copy.nth(1).click();
  let link;
  const copied = async () => (link = await page.evaluate(() => navigator.clipboard.readText())) !== "nothing copied yet";
  await until(page, copied, "the copied link");
  assert.ok(link.startsWith(`${server.url}/demo/article.html#`), link);
  // Following the copied link opens the second question of that viewer (and only that one).
  const visitor = await open(link);
  const buttons = await questions(visitor, "other-viewer");
  await questions(visitor, "default-viewer");
  await settle(visitor);
  assert.deepEqual(
    await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))),
    ["false", "true"],
    `${link} did not open the question`,
  );
});
