#!/usr/bin/env python3
"""Print the parallel-iteration tables of BENCHMARKS.md from criterion's results of
`cargo bench --features rayon --bench parallel` (standard library only).

    python3 scripts/parallel_report.py [target/criterion] > /tmp/parallel.md

Every ratio is between two medians of the same run.
"""

import sys

from criterion_data import fmt_ns, load

CONTAINERS = [
    "std_vec", "frozen_slice", "frozen_vec",
    "std_btree_map", "frozen_ord_map", "frozen_ord_set",
    "std_hash_map", "frozen_map", "std_hash_set", "frozen_set",
]
# The std collection each frozen container is compared with.
STD_OF = {
    "frozen_slice": "std_vec", "frozen_vec": "std_vec",
    "frozen_ord_map": "std_btree_map", "frozen_ord_set": "std_btree_map",
    "frozen_map": "std_hash_map", "frozen_set": "std_hash_set",
}


def median(res, group, function):
    r = res.get((group, function, None))
    return None if r is None else r["median"]


def cell(ns):
    return "—" if ns is None else fmt_ns(ns)


def ratio(a, b):
    return "—" if a is None or b is None else f"{a / b:.2f}×"


def workload_table(res, group):
    print(f"#### `{group}` (2 threads)\n")
    print("| container | serial `fold` | `par_iter` | `par_bridge` | `par_iter` speedup over serial "
          "| `par_iter` ÷ std's `par_iter` |")
    print("|---|---:|---:|---:|---:|---:|")
    for c in CONTAINERS:
        serial = median(res, group, f"{c}/serial")
        if serial is None:
            continue
        par = median(res, group, f"{c}/par_iter")
        bridge = median(res, group, f"{c}/par_bridge")
        std = STD_OF.get(c)
        vs_std = ratio(par, median(res, group, f"{std}/par_iter")) if std else "—"
        print(f"| {c} | {cell(serial)} | {cell(par)} | {cell(bridge)} | {ratio(serial, par)} | {vs_std} |")
    print()


def threads_table(res):
    print("#### `threads/{sum,map}`: `par_iter` at 1e6 on 1, 2 and 4 threads\n")
    print("| container | sum, 1 | sum, 2 | sum, 4 | map, 1 | map, 2 | map, 4 | sum: 2 ÷ 1 thread | map: 2 ÷ 1 thread |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for c in CONTAINERS:
        row = [median(res, f"threads/{w}", f"{c}/{t}") for w in ("sum", "map") for t in (1, 2, 4)]
        if all(v is None for v in row):
            continue
        cells = " | ".join(cell(v) for v in row)
        print(f"| {c} | {cells} | {ratio(row[0], row[1])} | {ratio(row[3], row[4])} |")
    print()


def collect_table(res, n):
    group = f"collect/{n}"
    print(f"#### `{group}` (elements mixed by ~20 ns of arithmetic; map keys scrambled)\n")
    print("| target | serial `collect` | parallel `collect` | alternative | speedup of `collect` |")
    print("|---|---:|---:|---:|---:|")
    alternatives = {"frozen_vec": "parallel_fold_append", "frozen_map": "parallel_fold_union"}
    for c in CONTAINERS:
        serial = median(res, group, f"{c}/serial")
        par = median(res, group, f"{c}/parallel")
        if serial is None and par is None:
            continue
        alt_name = alternatives.get(c)
        alt = median(res, group, f"{c}/{alt_name}") if alt_name else None
        alt_cell = f"{cell(alt)} (`{alt_name}`)" if alt is not None else "—"
        print(f"| {c} | {cell(serial)} | {cell(par)} | {alt_cell} | {ratio(serial, par)} |")
    print()


def iter_mut_table(res):
    print("#### `iter_mut/{10000,1000000}`: every value rewritten (~20 ns each), 2 threads\n")
    print("| target | 1e4 serial `iter_mut` | 1e4 `par_iter_mut` | 1e6 serial `iter_mut` | 1e6 `par_iter_mut` | 1e6 speedup |")
    print("|---|---:|---:|---:|---:|---:|")
    for t in ("std_hash_map", "frozen_map/unique", "frozen_map/shared"):
        v = [median(res, f"iter_mut/{n}", f"{t}/{m}") for n in (10000, 1000000) for m in ("serial", "par_iter_mut")]
        print(f"| {t} | {' | '.join(cell(x) for x in v)} | {ratio(v[2], v[3])} |")
    print()


def main():
    res = load(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    for group in ("sum/10000", "sum/1000000", "sum/10000000", "filter/1000000", "map/10000", "map/1000000"):
        workload_table(res, group)
    threads_table(res)
    collect_table(res, 10000)
    collect_table(res, 1000000)
    iter_mut_table(res)


if __name__ == "__main__":
    main()
