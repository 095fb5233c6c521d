// Publishes the standalone page for oEmbed consumers (issue 15): writes DIR/oembed.json (a "rich"
// response whose html is an iframe of embed.html, from `prerender --oembed`) and links it from
// DIR/index.html with <link rel="alternate" type="application/json+oembed">, so that pasting the
// page's address into a CMS, a chat or a link-preview service embeds the interview.
// oEmbed needs absolute addresses: PUBLIC_URL is where DIR is published (http(s), ending in "/").
//
// Usage: node scripts/oembed.mjs DIR PUBLIC_URL   (post-build runs it when IV_PUBLIC_URL is set)
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `text` escaped for a double-quoted HTML attribute. */
const attribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Writes oembed.json into `dir` and links it from `dir`/index.html; throws, saying why, if it cannot. */
export async function publishOembed(dir, publicUrl) {
  if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(publicUrl)) {
    throw new Error(`oEmbed needs the absolute http(s) address of dist/, ending in "/": ${publicUrl}`);
  }
  const json = execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--", "--oembed", publicUrl], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const { title } = JSON.parse(json);
  await writeFile(path.join(dir, "oembed.json"), json);
  const file = path.join(dir, "index.html");
  const index = await readFile(file, "utf8");
  if (index.includes("application/json+oembed")) throw new Error(`${file} already links an oEmbed response`);
  if (index.split("</head>").length !== 2) throw new Error(`expected </head> once in ${file}`);
  const link = `<link rel="alternate" type="application/json+oembed" href="${attribute(publicUrl)}oembed.json" title="${attribute(title)}">`;
  await writeFile(file, index.replace("</head>", () => `  ${link}\n  </head>`));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, publicUrl] = process.argv.slice(2);
  if (!dir || !publicUrl) {
    console.error("usage: node scripts/oembed.mjs DIR PUBLIC_URL");
    process.exit(2);
  }
  try {
    await publishOembed(dir, publicUrl);
  } catch (error) {
    console.error(`oembed: ${error.message}`);
    process.exit(1);
  }
}
