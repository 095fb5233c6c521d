// oEmbed (issue 15, part 2): dist/ published at an absolute address (scripts/oembed.mjs, which
// post-build runs when IV_PUBLIC_URL is one) links its oEmbed response from the standalone page,
// and a consumer that follows the link and inserts the response's html shows the interview, in a
// frame tall enough for the collapsed questions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serve, launch, newPage, DIST } from "./harness.mjs";
import { publishOembed } from "../scripts/oembed.mjs";

let dir, server, browser;

/** An oEmbed consumer: discovers the response from `?url=`'s page and inserts its html. */
const CONSUMER = `<!doctype html><html lang="en"><head><title>A consumer</title><link rel="icon" href="data:,"></head><body><main id="out"></main>
<script type="module">
const page = new URL(location.href).searchParams.get("url");
const html = new DOMParser().parseFromString(await (await fetch(page)).text(), "text/html");
const link = html.querySelector('link[rel="alternate"][type="application/json+oembed"]');
const response = await (await fetch(link.href)).json();
window.__oembed = response;
document.getElementById("out").innerHTML = response.html;
</script></body></html>`;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "iv-oembed-"));
  await cp(DIST, dir, { recursive: true });
  server = await serve({
    dirs: [dir],
    routes: { "/consumer.html": (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(CONSUMER) },
  });
  await publishOembed(dir, `${server.url}/`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("the default build writes no oEmbed response: it does not know its own address", async () => {
  const dist = await serve();
  const page = await newPage(browser);
  try {
    await page.goto(`${dist.url}/`);
    assert.equal(await page.locator('link[type="application/json+oembed"]').count(), 0);
    assert.equal((await page.request.get(`${dist.url}/oembed.json`)).status(), 404);
  } finally {
    await page.context().close();
    await dist.close();
  }
});

test("published at an address, the page links a rich oEmbed response whose iframe shows the interview", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/consumer.html?url=${encodeURIComponent(`${server.url}/`)}`);
  await page.waitForFunction(() => window.__oembed !== undefined);
  const response = await page.evaluate(() => window.__oembed);
  assert.equal(response.version, "1.0");
  assert.equal(response.type, "rich");
  assert.equal(response.title, "Maj. Gen. Anthony J. Mastalir on allies, partners and space power in the Indo-Pacific");
  assert.equal(response.author_name, "Apogee");
  assert.ok(Number.isInteger(response.width) && Number.isInteger(response.height));

  const frame = page.locator("#out iframe");
  assert.equal(await frame.getAttribute("src"), `${server.url}/embed.html`);
  assert.equal(await frame.getAttribute("title"), `Interview: ${response.title}`);
  const inside = page.frameLocator("#out iframe");
  await inside.locator(".iv[data-ready]").waitFor({ state: "attached" });
  assert.equal(await inside.locator(".iv-q-button").count(), 9);
  // The frame is as tall as the response says, and the collapsed interview fits in it.
  const size = await frame.evaluate((f) => ({ width: f.getBoundingClientRect().width, height: f.getBoundingClientRect().height }));
  assert.equal(size.height, response.height);
  // The frame holds one screen: the title, the introduction, the search and the other controls,
  // and where the questions start; the rest scrolls inside it (its height cannot follow answers
  // that open: a host that wants it to uses the height messages, docs/embedding.md).
  const embed = page.frames().find((f) => f.url().endsWith("/embed.html"));
  const bottoms = await embed.evaluate(() => {
    const root = document.querySelector("interview-viewer").shadowRoot;
    const bottom = (selector) => Math.ceil(root.querySelector(selector).getBoundingClientRect().bottom + scrollY);
    return { toolbar: bottom(".iv-toolbar"), firstQuestion: bottom(".iv-q-button") };
  });
  assert.ok(bottoms.firstQuestion <= response.height, `the first question ends at ${bottoms.firstQuestion} px, the frame at ${response.height} px`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the oEmbed step refuses an address that is not absolute", async () => {
  await assert.rejects(publishOembed(dir, "./"), /absolute http\(s\) address/);
  await assert.rejects(publishOembed(dir, "https://example.org/viewer"), /ending in "\/"/);
});
