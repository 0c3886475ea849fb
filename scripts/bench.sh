#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md with its bounded times, then regenerates the tables and
# the hand-off plot. About 15 minutes of benchmarks on 2 cores (881 s in BENCHMARKS.md's run 2),
# plus building (the benches set their own warm-up and
# measurement times; see each file's header).
#
#     scripts/bench.sh            # everything
#     scripts/bench.sh share      # one or more of: share handles collections memory examples
#
# Outputs: target/bench-report/{machine,tables,memory,example-share,example-pipeline}.{txt,md}
# and docs/handoff.svg. BENCHMARKS.md quotes them; copy the tables in by hand after a run.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench-report
mkdir -p "$out"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(share handles collections memory examples)

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    rustc --version
    cargo --version
    lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|L1d|L2|L3)'
} > "$out/machine.txt"

cargo bench --no-run
started=$(date +%s)
for part in "${parts[@]}"; do
    t0=$(date +%s)
    case "$part" in
        share | handles | collections) cargo bench --bench "$part" ;;
        # The memory bench prints Markdown tables on stdout (criterion is not involved).
        memory) cargo bench --bench memory > "$out/memory.md" ;;
        examples)
            cargo run --release --example share > "$out/example-share.txt"
            cargo run --release --example pipeline > "$out/example-pipeline.txt"
            ;;
        *) echo "unknown part: $part" >&2; exit 2 ;;
    esac
    echo "$part: $(( $(date +%s) - t0 )) s" | tee -a "$out/times.txt"
done
echo "total: $(( $(date +%s) - started )) s" | tee -a "$out/times.txt"

python3 scripts/report.py target/criterion > "$out/tables.md"
mkdir -p docs
python3 scripts/plot.py target/criterion docs/handoff.svg
echo "tables: $out/tables.md"
