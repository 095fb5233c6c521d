#!/usr/bin/env bash
# The benchmark: builds the release and prints, in one run, the download sizes of a first visit,
# cold-load paint and interactivity (against a static HTML page of the same interview) over loopback
# and on emulated slow 4G (the standalone page, a host with the element, a host with the embed
# snippet), the wasm's top size contributors (twiggy), memory,
# and search latency (native and in the browser); then rewrites BENCHMARKS.md with the figures.
# Budgets are reported as PASS/MISS; the exit code only says whether the benchmark could run.
#
#   bash scripts/setup.sh          # once
#   bash scripts/bench.sh [--runs N] [--reps M] [--slow-runs K]
#
# --runs: cold loads per page over loopback (default 15); --reps: repetitions per search query
# (default 10); --slow-runs: cold loads per page on emulated slow 4G (default 7).
# Everything runs on this machine over 127.0.0.1, each step under a time limit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

for tool in cargo trunk wasm-bindgen wasm-opt node "$CHROMIUM"; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool is missing; run: bash scripts/setup.sh" >&2
    exit 1
  fi
done
if [ ! -d node_modules/playwright-core ]; then
  echo "bench: node_modules/playwright-core is missing; run: bash scripts/setup.sh" >&2
  exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/iv-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# The release build into a private folder: other builds and tests may be using dist/ meanwhile.
step "1/5 release build (trunk build --release --dist $WORK/dist)"
timeout 1800 trunk build --release --dist "$WORK/dist"

# The same wasm with its names, for `twiggy top` (the release profile is already compiled above).
# twiggy comes from crates.io the first time (about a minute).
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null || true)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  cargo install --quiet --locked twiggy --version "$TWIGGY_VERSION" || echo "bench: twiggy could not be installed; the size breakdown is skipped" >&2
fi
timeout 900 cargo build --quiet --release --target wasm32-unknown-unknown --bin interview-viewer
wasm-bindgen --target web --out-dir "$WORK/wasm-names" target/wasm32-unknown-unknown/release/interview-viewer.wasm

step "2/5 test data (examples/synthetic_json.rs): the seed and the 1 MB synthetic interview"
timeout 900 cargo run --release --quiet --example synthetic_json -- "$WORK/seed.json" seed
timeout 900 cargo run --release --quiet --example synthetic_json -- "$WORK/synthetic.json" 1000000
mkdir -p "$WORK/sizes"
for n in 100 1000 5000; do
  timeout 900 cargo run --release --quiet --example synthetic_json -- "$WORK/sizes/q$n.json" --questions "$n"
done

step "3/5 native search (cargo bench --bench search)"
timeout 1800 cargo bench --quiet --bench search | tee "$WORK/search-bench.txt"

step "4/5 browser figures and BENCHMARKS.md (node bench/run.mjs)"
timeout 1500 node bench/run.mjs --data "$WORK" --dist "$WORK/dist" --command "bash scripts/bench.sh $*" "$@"

step "5/5 search at 100, 1,000 and 5,000 questions, Event Timing (node bench/search-sizes.mjs)"
timeout 1200 node bench/search-sizes.mjs --data "$WORK/sizes" --dist "$WORK/dist" --append BENCHMARKS.md
