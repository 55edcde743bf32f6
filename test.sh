#!/usr/bin/env bash
# Runs every test of LOI Drafter: formatting, lints, unit, integration, CLI and
# real-window WebDriver tests, including the start-up and editor speed test
# (installs what is missing first). Arguments go to `cargo test` (e.g. a test's
# name). The tests run without network: in a network namespace of their own
# (loopback only), under a trace that fails the run on any connection to an
# address that is not the machine's own.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'test.sh: %s\n' "$*" >&2; }

# How long each phase took, printed at the end (also when a phase fails).
phase_start=$SECONDS
timings=()
mark() {
  timings+=("$(printf '%-46s %5d s' "$1" $((SECONDS - phase_start)))")
  phase_start=$SECONDS
}
report() {
  local status=$?
  [ "${#timings[@]}" -gt 0 ] || exit "$status"
  say "time per phase:"
  printf '  %s\n' "${timings[@]}" >&2
  printf '  %-46s %5d s\n' "total" "$SECONDS" >&2
  exit "$status"
}
trap report EXIT

# Strict: a missing tool fails the window tests instead of skipping them (a
# plain `cargo test` skips them, saying why).
export LOI_TEST_STRICT=1
# A fresh build compiles each crate once: incremental compilation only costs time.
if [ -n "${CI:-}" ]; then
  export CARGO_INCREMENTAL=0
fi

# The tests on real documents read ../shared/corpus/ beside the repository;
# without it they pass without measuring (cargo hides what a passing test
# prints), so say so here once.
if [ ! -f ../shared/corpus/crpd/manifest.json ]; then
  say "no CRPD corpus at $(cd .. && pwd)/shared/corpus/crpd: the tests on real documents pass without measuring anything"
fi

# What compiling needs (the webkit -dev packages) is installed first; what only
# the tests need (Xvfb, WebKitWebDriver, LibreOffice, tauri-driver, …) installs
# beside the build, which does not use it, and is waited for before the tests.
scripts/setup.sh app
tools_log=$(mktemp)
tools_time=$(mktemp)
(
  started=$SECONDS
  scripts/setup.sh test-tools
  echo $((SECONDS - started)) >"$tools_time"
) >"$tools_log" 2>&1 &
tools_pid=$!
mark "setup: packages for the build"

cargo fmt --all -- --check
mark "fmt"

# One build for lints and tests: clippy lints the workspace's crates while they
# are compiled for the tests (as `cargo clippy` does, through
# RUSTC_WORKSPACE_WRAPPER), so the dependencies are compiled once, not also
# checked a second time for clippy. Warnings fail the build.
clippy_driver="$(rustc --print sysroot)/bin/clippy-driver"
if [ ! -x "$clippy_driver" ]; then
  say "clippy is not installed: rustup component add clippy"
  exit 1
fi
export RUSTC_WORKSPACE_WRAPPER="$clippy_driver"
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
# Unit tests of the libraries and every integration test (the binaries and
# doctests hold no tests); the benchmarks are compiled and linted, not run.
targets=(--workspace --lib --test '*')
cargo test "${targets[@]}" --bench '*' --no-run
mark "build + clippy (one compile of the workspace)"

if ! wait "$tools_pid"; then
  cat "$tools_log" >&2
  say "installing the test tools failed"
  exit 1
fi
cat "$tools_log" >&2
mark "setup: test tools (waiting after the build)"
timings+=("$(printf '%-46s %5d s' "  (test tools install, beside the build)" "$(cat "$tools_time")")")

# Runs "$@" with no network: a network namespace with only loopback up (the
# WebDriver tests talk HTTP to tauri-driver on 127.0.0.1), under strace, which
# logs every connect(2) of every process; any connection attempt to an address
# other than loopback fails the run. Together: the app starts, imports, drafts,
# compares and exports with no network, and does not even try to reach one.
without_network() {
  if [ "$(uname -s)" != Linux ]; then
    say "not Linux: the tests run with the network (no network namespaces here)"
    "$@"
    return
  fi
  local trace
  trace=$(mktemp)
  local ip
  ip=$(command -v ip || echo /usr/sbin/ip)
  local unshare=(unshare --net)
  [ "$(id -u)" -eq 0 ] || unshare=(unshare --user --map-root-user --net)
  local status=0
  "${unshare[@]}" -- sh -c '"$0" link set lo up && exec "$@"' "$ip" \
    strace -f --seccomp-bpf -qq -e trace=connect -e signal=none -o "$trace" "$@" || status=$?
  local outside
  outside=$(grep -E 'sa_family=AF_INET6?,' "$trace" |
    grep -vE '"(127\.[0-9.]+|::1|::ffff:127\.[0-9.]+)"' || true)
  local local_ones
  local_ones=$(grep -cE 'sa_family=AF_INET6?,' "$trace" || true)
  rm -f "$trace"
  if [ -n "$outside" ]; then
    say "network connections attempted during the tests:"
    printf '%s\n' "$outside" >&2
    return 1
  fi
  say "no connection outside loopback during the tests (${local_ones} to loopback)"
  return "$status"
}

without_network cargo test --offline "${targets[@]}" "$@"
mark "tests (no network)"
