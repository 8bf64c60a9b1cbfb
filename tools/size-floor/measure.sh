#!/usr/bin/env bash
# Prints the gzip -9 size of the rule core alone, built and optimised like the app
# (opt-level z, LTO, wasm-bindgen, wasm-opt -Oz 132). Needs the tools scripts/setup.sh
# installs; run `bash scripts/test.sh` (or serve.sh) once first. Usage: bash tools/size-floor/measure.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/setup.sh
source "$HERE/../../scripts/setup.sh"
cd "$HERE"
cp "$REPO_ROOT/Cargo.lock" Cargo.lock
cargo build --offline --release --target wasm32-unknown-unknown
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/size_floor.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-sign-ext --enable-mutable-globals "$out/size_floor_bg.wasm" -o "$out/opt.wasm"
bytes="$(gzip -9c "$out/opt.wasm" | wc -c)"
echo "rule core alone: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1000 }') KB gzip ($bytes bytes; wasm only, no UI, no Leptos)"
