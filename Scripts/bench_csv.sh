#!/bin/sh
# CSV ingestion throughput: generates a 1M-row relationships CSV and times `tierscan validate`
# on it in a release build. Usage: Scripts/bench_csv.sh [ROWS]
set -eu
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
dir="${TMPDIR:-/tmp}/tierscan-bench"
mkdir -p "$dir"
file="$dir/relationships-$rows.csv"
[ -f "$file" ] || python3 Scripts/gen_csv.py "$rows" "$file"
swift build -c release --product tierscan >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)/tierscan"
bytes=$(wc -c < "$file")
start=$(date +%s.%N)
"$bin" validate "$file" >/dev/null 2>"$dir/stderr.txt" || true
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v b="$bytes" -v r="$rows" 'BEGIN {
  t = e - s; printf "validate: %d rows, %.1f MB in %.2f s: %.0f rows/s, %.1f MB/s\n", r, b / 1e6, t, r / t, b / 1e6 / t }'

# Reader only: the CSVReader sources compiled with -O into a tiny standalone program.
src=Sources/TierscanIngest
swiftc -O -o "$dir/csv-reader-bench" "$src/CSV/CSVReader.swift" "$src/CSV/CSVRecord.swift" \
  "$src/CSV/CSVReadError.swift" "$src/Inputs/IngestLimits.swift" Scripts/CSVReaderBench/main.swift
"$dir/csv-reader-bench" "$file"
