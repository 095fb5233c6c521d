#!/usr/bin/env bash
# Runs every test, set-up included: the core natively, components in headless Chromium
# (wasm-bindgen-test), then the release build end to end in Chromium (Playwright + axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1/3 core and the prerendering, natively (cargo test --features interview-viewer/ssr,interview-core/text-formats)"
# ssr builds the server renderer, so the embed snippet's tests and iv-convert run too;
# text-formats the core's other importers (the viewer's wasm leaves them out).
cargo test --quiet --features interview-viewer/ssr,interview-core/text-formats
# The core as the viewer's wasm builds it: without the other text formats' importers; and the
# importers' own module (a workspace member, not a default one).
cargo test --quiet -p interview-core --lib
cargo test --quiet -p interview-importers

step "2/3 components in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown -p interview-viewer --test web

step "3/3 release build end to end: Chromium, and Firefox ESR and WebKitGTK (e2e/engines-*), with axe-core"
trunk build --release
node --test --test-concurrency=1 e2e/
