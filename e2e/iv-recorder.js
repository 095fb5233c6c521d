// Problem recorder for the cross-engine tests (e2e/engines.mjs). The test server injects it as
// the first child of <head> of every HTML page it serves (serve({ recorder: true }) in
// harness.mjs), as a same-origin classic script, so it runs before the page's own scripts and is
// allowed by the viewer's strict CSP (script-src 'self'). It records into window.__ivProblems:
//   "error: …" / "warning: …"  console.error / console.warn calls (the page's own; the browser's
//                               internal messages, such as "Failed to load resource", are not
//                               reachable from a page and are not recorded)
//   "pageerror: …"              uncaught exceptions (window "error"), except the notice
//                               "ResizeObserver loop completed with undelivered notifications":
//                               the HTML standard reports it when a size changes again after its
//                               observers ran in that frame, and delivers that size in the next
//                               one; nothing is lost. WebKitGTK gave it once in eight runs on
//                               embed.html, whose one observer only reads the page's height.
//   "resource: …"               a <script>, <link>, <img>… that failed to load
//   "rejection: …"              unhandled promise rejections
//   "csp: …"                    Content-Security-Policy violations (securitypolicyviolation)
// Frames (iframes) load their own copy; the driver collects from every same-origin frame.
(() => {
  if (window.__ivProblems) return;
  const problems = (window.__ivProblems = []);
  const describe = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === "string") return value;
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  for (const [method, kind] of [
    ["error", "error"],
    ["warn", "warning"],
  ]) {
    const original = console[method];
    console[method] = function (...args) {
      problems.push(`${kind}: ${args.map(describe).join(" ")}`);
      return original.apply(this, args);
    };
  }
  addEventListener(
    "error",
    (event) => {
      if (event.target && event.target !== window) {
        const element = event.target;
        problems.push(`resource: <${element.localName}> ${element.src || element.href || ""} failed to load`);
      } else if (event.message !== "ResizeObserver loop completed with undelivered notifications.") {
        problems.push(`pageerror: ${event.message || describe(event.error)}`);
      }
    },
    true,
  );
  addEventListener("unhandledrejection", (event) => problems.push(`rejection: ${describe(event.reason)}`));
  document.addEventListener(
    "securitypolicyviolation",
    (event) =>
      problems.push(`csp: ${event.violatedDirective} blocked ${event.blockedURI || "(inline)"} (${event.sourceFile}:${event.lineNumber})`),
    true,
  );
})();
