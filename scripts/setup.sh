#!/usr/bin/env bash
# Installs what LOI Drafter needs to build (profile "app") or to build and test
# (profile "test") on Debian/Ubuntu; profile "test-tools" is what only the tests
# need (./test.sh installs it while the code compiles). Idempotent: installs only
# what is missing.
# On macOS and Windows it says what to install instead.
set -euo pipefail

profile="${1:-app}"

app_packages=(libwebkit2gtk-4.1-dev build-essential pkg-config libxdo-dev libssl-dev
              libayatana-appindicator3-dev librsvg2-dev)
# strace and iproute2: ./test.sh runs the tests in a network namespace of their
# own and fails on any connection attempt outside loopback.
test_packages=(xvfb webkit2gtk-driver xclip dbus-daemon libreoffice-writer-nogui poppler-utils imagemagick
               strace iproute2)

say() { printf 'setup: %s\n' "$*" >&2; }

case "$(uname -s)" in
  Darwin)
    say "macOS: install Xcode command line tools (xcode-select --install) and Rust (rustup); nothing else is needed."
    command -v cargo >/dev/null || { say "cargo not found: install Rust from rustup"; exit 1; }
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*)
    say "Windows: install Rust (rustup, MSVC toolchain) and the Microsoft C++ Build Tools; WebView2 ships with Windows 10/11."
    exit 0 ;;
esac

command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup (https://rustup.rs) first"; exit 1; }

if ! command -v dpkg >/dev/null; then
  say "not a Debian-like system: install the equivalents of: ${app_packages[*]}"
  exit 0
fi

case "$profile" in
  app) wanted=("${app_packages[@]}") ;;
  test) wanted=("${app_packages[@]}" "${test_packages[@]}") ;;
  test-tools) wanted=("${test_packages[@]}") ;;
  *) say "unknown profile $profile (app, test or test-tools)"; exit 1 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$profile" != app ] && ! command -v tauri-driver >/dev/null; then
  say "installing tauri-driver (WebDriver for the app window)"
  cargo install tauri-driver --locked --quiet
fi
