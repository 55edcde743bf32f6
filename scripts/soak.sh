#!/usr/bin/env bash
# The long reliability runs (not part of ./test.sh): two writers for 60 s on one
# draft, 1,000 processes killed mid-write, and 10,000 fuzzed files.
set -euo pipefail
cd "$(dirname "$0")/.."
export LOI_WRITERS_SECONDS="${LOI_WRITERS_SECONDS:-60}"
export LOI_KILLS="${LOI_KILLS:-1000}"
cargo test -p loi-core --test writers -- --nocapture --test-threads 1
exec scripts/fuzz.sh
