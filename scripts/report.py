#!/usr/bin/env python3
"""Print the benchmark tables of BENCHMARKS.md from criterion's results (standard library only).

    python3 scripts/report.py [target/criterion] > /tmp/tables.md

Times are criterion's median per iteration divided by the iteration's element count (the
`Throughput::Elements` the bench declares), so collection operations read as time per operation
(iteration as time per element, clone as time per clone). Ratios are between two medians of the
same run.
"""

import sys

from criterion_data import fmt_ns, load

SIZE_LABEL = {"10": "10", "100": "100", "1000": "1e3", "10000": "1e4", "100000": "1e5", "1000000": "1e6"}


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join([" --- "] + [" ---: "] * (len(header) - 1)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def ratio(a, b):
    if a is None or b is None:
        return "-"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:,.0f}×"


def per_element(r):
    return r["median"] / r["elements"] if r else None


def handoff(res):
    sizes = sorted({int(v) for (g, _f, v) in res if g == "handoff"})
    if not sizes:
        return ""
    get = lambda f, n: res.get(("handoff", f, str(n)))  # noqa: E731
    rows = []
    for n in sizes:
        ch, fr, dc, pc = (get(f, n) for f in ("channel", "frozen", "deep_clone", "postcard"))
        t = lambda r: fmt_ns(r["median"]) if r else "-"  # noqa: E731
        m = lambda r: r["median"] if r else None  # noqa: E731
        within = "-"
        if ch and fr:
            within = "yes" if fr["median"] <= 1.1 * ch["median"] else "**no**"
        local = res.get(("handoff_local", "frozen", str(n)))
        rows.append([f"{n:,}", t(ch), t(fr), t(dc), t(pc), ratio(m(fr), m(ch)), within,
                     ratio(m(dc), m(fr)), ratio(m(pc), m(fr)), t(local)])
    header = ["records", "bare channel", "frozen", "deep clone", "postcard", "frozen / channel",
              "≤ 1.1×?", "deep / frozen", "postcard / frozen", "frozen work, one thread"]
    return "### Hand-off round trip (`benches/share.rs`)\n\n" + table(header, rows)


FAMILIES = [
    ("hashmap", "Hash maps", "frozen", ["lookup", "persistent_insert", "persistent_remove", "insert", "remove", "iterate", "iterate_for", "clone"]),
    ("hashmap_str", "Hash maps, FrozenStr -> u64", "frozen", ["lookup", "persistent_insert", "persistent_remove", "insert", "remove",
                                                              "iterate", "iterate_for", "clone"]),
    ("ordmap", "Ordered maps", "frozen", ["lookup", "persistent_insert", "persistent_remove", "insert", "remove", "iterate", "iterate_for", "clone"]),
    ("vector", "Vectors", "frozen", ["lookup", "persistent_push_back", "persistent_set", "persistent_pop_back",
                                    "push_back", "pop_back", "set", "iterate", "iterate_for", "clone"]),
    ("hashset", "Hash sets", "frozen", ["lookup", "persistent_insert", "persistent_remove", "insert", "remove", "iterate", "iterate_for", "clone"]),
]
IMPLS = ["frozen", "imbl", "imbl_arctk", "rpds", "std"]


def collections(res):
    out = []
    for family, title, ours, ops in FAMILIES:
        present = {(g, f, v) for (g, f, v) in res if g.startswith(family + "_")}
        if not present:
            continue
        sizes = sorted({int(v) for (_g, _f, v) in present})
        impls = [i for i in IMPLS if any(f == i for (_g, f, _v) in present)]
        # One table per family: a row per (operation, size), a column per implementation, then
        # the ratios the bars are about.
        header = ["operation", "n"] + impls + ["frozen / imbl", "frozen / imbl_arctk", "frozen / std"]
        rows = []
        for op in ops:
            for n in sizes:
                cells = {i: per_element(res.get((f"{family}_{op}", i, str(n)))) for i in impls}
                if not any(cells.values()):
                    continue
                row = [op, SIZE_LABEL.get(str(n), str(n))]
                row += [fmt_ns(cells[i]) if cells[i] is not None else "-" for i in impls]
                row += [ratio(cells.get(ours), cells.get(other)) for other in ("imbl", "imbl_arctk", "std")]
                rows.append(row)
        out.append(f"### {title} (time per operation; iterate: per element)\n\n" + table(header, rows))
    return "\n".join(out)


def handles(res):
    out = []
    for family, title in (("arc", "Arc handles"), ("str", "Strings"), ("bytes", "Byte buffers")):
        ops = ["clone", "clone_contended", "eq", "hash"] + (["slice"] if family == "bytes" else [])
        ids = sorted({(f, v) for (g, f, v) in res if g.startswith(family + "_")}, key=lambda x: (x[0] != "Frozen" + family.capitalize(), x))
        if not ids:
            continue
        rows = []
        for f, v in ids:
            row = [f"`{f}` {v}"]
            for op in ops:
                r = res.get((f"{family}_{op}", f, v))
                row.append(fmt_ns(r["median"]) if r else "-")
            rows.append(row)
        out.append(f"### {title}\n\n" + table(["handle"] + [o.replace("_", " ") for o in ops], rows))
    return "\n".join(out)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
    res = load(root)
    if not res:
        sys.exit(f"no criterion results under {root}")
    for section in (handoff(res), collections(res), handles(res)):
        if section:
            print(section)


if __name__ == "__main__":
    main()
