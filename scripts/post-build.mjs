// Trunk post-build hook (Trunk.toml): finishes dist/ so that it reads without the wasm, runs
// under a strict CSP, works offline, can be copied under any path, and can be embedded.
//  1. prerender: the viewer rendered by Yew's SSR (`prerender` binary) goes into index.html, so
//     the whole interview is in the HTML; the wasm hydrates it.
//  2. boot module: Trunk's inline start-up script is off (inject_scripts = false); a hashed
//     app-<hash>.js (static/boot.template.js + the wasm start-up) replaces it, so no inline
//     <script>.
// Every placeholder or pattern it replaces must be found exactly as expected: if a template or
// Trunk's output changed shape, the build fails and says which, instead of shipping a page that
// silently lacks its boot script, prerendered text or offline list.
//  3. index.html: links the boot module, preloads the glue and the wasm.
//  4. interview-viewer.js: the custom element, unhashed, with this build's hashed file names;
//     interview-viewer.css, its stylesheet unhashed for embed snippets; embed-snippet.html, the
//     embedded interview prerendered for a host page to paste, loading both from IV_PUBLIC_URL
//     (where dist/ will be published; default "./", i.e. a page next to them).
//     With an absolute IV_PUBLIC_URL, oembed.json and its link from index.html (scripts/oembed.mjs).
//  5. sw.js: a service worker caching exactly this build's files.
//  6. interview-offline.html: one self-contained file (styles, script, wasm, data inlined).
// Every JavaScript file it writes or keeps is minified by terser and every stylesheet by
// clean-css at level 1 (whitespace, comments, values; it never merges or reorders rules): 4.5 KB
// brotli less on a first visit (bench/levers.md).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { minify as terser } from "terser";
import CleanCSS from "clean-css";
import { publishOembed } from "./oembed.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const read = (file) => readFile(path.join(staging, file), "utf8");
const write = (file, text) => writeFile(path.join(staging, file), text);

/**
 * `code` minified: an ES module (its top-level names mangled, but `__wbg_init`, which the single
 * file calls), or with `classic`, a classic script such as the service worker, whose top-level
 * names stay (the tests read its FILES list).
 */
async function minifyJs(code, where, { classic = false } = {}) {
  try {
    const out = await terser(code, { module: !classic, ecma: 2020, compress: { passes: 2 }, mangle: { reserved: ["__wbg_init"] } });
    return out.code;
  } catch (error) {
    fail(`terser could not minify ${where}: ${error.message}`);
  }
}
/** `css` minified at clean-css level 1 only: no rule is merged, moved or dropped. */
function minifyCss(css, where) {
  const out = new CleanCSS({ level: 1 }).minify(css);
  if (out.errors.length) fail(`clean-css could not minify ${where}: ${out.errors.join("; ")}`);
  return out.styles;
}
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Stops the build with a message naming what was not found. */
function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

/**
 * `text` with `pattern` (a string or a RegExp) replaced by `replacement` (a string or a function
 * returning one, so "$" in it is never special). The pattern must occur exactly once: `what`
 * names it and `where` the file, for the message when it does not.
 */
function replaceOnce(text, pattern, replacement, what, where) {
  const count =
    typeof pattern === "string"
      ? text.split(pattern).length - 1
      : (text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g")) ?? []).length;
  if (count !== 1) fail(`expected ${what} once in ${where}, found it ${count} times`);
  const make = typeof replacement === "function" ? replacement : () => replacement;
  return text.replace(pattern, make);
}

/** Runs the prerender binary (native, feature ssr) with `args`; its standard output, trimmed. */
const prerender = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--", ...args], {
    cwd: source,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  }).trim();

const files = await readdir(staging, { recursive: true });
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

// 0. Minify what Trunk wrote (the glue, the stylesheets, the iframe page's script) in place.
await write(glue, await minifyJs(await read(glue), glue));
for (const file of [css, "noscript.css", "embed.css"]) await write(file, minifyCss(await read(file), file));
await write("embed.js", await minifyJs(await read("embed.js"), "embed.js"));

