#!/usr/bin/env bash
# The soak: runs the native property tests round after round, each round from a fresh random
# seed, for as long as asked. The test command (scripts/test.sh) runs the same properties from a
# fixed seed, so it gives the same answer every run; the soak is where new cases are explored.
#
#   bash scripts/soak.sh [minutes, default 30] [cases per property per round, default 2000]
#
# A failing round prints its seed (rerun it with IV_SOAK_SEED=<seed> IV_SOAK_CASES=<cases>
# cargo test --profile soak --tests -- properties::) and proptest saves the shrunk case in
# crates/core/tests/<file>.proptest-regressions, which the test command then replays on every run. Pin each
# real failure as a named example test too. Exits 1 if any round failed.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
cases="${2:-2000}"
threads="${IV_SOAK_THREADS:-1}" # leaves the other core for work while it runs

cargo test --profile soak --tests --no-run --quiet || exit 2
end=$(($(date +%s) + minutes * 60))
rounds=0 runs=0 failed=0
log="$(mktemp -t iv-soak.XXXXXX)"
echo "soak: ${minutes} min, ${cases} cases per property per round, log in $log"
while [ "$(date +%s)" -lt "$end" ]; do
  seed="$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')"
  rounds=$((rounds + 1))
  if IV_SOAK_SEED="$seed" IV_SOAK_CASES="$cases" \
    cargo test --profile soak --tests --quiet -- properties:: --test-threads="$threads" >"$log.round" 2>&1; then
    status="ok"
  elif grep -q "error: could not compile" "$log.round"; then
    # The tree changed under the soak and no longer builds: that is not a property failure.
    grep -m1 -A5 "^error" "$log.round"
    echo "soak: the code stopped compiling in round $rounds; stopping (run the soak on a tree you are not editing)"
    exit 2
  else
    status="FAILED"
    failed=$((failed + 1))
  fi
  passed="$(grep -o '[0-9]* passed' "$log.round" | awk '{s += $1} END {print s + 0}')"
  fails="$(grep -o '[0-9]* failed' "$log.round" | awk '{s += $1} END {print s + 0}')"
  if [ $((passed + fails)) -eq 0 ]; then
    # Nothing ran (the tree was moved or removed): not a finding; stop and say so.
    tail -5 "$log.round"
    echo "soak: no property ran in round $rounds; stopping (is the tree still there?)"
    exit 2
  fi
  runs=$((runs + passed + fails))
  printf 'round %d seed %s: %s (%d properties passed, %d failed)\n' "$rounds" "$seed" "$status" "$passed" "$fails" | tee -a "$log"
  if [ "$status" = "FAILED" ]; then
    grep -E "^test .* FAILED|minimal failing input|panicked at|Test failed" "$log.round" | tee -a "$log"
  fi
done
rm -f "$log.round"
echo "soak: $rounds rounds, $runs property runs of $cases cases = $((runs * cases)) cases, $failed failed rounds"
[ "$failed" -eq 0 ]
