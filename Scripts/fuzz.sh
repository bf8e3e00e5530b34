#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/ and runs it.
#   Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]
# TARGET: csv | xml | xlsx | config | json | tables | mapping. The seed corpus is copied from Tests/Fixtures; the working
# corpus and crash artifacts go to Fuzz/.work/TARGET (not committed). Copy every crash input to
# Tests/Fixtures/hostile/fuzz-regressions/ and add it to EXPECTED.tsv once fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: fuzz.sh csv|xml|xlsx|config|json|tables|mapping SECONDS}"
seconds="${2:?usage: fuzz.sh TARGET SECONDS}"
shift 2
case "$target" in
  csv) product=FuzzCSV; seeds=("Tests/Fixtures/csv" "Tests/Fixtures/hostile/csv"); max_len=4096 ;;
  xml) product=FuzzXML; seeds=("Tests/Fixtures/xml" "Tests/Fixtures/hostile/xml"); max_len=8192 ;;
  xlsx) product=FuzzXLSX; seeds=("Tests/Fixtures/xlsx" "Tests/Fixtures/hostile/xlsx"); max_len=65536 ;;
  config) product=FuzzConfig; seeds=("Tests/Fixtures/hostile/config" "docs"); max_len=4096 ;;
  json) product=FuzzJSON; seeds=("Tests/Fixtures/interchange" "Tests/Fixtures/hostile/json"); max_len=8192 ;;
  tables) product=FuzzTables; seeds=(); max_len=4096 ;;
  mapping) product=FuzzMapping; seeds=(); max_len=4096 ;;
  *) echo "unknown target: $target" >&2; exit 64 ;;
esac
cd "$root/Fuzz"
swift build -c debug --scratch-path .build \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$product" >&2
binary="$(swift build -c debug --scratch-path .build --show-bin-path)/$product"
work="$root/Fuzz/.work/$target"
mkdir -p "$work/corpus" "$work/artifacts"
# tables: the first byte chooses the header (FuzzTables.swift), so each seed is a fixture's rows
# after its header behind the byte of its kind; mapping: a mapping file, NUL, the table it maps.
seed_rows() { { printf "\\x$(printf %02x "$1")"; tail -n +2 "$root/$2"; } > "$work/corpus/seed-$1-$(basename "$2")"; }
if [ "$target" = tables ]; then
  seed_rows 0 Tests/Fixtures/er/judgements/judgements.csv
  seed_rows 0 Tests/Fixtures/er/judgements/hostile-judgements.csv
  seed_rows 1 Tests/Fixtures/audits/assessments.csv
  seed_rows 2 Tests/Fixtures/audits/findings.csv
  seed_rows 3 Tests/Fixtures/csv/valid/suppliers.csv
  seed_rows 4 Tests/Fixtures/csv/valid/risk_list.csv
  seed_rows 5 Tests/Fixtures/csv/valid/country_risk.csv
  seed_rows 6 Tests/Fixtures/csv/valid/smelters.csv
  seed_rows 7 Tests/Fixtures/csv/valid/entities.csv
  seed_rows 8 Tests/Fixtures/csv/valid/relationships.csv
fi
if [ "$target" = mapping ]; then
  cp -n "$root/Tests/Fixtures/tiers-mapped/erp-mapping.json" "$work/corpus/mapping-only.json"
  { cat "$root/Tests/Fixtures/tiers-mapped/erp-mapping.json"; printf '\0'; cat "$root/Tests/Fixtures/tiers-mapped/erp-export.csv"; } \
    > "$work/corpus/mapping-and-table"
fi
for dir in ${seeds[@]+"${seeds[@]}"}; do
  [ -d "$root/$dir" ] || continue
  find "$root/$dir" -maxdepth 2 -type f -size -1M \( -name '*.csv' -o -name '*.xml' -o -name '*.xlsx' -o -name '*.json' -o -name '*.omts' -o -name '*.jsonl' \) \
    -exec cp -n {} "$work/corpus/" \;
done
# ZIPFoundation leaks 34 bytes per archive opened by URL (FileManager.fileSystemRepresentation is
# never freed in Archive.makeBackingConfiguration; workbooks are opened through /proc/self/fd/N);
# LeakSanitizer would stop every xlsx run on it.
if [ "$target" = xlsx ]; then export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; fi
exec "$binary" "$work/corpus" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@"
