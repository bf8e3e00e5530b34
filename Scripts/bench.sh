#!/usr/bin/env bash
# Benchmarks `tierscan scan` against the Python baselines on generated data (docs/performance.md).
#
#   Scripts/bench.sh [--data DIR] [--sizes "100000 300000 1000000"] [--repeat K] [--networkx-1m] [--no-build]
#
# For each size N (entities; relationships = 5N, seed 1, focus F0) it runs, one after another:
# tierscan scan (--paths-min-level critical: the target is "write exposures and manifest"; TIERSCAN_TIMINGS=1 for phase timings), the numpy/pyarrow baseline, and the
# networkx baseline (below 1M unless --networkx-1m), each under /usr/bin/time -v, checks that
# every exposures.csv is byte-identical, and prints a Markdown table of wall time, peak RSS,
# ratios and phase timings. With --repeat K (default 1) tierscan and the numpy baseline run K
# times each, alternating, and the fastest run of each is reported (the machine's own noise is
# about ±10 %); networkx runs once. Generated data is cached in DIR (default /tmp/tierscan-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS="$*"
DATA=/tmp/tierscan-bench
SIZES="100000 300000 1000000"
NX_1M=0
BUILD=1
REPEAT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --networkx-1m) NX_1M=1; shift ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: $0 [--data DIR] [--sizes \"N…\"] [--repeat K] [--networkx-1m] [--no-build]" >&2; exit 64 ;;
  esac
done
[ "$BUILD" = 1 ] && swift build -c release >&2
BIN=$(swift build -c release --show-bin-path)/tierscan
mkdir -p "$DATA"
RESULTS="$DATA/results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

# measure NAME N COMMAND…: runs COMMAND under /usr/bin/time -v; keeps its stderr in RESULTS,
# as NAME-N.err, or replaces that file only when this run was faster (for --repeat).
measure() {
  local name=$1 n=$2; shift 2
  local log="$RESULTS/$name-$n.err" run="$RESULTS/$name-$n.run"
  echo "== $name n=$n: $*" >&2
  /usr/bin/time -v "$@" >/dev/null 2>"$run" || { tail -5 "$run" >&2; return 1; }
  if [ ! -f "$log" ] || [ "$(wall "$run")" \< "$(wall "$log")" ]; then mv "$run" "$log"; else rm "$run"; fi
}

# wall LOG: the run's wall time in seconds, zero-padded so that strings compare like numbers.
wall() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%012.3f", s }' "$1"
}

for n in $SIZES; do
  dir="$DATA/n$n"
  if [ ! -f "$dir.complete" ]; then
    rm -rf "$dir"
    python3 Scripts/generate.py --entities "$n" --relationships $((5 * n)) --seed 1 --out "$dir" >&2
    touch "$dir.complete"
  fi
  for _ in $(seq "$REPEAT"); do
    rm -rf "$RESULTS/out-$n"
    TIERSCAN_TIMINGS=1 measure tierscan "$n" "$BIN" scan "$dir" --focus F0 --out "$RESULTS/out-$n" --paths-min-level critical || true
    measure numpy "$n" python3 Scripts/baselines/numpy_scan.py "$dir" --focus F0 --out "$RESULTS/numpy-$n.csv"
  done
  cmp "$RESULTS/out-$n/exposures.csv" "$RESULTS/numpy-$n.csv" >&2 && echo "numpy exposures identical" > "$RESULTS/cmp-numpy-$n"
  if [ "$n" -lt 1000000 ] || [ "$NX_1M" = 1 ]; then
    measure networkx "$n" python3 Scripts/baselines/networkx_scan.py "$dir" --focus F0 --out "$RESULTS/networkx-$n.csv"
    cmp "$RESULTS/out-$n/exposures.csv" "$RESULTS/networkx-$n.csv" >&2 && echo "networkx exposures identical" > "$RESULTS/cmp-networkx-$n"
  fi
done
echo "machine: nproc $(nproc); $(free -g | awk '/^Mem:/ {print $2 " GiB memory"}'); $(uname -sr)"
echo "command: Scripts/bench.sh $ARGS"
python3 Scripts/bench/report.py "$RESULTS" $SIZES
