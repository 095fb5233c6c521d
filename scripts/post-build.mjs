// Trunk post-build hook (Trunk.toml): finishes dist/ so that it runs under a strict CSP, can be
// copied under any path, and can be embedded.
//  1. boot module: Trunk's inline start-up script is off (inject_scripts = false); a hashed
//     app-<hash>.js file starts the wasm instead, so no inline <script> is needed.
//  2. index.html: links the boot module, preloads the glue and the wasm.
//  3. interview-viewer.js: the custom element, unhashed, with this build's hashed file names.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}

const files = await readdir(staging);
const find = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) {
    console.error(`post-build: expected one ${what} in ${staging}, found ${found.join(", ") || "none"}`);
    process.exit(1);
  }
  return found[0];
};
const glue = find(/^interview-viewer-[0-9a-f]+\.js$/, "wasm-bindgen glue");
const wasm = find(/^interview-viewer-[0-9a-f]+_bg\.wasm$/, "wasm binary");
const css = find(/^style-[0-9a-f]+\.css$/, "stylesheet");
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

// 1. The boot module.
const boot = `// Starts the standalone viewer (written by scripts/post-build.mjs).
import init from "./${glue}";
await init({ module_or_path: new URL("./${wasm}", import.meta.url) });
`;
const bootName = `app-${hash(boot)}.js`;
await writeFile(path.join(staging, bootName), boot);

// 2. index.html.
const indexPath = path.join(staging, "index.html");
let index = await readFile(indexPath, "utf8");
// With inject_scripts off, Trunk leaves its rust link in place; it means nothing to a browser.
index = index.replace(/\s*<link data-trunk rel="rust"[^>]*>/, "");
const head = [
  `<link rel="modulepreload" href="./${glue}">`,
  `<link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin>`,
  `<script type="module" src="./${bootName}"></script>`,
].join("\n    ");
index = index.replace("</head>", `    ${head}\n  </head>`);
await writeFile(indexPath, index);

// 3. The custom element.
const template = await readFile(path.join(source, "static/interview-viewer.template.js"), "utf8");
const element = template.replace("__FILES__", JSON.stringify({ glue, wasm, css }));
await writeFile(path.join(staging, "interview-viewer.js"), element);

console.log(`post-build: ${bootName}, interview-viewer.js (${glue}, ${wasm}, ${css})`);
