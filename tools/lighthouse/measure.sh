#!/usr/bin/env bash
# Lighthouse performance of the release build as users load it: dist/ served compressed with
# the hosts' headers, in a folder (serve.mjs), mobile (Lighthouse's default: simulated slow 4G,
# 4x CPU slowdown) and desktop. Prints each run and the median score per form factor.
# Usage: bash tools/lighthouse/measure.sh [RUNS]   (after `trunk build --release --offline`)
#   LIGHTHOUSE_FORMS=mobile  one form factor only (default: mobile desktop)
# Installs lighthouse@13 from npm into $TOOLS_DIR/lighthouse (scripts/setup.sh) on first use.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/setup.sh
source "$HERE/../../scripts/setup.sh"
RUNS="${1:-3}"
LIGHTHOUSE_VERSION=13
lh="$TOOLS_DIR/lighthouse/node_modules/.bin/lighthouse"
if ! [ -x "$lh" ] || ! "$lh" --version | grep -q "^$LIGHTHOUSE_VERSION\."; then
    step "Installing lighthouse@$LIGHTHOUSE_VERSION into $TOOLS_DIR/lighthouse"
    mkdir -p "$TOOLS_DIR/lighthouse"
    npm install --prefix "$TOOLS_DIR/lighthouse" --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION"
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

out="$(mktemp -d "${TMPDIR:-/tmp}/lighthouse.XXXXXX")"
node "$HERE/serve.mjs" >"$out/url" &
server=$!
# LIGHTHOUSE_KEEP=1 keeps the JSON reports (the folder is printed).
trap 'kill "$server" 2>/dev/null; [ -n "${LIGHTHOUSE_KEEP:-}" ] && echo "reports: $out" || rm -rf "$out"' EXIT
for _ in $(seq 50); do [ -s "$out/url" ] && break; sleep 0.1; done
url="$(cat "$out/url")"
echo "serving $url"

flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"
for form in ${LIGHTHOUSE_FORMS:-mobile desktop}; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    for i in $(seq "$RUNS"); do
        "$lh" "$url" "${preset[@]}" --only-categories=performance --output=json \
            --output-path="$out/$form-$i.json" --chrome-flags="$flags" --quiet
        node -e '
            const r = require(process.argv[1]);
            const a = (id) => r.audits[id];
            const kib = (a("total-byte-weight").numericValue / 1024).toFixed(0);
            console.log(`${process.argv[2]} run ${process.argv[3]}: score ${Math.round(r.categories.performance.score * 100)}` +
              `  FCP ${a("first-contentful-paint").displayValue}  LCP ${a("largest-contentful-paint").displayValue}` +
              `  TBT ${a("total-blocking-time").displayValue}  CLS ${a("cumulative-layout-shift").displayValue}` +
              `  SI ${a("speed-index").displayValue}  transfer ${kib} KiB` +
              `  LCP element: ${(a("lcp-breakdown-insight")?.details?.items?.find((i) => i.type === "node")?.nodeLabel ?? "?").slice(0, 60)}`);
        ' "$out/$form-$i.json" "$form" "$i"
    done
    node -e '
        const fs = require("fs");
        const scores = fs.readdirSync(process.argv[1]).filter((f) => f.startsWith(process.argv[2] + "-"))
          .map((f) => Math.round(require(process.argv[1] + "/" + f).categories.performance.score * 100)).sort((a, b) => a - b);
        console.log(`${process.argv[2]}: median score ${scores[Math.floor((scores.length - 1) / 2)]} of ${scores.join(", ")}`);
    ' "$out" "$form"
done
