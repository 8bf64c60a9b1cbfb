#!/usr/bin/env bash
# Short fuzz run for CI (issue 5 "Reliability"): every cargo-fuzz target in fuzz/ for a bounded
# time. Exits non-zero on a crash (the input is kept in fuzz/artifacts/<target>/); prints the
# runs and runs/sec of each target. Without a nightly toolchain it says so and exits 0: the
# stable twin `cargo test --test fuzz_smoke` still covers the same properties.
#
# Knobs (environment):
#   FUZZ_SECONDS  seconds per target (default 20)
#   FUZZ_TARGETS  space-separated subset of targets (default: all of `cargo fuzz list`)
#   FUZZ_MAX_LEN  libFuzzer -max_len (default 8192)
set -euo pipefail

seconds="${FUZZ_SECONDS:-20}"
max_len="${FUZZ_MAX_LEN:-8192}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_dir="$root/fuzz"

case "$seconds" in
  '' | *[!0-9]* | 0) echo "fuzz-smoke: FUZZ_SECONDS must be a whole number of seconds > 0, not '$seconds'" >&2; exit 2 ;;
esac

if ! nightly="$(cargo +nightly --version 2>/dev/null)"; then
  echo "fuzz-smoke: SKIPPED: no nightly toolchain (cargo +nightly --version failed); cargo-fuzz needs nightly."
  echo "fuzz-smoke: the stable twin 'cargo test --test fuzz_smoke' covers the same properties."
  exit 0
fi
echo "fuzz-smoke: $nightly"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: cargo-fuzz missing: cargo install cargo-fuzz --locked (from crates.io, a few minutes once)"
  cargo install cargo-fuzz --locked
fi
echo "fuzz-smoke: $(cargo +nightly fuzz --version)"

cd "$fuzz_dir"
if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz-smoke: no fuzz targets found in $fuzz_dir" >&2
  exit 2
fi

# One build for all targets (release + debug assertions, ASan), timed on its own.
build_start=$SECONDS
build_log="$(mktemp)"
if ! cargo +nightly fuzz build -O >"$build_log" 2>&1; then
  cat "$build_log" >&2
  rm -f "$build_log"
  echo "fuzz-smoke: FAILED: cargo +nightly fuzz build -O did not build" >&2
  exit 1
fi
rm -f "$build_log"
echo "fuzz-smoke: build took $((SECONDS - build_start)) s"

status=0
log_dir="$(mktemp -d)"
trap 'rm -rf "$log_dir"' EXIT
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  dirs=("$corpus")
  if [ -d "seeds/$target" ]; then dirs+=("seeds/$target"); fi
  log="$log_dir/$target.log"
  # libFuzzer writes new inputs only to the first directory: seeds/ stays as committed.
  if cargo +nightly fuzz run -O "$target" "${dirs[@]}" -- \
      -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -print_final_stats=1 \
      >"$log" 2>&1; then
    result=ok
  else
    result=CRASH
    status=1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  inputs="$(find "$corpus" -type f | wc -l)"
  if [ "$result" = ok ]; then
    echo "fuzz-smoke: $target: ok, ${runs:-?} runs in ${seconds} s (${rate:-?} runs/s), corpus $inputs inputs"
  else
    mkdir -p "artifacts/$target"
    cp "$log" "artifacts/$target/fuzz-smoke.log"
    crash="$(grep -m1 -A2 '^Failing input:' "$log" | sed -n '3s/^[[:space:]]*//p')"
    echo "fuzz-smoke: $target: CRASH after ${runs:-?} runs" >&2
    grep -m1 -E -A4 "panicked at|ERROR: (libFuzzer|AddressSanitizer)" "$log" >&2 || true
    echo "fuzz-smoke: input: fuzz/${crash:-artifacts/$target/}; full log: fuzz/artifacts/$target/fuzz-smoke.log" >&2
    echo "fuzz-smoke: reproduce: cd fuzz && cargo +nightly fuzz run -O $target ${crash:-artifacts/$target/<file>}" >&2
  fi
done
exit "$status"
