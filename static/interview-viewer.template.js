// <interview-viewer>: the Interview Viewer as a custom element. Load this module from wherever
// dist/ is published; it finds its wasm, glue and stylesheet next to itself.
//
//   <script type="module" src="/path/to/interview-viewer.js"></script>
//   <interview-viewer></interview-viewer>                         the embedded interview
//   <interview-viewer src="my-interview.json"></interview-viewer>  or .txt (plain-text format)
//
// Attributes: src, theme (light | dark | auto), heading-level (2–6), search ("off" hides it),
// lang (the interview's language when its data does not say; else the page's);
// link-src, a src that came from a link (only this page's origin, or one the page allows in
// <meta name="interview-viewer-sources">); document-title, the interview titles the page.
// An inline <script type="application/json"> child is read when there is no src.
//
// An embed snippet (dist/embed-snippet.html, `iv-convert --snippet`) brings the element with
// its viewer prerendered in a declarative shadow root: it shows before this module runs (and
// with JavaScript off); this module makes its questions open and close at once and has the wasm
// hydrate it in place, keeping what the reader opened.
// scripts/post-build.mjs fills in FILES with this build's hashed names, EARLY_TOGGLES and
// IMPORTERS_HOOK.
const FILES = __FILES__;
const BASE = new URL(".", import.meta.url);

// __EARLY_TOGGLES__ (static/early-toggles.js: earlyToggles)
// __IMPORTERS_HOOK__ (static/importers-hook.js)

let glue;
function loadGlue() {
  if (!glue) {
    // The wasm's download starts with the glue's, not after it: one round trip less.
    const wasm = fetch(new URL(FILES.wasm, BASE));
    wasm.catch(() => {}); // a failure surfaces below, through the glue's start-up
    glue = import(new URL(FILES.glue, BASE).href).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
  }
  return glue;
}

let instances = 0;

class InterviewViewerElement extends HTMLElement {
  static observedAttributes = ["src", "link-src", "theme", "heading-level", "search", "document-title", "lang"];
  #container = null;
  #viewer = null;
  #prefix = `iv${++instances}-`;
  /** Set while a snippet's prerendered viewer waits for the wasm: stops the early toggles. */
  #stopEarlyToggles = null;

  connectedCallback() {
    const prerendered = !this.#container && this.shadowRoot?.querySelector(".iv-host");
    if (prerendered) {
      this.#container = prerendered;
      this.#prefix = prerendered.dataset.idPrefix ?? this.#prefix;
      this.#stopEarlyToggles = earlyToggles(this.shadowRoot);
    } else if (!this.#container) {
      const root = this.attachShadow({ mode: "open" });
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = new URL(FILES.css, BASE).href;
      this.#container = document.createElement("div");
      this.#container.className = "iv-host";
      root.append(style, this.#container);
    }
    loadGlue()
      .then((module) => {
        if (!this.isConnected || this.#viewer) return;
        const hydrate = this.#stopEarlyToggles !== null;
        this.#viewer = module.mountViewer(this.#container, { ...this.#options(), idPrefix: this.#prefix }, hydrate);
        this.#stopEarlyToggles?.();
        this.#stopEarlyToggles = null;
      })
      .catch((error) => {
        // Contained: one warning, a message inside the element, nothing thrown at the host.
        console.warn("Interview Viewer: the viewer could not start.", error);
        // A snippet's prerendered interview stays: readable, its questions still toggling.
        if (this.#stopEarlyToggles) return;
        const message = document.createElement("p");
        message.setAttribute("role", "alert");
        message.className = "iv iv-error";
        message.textContent = "This interview cannot be shown: the viewer failed to load.";
        this.#container.replaceChildren(message);
      });
  }

  disconnectedCallback() {
    this.#stopEarlyToggles?.();
    this.#stopEarlyToggles = null;
    this.#viewer?.unmount();
    this.#viewer?.free();
    this.#viewer = null;
  }

  attributeChangedCallback() {
    this.#viewer?.update(this.#options());
  }

  /** The element's options for the wasm (src/embed.rs, EmbedOptions), by name. */
  #options() {
    const inline = this.querySelector(':scope > script[type="application/json"]');
    return {
      src: this.getAttribute("src"),
      linkSrc: this.getAttribute("link-src"),
      inline: inline ? inline.textContent : null,
      theme: this.getAttribute("theme"),
      // Out-of-range and non-numeric levels fall back to 2 on the wasm side.
      headingLevel: Number.parseInt(this.getAttribute("heading-level") ?? "", 10),
      search: this.getAttribute("search") !== "off",
      documentTitle: this.hasAttribute("document-title"),
      // The element's language or its nearest ancestor's (the host page's), for an interview
      // that does not name its own.
      lang: this.closest("[lang]")?.getAttribute("lang") ?? null,
    };
  }
}

if (!customElements.get("interview-viewer")) {
  customElements.define("interview-viewer", InterviewViewerElement);
}
