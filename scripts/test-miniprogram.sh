#!/usr/bin/env bash
# Mini-program tests: jest + miniprogram-simulate unit suites, then the suite that drives the
# request wrapper against the real backend and WeChat sandbox started here.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "npm is required for the mini-program tests" >&2; exit 1; }
(cd miniprogram && npm ci --no-audit --no-fund --loglevel=error && npm test)
