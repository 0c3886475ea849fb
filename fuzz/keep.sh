#!/usr/bin/env bash
# Refreshes the committed inputs of fuzz targets from their local corpus (after `run.sh`):
# libFuzzer's set cover of fuzz/corpus/<target>/ and fuzz/regressions/<target>/, of which the
# largest inputs (at most 8 KB each) are kept, up to 50 files and 200 KB per target, in
# fuzz/regressions/<target>/. Only the files named by their SHA-1 (as libFuzzer names them) are
# replaced: inputs committed under other names (crashes, with a descriptive name) stay.
#
# Usage: bash fuzz/keep.sh [TARGET...]      (default: every target)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
cargo +nightly fuzz build

for target in "${targets[@]}"; do
  bin="target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release/$target"
  cover=$(mktemp -d)
  mkdir -p "corpus/$target" "regressions/$target"
  "$bin" -set_cover_merge=1 "$cover" "corpus/$target" "regressions/$target" >"$cover.log" 2>&1 ||
    { tail -5 "$cover.log"; exit 1; }
  found=$(find "$cover" -type f | wc -l)
  find "regressions/$target" -type f -regextype egrep -regex '.*/[0-9a-f]{40}' -delete
  named=$(cd "regressions/$target" && find . -type f -exec sha1sum {} + | cut -d' ' -f1)
  kept=0
  total=0
  while read -r size file; do
    ((size > 8192)) && continue
    grep -qx "$file" <<<"$named" && continue
    ((kept >= 50 || total + size > 200000)) && break
    cp "$cover/$file" "regressions/$target/$file"
    kept=$((kept + 1))
    total=$((total + size))
  done < <(find "$cover" -type f -printf '%s %f\n' | sort -rn)
  echo "$target: set cover of $found inputs, kept $kept ($total bytes)"
  rm -rf "$cover" "$cover.log"
done
