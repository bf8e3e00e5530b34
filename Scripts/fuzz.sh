#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/ and runs it.
#   Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]     (SECONDS 0: no time limit; stop
#                                                                with e.g. -runs=1000000)
# TARGET: csv | xml | xlsx | config | json | tables | mapping. The seed corpus is copied from Tests/Fixtures; the working
# corpus and crash artifacts go to Fuzz/.work/TARGET (not committed). Copy every crash input to
# Tests/Fixtures/hostile/fuzz-regressions/ and add it to EXPECTED.tsv once fixed.
#
# Configurations (docs/reliability.md, "Fuzzing"):
#   default            -c release, -sanitize=fuzzer: optimised, with Swift's own checks (bounds,
#                      overflow, preconditions), for the long runs (scratch Fuzz/.build)
#   FUZZ_ASAN=1        -c release, -sanitize=fuzzer,address: AddressSanitizer over the unsafe-pointer
#                      fast paths and the C libraries, for shorter runs (scratch Fuzz/.build-asan)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: fuzz.sh csv|xml|xlsx|config|json|tables|mapping SECONDS}"
seconds="${2:?usage: fuzz.sh TARGET SECONDS}"
shift 2
case "$target" in
  csv) product=FuzzCSV; seeds=("Tests/Fixtures/csv" "Tests/Fixtures/hostile/csv"); max_len=2048 ;;
  xml) product=FuzzXML; seeds=("Tests/Fixtures/xml" "Tests/Fixtures/hostile/xml"); max_len=4096 ;;
  xlsx) product=FuzzXLSX; seeds=("Tests/Fixtures/xlsx" "Tests/Fixtures/hostile/xlsx"); max_len=16384 ;;
  config) product=FuzzConfig; seeds=("Tests/Fixtures/hostile/config" "docs"); max_len=2048 ;;
  json) product=FuzzJSON; seeds=("Tests/Fixtures/interchange" "Tests/Fixtures/hostile/json"); max_len=4096 ;;
  tables) product=FuzzTables; seeds=(); max_len=2048 ;;
  mapping) product=FuzzMapping; seeds=(); max_len=2048 ;;
  *) echo "unknown target: $target" >&2; exit 64 ;;
esac
if [ "${FUZZ_ASAN:-0}" = 1 ]; then sanitize=fuzzer,address; scratch=.build-asan; else sanitize=fuzzer; scratch=.build; fi
cd "$root/Fuzz"
swift build -c release --scratch-path "$scratch" \
  -Xswiftc -sanitize="$sanitize" -Xswiftc -parse-as-library --product "$product" >&2
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/$product"
echo "fuzz.sh: $target, -c release -sanitize=$sanitize, -max_len=$max_len" >&2
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
# Seeds under 1 MiB (`-size -1024k`: find rounds sizes up to whole units, so `-size -1M` would
# match only empty files).
for dir in ${seeds[@]+"${seeds[@]}"}; do
  [ -d "$root/$dir" ] || continue
  find "$root/$dir" -maxdepth 2 -type f -size -1024k \( -name '*.csv' -o -name '*.xml' -o -name '*.xlsx' -o -name '*.json' -o -name '*.omts' -o -name '*.jsonl' \) \
    -exec cp -n {} "$work/corpus/" \;
done
# libFuzzer, not the Swift runtime's backtracer, must handle a trap, so that it saves the input.
export SWIFT_BACKTRACE=enable=no
exec "$binary" "$work/corpus" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@"
