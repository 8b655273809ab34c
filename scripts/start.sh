#!/usr/bin/env bash
# One command for a fresh machine: set up, migrate, load demo data, start the WeChat sandbox and serve.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/python -m server dev