// 1. Prerender. The binary renders exactly what the browser's first render produces.
const prerendered = prerender();
if (!prerendered.includes('class="iv-q-button"')) fail("the prerendered HTML has no questions");
const themeStorageKey = prerender("--theme-storage-key");
if (!/^[\w:.-]+$/.test(themeStorageKey)) fail(`unexpected theme storage key ${JSON.stringify(themeStorageKey)}`);

// The early toggles (static/early-toggles.js), one definition for the boot module and the element.
const earlyToggles = await readFile(path.join(source, "static/early-toggles.js"), "utf8");
const EARLY_TOGGLES = /^\/\/ __EARLY_TOGGLES__.*$/m;
const withEarlyToggles = (text, where) => replaceOnce(text, EARLY_TOGGLES, () => earlyToggles.trim(), "the __EARLY_TOGGLES__ placeholder line", where);

// 1b. The importers module (crates/importers): the text formats the main wasm leaves out, built
//     here and loaded by the viewer only when a file needs it (static/importers-hook.js).
execFileSync("cargo", ["build", "--release", "--quiet", "--target", "wasm32-unknown-unknown", "-p", "interview-importers"], {
  cwd: source,
  stdio: ["ignore", "inherit", "inherit"],
});
const importersDir = path.join(staging, ".importers");
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", importersDir, "--out-name", "importers", path.join(source, "target/wasm32-unknown-unknown/release/interview_importers.wasm")], {
  stdio: ["ignore", "inherit", "inherit"],
});
execFileSync("wasm-opt", ["-Oz", "--all-features", "-o", path.join(importersDir, "importers_bg.wasm"), path.join(importersDir, "importers_bg.wasm")], {
  stdio: ["ignore", "inherit", "inherit"],
});
const importersWasmBytes = await readFile(path.join(importersDir, "importers_bg.wasm"));
const importersGlueCode = await minifyJs(await readFile(path.join(importersDir, "importers.js"), "utf8"), "the importers' glue");
const IMPORTERS = {
  glue: `importers-${hash(importersGlueCode)}.js`,
  wasm: `importers-${createHash("sha256").update(importersWasmBytes).digest("hex").slice(0, 16)}_bg.wasm`,
};
await write(IMPORTERS.glue, importersGlueCode);
await writeFile(path.join(staging, IMPORTERS.wasm), importersWasmBytes);
await rm(importersDir, { recursive: true, force: true });
const importersHook = (await readFile(path.join(source, "static/importers-hook.js"), "utf8")).trim();
const IMPORTERS_HOOK = /^\/\/ __IMPORTERS_HOOK__.*$/m;
/** `text` with the importers hook, its file names and base (an expression) filled in. */
const withImportersHook = (text, base, where) =>
  replaceOnce(
    text,
    IMPORTERS_HOOK,
    () => `const IMPORTERS = ${JSON.stringify(IMPORTERS)};\nconst IMPORTERS_BASE = ${base};\n${importersHook}`,
    "the __IMPORTERS_HOOK__ placeholder line",
    where,
  );

// 1c. The message catalogues besides English (the wasm has English only): one JSON file each,
//     fetched when a viewer's language needs it (static/catalogues-hook.js).
const CATALOGUES = {};
const catalogueTexts = {};
for (const line of prerender("--catalogues").split("\n").filter(Boolean)) {
  const { lang } = JSON.parse(line);
  CATALOGUES[lang] = `messages-${lang}-${hash(line)}.json`;
  catalogueTexts[lang] = line;
  await write(CATALOGUES[lang], line);
}
if (!["fr", "de", "es", "ar"].every((lang) => CATALOGUES[lang])) fail(`missing catalogues: ${Object.keys(CATALOGUES)}`);
const cataloguesHook = (await readFile(path.join(source, "static/catalogues-hook.js"), "utf8")).trim();
const CATALOGUES_HOOK = /^\/\/ __CATALOGUES_HOOK__.*$/m;
/** `text` with the catalogues hook, its files (or inline data) and base (an expression). */
const withCataloguesHook = (text, base, where, files = CATALOGUES) =>
  replaceOnce(
    text,
    CATALOGUES_HOOK,
    () => `const CATALOGUES = ${JSON.stringify(files)};\nconst CATALOGUES_BASE = ${base};\n${cataloguesHook}`,
    "the __CATALOGUES_HOOK__ placeholder line",
    where,
  );

