// A new build for a reader who has the page open (issue 15). The browser installs the new
// build's service worker beside the running one, where it waits (static/sw.template.js); this
// tells the viewer, which offers "Reload" (src/ui/update_notice.rs). Nothing reloads by itself:
// the reader's "Reload" reloads the page (which the network gives in its new version), and the
// reloaded page asks the waiting worker to take over.
// scripts/post-build.mjs puts this into the standalone page's boot module, which calls it with
// the worker's registration.
function watchForUpdates(registration) {
  const key = Symbol.for("interview-viewer.update");
  const ASKED = "interview-viewer:update";
  // The reader chose "Reload" on the page before this one: the new worker takes over now.
  let asked = false;
  try {
    asked = sessionStorage.getItem(ASKED) === "1";
    sessionStorage.removeItem(ASKED);
  } catch {
    // storage blocked: "Reload" asked the worker itself
  }
  const offer = (worker) => {
    globalThis[key] = () => {
      // Reload first, and let the new worker take over from the reloaded page (below): asked to
      // while this page was still open, Chromium could hold its activation, and the reload with
      // it, for as long as the old worker had work for this page. The reloaded page comes from
      // the network either way (pages are network-first) and names the new build's files.
      try {
        sessionStorage.setItem(ASKED, "1");
      } catch {
        worker.postMessage("skip-waiting"); // storage blocked: ask now
      }
      location.reload();
    };
    dispatchEvent(new Event("interview-viewer:update-ready"));
    // Taken over meanwhile (another tab chose "Reload"): nothing is offered any more.
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") return;
      delete globalThis[key];
      dispatchEvent(new Event("interview-viewer:update-gone"));
    });
  };
  // An update only: on a first visit no worker controls the page yet, and nothing is offered.
  if (asked && registration.waiting) takeOver(registration);
  else if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
    });
  });
  // A reader coming back to the page gets the check a navigation would have made.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

// Asks the waiting worker to take over, and asks again while it waits: in about one run in
// twenty, headless Chromium left it waiting after the first request (e2e/engines-update).
function takeOver(registration, tries = 5) {
  const worker = registration.waiting;
  if (!worker || tries === 0) return;
  worker.postMessage("skip-waiting");
  setTimeout(() => {
    if (registration.waiting === worker) takeOver(registration, tries - 1);
  }, 2000);
}
