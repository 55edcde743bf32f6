#!/usr/bin/env bash
# Runs every test of LOI Drafter: formatting, lints, unit, integration, CLI and
# real-window WebDriver tests (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh test
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace "$@"
# Start-up and editor speed are measured on what users run: the release build.
if [ $# -eq 0 ]; then
  cargo test --release --test app_window speed_with_two_thousand_documents -- --nocapture
fi
