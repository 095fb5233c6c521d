// Before the wasm takes over, the prerendered questions already open and close, "Expand all" and
// "Collapse all" already work, and find-in-page keeps aria-expanded true to what it revealed.
// scripts/post-build.mjs puts this one definition into the standalone page's boot module and into
// the custom element (an embed snippet's prerendered viewer). `root`: the element or shadow root
// that holds the prerendered viewer. Returns the function that stops it, once the wasm has
// hydrated the viewer and owns the questions (it keeps what the reader opened meanwhile).
function earlyToggles(root) {
  const byId = (id) => root.querySelector(`#${CSS.escape(id)}`);
  const setOpen = (button, open) => {
    button.setAttribute("aria-expanded", String(open));
    const panel = byId(button.getAttribute("aria-controls") ?? "");
    if (!panel) return;
    if (open) panel.removeAttribute("hidden");
    else panel.setAttribute("hidden", "until-found");
  };
  const click = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest(".iv-q-button, .iv-expand-all, .iv-collapse-all");
    if (!button) return;
    if (button.classList.contains("iv-q-button")) {
      setOpen(button, button.getAttribute("aria-expanded") !== "true");
    } else {
      const open = button.classList.contains("iv-expand-all");
      root.querySelectorAll(".iv-q-button").forEach((b) => setOpen(b, open));
    }
  };
  const found = (event) => {
    const id = event.target?.id;
    const button = id && root.querySelector(`[aria-controls="${CSS.escape(id)}"]`);
    if (button) button.setAttribute("aria-expanded", "true");
  };
  root.addEventListener("click", click);
  root.addEventListener("beforematch", found);
  return () => {
    root.removeEventListener("click", click);
    root.removeEventListener("beforematch", found);
  };
}
