"""Read criterion's results: every `target/criterion/**/new/{benchmark,estimates}.json` pair.

Shared by `plot.py` and `report.py` (standard library only).
"""

import json
import os


def load(root="target/criterion"):
    """Return {(group, function, value): result} for every benchmark criterion has recorded.

    A result is a dict: `median` and `low`/`high` (the median's 95 % confidence interval) in
    nanoseconds per iteration, and `elements` (the iteration's `Throughput::Elements`, or 1).
    Names come from `benchmark.json`, so they are the ids as written in the bench, not the
    sanitized directory names.
    """
    results = {}
    for dirpath, _dirs, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "estimates.json" not in files:
            continue
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        with open(os.path.join(dirpath, "estimates.json")) as f:
            est = json.load(f)
        median = est["median"]
        throughput = bench.get("throughput") or {}
        results[(bench["group_id"], bench["function_id"], bench["value_str"])] = {
            "median": median["point_estimate"],
            "low": median["confidence_interval"]["lower_bound"],
            "high": median["confidence_interval"]["upper_bound"],
            "elements": throughput.get("Elements", 1),
        }
    return results


def fmt_ns(ns):
    """A duration in nanoseconds as a short string with three significant digits."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return sig3(ns / scale) + " " + unit
    return sig3(ns) + " ns"


def sig3(v):
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"
