// <interview-viewer>: the Interview Viewer as a custom element. Load this module from wherever
// dist/ is published; it finds its wasm, glue and stylesheet next to itself.
//
//   <script type="module" src="/path/to/interview-viewer.js"></script>
//   <interview-viewer></interview-viewer>                         the embedded interview
//   <interview-viewer src="my-interview.json"></interview-viewer>  or .txt (plain-text format)
//
// Attributes: src, theme (light | dark | auto), heading-level (2–6), search ("off" hides it), share ("off" hides it),
// lang (the interview's language when its data does not say; else the page's);
// link-src, a src that came from a link (only this page's origin, or one the page allows in
// <meta name="interview-viewer-sources">); document-title, the interview titles the page;
// messages, a JSON object of the reader's texts to use instead of the catalogue's
// (docs/languages.md), also given as an inline <script type="application/json" data-messages>.
// An inline <script type="application/json"> child (without data-messages) is read when there
// is no src.
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
// __CATALOGUES_HOOK__ (static/catalogues-hook.js)

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

// The one text shown when the wasm itself cannot start (the catalogue lives in the wasm):
// key "viewer_failed" of the host's messages overrides it.
const VIEWER_FAILED = {
  en: "This interview cannot be shown: the viewer failed to load.",
  fr: "Cet entretien ne peut pas être affiché\u00a0: le lecteur n’a pas pu se charger.",
  de: "Dieses Interview kann nicht angezeigt werden: Der Viewer konnte nicht geladen werden.",
  es: "Esta entrevista no se puede mostrar: el visor no se pudo cargar.",
  ar: "لا يمكن عرض هذه المقابلة: تعذّر تحميل العارض.",
};

let instances = 0;

class InterviewViewerElement extends HTMLElement {
  static observedAttributes = ["src", "link-src", "theme", "heading-level", "search", "share", "document-title", "lang", "messages"];
  #container = null;
  #viewer = null;
  #prefix = `iv${++instances}-`;
  /** Set while a snippet's prerendered viewer waits for the wasm: stops the early toggles. */
  #stopEarlyToggles = null;
  /** The JSON of the catalogue of the element's language, once fetched (null for English). */
  #catalogue = null;

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
    // The texts of the element's language, when the wasm lacks them, download with the wasm:
    // the viewer's first render (a snippet's hydration too) is then in that language.
    const catalogue = globalThis[Symbol.for("interview-viewer.catalogue")](this.#language()).catch(() => null);
    Promise.all([loadGlue(), catalogue])
      .then(([module, catalogueText]) => {
        if (!this.isConnected || this.#viewer) return;
        const hydrate = this.#stopEarlyToggles !== null;
        this.#catalogue = catalogueText;
        this.#viewer = module.mountViewer(this.#container, { ...this.#options(), idPrefix: this.#prefix }, hydrate);
        this.#stopEarlyToggles?.();
        this.#stopEarlyToggles = null;
      })
      .catch((error) => {
        // Contained: one warning, a message inside the element, nothing thrown at the host.
        console.warn("Interview Viewer: the viewer could not start.", error);
        const lang = this.#language();
        const text = this.#hostText("viewer_failed") ?? VIEWER_FAILED[lang];
        // The host page hears of it as of any failure (docs/embedding.md: events).
        const detail = { kind: "viewer", message: text };
        const failed = () => this.dispatchEvent(new CustomEvent("interview-viewer:failed", { bubbles: true, composed: true, detail }));
        // A snippet's prerendered interview stays: readable, its questions still toggling.
        if (this.#stopEarlyToggles) return failed();
        const message = document.createElement("p");
        message.setAttribute("role", "alert");
        message.className = "iv iv-error";
        message.lang = lang;
        message.dir = lang === "ar" ? "rtl" : "ltr";
        message.textContent = text;
        this.#container.replaceChildren(message);
        failed();
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
    const inline = this.querySelector(':scope > script[type="application/json"]:not([data-messages])');
    const messages = this.querySelector(':scope > script[type="application/json"][data-messages]');
    return {
      src: this.getAttribute("src"),
      linkSrc: this.getAttribute("link-src"),
      inline: inline ? inline.textContent : null,
      theme: this.getAttribute("theme"),
      // Out-of-range and non-numeric levels fall back to 2 on the wasm side.
      headingLevel: Number.parseInt(this.getAttribute("heading-level") ?? "", 10),
      search: this.getAttribute("search") !== "off",
      share: this.getAttribute("share") !== "off",
      // For the embed code "Share" gives: this very script.
      script: new URL("interview-viewer.js", BASE).href,
      // Its name in quote links to the host page (#name/question~quote=…): its id, else its place.
      name: this.id || `interview-viewer-${[...document.querySelectorAll("interview-viewer")].indexOf(this) + 1}`,
      documentTitle: this.hasAttribute("document-title"),
      // The element's language or its nearest ancestor's (the host page's), for an interview
      // that does not name its own.
      lang: this.closest("[lang]")?.getAttribute("lang") ?? null,
      // The host's texts: the attribute, else the inline child.
      messages: this.getAttribute("messages") ?? (messages ? messages.textContent : null),
      catalogue: this.#catalogue,
    };
  }

  /** The catalogue language of the element (as the wasm chooses it), for the one text shown
   * without the wasm. */
  #language() {
    const primary = (this.closest("[lang]")?.getAttribute("lang") ?? "").split(/[-_]/)[0].toLowerCase();
    return primary in VIEWER_FAILED ? primary : "en";
  }

  /** A host's text for `key`, if its messages give one. */
  #hostText(key) {
    try {
      const text = JSON.parse(this.#options().messages ?? "{}")?.[key];
      return typeof text === "string" ? text : null;
    } catch {
      return null;
    }
  }
}

if (!customElements.get("interview-viewer")) {
  customElements.define("interview-viewer", InterviewViewerElement);
}
