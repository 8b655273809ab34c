#!/usr/bin/env bash
# Draw the mini-program's tab bar icons (miniprogram/images/tab/*.png, 81×81) from the SVG sources in
# miniprogram/images/tab/icons.js with headless Chromium (transparent background).
set -euo pipefail
cd "$(dirname "$0")/../miniprogram/images/tab"
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for name in $(node icons.js "$work"); do
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size=81,81 --screenshot="$PWD/$name.png" "file://$work/$name.html" >/dev/null 2>&1
done
ls -l ./*.png
