#!/bin/sh
# The crash test at scale: a child process appends events to a store and
# acknowledges each commit; it is killed with SIGKILL at random moments, and
# after each kill every acknowledged event must be there, no transaction half
# there, and PRAGMA integrity_check must say ok.
# Usage: scripts/crash-test.sh [ROUNDS]   (default 1000)
set -eu
cd "$(dirname "$0")/.."
rounds="${1:-1000}"
swift build --build-tests
ATELIER_CRASH_ROUNDS="$rounds" swift test --skip-build --filter CrashTests
