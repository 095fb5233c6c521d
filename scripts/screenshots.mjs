// Takes the README's screenshots of the release build (light, dark, mobile) in headless
// Chromium: `node scripts/screenshots.mjs` after `trunk build --release`.
import { serve, launch, ready } from "../e2e/harness.mjs";

const shots = [
  { name: "light", viewport: { width: 1280, height: 900 }, colorScheme: "light", open: [0] },
  { name: "dark", viewport: { width: 1280, height: 900 }, colorScheme: "dark", open: [5], query: "space" },
  { name: "mobile", viewport: { width: 375, height: 760 }, colorScheme: "light", open: [0], deviceScaleFactor: 2 },
];

const server = await serve();
const browser = await launch();
for (const shot of shots) {
  const context = await browser.newContext({
    viewport: shot.viewport,
    colorScheme: shot.colorScheme,
    deviceScaleFactor: shot.deviceScaleFactor ?? 1,
  });
  const page = await context.newPage();
  await page.goto(server.url + "/" + (shot.query ? `?q=${shot.query}` : ""));
  await ready(page);
  for (const i of shot.open) {
    const button = page.locator(".iv-q-button").nth(i);
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
  await context.close();
  console.log(`docs/screenshots/${shot.name}.png`);
}
await browser.close();
await server.close();
