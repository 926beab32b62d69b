#!/usr/bin/env bash
# The whole test suite (`make test`): unit tests, store conformance and
# end-to-end HTTP/CLI tests on SQLite and PostgreSQL under ASan+UBSan, then
# browser tests in Debian's chromium against the optimized build. Starts a
# throwaway PostgreSQL cluster and an SMTP sink, and removes them after.
# Prints a closing line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n== %s\n' "$*"; }

step "dependencies"
scripts/install-deps.sh --test || exit 1

step "build: optimized server (for the browser tests)"
cmake --preset release -G Ninja >/dev/null && cmake --build build/release --target hallway || exit 1
step "build: ASan+UBSan server and tests"
cmake --preset asan -G Ninja >/dev/null && cmake --build build/asan || exit 1
step "build: web UI"
scripts/build-web.sh || exit 1

state=$(mktemp -d /tmp/hallway-test-services.XXXXXX)
cleanup() { scripts/test-services.sh stop "$state" >/dev/null 2>&1 || true; }
trap cleanup EXIT
step "services: PostgreSQL cluster and SMTP sink"
eval "$(scripts/test-services.sh start "$state")" || exit 1

passed=0
failed=0
record() { if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $2"; fi; }

step "C++ tests (ctest, ASan+UBSan, SQLite and PostgreSQL)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/asan --output-on-failure
record $? "C++ tests"

step "browser tests (playwright-core driving /usr/bin/chromium)"
# The server's database and uploads go inside $state, which cleanup removes
# (playwright.config.ts creates the directory).
(cd web && HALLWAY_BIN="$root/build/release/hallway" HALLWAY_E2E_TMP="$state/e2e" \
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test)
record $? "browser tests"

echo
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
