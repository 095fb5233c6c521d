#!/usr/bin/env bash
# Serves the viewer (the embedded interview) on http://127.0.0.1:8080, set-up included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release "$@"
