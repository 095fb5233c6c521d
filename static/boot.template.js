// Boot for the standalone page, a template: scripts/post-build.mjs fills in its two
// placeholders (the theme's storage key, from the Rust side's one definition, and the wasm
// start-up) and turns it into app-<hash>.js and into the single-file edition. Before the wasm arrives the prerendered text is already readable; this
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

function setOpen(button, open) {
  button.setAttribute("aria-expanded", String(open));
  const panel = document.getElementById(button.getAttribute("aria-controls"));
  if (!panel) return;
  if (open) panel.removeAttribute("hidden");
  else panel.setAttribute("hidden", "until-found");
}

function earlyClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest(".iv-q-button, .iv-expand-all, .iv-collapse-all");
  if (!button) return;
  if (button.classList.contains("iv-q-button")) {
    setOpen(button, button.getAttribute("aria-expanded") !== "true");
  } else {
    const open = button.classList.contains("iv-expand-all");
    root.querySelectorAll(".iv-q-button").forEach((b) => setOpen(b, open));
  }
}

function earlyFind(event) {
  // Find-in-page revealed a collapsed answer: keep its button's aria-expanded true to the DOM.
  const id = event.target?.id;
  const button = id && root.querySelector(`[aria-controls="${CSS.escape(id)}"]`);
  if (button) button.setAttribute("aria-expanded", "true");
}

root?.addEventListener("click", earlyClick);
root?.addEventListener("beforematch", earlyFind);
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
  root?.removeEventListener("click", earlyClick);
  root?.removeEventListener("beforematch", earlyFind);
} catch (error) {
  // The wasm could not start (blocked, missing, an old browser): the prerendered text stays, its
  // questions keep opening and closing, and the controls that need the wasm stay hidden.
  console.warn("Interview Viewer: the interactive reader could not start; the text stays readable.", error);
}
