#!/usr/bin/env bash
# `aks-planner windows` against a Python dateutil rrule script doing the same work, side by side
# in one run: 1,000 clusters × 3 maintenance configurations × 1 year of windows (the fleet of
# benches/windows.rs), whole process each (start-up, reading the plan, computing, printing to a
# file). Checks first that both print the same windows, then times RUNS interleaved runs of each
# and prints the medians and their ratio.
#
# Usage: bash benches/windows-vs-dateutil.sh     (RUNS=7 by default)
# Needs python3 with python-dateutil (pip install python-dateutil).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-7}"
FROM=2027-01-01T00:00:00Z
UNTIL=2028-01-01T00:00:00Z

python3 -c 'import dateutil' 2>/dev/null ||
    { echo "python-dateutil is missing: pip install python-dateutil" >&2; exit 2; }

# The CLI as users install it (`cargo install --path .` uses the release profile).
cargo build --quiet --locked --release --bin aks-planner --example windows_fleet
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
cli="$target_dir/release/aks-planner"

work="$(mktemp -d "${TMPDIR:-/tmp}/windows-vs-dateutil.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$target_dir/release/examples/windows_fleet" >"$work/fleet.json"

run_cli() { "$cli" windows "$work/fleet.json" --from "$FROM" --until "$UNTIL" >"$work/cli.txt"; }
run_py() { python3 benches/windows_dateutil.py "$work/fleet.json" "$FROM" "$UNTIL" >"$work/py.txt"; }

# Same work: identical window lines (the CLI's configuration lines also carry a sentence).
run_cli
run_py
sed -E 's/^(  [A-Za-z]+):.*/\1:/' "$work/cli.txt" >"$work/cli-bare.txt"
if ! diff -q "$work/cli-bare.txt" "$work/py.txt" >/dev/null; then
    diff "$work/cli-bare.txt" "$work/py.txt" | head -20 >&2
    echo "the CLI and the dateutil script list different windows (first differences above)" >&2
    exit 1
fi
windows=$(grep -c '^    2' "$work/py.txt")
echo "same output: $windows windows, $(wc -l <"$work/py.txt") lines, $(wc -c <"$work/cli.txt") bytes from the CLI"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
cli_ms=()
py_ms=()
for _ in $(seq "$RUNS"); do
    t=$(date +%s%N); run_cli; cli_ms+=("$(ms "$t")")
    t=$(date +%s%N); run_py; py_ms+=("$(ms "$t")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
cli_med=$(median "${cli_ms[@]}")
py_med=$(median "${py_ms[@]}")
echo "aks-planner windows --until: ${cli_ms[*]} ms (median $cli_med ms)"
echo "python3 + dateutil rrule:    ${py_ms[*]} ms (median $py_med ms)"
awk -v c="$cli_med" -v p="$py_med" 'BEGIN { printf "the CLI is %.1fx faster (median of %d interleaved runs, whole process)\n", p / (c > 0 ? c : 1), '"$RUNS"' }'