// 2. The boot module.
const bootTemplate = replaceOnce(
  withEarlyToggles(await readFile(path.join(source, "static/boot.template.js"), "utf8"), "static/boot.template.js"),
  `"__THEME_STORAGE_KEY__"`,
  JSON.stringify(themeStorageKey),
  "the __THEME_STORAGE_KEY__ placeholder",
  "static/boot.template.js",
);
// Registering the worker, and watching for a new build's (static/sw-update.js).
const swUpdate = (await readFile(path.join(source, "static/sw-update.js"), "utf8")).trim();
const registerWorker = `if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    ${swUpdate}
    navigator.serviceWorker.register("./sw.js").then(watchForUpdates).catch((error) => console.info("Interview Viewer: offline reading unavailable:", error.message));
  }`;
const boot =
  `import init from "./${glue}";\n` +
  replaceOnce(
    withCataloguesHook(withImportersHook(bootTemplate, `new URL(".", import.meta.url)`, "static/boot.template.js"), `new URL(".", import.meta.url)`, "static/boot.template.js"),
    "__INIT__",
    `await init({ module_or_path: new URL("./${wasm}", import.meta.url) });\n  ${registerWorker}`,
    "the __INIT__ placeholder",
    "static/boot.template.js",
  );
const bootMinified = await minifyJs(boot, "the boot module");
const bootName = `app-${hash(bootMinified)}.js`;
await write(bootName, bootMinified);

// 3. index.html.
let index = await read("index.html");
// With inject_scripts off, Trunk leaves its rust link in place; it means nothing to a browser.
// Trunk minifies the release's HTML (Trunk.toml), so attributes may come unquoted and in any
// order: the patterns below accept both forms.
index = replaceOnce(index, /\s*<link\b[^>]*\brel="?rust"?[^>]*>/, "", "Trunk's rust link", "index.html");
index = replaceOnce(
  index,
  /(<main\b[^>]*\bid="?interview-viewer-app"?[^>]*>)\s*<\/main>/,
  (_, open) => `${open}${prerendered}</main>`,
  `the empty <main id="interview-viewer-app">`,
  "index.html",
);
// The preloads go at the end of the body: found in the head, the wasm (144 KB) would share the
// first round trips' bandwidth with the stylesheet that the first paint waits for (on slow 4G,
// bench/slow-network.mjs); at the end of the body they are found right after the text.
const preloads = [
  `<link rel="modulepreload" href="./${glue}">`,
  `<link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin>`,
].join("\n    ");
// (`index` itself stays without these: the single file below inlines what they load.)
let served = replaceOnce(index, "</head>", `    <script type="module" src="./${bootName}"></script>\n  </head>`, "</head>", "index.html");
served = replaceOnce(served, "</body>", `    ${preloads}\n  </body>`, "</body>", "index.html");
await write("index.html", served);

// 4. The custom element.
const elementTemplate = withCataloguesHook(
  withImportersHook(
    withEarlyToggles(await readFile(path.join(source, "static/interview-viewer.template.js"), "utf8"), "static/interview-viewer.template.js"),
    "BASE",
    "static/interview-viewer.template.js",
  ),
  "BASE",
  "static/interview-viewer.template.js",
);
await write(
  "interview-viewer.js",
  await minifyJs(
    replaceOnce(elementTemplate, "__FILES__", JSON.stringify({ glue, wasm, css }), "the __FILES__ placeholder", "static/interview-viewer.template.js"),
    "interview-viewer.js",
  ),
);

await write("interview-viewer.css", await read(css));
const publicUrl = process.env.IV_PUBLIC_URL || "./";
if (!publicUrl.endsWith("/")) fail(`IV_PUBLIC_URL must end with "/" (it is the folder of dist/): ${publicUrl}`);
const snippet = prerender("--embed-snippet", publicUrl);
if (!snippet.includes('<template shadowrootmode="open">') || !snippet.includes('class="iv-q-button"')) {
  fail("the embed snippet has no prerendered viewer");
}
await write("embed-snippet.html", snippet + "\n");

// 4b. oEmbed (scripts/oembed.mjs): only with an absolute IV_PUBLIC_URL, since a consumer needs
//     absolute addresses; before the service worker, whose version covers index.html.
if (/^https?:\/\//.test(publicUrl)) {
  try {
    await publishOembed(staging, publicUrl);
  } catch (error) {
    fail(error.message);
  }
}

