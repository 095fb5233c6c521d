// One small page-driver interface over three browser engines, for the cross-engine end-to-end
// tests (e2e/engines-*.test.mjs). No browser is downloaded: each driver runs a Debian package.
//   chromium  /usr/bin/chromium through playwright-core (harness.mjs's launch flags)
//   firefox   /usr/bin/firefox-esr through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver, under an
//             Xvfb display; the driver starts Xvfb (free display) and, per page, a WebKitWebDriver
//             (free port), and ends them, with every browser they started, on close() or when
//             the process exits. MiniBrowser's window is never narrower than 447 px.
//
//   ENGINES                         from IV_ENGINES (comma list), default "chromium,firefox,webkit"
//   openBrowser(engine)             → browser { engine, newPage({ width, height }), close() }
//     newPage: a fresh page with its own storage (a Playwright context, a BiDi user context, a
//     MiniBrowser of its own), whose viewport is width × height CSS px (default 1280 × 900).
//   page.goto(url), page.reload()   navigate and wait until the new document has loaded
//   page.url()                      the current URL
//   page.evaluate(fn, ...args)      runs fn(...args) in the page (fn is sent as source, args and
//                                   result as JSON; a promise is awaited). A string instead of fn
//                                   is run as a classic script body (e.g. a library's source).
//   page.waitFor(fn, ...args)       polls evaluate(fn, ...args) until it returns something truthy
//                                   and returns that; on timeout (WAIT_MS) it throws naming fn
//   page.click(target, ...args)     real pointer input at the centre of the target element, after
//   page.hover(target, ...args)     scrolling it into view; it must be visible and not covered.
//                                   A click that lands elsewhere (the page moved in between) is
//                                   kept from the page and aimed again, up to three times.
//                                   target: a CSS selector, where "a >>> b" looks for b in the
//                                   shadow root of a; or a function run in the page (with args)
//                                   that returns the element
//   page.press(key)                 real keyboard input to the focused element: "Enter", "Space",
//   page.type(text)                 "Escape", "Tab", "ArrowDown", "Home", "End", "/", "a", and
//                                   modifiers joined with "+" ("Shift+Enter")
//   page.problems()                 console errors/warnings, uncaught exceptions, unhandled
//                                   rejections, failed resources and CSP violations the page saw:
//                                   recorded by e2e/iv-recorder.js, which the test server injects
//                                   (serve({ recorder: true })), in every same-origin frame, and
//                                   kept across this driver's goto()/reload()
//   page.close()
//   browserSuite(engine, hooks)     for a test file's describe(engine): one browser per file,
//                                   pages closed after each test (see below)
// Environment: IV_ENGINES, IV_WAIT_MS (default 15000); CHROMIUM, FIREFOX, MINIBROWSER and
// WEBKITWEBDRIVER override the executables' paths.
import { spawn } from "node:child_process";
import net from "node:net";
import { launch as launchChromium } from "./harness.mjs";

export const ENGINES = (process.env.IV_ENGINES ?? "chromium,firefox,webkit")
  .split(",")
  .map((e) => e.trim())
  .filter(Boolean);

/** How long waitFor() (and click()/hover() looking for their target) wait, in ms. */
export const WAIT_MS = Number(process.env.IV_WAIT_MS ?? 15_000);

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

export async function openBrowser(engine) {
  const open = { chromium: openChromium, firefox: openFirefox, webkit: openWebKit }[engine];
  if (!open) throw new Error(`unknown engine "${engine}" (known: chromium, firefox, webkit)`);
  return open();
}

// ---------------------------------------------------------------------------------------------
// The shared page: everything above the few primitives each engine provides.

/** The source of a call of `fn` with JSON `args`, returning its (awaited) result as JSON text. */
function scriptBody(fn, args) {
  if (typeof fn === "string") return `${fn}\n;return JSON.stringify({});`;
  if (typeof fn !== "function") throw new TypeError("evaluate() takes a function or a script source");
  return `return Promise.resolve((${fn}).apply(null, ${JSON.stringify(args)})).then((v) => JSON.stringify({ v }));`;
}

