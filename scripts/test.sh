#!/usr/bin/env bash
# Installs what is missing, then runs every check the project has, in order of cost:
#   formatting, clippy (native and wasm32), cargo test (unit, property, CLI, architecture),
#   component tests in headless Chromium (wasm-bindgen-test), the release build, the bundle
#   size (brotli goal, gzip ceiling), the browser tests against that build, the smoke tests
#   again with the build served as a static host serves it (in a folder, compressed, with the
#   hosts' headers), and a short fuzz run.
# Stops at the first failure; ends with the runners' summary lines. CI runs exactly this
# (.ci/run). Usage: bash scripts/test.sh
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

# What a browser downloads on its first load, wasm + js + css (issue 13): the goal is 350 KB
# brotli (the .br files scripts/postbuild.mjs writes, which hosts serve); gzip -9 is reported
# beside it. A run
# says OVER GOAL in its summary and fails above CEILING_BYTES of gzip, a ratchet set to the
# last measured size plus 5 % (README "Performance"), so the bundle cannot grow unnoticed.
# Raised from 650 KB to 785 KB when the fix ETA, the late-2026 AKS rules, bulk editing and the
# packed saves landed together (747.9 KB gzip measured, + 5 %), then lowered to 762 KB when the
# exports and the import moved to a worker fetched on first use (725.7 KB gzip measured with the
# fleet-scale work merged, + 5 %), then to 749.8 KB by the second round of size levers (714.1 KB
# gzip measured with the per-edit work merged, + 5 %), then to 746.6 KB (711.0 KB measured, the
# caches' maps filled by extend, + 5 %), then to 731.2 KB by the third round (696.3 KB
# measured with main at 3295cb5 merged: no float formatting, the last per-type sorts, the
# timeline's keyed lists, the exposure's median, + 5 %); the worker has its own ratchet
# (292.8 KB gzip measured, + 5 %). Then to 455.6 KB when the tabs, the bulk editor, the filters
# and the link opener became parts loaded on first use (src/ui/lazy.rs: 433.9 KB gzip and
# 348.2 KB brotli measured, + 5 %): issue 13's 350 KB brotli goal is met. The parts have their
# own ratchet (349.4 KB gzip measured, + 5 %).
GOAL_BROTLI_BYTES=350000
CEILING_BYTES=455600
EXPORTS_CEILING_BYTES=307500
PARTS_CEILING_BYTES=366900

