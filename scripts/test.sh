#!/usr/bin/env bash
# One command for a fresh machine: set up and run the whole test suite.
#   ./scripts/test.sh              lint, import contracts, pytest, mini-program tests
#   ./scripts/test.sh --backend    pytest only (used for the second CI pass)
#   TEST_WORKERS=0 ./scripts/test.sh   pytest in one process (default: 2 workers)
# Uses TEST_DATABASE_URL / TEST_REDIS_URL (or DATABASE_URL / REDIS_URL) when set,
# SQLite and the in-process store otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# The console's browser tests drive Debian's Chromium through Playwright (never Playwright's own
# browser downloads); install it when missing. Without it those tests fail, they never skip.
# fonts-noto-cjk: without a CJK font the screenshots show boxes instead of Chinese.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
  echo "==> installing Chromium and CJK fonts for the console's browser tests"
  SUDO=""; if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
backend_only=0
if [ "${1:-}" = "--backend" ]; then backend_only=1; shift; fi

if [ "$backend_only" = 0 ]; then
  echo "==> ruff"
  .venv/bin/ruff check .
  echo "==> import contracts"
  .venv/bin/lint-imports
fi

echo "==> pytest (database: ${TEST_DATABASE_URL:-${DATABASE_URL:-sqlite (embedded)}}, redis: ${TEST_REDIS_URL:-${REDIS_URL:-in-process}})"
# Two pytest-xdist workers, each a session with its own database, sandbox and store (tests/conftest.py); with
# a real Redis, worker N uses the URL's database number + N. TEST_WORKERS=0 runs one process.
xdist=()
if [ "${TEST_WORKERS:-2}" != 0 ]; then xdist=(-n "${TEST_WORKERS:-2}" --dist loadgroup --no-loadscope-reorder); fi
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "${xdist[@]}" "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: treating as a failure" >&2
  exit 1
fi
[ "$status" = 0 ] || exit "$status"

if [ "$backend_only" = 0 ] && [ -f miniprogram/package.json ]; then
  echo "==> mini-program tests"
  ./scripts/test-miniprogram.sh
fi
