#!/usr/bin/env bash
# Regenerates Tests/Golden/ from the current build: run it after an intended output change and
# review `git diff Tests/Golden` (every changed byte there is a change users will see).
# Usage: Scripts/update-golden.sh [BINARY]   (default: builds and uses .build/debug/tierscan)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [[ -z $bin ]]; then swift build >/dev/null; bin=.build/debug/tierscan; fi
grep -v '^#' Tests/Golden/cases.txt | grep -v '^$' | while read -r name args; do
  out=.build/golden/$name
  rm -rf "$out" "Tests/Golden/$name"
  mkdir -p "$out" "Tests/Golden/$name"
  # shellcheck disable=SC2086
  set +e
  "$bin" ${args//\{out\}/$out} >"Tests/Golden/$name/stdout" 2>"Tests/Golden/$name/stderr"
  echo $? >"Tests/Golden/$name/status"
  set -e
  if [[ -n $(ls -A "$out") ]]; then cp -R "$out" "Tests/Golden/$name/out"; fi
  echo "$name: exit $(cat "Tests/Golden/$name/status")"
done