const short = (fn) => String(fn).replace(/\s+/g, " ").slice(0, 160);

/** Finds the target element, scrolls it into view, and returns its centre or why it cannot. */
async function pointAt(target, args, guard) {
  const describe = (el) =>
    el ? `<${el.localName}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}>` : "nothing";
  let el;
  if (typeof target === "function") el = target(...args);
  else {
    let root = document;
    for (const part of target.split(">>>")) {
      el = root?.querySelector(part.trim());
      if (!el) break;
      root = el.shadowRoot;
    }
  }
  if (!el || !el.isConnected) return { error: "no such element" };
  el.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  // Wait until its box stops moving (layout, a smooth scroll): two equal frames in a row.
  const frame = () => new Promise((r) => (requestAnimationFrame(() => r()), setTimeout(r, 100)));
  let last = "";
  for (let i = 0; i < 30; i++) {
    await frame();
    const r = el.getBoundingClientRect();
    const now = `${r.x},${r.y},${r.width},${r.height}`;
    if (now === last) break;
    last = now;
  }
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return { error: `${describe(el)} has no size (not rendered?)` };
  const x = Math.round(r.left + r.width / 2);
  const y = Math.round(r.top + r.height / 2);
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return { error: `${describe(el)}'s centre ${x},${y} is off screen` };
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  const inside = (node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === el) return true;
    return false;
  };
  if (!inside(hit)) return { error: `${describe(el)} is covered by ${describe(hit)} at ${x},${y}` };
  if (guard) {
    // Between here and the click the page may still move (a scroll or a render that started
    // after the box stood still). A click that lands on anything but the target is stopped
    // before the page sees it, and said, so that click() can aim again instead of acting on
    // whatever moved under the pointer.
    window.__ivClickGuard?.remove();
    const kinds = ["pointerdown", "mousedown", "pointerup", "mouseup", "click"];
    const state = { missed: null, remove: () => kinds.forEach((k) => removeEventListener(k, check, true)) };
    function check(event) {
      const on = event.composedPath()[0];
      if (!inside(on)) {
        event.stopImmediatePropagation();
        event.preventDefault();
        state.missed = `${describe(on.nodeType === 1 ? on : on.parentElement)} at ${event.clientX},${event.clientY}`;
      }
      if (event.type === "click") state.remove();
    }
    kinds.forEach((k) => addEventListener(k, check, true));
    window.__ivClickGuard = state;
  }
  return { x, y };
}

/**
 * Every same-origin frame's recorded problems; a page without the recorder is a problem too.
 * `drain` empties the lists (before a navigation that may keep the document: a #fragment).
 */
function collectProblems(drain = false) {
  const out = [];
  const walk = (w, top) => {
    let list, href;
    try {
      list = w.__ivProblems;
      href = w.location.href;
    } catch {
      return; // another origin
    }
    if (list) out.push(...(drain ? list.splice(0) : list));
    else if (top || !/^about:/.test(href)) out.push(`recorder: not loaded in ${href} (serve({ recorder: true })?)`);
    for (let i = 0; i < w.frames.length; i++) walk(w.frames[i], false);
  };
  walk(window, true);
  return out;
}

