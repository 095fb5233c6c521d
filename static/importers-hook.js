// The importers of the text formats the viewer's wasm leaves out (transcripts, "Q:"/"A:",
// WebVTT, SRT) are a WebAssembly module of their own, loaded the first time a file needs them
// (src/ui/importers.rs calls this). scripts/post-build.mjs puts this one definition into the
// standalone page's boot module and into the custom element, with IMPORTERS (this build's file
// names) and IMPORTERS_BASE (the folder of dist/, from the module's own address) defined.
globalThis[Symbol.for("interview-viewer.import-text")] ??= (() => {
  let loaded;
  return async (text, hints) => {
    loaded ??= import(new URL(IMPORTERS.glue, IMPORTERS_BASE).href).then(async (module) => {
      await module.default({ module_or_path: new URL(IMPORTERS.wasm, IMPORTERS_BASE) });
      return module;
    });
    loaded.catch(() => (loaded = undefined)); // a failed download may be tried again
    return (await loaded).importText(text, hints);
  };
})();
