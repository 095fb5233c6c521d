import { serve, launch, openPage, ready } from "./harness.mjs";
const server = await serve(); const browser = await launch();
const page = await openPage(browser, server.url + "/#why-is-it-important-for-guardians-to-forge-stronger", { permissions: ["clipboard-read", "clipboard-write"] });
await ready(page);
await page.waitForTimeout(500);
await page.evaluate(() => {
  const panel = document.getElementById("why-is-it-important-for-guardians-to-forge-stronger-panel");
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  let n; while ((n = walker.nextNode())) { const i = n.data.indexOf("allows us to convey"); if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + "allows us to convey norms of freedom".length); getSelection().removeAllRanges(); getSelection().addRange(r); break; } }
});
await page.locator(".iv-quote .iv-copy-button").waitFor({ timeout: 5000 });
console.log(await page.locator(".iv-quote .iv-copy-button").innerText());
await page.locator(".iv-quote .iv-copy-button").click();
await page.waitForTimeout(300);
const link = await page.evaluate(() => navigator.clipboard.readText());
console.log(link, await page.locator(".iv-quote .iv-copy-status").innerText(), page.problems);
await page.screenshot({ path: "/tmp/q1.png" });
const p2 = await openPage(browser, link, {});
await ready(p2);
await p2.waitForTimeout(1000);
console.log(await p2.evaluate(() => { const h = CSS.highlights.get("iv-quote"); const r = h && [...h][0]; return { hash: location.hash, text: r?.toString(), top: r?.getBoundingClientRect().top, innerHeight, active: document.activeElement?.id }; }), p2.problems);
await p2.screenshot({ path: "/tmp/q2.png" });
await browser.close(); await server.close();
