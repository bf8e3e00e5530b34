#!/usr/bin/env bash
# The performance suite of docs/performance.md (issue #21): tierscan against the C floor, the
# numpy/pyarrow baseline and networkx on the realistic shape.
#
#   Scripts/bench.sh [--data DIR] [--sizes "100000 300000 1000000"] [--repeat K] [--shape realistic|classic]
#                    [--networkx-1m] [--no-build] [--bin PATH]
#
# For each size N (entities; relationships = 5N, seed 1, focus F0; generated once and cached in
# DIR, default /tmp/tierscan-bench-real) it runs, under /usr/bin/time -v and `nice`:
#   floor     Scripts/baselines/floor.c (-O3 -march=native): read + parse + intern relationships.csv,
#             30 relaxation passes, one core — the physical reference;
#   tierscan  `scan DIR --focus F0 --out OUT --paths-min-level critical` with TIERSCAN_TIMINGS=1
#             (the default configuration: what a user runs);
#   numpy     Scripts/baselines/numpy_scan.py (pyarrow reading, vectorised layers);
# K times each, alternating floor, tierscan, numpy, keeping the fastest run of each (the machine is
# shared; only ratios within one run mean anything). Then, once each:
#   tierscan-nofuzzy  the same scan with `{"matching": {"fuzzy_screening": false}}` — the baselines
#             have no name-fuzzy rule, so this is the run whose exposures.csv must equal theirs
#             (`cmp`), and the one that shows tierscan's cost without name-fuzzy screening;
#   networkx  Scripts/baselines/networkx_scan.py (below 1M unless --networkx-1m).
# Prints a Markdown report (Scripts/bench/report.py): wall and CPU time, peak RSS, bytes per
# relationship, ratios to numpy and to the floor (wall and CPU), growth, tierscan's phases.
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS="$*"
DATA=/tmp/tierscan-bench-real
SIZES="100000 300000 1000000"
SHAPE=realistic
NX_1M=0
BUILD=1
REPEAT=1
BIN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --shape) SHAPE="$2"; shift 2 ;;
    --networkx-1m) NX_1M=1; shift ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --bin) BIN="$2"; BUILD=0; shift 2 ;;
    *) echo "usage: $0 [--data DIR] [--sizes \"N…\"] [--repeat K] [--shape realistic|classic] [--networkx-1m] [--no-build] [--bin PATH]" >&2
       exit 64 ;;
  esac
done
[ "$BUILD" = 1 ] && nice swift build -c release >&2
[ -n "$BIN" ] || BIN=$(swift build -c release --show-bin-path)/tierscan
mkdir -p "$DATA"
RESULTS="$DATA/results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
FLOOR="$RESULTS/floor"
cc -O3 -march=native -o "$FLOOR" Scripts/baselines/floor.c
NOFUZZY="$RESULTS/no-fuzzy.json"
echo '{"matching": {"fuzzy_screening": false}}' > "$NOFUZZY"

# measure NAME N COMMAND…: runs COMMAND under /usr/bin/time -v; keeps its stderr (with the
# time report) as RESULTS/NAME-N.err, replacing an earlier one only when this run was faster.
measure() {
  local name=$1 n=$2; shift 2
  local log="$RESULTS/$name-$n.err" run="$RESULTS/$name-$n.run"
  echo "== $(date -u +%H:%M:%S) $name n=$n: $*" >&2
  nice /usr/bin/time -v "$@" >"$RESULTS/$name-$n.out" 2>"$run" || { tail -5 "$run" >&2; return 1; }
  cat "$RESULTS/$name-$n.out" >> "$run"
  if [ ! -f "$log" ] || [ "$(wall "$run")" \< "$(wall "$log")" ]; then mv "$run" "$log"; else rm "$run"; fi
}

# wall LOG: the run's wall time in seconds, zero-padded so that strings compare like numbers.
wall() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%012.3f", s }' "$1"
}

for n in $SIZES; do
  dir="$DATA/$SHAPE-n$n"
  if [ ! -f "$dir.complete" ]; then
    rm -rf "$dir"
    python3 Scripts/generate.py --shape "$SHAPE" --entities "$n" --relationships $((5 * n)) --seed 1 --out "$dir" >&2
    touch "$dir.complete"
  fi
  for _ in $(seq "$REPEAT"); do
    measure floor "$n" "$FLOOR" "$dir/relationships.csv"
    rm -rf "$RESULTS/out-$n"
    TIERSCAN_TIMINGS=1 measure tierscan "$n" "$BIN" scan "$dir" --focus F0 --out "$RESULTS/out-$n" \
      --paths-min-level critical || true
    measure numpy "$n" python3 Scripts/baselines/numpy_scan.py "$dir" --focus F0 --out "$RESULTS/numpy-$n.csv"
  done
  rm -rf "$RESULTS/nofuzzy-$n"
  TIERSCAN_TIMINGS=1 measure tierscan-nofuzzy "$n" "$BIN" scan "$dir" --focus F0 --out "$RESULTS/nofuzzy-$n" \
    --paths-min-level critical --config "$NOFUZZY" || true
  cmp "$RESULTS/nofuzzy-$n/exposures.csv" "$RESULTS/numpy-$n.csv" >&2 && echo "identical" > "$RESULTS/cmp-numpy-$n"
  cmp -s "$RESULTS/out-$n/exposures.csv" "$RESULTS/numpy-$n.csv" \
    || echo "name-fuzzy changes $(diff "$RESULTS/out-$n/exposures.csv" "$RESULTS/numpy-$n.csv" | grep -c '^<') rows" \
       > "$RESULTS/fuzzy-diff-$n"
  if [ "$n" -lt 1000000 ] || [ "$NX_1M" = 1 ]; then
    measure networkx "$n" python3 Scripts/baselines/networkx_scan.py "$dir" --focus F0 --out "$RESULTS/networkx-$n.csv"
    cmp "$RESULTS/nofuzzy-$n/exposures.csv" "$RESULTS/networkx-$n.csv" >&2 && echo "identical" > "$RESULTS/cmp-networkx-$n"
  fi
  wc -l < "$RESULTS/out-$n/exposures.csv" > "$RESULTS/exposure-rows-$n"
  grep -c '"level": "critical"' "$RESULTS/out-$n/paths.json" > "$RESULTS/paths-$n" 2>/dev/null || true
done
echo "machine: nproc $(nproc); $(free -g | awk '/^Mem:/ {print $2 " GiB memory"}'); $(uname -sr); load before the report: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD); binary $BIN"
echo "command: Scripts/bench.sh $ARGS"
python3 Scripts/bench/report.py "$RESULTS" $SIZES