// 5. The service worker: every file a reader of the standalone page needs offline, and nothing
//    else, since the worker downloads its whole list on the first visit: not the demo, the big
//    single file, embed.html, the custom element and its snippet (host pages are outside the worker's scope), the
//    importers module and the other languages' texts (few readers need them; they are fetched
//    when needed), nor
//    the install icons (the browser fetches those itself when installing).
const cached = (await readdir(staging, { recursive: true }))
  .map((f) => f.split(path.sep).join("/"))
  .filter((f) => !/^(demo|icons)\//.test(f))
  .filter((f) => !/^(importers|messages)-/.test(f))
  .filter((f) => !/^(sw\.js|interview-offline\.html|interview-viewer\.(js|css)|embed\.\w+|embed-snippet\.html)$/.test(f))
  .filter((f) => /\.(html|js|css|wasm|svg|png|webmanifest)$/.test(f))
  .sort();
const cacheList = ["./", ...cached.map((f) => `./${f}`)];
const swTemplate = await readFile(path.join(source, "static/sw.template.js"), "utf8");
const version = hash(JSON.stringify(cacheList) + (await Promise.all(cached.map((f) => readFile(path.join(staging, f))))).map((b) => hash(b)).join(""));
const sw = replaceOnce(swTemplate, "__VERSION__", version, "the __VERSION__ placeholder", "static/sw.template.js");
await write("sw.js", await minifyJs(replaceOnce(sw, "__FILES__", JSON.stringify(cacheList, null, 2), "the __FILES__ placeholder", "static/sw.template.js"), "sw.js", { classic: true }));

// 6. The single-file edition: opens from disk (file://), where module scripts cannot load files.
const wasmBytes = await readFile(path.join(staging, wasm));
const glueCode = await read(glue);
const styles = await read(css);
const noscript = await read("noscript.css");
const icon = await read(files.find((f) => /^icon-[0-9a-f]+\.svg$/.test(f)) ?? "icons/icon.svg");
// The single file cannot fetch files beside it: its catalogues are data: addresses.
const inlineCatalogues = Object.fromEntries(
  Object.entries(catalogueTexts).map(([lang, text]) => [lang, `data:application/json;base64,${Buffer.from(text).toString("base64")}`]),
);
const offlineBoot = replaceOnce(
  withCataloguesHook(
    replaceOnce(bootTemplate, IMPORTERS_HOOK, "", "the __IMPORTERS_HOOK__ placeholder line", "static/boot.template.js"),
    `location.href`,
    "static/boot.template.js",
    inlineCatalogues,
  ),
  "__INIT__",
  `await __wbg_init({ module_or_path: Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)) });`,
  "the __INIT__ placeholder",
  "static/boot.template.js",
);
let offline = index
  .replace(/\s*<link\b[^>]*\brel="?(modulepreload|preload|manifest)"?[^>]*>/g, "")
  .replace(/\s*<link\b[^>]*\bdata-trunk\b[^>]*>/g, "");
offline = replaceOnce(offline, /<link\b[^>]*\bhref="?[^" >]*style-[0-9a-f]+\.css"?[^>]*>/, () => `<style>\n${styles}\n</style>`, "the stylesheet link", "index.html");
offline = replaceOnce(offline, /<noscript>.*?<\/noscript>/s, () => `<noscript><style>\n${noscript}\n</style></noscript>`, "the <noscript>", "index.html");
offline = replaceOnce(offline, /<link\b[^>]*\brel="?icon"?[^>]*>/, () => `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(icon)}">`, "the icon link", "index.html");
const script =
  `<script type="module">\n${glueCode}\nconst WASM_BASE64 = "${wasmBytes.toString("base64")}";\n${offlineBoot}\n</script>`;
offline = replaceOnce(offline, "</body>", () => `${script}\n</body>`, "</body>", "index.html");
await write("interview-offline.html", offline);

console.log(
  `post-build: prerendered ${prerendered.length} bytes; ${bootName}; interview-viewer.js; sw.js (${cacheList.length} files); interview-offline.html (${offline.length} bytes)`,
);