/** Wraps an engine's primitives (run, navigate, reload, url, pointer, key, text, close). */
function makePage(engine, p) {
  const earlier = [];
  const keep = async () => {
    try {
      earlier.push(...(await page.evaluate(collectProblems, true)).filter((m) => !m.startsWith("recorder: not loaded in about:")));
    } catch {
      // nothing loaded yet, or the page is gone
    }
  };
  /**
   * Runs a navigation and makes sure it replaced the document (unless it only changes the
   * #fragment, which keeps it): a token left on the old document must be gone, and the new one
   * loaded, before anything else is sent to the page.
   */
  const navigate = async (go, to) => {
    await keep();
    const token = `${Date.now()}-${Math.random()}`;
    let marked = false;
    try {
      marked = await page.evaluate((token) => ((window.__ivNavToken = token), true), token);
    } catch {
      // nothing to mark
    }
    const from = marked ? await p.url() : null;
    await go();
    const fragmentOnly = to !== undefined && from !== null && new URL(to).hash !== "" && new URL(to, from).href.split("#")[0] === from.split("#")[0];
    if (marked && !fragmentOnly) {
      await page.waitFor((token) => window.__ivNavToken !== token && document.readyState === "complete", token);
    }
  };
  const page = {
    engine,
    goto: (url) => navigate(() => p.navigate(url), url),
    reload: () => navigate(() => p.reload()),
    url: () => p.url(),
    async evaluate(fn, ...args) {
      const json = await p.run(scriptBody(fn, args));
      return JSON.parse(json).v;
    },
    async waitFor(fn, ...args) {
      const deadline = Date.now() + WAIT_MS;
      let last, error;
      for (;;) {
        try {
          last = await page.evaluate(fn, ...args);
          error = undefined;
          if (last) return last;
        } catch (e) {
          error = e; // e.g. a navigation replaced the document: try again
        }
        if (Date.now() > deadline) {
          throw new Error(
            `${engine}: timed out after ${WAIT_MS} ms waiting for ${short(fn)}` +
              (args.length ? ` with ${JSON.stringify(args)}` : "") +
              (error ? ` (last error: ${error.message})` : ` (last value: ${JSON.stringify(last)})`),
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async click(target, ...args) {
      for (let attempt = 1; ; attempt++) {
        const { x, y } = await locate(target, args, "click");
        await p.pointer("click", x, y);
        let missed = null;
        try {
          // No guard left: the click replaced the document, which is a click that landed.
          missed = await page.evaluate(() => {
            const guard = window.__ivClickGuard;
            guard?.remove();
            delete window.__ivClickGuard;
            return guard?.missed ?? null;
          });
        } catch {
          // the page is navigating
        }
        if (!missed) return;
        if (attempt === 3) throw new Error(`${engine}: clicking ${short(target)} landed on ${missed}, three times (the page kept moving)`);
      }
    },
    async hover(target, ...args) {
      const { x, y } = await locate(target, args, "hover");
      await p.pointer("move", x, y);
    },
    async press(key) {
      const parts = key.length > 1 ? key.split("+") : [key];
      await p.key(parts.slice(0, -1), parts.at(-1));
    },
    type: (text) => p.text(text),
    async problems() {
      return [...earlier, ...(await page.evaluate(collectProblems))];
    },
    close: () => p.close(),
  };
  /** Waits until the target is there, visible and uncovered; returns its centre. */
  async function locate(target, args, action) {
    const call = typeof target === "function" ? `(${target})` : JSON.stringify(target);
    const body = `return (${pointAt})(${call}, ${JSON.stringify(args)}, ${action === "click"}).then((v) => JSON.stringify({ v }));`;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      let found;
      try {
        found = JSON.parse(await p.run(body)).v;
      } catch (e) {
        found = { error: e.message };
      }
      if (!found.error) return found;
      if (Date.now() > deadline) throw new Error(`${engine}: cannot ${action} ${short(target)}: ${found.error}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return page;
}

// ---------------------------------------------------------------------------------------------
// Chromium: playwright-core.

async function openChromium() {
  const browser = await launchChromium();
  return {
    engine: "chromium",
    async newPage({ width, height } = DEFAULT_VIEWPORT) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      return makePage("chromium", {
        run: (body) => page.evaluate(`(async () => { ${body} })()`),
        navigate: (url) => page.goto(url),
        reload: () => page.reload(),
        url: () => page.url(),
        pointer: (kind, x, y) => (kind === "click" ? page.mouse.click(x, y) : page.mouse.move(x, y)),
        key: (modifiers, key) => page.keyboard.press([...modifiers, key].join("+")),
        text: (text) => page.keyboard.type(text),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi.

async function openFirefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
    protocol: "webDriverBiDi",
  });
  return {
    engine: "firefox",
    async newPage({ width, height } = DEFAULT_VIEWPORT) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      return makePage("firefox", {
        run: (body) => page.evaluate(`(async () => { ${body} })()`),
        navigate: (url) => page.goto(url),
        reload: () => page.reload(),
        url: () => page.url(),
        pointer: (kind, x, y) => (kind === "click" ? page.mouse.click(x, y) : page.mouse.move(x, y)),
        async key(modifiers, key) {
          for (const m of modifiers) await page.keyboard.down(m);
          await page.keyboard.press(key === "Space" ? " " : key); // BiDi knows the space by its value
          for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
        },
        text: (text) => page.keyboard.type(text),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver) and selenium-webdriver.

const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
/** MiniBrowser's window cannot be made narrower than this (its toolbar). */
const WEBKIT_MIN_WIDTH = 447;

/** Process groups this process started (Xvfb, WebKitWebDriver and its browsers): ended on exit. */
const groups = new Set();
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const pid of groups) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    groups.clear();
  };
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      killAll();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** Starts `command` as the leader of a new process group (so it can be ended with its children). */
function startGroup(command, args, options) {
  hookExit();
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child.pid);
  child.once("exit", () => groups.delete(child.pid));
  child.exited = new Promise((r) => child.once("exit", r));
  return child;
}

/** Ends a process group: SIGTERM, then SIGKILL if it has not exited within 3 s. */
async function endGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise((r) => setTimeout(r, 3000, "timeout"));
  if ((await Promise.race([child.exited, timer])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
    await child.exited;
  }
  groups.delete(child.pid);
}

/** An unused TCP port on the loopback interface. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Resolves with what `child` says on its stream `fd` up to the first newline. */
const firstLine = (child, fd, what) =>
  new Promise((resolve, reject) => {
    let text = "";
    child.stdio[fd].on("data", (d) => {
      text += d;
      if (text.includes("\n")) resolve(text.trim());
    });
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before it was ready`)));
  });

/** Starts a WebKitWebDriver on a free port of display `display`; resolves with it and its URL. */
async function startWebKitDriver(display) {
  let log = "";
  // The port could be taken between freePort() and the driver's bind: then try another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const driver = startGroup(process.env.WEBKITWEBDRIVER || "WebKitWebDriver", [`--port=${port}`, "--host=127.0.0.1"], {
      env: { ...process.env, DISPLAY: display, GDK_BACKEND: "x11" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    driver.stderr.on("data", (d) => (log = (log + d).slice(-2000)));
    for (let i = 0; i < 100 && driver.exitCode === null; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { driver, url: `http://127.0.0.1:${port}` };
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await endGroup(driver);
  }
  throw new Error(`WebKitWebDriver did not start: ${log}`);
}

async function openWebKit() {
  const { Builder, Key, Origin } = await import("selenium-webdriver");
  // Xvfb picks a free display itself and writes its number to fd 3.
  const xvfb = startGroup("Xvfb", ["-displayfd", "3", "-screen", "0", "1920x1200x24", "-nolisten", "tcp", "-noreset"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let display;
  try {
    display = `:${await firstLine(xvfb, 3, "Xvfb")}`;
  } catch (error) {
    await endGroup(xvfb);
    throw error;
  }
  const KEYS = {
    Enter: Key.ENTER,
    Space: Key.SPACE,
    Escape: Key.ESCAPE,
    Tab: Key.TAB,
    Backspace: Key.BACK_SPACE,
    ArrowDown: Key.ARROW_DOWN,
    ArrowUp: Key.ARROW_UP,
    ArrowLeft: Key.ARROW_LEFT,
    ArrowRight: Key.ARROW_RIGHT,
    Home: Key.HOME,
    End: Key.END,
    Shift: Key.SHIFT,
    Control: Key.CONTROL,
    Alt: Key.ALT,
    Meta: Key.META,
  };
  const keyOf = (name) => {
    if (KEYS[name]) return KEYS[name];
    if ([...name].length === 1) return name;
    throw new Error(`webkit: no WebDriver key for "${name}"`);
  };
  /** Open pages' close functions. */
  const open = new Set();
  return {
    engine: "webkit",
    // WebKitWebDriver serves one session at a time, so each page has its own driver (and its
    // own MiniBrowser, with its own storage), all on the browser's one X display.
    async newPage({ width, height } = DEFAULT_VIEWPORT) {
      if (width < WEBKIT_MIN_WIDTH) throw new Error(`webkit: MiniBrowser's window cannot be narrower than ${WEBKIT_MIN_WIDTH} px`);
      const { driver, url } = await startWebKitDriver(display);
      let session;
      const close = async () => {
        if (!open.delete(close)) return;
        await session?.quit().catch(() => {});
        await endGroup(driver);
      };
      open.add(close);
      try {
        session = await new Builder()
          .usingServer(url)
          .withCapabilities({
            browserName: "MiniBrowser",
            "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
          })
          .build();
        // Size the window so that its viewport (not its frame) is width × height.
        const window = session.manage().window();
        await window.setRect({ width, height });
        const [innerWidth, innerHeight] = await session.executeScript("return [innerWidth, innerHeight]");
        if (innerWidth !== width || innerHeight !== height) {
          await window.setRect({ width: 2 * width - innerWidth, height: 2 * height - innerHeight });
        }
      } catch (error) {
        await close();
        throw error;
      }
      return makePage("webkit", {
        run: (body) => session.executeScript(`return (async () => { ${body} })()`),
        navigate: (to) => session.get(to),
        reload: () => session.navigate().refresh(),
        url: () => session.getCurrentUrl(),
        async pointer(kind, x, y) {
          const actions = session.actions().move({ x, y, origin: Origin.VIEWPORT, duration: 0 });
          await (kind === "click" ? actions.press().release() : actions).perform();
        },
        async key(modifiers, key) {
          let actions = session.actions();
          for (const m of modifiers) actions = actions.keyDown(keyOf(m));
          actions = actions.keyDown(keyOf(key)).keyUp(keyOf(key));
          for (const m of [...modifiers].reverse()) actions = actions.keyUp(keyOf(m));
          await actions.perform();
        },
        text: (text) => session.actions().sendKeys(text).perform(),
        close,
      });
    },
    async close() {
      await Promise.all([...open].map((close) => close()));
      await endGroup(xvfb);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// For test files: one browser per engine and file, one fresh page per open().

/**
 * Call inside `describe(engine, …)`: launches the engine's browser before the block's tests and
 * closes it after them; the pages a test opened are closed after that test, pass or fail.
 * `open(url, viewport?)` is a new page on `url`; `newPage(viewport?)` one that is still blank.
 */
export function browserSuite(engine, { before, after, afterEach }) {
  const suite = { browser: null, pages: [] };
  before(async () => {
    suite.browser = await openBrowser(engine);
  });
  afterEach(async () => {
    await Promise.all(suite.pages.splice(0).map((page) => page.close().catch(() => {})));
  });
  after(async () => {
    await suite.browser?.close();
  });
  suite.newPage = async (viewport) => {
    const page = await suite.browser.newPage(viewport);
    suite.pages.push(page);
    return page;
  };
  suite.open = async (url, viewport) => {
    const page = await suite.newPage(viewport);
    await page.goto(url);
    return page;
  };
  return suite;
}