# Browser profiles go here; on any exit, stop whatever still runs from it and remove it.
RUN_TMP="$(mktemp -d "${TMPDIR:-/tmp}/aks-planner-test.XXXXXX")"
SUMMARY="$RUN_TMP/summary"
cleanup() {
    local pids
    pids="$(pgrep -f -- "$RUN_TMP" || true)"
    # shellcheck disable=SC2086 # one pid per word
    [ -z "$pids" ] || kill $pids 2>/dev/null || true
    rm -rf "$RUN_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
# A cold run writes about 2.5 GB in target/ and fuzz/target/ (README "Two commands"), besides
# the tools it installs. Say so at once when the repository's disk is shorter than that,
# rather than as a linker's "No space left on device" minutes later (a warm run needs little).
free_mb=$(df -Pm "$REPO_ROOT" | awk 'NR == 2 { print $4 }')
if [ "${free_mb:-0}" -lt 3000 ]; then
    note "WARNING: only ${free_mb} MB free on the disk of $REPO_ROOT; a cold run needs about 2,500 MB (README, 'Two commands')"
fi

ensure_test_tools
fetch_crates

# CI builds from cold once: incremental compilation would only add its caches to the disk.
if [ -n "${CI:-}" ]; then
    export CARGO_INCREMENTAL=0
fi

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, native (all targets)"
cargo clippy --locked --all-targets -- -D warnings

# The browser side (src/ui, src/main.rs) only compiles for wasm32. Tests are linted natively:
# proptest's dev-dependencies do not build for wasm32-unknown-unknown.
step "clippy, wasm32 (lib and bins)"
cargo clippy --locked --target "$WASM_TARGET" --lib --bins -- -D warnings

step "cargo test (unit, property, CLI, architecture)"
cargo test --locked 2>&1 | tee "$RUN_TMP/cargo-test.log"
# One line per suite, named after the binary cargo ran, then the totals.
awk '/^ *(Running|Doc-tests) / { sub(/^ *Running /, ""); sub(/^ *Doc-tests /, "doc-tests "); sub(/ \(.*/, ""); suite = $0 }
     /^test result:/ { printf "%-36s %s\n", suite, $0 }' "$RUN_TMP/cargo-test.log" >>"$SUMMARY"
awk '/^test result:/ { p += $4; f += $6; i += $8; n++ }
     END { printf "cargo test total: %d passed, %d failed, %d ignored in %d suites\n", p, f, i, n }' \
    "$RUN_TMP/cargo-test.log" >>"$SUMMARY"

# Component tests (tests/wasm_components.rs): the text input, the data table and the paged list mounted alone
# in headless Chromium through chromedriver, by wasm-bindgen-test-runner (installed with
# wasm-bindgen-cli, so the same version as Cargo.lock); webdriver.json passes Chromium's flags.
step "Component tests (wasm-bindgen-test in headless Chromium)"
# TMPDIR: chromedriver makes its browser profile there (about 120 MB) and leaves it behind when
# the runner stops it; in RUN_TMP, the cleanup above removes it.
TMPDIR="$RUN_TMP" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target "$WASM_TARGET" --test wasm_components 2>&1 |
    tee "$RUN_TMP/wasm-test.log"
awk '/^test result:/ { printf "%-36s %s\n", "component tests (wasm32)", $0 }' \
    "$RUN_TMP/wasm-test.log" >>"$SUMMARY"

step "trunk build --release --offline"
trunk build --release --offline

step "Bundle size (gzip -9 and brotli -11 of wasm + js + css in dist/)"
# The first load is every file but those fetched on first use: the exports worker's
# (`exports-*`, `planner-exports-*`), which the Export tab fetches when it first needs it, and
# the parts split from the app's module (`split-*`, `chunk-*`: src/ui/lazy.rs), each fetched
# when its tab or the bulk editor first opens. All are printed; each group has a ceiling.
total=0
total_br=0
later=0
later_br=0
parts=0
parts_br=0
shopt -s nullglob
for f in dist/*.wasm dist/*.js dist/*.css; do
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    [ -f "$f.br" ] || die "$f.br is missing: scripts/postbuild.mjs (a trunk hook) did not run"
    br=$(wc -c <"$f.br")
    case "${f#dist/}" in
    exports-* | planner-exports-*)
        later=$((later + gz))
        later_br=$((later_br + br))
        when="on first use (exports worker)"
        ;;
    split-* | chunk-*)
        parts=$((parts + gz))
        parts_br=$((parts_br + br))
        when="on first use (a part)"
        ;;
    *)
        total=$((total + gz))
        total_br=$((total_br + br))
        when="first load"
        ;;
    esac
    printf '    %-48s %8d B raw %8d B gzip %8d B brotli  %s\n' "${f#dist/}" "$raw" "$gz" "$br" "$when"
done
shopt -u nullglob
[ "$later" -gt 0 ] || die "no exports worker in dist/ (index.html's data-type=\"worker\" link)"
# The exports and the import live in the worker only (ARCHITECTURE.md): a text each of them
# writes must be in the worker's wasm and not in the app's, or a call in the app brought their
# code back into the first load.
for marker in 'apply_plan() {' 'BEGIN:VCALENDAR' 'azurerm_kubernetes_cluster' 'not az aks output'; do
    for f in dist/planner-web-*_bg.wasm; do
        ! LC_ALL=C grep -qaF "$marker" "$f" || die "the first-load wasm holds export/import code ('$marker')"
    done
    for f in dist/planner-exports-*_bg.wasm; do
        LC_ALL=C grep -qaF "$marker" "$f" || die "the exports worker lacks '$marker': update this check"
    done
done
# Each part loaded on first use is a module of its own, and a text only it shows is in that
# module, not in the first load: a call from the first load's code into a part would bring the
# part back into it without failing anything else.
for part in windows-tab:'Team time zone' timeline-tab:'Projected timeline' \
    export-tab:'Preparing exports' bulk-editor:'Apply to selected clusters' \
    filters:'filter-subscription' link-opener:'Open the shared plan?'; do
    name="${part%%:*}" marker="${part#*:}"
    set -- dist/split-"$name"-*.wasm
    [ -f "$1" ] || die "no split-$name-*.wasm in dist/ (src/main.rs's split points, scripts/postbuild.mjs)"
    LC_ALL=C grep -qaF "$marker" "$1" || die "split-$name lacks '$marker': update this check"
    for f in dist/planner-web-*_bg.wasm; do
        ! LC_ALL=C grep -qaF "$marker" "$f" || die "the first-load wasm holds the $name's text ('$marker')"
    done
done
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
size_line="bundle: first load $(kb "$total_br") KB brotli, $(kb "$total") KB gzip (wasm+js+css); goal $((GOAL_BROTLI_BYTES / 1000)) KB brotli; on first use: parts $(kb "$parts_br") KB brotli, $(kb "$parts") KB gzip, exports worker $(kb "$later_br") KB brotli, $(kb "$later") KB gzip"
echo "    $size_line"
# The ceiling is enforced after the browser tests, so one run reports both.
over_ceiling=false
if [ "$total" -gt "$CEILING_BYTES" ]; then
    over_ceiling=true
    size_line="$size_line: OVER THE ${CEILING_BYTES}-BYTE GZIP CEILING"
elif [ "$later" -gt "$EXPORTS_CEILING_BYTES" ]; then
    over_ceiling=true
    size_line="$size_line: THE EXPORTS WORKER IS OVER ITS ${EXPORTS_CEILING_BYTES}-BYTE GZIP CEILING"
elif [ "$parts" -gt "$PARTS_CEILING_BYTES" ]; then
    over_ceiling=true
    size_line="$size_line: THE PARTS ARE OVER THEIR ${PARTS_CEILING_BYTES}-BYTE GZIP CEILING"
elif [ "$total_br" -gt "$GOAL_BROTLI_BYTES" ]; then
    size_line="$size_line: OVER GOAL (fails above $((CEILING_BYTES / 1000)) KB gzip)"
fi
echo "$size_line" >>"$SUMMARY"

step "Browser tests (node --test tests/e2e, headless Chromium, release dist/)"
# node runs test files concurrently; the timing benchmark then runs alone, so its edit→paint
# figures measure the app rather than the other browsers (issue 4's target is < 100 ms).
(
    cd "$E2E_DIR"
    tests=()
    for f in ./*.test.mjs; do [ "$f" = ./timeline-bench.test.mjs ] || tests+=("$f"); done
    E2E_TMPDIR="$RUN_TMP" node --test --test-reporter=spec --test-timeout=180000 "${tests[@]}"
    E2E_TMPDIR="$RUN_TMP" node --test --test-reporter=spec --test-timeout=180000 ./timeline-bench.test.mjs
) 2>&1 | tee "$RUN_TMP/e2e.log"
awk '/^ℹ (tests|pass|fail|cancelled) / { n[$2] += $3 }
     END { printf "browser tests: tests %d pass %d fail %d cancelled %d\n", n["tests"], n["pass"], n["fail"], n["cancelled"] }' \
    "$RUN_TMP/e2e.log" >>"$SUMMARY"
grep -E '^ℹ (projection .* ms; edit|TARGET MISSED)' "$RUN_TMP/e2e.log" | sed 's/^ℹ /timeline benchmark: /' >>"$SUMMARY" || true

# The same build as a static host serves it (docs/deploy.md): in a folder, as on a GitHub
# Pages project site, with precompressed brotli/gzip, the Content-Security-Policy and caching
# headers of public/staticwebapp.config.json, ETags and 304s (tests/e2e/helpers.mjs, E2E_HOST).
step "Browser smoke tests served as a static host (/planner/, compressed, CSP and cache headers)"
(
    cd "$E2E_DIR"
    E2E_TMPDIR="$RUN_TMP" E2E_HOST=static E2E_BASE_PATH=/planner/ \
        node --test --test-reporter=spec --test-timeout=180000 ./smoke.test.mjs ./share.test.mjs ./host.test.mjs
) 2>&1 | tee "$RUN_TMP/e2e-host.log"
awk '/^ℹ (tests|pass|fail|cancelled) / { n[$2] += $3 }
     END { printf "browser tests as a static host in /planner/: tests %d pass %d fail %d cancelled %d\n", n["tests"], n["pass"], n["fail"], n["cancelled"] }' \
    "$RUN_TMP/e2e-host.log" >>"$SUMMARY"

# A short coverage-guided fuzz run of the link decoder and the importer (cargo fuzz needs the
# nightly toolchain the machine image ships; without it the script says so and skips, and the
# stable tests/fuzz_smoke.rs above still ran). FUZZ_SECONDS per target, default 20.
step "Fuzz smoke (cargo fuzz, link decoder and importer)"
bash scripts/fuzz-smoke.sh 2>&1 | tee "$RUN_TMP/fuzz.log"
grep -E '^fuzz-smoke: (SKIPPED|.*: ok,)' "$RUN_TMP/fuzz.log" | sed 's/^/    /' >>"$SUMMARY" || true

step "Summary ($((SECONDS - started)) s)"
cat "$SUMMARY"
if [ "$over_ceiling" = true ]; then
    die "the release bundle grew past its gzip ceiling (first load ${CEILING_BYTES} B, exports worker ${EXPORTS_CEILING_BYTES} B, parts ${PARTS_CEILING_BYTES} B; see the sizes above)"
fi
