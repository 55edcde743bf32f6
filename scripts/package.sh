#!/usr/bin/env bash
# Builds LOI Drafter's installer for this system with the Tauri CLI (installed with
# cargo when missing): on Linux `scripts/package.sh` writes target/release/bundle/deb/*.deb;
# any other bundle kind can be named (`scripts/package.sh appimage`, `dmg`, `nsis`, `msi`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
if ! cargo tauri --version >/dev/null 2>&1; then
  echo "package: installing the Tauri CLI (cargo install tauri-cli)" >&2
  cargo install tauri-cli --version "^2" --locked
fi
case "$(uname -s)" in
  Darwin) default=dmg ;;
  MINGW*|MSYS*|CYGWIN*) default=nsis ;;
  *) default=deb ;;
esac
cargo tauri build --bundles "${1:-$default}"
