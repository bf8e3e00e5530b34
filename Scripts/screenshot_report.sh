#!/bin/sh
# Renders a statement pack's statement.html to a PNG with headless Chromium, for a visual check.
# Usage: Scripts/screenshot_report.sh [HTML_FILE] [PNG_FILE]
# Without arguments it builds tierscan, writes the 2025 sample pack (with 2024 as --previous)
# under .build/screenshot/ and renders .build/screenshot/statement.png.
set -eu
cd "$(dirname "$0")/.."
html="${1:-}"
png="${2:-.build/screenshot/statement.png}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "screenshot_report.sh: no chromium found (apt-get install -y chromium)" >&2
  exit 1
fi
if [ -z "$html" ]; then
  swift build >/dev/null
  bin=.build/debug/tierscan
  mkdir -p .build/screenshot
  "$bin" statement SampleData/2024 --focus NWT --year 2024 --out .build/screenshot/s2024 >/dev/null 2>&1
  "$bin" statement SampleData/2025 --focus NWT --year 2025 --previous .build/screenshot/s2024 \
    --out .build/screenshot/s2025 >/dev/null 2>&1
  html=.build/screenshot/s2025/statement.html
fi
mkdir -p "$(dirname "$png")"
abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" \
  --window-size=1280,2000 "file://$abs" >/dev/null 2>&1
echo "$png"
