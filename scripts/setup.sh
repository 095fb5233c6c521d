#!/usr/bin/env bash
# Installs everything the viewer needs to build and test, skipping what is already present at the
# right version. A fresh machine has only Rust (rustup), Node/npm and apt; the first run compiles
# Trunk and wasm-bindgen-cli from crates.io (the bulk of its time), later runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# Build tools need no LTO: compiling them without it (and with many codegen units) cuts the first
# run on a 2-core machine by minutes.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

# 1. The WebAssembly target (rust-toolchain.toml names it; this makes sure it is there).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. The browser tests' engines, all Debian's: Chromium and ChromeDriver; Firefox ESR (driven over
#    WebDriver BiDi); WebKitGTK's MiniBrowser with WebKitWebDriver, on an Xvfb display.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
  say "installing chromium, chromium-driver, firefox-esr, webkit2gtk-driver and xvfb (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb >/dev/null
fi

# 3. Trunk, pinned: 0.22 needs a newer rustc than this machine's.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (compiles from source: several minutes)"
  fast_install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen-cli at exactly the library's version (Trunk refuses a mismatch). Not --locked:
#    its lock file names a crate version the registry no longer serves.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles from source: several minutes)"
  fast_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 5. Node packages: wasm-opt (npm binaryen 132: Debian's 108 cannot read Rust 1.95's output),
#    playwright-core (drives /usr/bin/chromium), puppeteer-core (drives /usr/bin/firefox-esr),
#    selenium-webdriver (talks to WebKitWebDriver) — none downloads a browser — and axe-core.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "ready"
