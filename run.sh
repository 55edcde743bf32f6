#!/usr/bin/env bash
# Builds and runs LOI Drafter on its built-in sample library (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh app
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display; starting the app under xvfb-run (install xvfb if missing)" >&2
  exec xvfb-run -a cargo run "$@"
fi
exec cargo run "$@"
