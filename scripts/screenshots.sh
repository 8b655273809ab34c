#!/usr/bin/env bash
# Screenshots of every mini-program page at 375×812 (2x), rendered from the real backend's answers:
# start the backend and WeChat sandbox on scratch ports (embedded defaults, demo data), render each page
# with miniprogram-simulate (miniprogram/scripts/screens), screenshot the HTML with Chromium, and write
# miniprogram/docs/screenshots/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd miniprogram && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API_PORT=$(port); BOX_PORT=$(port)
workdir=$(mktemp -d)
log="$workdir/backend.log"
# ENCODER=none: matching by the word and character parts only, so the backend starts in seconds.
env -u REDIS_URL -u WECHAT_API_BASE ENCODER="${ENCODER:-none}" DATABASE_URL="sqlite://$workdir/app.sqlite3" \
  PORT="$API_PORT" SANDBOX_PORT="$BOX_PORT" MODEL_DIR="$workdir/models" PHOTO_DIR="$workdir/photos" \
  setsid .venv/bin/python -m server dev >"$log" 2>&1 &
backend=$!
cleanup() { kill "$backend" 2>/dev/null || true; wait "$backend" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$API_PORT/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$backend" 2>/dev/null; then cat "$log" >&2; echo "backend failed to start" >&2; exit 1; fi
  sleep 0.3
done
mkdir -p "$workdir/html"
.venv/bin/python scripts/screenshots.py leaf "$workdir/leaf.png"
(cd miniprogram && KJY_API_BASE="http://127.0.0.1:$API_PORT" KJY_SANDBOX_BASE="http://127.0.0.1:$BOX_PORT" \
  KJY_SCREENSHOT_HTML="$workdir/html" KJY_SCREENSHOT_PHOTO="$workdir/leaf.png" \
  npx jest -c jest.screenshots.config.js)
.venv/bin/python scripts/screenshots.py shoot "$workdir/html" miniprogram/docs/screenshots
