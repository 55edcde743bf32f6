#!/usr/bin/env bash
# Fuzz every importer and the parser with 10,000 seeded mutations of the
# samples (and of a few CRPD PDFs when ../shared/corpus/crpd exists), each file
# read through the isolated import worker.
#
#   scripts/fuzz.sh                 # 10,000 cases, the default seed
#   scripts/fuzz.sh 50000           # more cases
#   LOI_FUZZ_SEED=123 scripts/fuzz.sh   # another seed (the test prints the one it used)
set -euo pipefail
cd "$(dirname "$0")/.."
export LOI_FUZZ_CASES="${1:-${LOI_FUZZ_CASES:-10000}}"
exec cargo test -p loi-core --test fuzz_importers -- \
  fuzz_every_importer_and_the_parser_through_the_isolated_worker --nocapture
