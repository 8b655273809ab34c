#!/usr/bin/env bash
# Mini-program tests: jest + miniprogram-simulate unit suites (while the backend starts), then the suite
# that drives the request wrapper against the real backend and WeChat sandbox started here (embedded defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "npm is required for the mini-program tests" >&2; exit 1; }
# npm ci only when package-lock.json changed since the last install (it deletes node_modules first).
want=$(sha256sum miniprogram/package-lock.json | cut -d' ' -f1)
if [ "$(cat miniprogram/node_modules/.kjy-lock.sha 2>/dev/null)" != "$want" ]; then
  (cd miniprogram && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > miniprogram/node_modules/.kjy-lock.sha
fi

port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API_PORT=$(port); BOX_PORT=$(port)
workdir=$(mktemp -d)
log="$workdir/backend.log"
# ENCODER=none: the suite checks the mini-program, not the ranking, and the worker starts sooner without the
# sentence encoder (Sanic kills a worker, and its process group, that takes over 30 s to start: seen on a busy
# machine). setsid: whatever the backend does to its own group, this script survives to report it.
env -u REDIS_URL -u WECHAT_API_BASE ENCODER="${ENCODER:-none}" PUSH_QUIET_HOURS=0 DATABASE_URL="sqlite://$workdir/app.sqlite3" \
  PORT="$API_PORT" SANDBOX_PORT="$BOX_PORT" MODEL_DIR="$workdir/models" PHOTO_DIR="$workdir/photos" \
  setsid .venv/bin/python -m server dev >"$log" 2>&1 &
backend=$!
cleanup() { kill "$backend" 2>/dev/null || true; wait "$backend" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT
# The unit suites run while the backend starts.
(cd miniprogram && npm run test:unit)
for _ in $(seq 1 600); do  # up to 3 min: the first start embeds the demo posts and articles
  if curl -fsS "http://127.0.0.1:$API_PORT/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$backend" 2>/dev/null; then cat "$log" >&2; echo "backend failed to start" >&2; exit 1; fi
  sleep 0.3
done
curl -fsS "http://127.0.0.1:$API_PORT/healthz" >/dev/null || { cat "$log" >&2; exit 1; }
(cd miniprogram && KJY_API_BASE="http://127.0.0.1:$API_PORT" KJY_SANDBOX_BASE="http://127.0.0.1:$BOX_PORT" \
  npm run test:integration)
