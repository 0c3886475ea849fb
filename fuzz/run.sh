#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each with cargo-fuzz on nightly
# (AddressSanitizer), seeding each from its committed inputs in fuzz/regressions/<target>/.
# Exits non-zero if any target finds a crash, a leak or a timeout; the input is then in
# fuzz/artifacts/<target>/.
#
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]      (SECONDS defaults to 60)
set -euo pipefail

seconds="${1:-60}"
shift || true
cd "$(dirname "${BASH_SOURCE[0]}")"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

failed=()
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds}s"
  mkdir -p "corpus/$target"
  # New inputs go to the first corpus directory (ignored by git); the committed ones only seed.
  if ! cargo +nightly fuzz run "$target" "corpus/$target" "regressions/$target" -- \
    -max_total_time="$seconds" -timeout=20 -len_control=0 -print_final_stats=1; then
    failed+=("$target")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "== fuzzing failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "== fuzzing done: ${targets[*]}"
