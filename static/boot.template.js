// Boot for the standalone page, a template: scripts/post-build.mjs fills in its three
// placeholders (the theme's storage key, from the Rust side's one definition, the early toggles
// of static/early-toggles.js, and the wasm start-up) and turns it into app-<hash>.js and into the
// single-file edition. Before the wasm arrives the prerendered text is already readable; this
// makes its questions and "Expand all"/"Collapse all" work meanwhile, applies a stored theme so
// the page does not flash, then starts the wasm, which hydrates the page and takes over.
// The INIT placeholder in the try block below is replaced by the wasm start-up.
const root = document.getElementById("interview-viewer-app");

let stored = null;
try {
  stored = localStorage.getItem("__THEME_STORAGE_KEY__");
} catch {
  // Storage blocked: the system theme applies.
}
if (stored === "light" || stored === "dark") {
  document.documentElement.setAttribute("data-theme", stored);
  root?.querySelector(".iv")?.setAttribute("data-theme", stored);
}

// __EARLY_TOGGLES__ (static/early-toggles.js: earlyToggles)
// __IMPORTERS_HOOK__ (static/importers-hook.js; nothing in the single file, which cannot load it)
// __CATALOGUES_HOOK__ (static/catalogues-hook.js; in the single file with its texts inline)
const stopEarlyToggles = root ? earlyToggles(root) : () => {};
// Let the prerendered page paint first: on a fast connection the wasm can be ready before the
// first frame, and hydrating then would hold back the first paint of text that is already here.
// (The timeout covers tabs that open in the background, where frames do not run.)
if (root) {
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });
}
try {
  __INIT__
  // The wasm has taken over: it owns the questions from here.
  stopEarlyToggles();
} catch (error) {
  // The wasm could not start (blocked, missing, an old browser): the prerendered text stays, its
  // questions keep opening and closing, and the controls that need the wasm stay hidden.
  console.warn("Interview Viewer: the interactive reader could not start; the text stays readable.", error);
}
