// The message catalogues the viewer's wasm leaves out (every language but English): a JSON file
// each, fetched the first time a viewer needs that language (src/ui/catalogues.rs calls this;
// the custom element calls it for its own language as it starts loading the wasm, so both
// arrive together). scripts/post-build.mjs puts this one definition into the standalone page's
// boot module, the custom element and the single file, with CATALOGUES (language → this
// build's file name, or a data: address in the single file) and CATALOGUES_BASE defined.
globalThis[Symbol.for("interview-viewer.catalogue")] ??= (() => {
  const loading = new Map();
  return (lang) => {
    const file = CATALOGUES[lang];
    if (!file) return Promise.resolve(null);
    if (!loading.has(lang)) {
      const text = fetch(new URL(file, CATALOGUES_BASE)).then((response) =>
        response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`)),
      );
      text.catch(() => loading.delete(lang)); // a failed download may be tried again
      loading.set(lang, text);
    }
    return loading.get(lang);
  };
})();
