#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/ and runs it.
#   Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]
# TARGET: csv | xml | xlsx | config. The seed corpus is copied from Tests/Fixtures; the working
# corpus and crash artifacts go to Fuzz/.work/TARGET (not committed). Copy every crash input to
# Tests/Fixtures/hostile/fuzz-regressions/ and add it to EXPECTED.tsv once fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: fuzz.sh csv|xml|xlsx|config SECONDS}"
seconds="${2:?usage: fuzz.sh TARGET SECONDS}"
shift 2
case "$target" in
  csv) product=FuzzCSV; seeds=("Tests/Fixtures/csv" "Tests/Fixtures/hostile/csv"); max_len=4096 ;;
  xml) product=FuzzXML; seeds=("Tests/Fixtures/xml" "Tests/Fixtures/hostile/xml"); max_len=8192 ;;
  xlsx) product=FuzzXLSX; seeds=("Tests/Fixtures/xlsx" "Tests/Fixtures/hostile/xlsx"); max_len=65536 ;;
  config) product=FuzzConfig; seeds=("Tests/Fixtures/hostile/config" "docs"); max_len=4096 ;;
  *) echo "unknown target: $target" >&2; exit 64 ;;
esac
cd "$root/Fuzz"
swift build -c debug --scratch-path .build \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$product" >&2
binary="$(swift build -c debug --scratch-path .build --show-bin-path)/$product"
work="$root/Fuzz/.work/$target"
mkdir -p "$work/corpus" "$work/artifacts"
for dir in "${seeds[@]}"; do
  [ -d "$root/$dir" ] || continue
  find "$root/$dir" -maxdepth 2 -type f -size -1M \( -name '*.csv' -o -name '*.xml' -o -name '*.xlsx' -o -name '*.json' \) \
    -exec cp -n {} "$work/corpus/" \;
done
# ZIPFoundation leaks 34 bytes per archive opened by URL (FileManager.fileSystemRepresentation is
# never freed in Archive.makeBackingConfiguration; workbooks are opened through /proc/self/fd/N);
# LeakSanitizer would stop every xlsx run on it.
if [ "$target" = xlsx ]; then export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; fi
exec "$binary" "$work/corpus" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@"
