#!/usr/bin/env bash
# Mutation testing of the core (issue 16): cargo-mutants changes the core's code one mutant at a
# time (a `true` for a condition, a `-` for a `+`, …) and runs the core's tests; a mutant no test
# notices is behaviour no test guards. Prints the score (caught / (caught + missed); timeouts
# count as caught: a loop that stops advancing is noticed) and the missed mutants.
#
#   bash scripts/mutants.sh                       # the whole core (about 1,400 mutants: hours)
#   bash scripts/mutants.sh crates/core/src/state.rs crates/core/src/spans.rs   # some files
#
# Any other argument goes to cargo-mutants. A quicker partial run tests each mutant with some
# test targets only, e.g. `--cargo-test-arg=--lib --cargo-test-arg=--test=json`: what they catch
# is caught, but what they miss may be caught by another target, so re-run the misses without it.
# IV_MUTANTS_OUT names the output folder (default target/mutants-run), for runs side by side.
#
# Exclusions, each with its reason: .cargo/mutants.toml. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=27.1.0
if [ "$(cargo mutants --version 2>/dev/null || true)" != "cargo-mutants $VERSION" ]; then
  cargo install --quiet --locked cargo-mutants --version "$VERSION"
fi
files=()
for arg in "$@"; do
  if [ -f "$arg" ]; then files+=(--file "$arg"); else files+=("$arg"); fi
done
OUT=${IV_MUTANTS_OUT:-target/mutants-run}
rm -rf "$OUT"
cargo mutants -p interview-core --no-shuffle -j 2 --output "$OUT" "${files[@]}" || true
node -e '
  const outcomes = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const by = {};
  for (const o of outcomes.outcomes) {
    const m = o.scenario?.Mutant;
    if (!m) continue;
    const file = m.file ?? m.source_file?.path ?? "?";
    const summary = o.summary;
    const row = (by[file] ??= { caught: 0, missed: 0, timeout: 0, unviable: 0 });
    if (summary === "CaughtMutant") row.caught++;
    else if (summary === "MissedMutant") row.missed++;
    else if (summary === "Timeout") row.timeout++;
    else row.unviable++;
  }
  let caught = 0, missed = 0;
  for (const [file, r] of Object.entries(by).sort()) {
    const score = (100 * (r.caught + r.timeout)) / Math.max(1, r.caught + r.timeout + r.missed);
    console.log(`${file.padEnd(48)} ${String(r.caught + r.timeout).padStart(4)} caught ${String(r.missed).padStart(3)} missed ${String(r.unviable).padStart(3)} unviable  ${score.toFixed(1)} %`);
    caught += r.caught + r.timeout;
    missed += r.missed;
  }
  console.log(`score: ${(100 * caught / Math.max(1, caught + missed)).toFixed(1)} % (${caught} caught, ${missed} missed)`);
' "$OUT/mutants.out/outcomes.json"
echo "missed mutants: $OUT/mutants.out/missed.txt"
cat "$OUT/mutants.out/missed.txt" 2>/dev/null || true
