#!/usr/bin/env python3
"""Draw the hand-off plot (docs/handoff.svg) from `cargo bench --bench share` results.

    python3 scripts/plot.py [target/criterion] [docs/handoff.svg]

Log-log: graph size (records) on x, median round-trip time on y, one line per implementation,
with the median's 95 % confidence interval as a vertical bar. Standard library only: the SVG is
written by hand.
"""

import math
import platform
import sys

from criterion_data import load

SERIES = [
    # (function id in benches/share.rs, legend label, colour, dash pattern, marker), drawn in
    # this order: the floor first, so that the frozen line (on top of it) stays visible.
    ("channel", "bare channel send of a usize (floor)", "#555555", "5,4", "diamond"),
    ("frozen", "FrozenArc clone (deepfreeze)", "#1f77b4", "", "circle"),
    ("deep_clone", "deep clone (Vec<StdRecord>)", "#ff7f0e", "2,3", "triangle"),
    ("postcard", "postcard round trip (encode + decode)", "#d62728", "6,3", "square"),
]

W, H = 760, 500
LEFT, RIGHT, TOP, BOTTOM = 80, 20, 50, 60


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def time_label(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1)):
        if ns >= scale:
            v = ns / scale
            return f"{v:.0f} {unit}"
    return f"{ns:.0f} ns"


def size_label(n):
    return {10: "10", 100: "100", 1000: "1k", 10**4: "10k", 10**5: "100k", 10**6: "1M"}.get(n, f"{n:g}")


def marker(shape, x, y, colour):
    r = 4.5
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r + 1.5}" fill="white" stroke="{colour}" stroke-width="2"/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - r - 1:.1f} {x - r - 0.5:.1f},{y + r - 0.5:.1f} {x + r + 0.5:.1f},{y + r - 0.5:.1f}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    pts = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}"
    return f'<polygon points="{pts}" fill="{colour}"/>'


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
    out = sys.argv[2] if len(sys.argv) > 2 else "docs/handoff.svg"
    results = load(root)
    data = {}
    for (group, function, value), r in results.items():
        if group == "handoff":
            data.setdefault(function, []).append((int(value), r))
    if not data:
        sys.exit(f"no `handoff` results under {root}: run `cargo bench --bench share` first")
    for points in data.values():
        points.sort(key=lambda p: p[0])

    sizes = sorted({n for points in data.values() for n, _ in points})
    times = [v for points in data.values() for _, r in points for v in (r["low"], r["high"])]
    x_lo, x_hi = math.floor(math.log10(min(sizes))), math.ceil(math.log10(max(sizes)))
    y_lo, y_hi = math.floor(math.log10(min(times))), math.ceil(math.log10(max(times)))
    if x_hi == x_lo:
        x_hi += 1
    if y_hi == y_lo:
        y_hi += 1
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM

    def px(n):
        return LEFT + (math.log10(n) - x_lo) / (x_hi - x_lo) * pw

    def py(ns):
        return TOP + ph - (math.log10(ns) - y_lo) / (y_hi - y_lo) * ph

    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
        'font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
        "Handing a graph of records to another thread and back</text>",
        f'<text x="{W / 2}" y="39" text-anchor="middle" fill="#444">'
        f"median round trip, criterion, {esc(machine())}; both axes logarithmic</text>",
    ]
    # Grid and ticks: major lines at decades, minor at 2..9.
    for d in range(x_lo, x_hi + 1):
        x = px(10**d)
        svg.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + ph}" stroke="#ccc"/>')
        svg.append(f'<line x1="{x:.1f}" y1="{TOP + ph}" x2="{x:.1f}" y2="{TOP + ph + 6}" stroke="black"/>')
        svg.append(f'<text x="{x:.1f}" y="{TOP + ph + 20}" text-anchor="middle">{size_label(10**d)}</text>')
        for m in range(2, 10):
            if d < x_hi:
                xm = px(m * 10**d)
                svg.append(f'<line x1="{xm:.1f}" y1="{TOP + ph}" x2="{xm:.1f}" y2="{TOP + ph + 3}" stroke="black"/>')
    for d in range(y_lo, y_hi + 1):
        y = py(10**d)
        svg.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + pw}" y2="{y:.1f}" stroke="#ccc"/>')
        svg.append(f'<line x1="{LEFT - 6}" y1="{y:.1f}" x2="{LEFT}" y2="{y:.1f}" stroke="black"/>')
        svg.append(f'<text x="{LEFT - 9}" y="{y + 4:.1f}" text-anchor="end">{time_label(10**d)}</text>')
        for m in range(2, 10):
            if d < y_hi:
                ym = py(m * 10**d)
                svg.append(f'<line x1="{LEFT}" y1="{ym:.1f}" x2="{LEFT + pw}" y2="{ym:.1f}" stroke="#eee"/>')
                svg.append(f'<line x1="{LEFT - 3}" y1="{ym:.1f}" x2="{LEFT}" y2="{ym:.1f}" stroke="black"/>')
    svg.append(f'<rect x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}" fill="none" stroke="black"/>')
    svg.append(
        f'<text x="{LEFT + pw / 2}" y="{H - 14}" text-anchor="middle" font-size="13">'
        "graph size (records, each a string, a Vec&lt;u64&gt; and a 4-entry map)</text>"
    )
    svg.append(
        f'<text transform="translate(18 {TOP + ph / 2}) rotate(-90)" text-anchor="middle" '
        'font-size="13">round-trip time (median, 95 % CI bars)</text>'
    )
    # Series.
    legend = []
    for function, label, colour, dash, shape in SERIES:
        points = data.get(function)
        if not points:
            continue
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{px(n):.1f},{py(r['median']):.1f}" for i, (n, r) in enumerate(points)
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        svg.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for n, r in points:
            x = px(n)
            svg.append(
                f'<line x1="{x:.1f}" y1="{py(r["low"]):.1f}" x2="{x:.1f}" y2="{py(r["high"]):.1f}" '
                f'stroke="{colour}" stroke-width="1.5"/>'
            )
            svg.append(marker(shape, x, py(r["median"]), colour))
        legend.append((label, colour, dash, shape))
    # Legend, top left inside the plot.
    lx, ly = LEFT + 14, TOP + 14
    box_h = 20 * len(legend) + 10
    svg.append(f'<rect x="{lx - 6}" y="{ly - 6}" width="290" height="{box_h}" fill="white" stroke="#999"/>')
    for i, (label, colour, dash, shape) in enumerate(reversed(legend)):
        y = ly + 10 + 20 * i
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        svg.append(f'<line x1="{lx}" y1="{y}" x2="{lx + 30}" y2="{y}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        svg.append(marker(shape, lx + 15, y, colour))
        svg.append(f'<text x="{lx + 38}" y="{y + 4}">{esc(label)}</text>')
    svg.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")
    print(f"wrote {out} ({sum(len(p) for p in data.values())} points)")


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        import os

        cores = os.cpu_count()
    except Exception:
        cores = "?"
    return f"{cores} cores, {model}, {platform.system()}"


if __name__ == "__main__":
    main()
