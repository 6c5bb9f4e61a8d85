#!/usr/bin/env python3
"""Turns JMH's JSON results into the tables of BENCHMARKS.md and a log-log chart (SVG).

Usage (from the repository root):
    python3 benchmarks/report.py benchmarks/target/jmh.json [more.json ...]

Reads the byte and delta counts of every cell from benchmarks/target/cells/ (written by the
benchmarks' setup), replaces the part of BENCHMARKS.md between the markers
<!-- results:begin --> and <!-- results:end --> (creating the file if needed), and writes
benchmarks/chart.svg. Python 3 standard library only.
"""

import json
import math
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MARKDOWN = os.path.join(ROOT, "BENCHMARKS.md")
CHART = os.path.join(HERE, "chart.svg")
CELLS = os.path.join(HERE, "target", "cells")
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"

# Approaches in table order: JMH method name -> label.
APPROACHES = [
    ("limit", "LIMIT (Jackson non-blocking)"),
    ("events", "events only"),
    ("eventsCursor", "events only, to a CursorListener"),
    ("eventsText", "events only, String deltas"),
    ("snapshots", "snapshot after every delta"),
    ("binding", "typed binding"),
    ("reparse", "RE-PARSE"),
]
LABEL = dict(APPROACHES)
SIZES = ["1KB", "10KB", "100KB", "1MB", "corpus", "prose", "objects"]  # the last two: -p size=...
DELTAS = ["tokens", "64", "4", "1", "whole"]
DELTA_LABEL = {"tokens": "o200k tokens", "whole": "whole document", "1": "1 byte",
               "4": "4 bytes", "64": "64 bytes"}
COLORS = {"limit": "#222222", "events": "#1f77b4", "eventsCursor": "#ff7f0e",
          "eventsText": "#17becf",
          "snapshots": "#2ca02c", "binding": "#9467bd", "reparse": "#d62728"}


def load(paths):
    """Returns {(method, size, deltas): {"median": us, "alloc": bytes per op or None}}."""
    cells = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for result in json.load(f):
                method = result["benchmark"].rsplit(".", 1)[1]
                params = result.get("params", {})
                key = (method, params.get("size"), params.get("deltas"))
                if method == "binding" and key[1] == "corpus":
                    continue  # the binding row does nothing for the corpus (other shapes)
                metric = result["primaryMetric"]
                if metric["scoreUnit"] != "us/op":
                    sys.exit("expected us/op, got " + metric["scoreUnit"])
                raw = [x for fork in metric["rawData"] for x in fork]
                alloc = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                cells[key] = {
                    "median": statistics.median(raw),
                    "alloc": alloc["score"] if alloc else None,
                }
    return cells


def counts(size, deltas):
    path = os.path.join(CELLS, "%s-%s.properties" % (size, deltas))
    if not os.path.exists(path):
        return None
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                k, v = line.strip().split("=", 1)
                values[k] = int(v)
    return values


def exponent(t1, t2, s1, s2):
    return math.log(t2 / t1) / math.log(s2 / s1)


def fmt(x, digits=3):
    if x is None:
        return "–"
    if x >= 1000:
        return "{:,.0f}".format(x)
    return "{:.{}g}".format(x, digits)


def tables(cells):
    out = []
    present = sorted({(s, d) for (_, s, d) in cells}, key=lambda c: (DELTAS.index(c[1]),
                                                                    SIZES.index(c[0])))
    methods = [m for m, _ in APPROACHES if any(k[0] == m for k in cells)]

    # Headline: the targets in force (events not slower than LIMIT, a snapshot per delta 1.5x,
    # typed binding 2x, events' allocation LIMIT's own, linear growth).
    out.append("### Targets (o200k token deltas; medians; ratios from one run)\n")
    out.append("| target | 100 KB | 1 MB | limit | met |")
    out.append("| --- | ---: | ---: | ---: | --- |")

    def ratio(method, size):
        a, b = cells.get((method, size, "tokens")), cells.get(("limit", size, "tokens"))
        return a["median"] / b["median"] if a and b else None

    def check(values, limit):
        known = [v for v in values if v is not None]
        if not known:
            return "not measured"
        return "yes" if all(v <= limit for v in known) else "**no**"

    for method, limit in (("events", 1.0), ("eventsCursor", 1.0), ("eventsText", 1.0),
                          ("snapshots", 1.5),
                          ("binding", 2.0)):
        r = [ratio(method, "100KB"), ratio(method, "1MB")]
        out.append("| %s time / LIMIT | %s | %s | %.2f | %s |" % (
            LABEL[method], fmt(r[0]), fmt(r[1]), limit, check(r, limit)))
    for method in methods:
        t = [cells.get((method, s, "tokens")) for s in ("10KB", "100KB", "1MB")]
        s = [counts(x, "tokens") for x in ("10KB", "100KB", "1MB")]
        e = [None, None]
        for i in range(2):
            if t[i] and t[i + 1] and s[i] and s[i + 1]:
                e[i] = exponent(t[i]["median"], t[i + 1]["median"], s[i]["bytes"],
                                s[i + 1]["bytes"])
        lim = 1.05 if method != "reparse" else None
        out.append("| %s growth exponent (10 KB→100 KB, 100 KB→1 MB) | %s | %s | %s | %s |" % (
            LABEL[method], fmt(e[0]), fmt(e[1]), "1.05" if lim else "(expected 2)",
            check(e, lim) if lim else "–"))
    def alloc(method, size):
        c, n = cells.get((method, size, "tokens")), counts(size, "tokens")
        return c["alloc"] / n["bytes"] if c and n and c["alloc"] is not None else None

    own = [alloc("limit", size) for size in ("100KB", "1MB")]  # the target: LIMIT's own
    for method in ("events", "eventsCursor", "eventsText"):
        a = [alloc(method, size) for size in ("100KB", "1MB")]
        pairs = [(v, l) for v, l in zip(a, own) if v is not None and l is not None]
        met = "not measured" if not pairs else (
            "yes" if all(v <= l for v, l in pairs) else "**no**")
        out.append("| %s allocation, bytes per input byte | %s | %s | LIMIT's (%s, %s) | %s |" % (
            LABEL[method], fmt(a[0]), fmt(a[1]), fmt(own[0]), fmt(own[1]), met))
    r = ratio("reparse", "100KB")
    out.append("| RE-PARSE time / LIMIT | %s | (not run: capped) | thousands | – |" % fmt(r))
    out.append("")

    # Growth exponents for every delta kind.
    out.append("### Growth exponent of time with size (10 KB→100 KB / 100 KB→1 MB)\n")
    kinds = [d for d in DELTAS if any(k[2] == d for k in cells)]
    out.append("| approach | " + " | ".join(DELTA_LABEL[d] for d in kinds) + " |")
    out.append("| --- |" + " ---: |" * len(kinds))
    for method in methods:
        row = []
        for d in kinds:
            t = [cells.get((method, s, d)) for s in ("10KB", "100KB", "1MB")]
            n = [counts(s, d) for s in ("10KB", "100KB", "1MB")]
            parts = []
            for i in range(2):
                if t[i] and t[i + 1] and n[i] and n[i + 1]:
                    parts.append(fmt(exponent(t[i]["median"], t[i + 1]["median"],
                                              n[i]["bytes"], n[i + 1]["bytes"])))
                else:
                    parts.append("–")
            row.append(" / ".join(parts))
        out.append("| %s | %s |" % (LABEL[method], " | ".join(row)))
    out.append("")

    # Every cell.
    out.append("### Every cell\n")
    out.append("Time per document is JMH's score (median of the measured iterations); MB/s is "
               "input bytes (10^6) per second; time per delta divides by the byte deltas; "
               "allocation is `gc.alloc.rate.norm` divided by the input bytes.\n")
    for d in kinds:
        out.append("#### Deltas: %s\n" % DELTA_LABEL[d])
        out.append("| document | deltas | approach | time per document | MB/s | time per delta "
                   "| alloc B per input byte | × LIMIT |")
        out.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
        for size in [s for s in SIZES if (s, d) in present]:
            n = counts(size, d)
            limit = cells.get(("limit", size, d))
            for method in methods:
                c = cells.get((method, size, d))
                if not c:
                    continue
                us = c["median"]
                mbs = n["bytes"] / us if n else None  # bytes per microsecond = MB/s
                per = us * 1000 / n["deltas"] if n else None
                alloc = c["alloc"] / n["bytes"] if n and c["alloc"] is not None else None
                r = us / limit["median"] if limit else None
                out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    size + (" (%s B)" % "{:,}".format(n["bytes"]) if n else ""),
                    "{:,}".format(n["deltas"]) if n else "–", LABEL[method],
                    time(us), fmt(mbs), (fmt(per) + " ns") if per is not None else "–",
                    fmt(alloc), ("%.2f×" % r) if r is not None else "–"))
        out.append("")
    return "\n".join(out)


def time(us):
    if us >= 60e6:
        return "%.3g min" % (us / 60e6)
    if us >= 1e6:
        return "%.3g s" % (us / 1e6)
    if us >= 1e3:
        return "%.3g ms" % (us / 1e3)
    return "%.3g µs" % us


def chart(cells):
    """Log-log: time per document against document size, token deltas, one line per approach."""
    w, h, left, right, top, bottom = 760, 480, 80, 200, 30, 60
    sizes = [s for s in ("1KB", "10KB", "100KB", "1MB") if counts(s, "tokens")]
    series = {}
    for method, _ in APPROACHES:
        pts = [(counts(s, "tokens")["bytes"], cells[(method, s, "tokens")]["median"])
               for s in sizes if (method, s, "tokens") in cells]
        if pts:
            series[method] = pts
    extrapolated = None
    rp = series.get("reparse")
    if rp and len(rp) >= 2 and "1MB" in sizes and rp[-1][0] < counts("1MB", "tokens")["bytes"]:
        (s1, t1), (s2, t2) = rp[-2], rp[-1]
        k = exponent(t1, t2, s1, s2)
        s3 = counts("1MB", "tokens")["bytes"]
        extrapolated = [(s2, t2), (s3, t2 * (s3 / s2) ** k)]
    xs = [p[0] for v in series.values() for p in v]
    ys = [p[1] for v in series.values() for p in v] + ([extrapolated[1][1]] if extrapolated else [])
    if not xs:
        return None
    x0, x1 = 10 ** math.floor(math.log10(min(xs))), 10 ** math.ceil(math.log10(max(xs)))
    y0, y1 = 10 ** math.floor(math.log10(min(ys))), 10 ** math.ceil(math.log10(max(ys)))

    def px(x):
        return left + (math.log10(x) - math.log10(x0)) / (math.log10(x1) - math.log10(x0)) * (
            w - left - right)

    def py(y):
        return h - bottom - (math.log10(y) - math.log10(y0)) / (
            math.log10(y1) - math.log10(y0)) * (h - top - bottom)

    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (w, h),
           '<rect width="100%" height="100%" fill="white"/>']
    e = math.log10(x0)
    while e <= math.log10(x1) + 1e-9:
        x = px(10 ** e)
        svg.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (
            x, top, x, h - bottom))
        svg.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (
            x, h - bottom + 18, bytes_label(10 ** e)))
        e += 1
    e = math.log10(y0)
    while e <= math.log10(y1) + 1e-9:
        y = py(10 ** e)
        svg.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (
            left, y, w - right, y))
        svg.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (
            left - 6, y + 4, time(10 ** e)))
        e += 1
    svg.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#444"/>' % (
        left, top, w - left - right, h - top - bottom))
    svg.append('<text x="%d" y="%d" text-anchor="middle">document size (bytes, log)</text>' % (
        left + (w - left - right) / 2, h - 15))
    svg.append('<text transform="translate(18,%d) rotate(-90)" text-anchor="middle">'
               'time per document (log)</text>' % (top + (h - top - bottom) / 2))
    legend_y = top + 10
    for method, pts in series.items():
        color = COLORS[method]
        svg.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
            color, " ".join("%.1f,%.1f" % (px(x), py(y)) for x, y in pts)))
        for x, y in pts:
            svg.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (px(x), py(y), color))
        svg.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>' % (
            w - right + 12, legend_y, w - right + 32, legend_y, color))
        svg.append('<text x="%d" y="%d">%s</text>' % (w - right + 38, legend_y + 4,
                                                      LABEL[method].replace(" (Jackson non-blocking)", "")))
        legend_y += 20
    if extrapolated:
        svg.append('<polyline fill="none" stroke="%s" stroke-width="2" stroke-dasharray="5,4" '
                   'points="%s"/>' % (COLORS["reparse"], " ".join(
                       "%.1f,%.1f" % (px(x), py(y)) for x, y in extrapolated)))
        svg.append('<text x="%d" y="%d">RE-PARSE, extrapolated</text>' % (
            w - right + 38, legend_y + 4))
        svg.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2" '
                   'stroke-dasharray="5,4"/>' % (w - right + 12, legend_y, w - right + 32,
                                                  legend_y, COLORS["reparse"]))
    svg.append('<text x="%d" y="%d" font-weight="bold">o200k token deltas</text>' % (left, top - 10))
    svg.append("</svg>")
    with open(CHART, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")
    return extrapolated


def bytes_label(x):
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if x >= scale:
            return "%g %s" % (x / scale, unit)
    return "%g B" % x


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cells = load(sys.argv[1:])
    body = tables(cells)
    extrapolated = chart(cells)
    note = ""
    if extrapolated:
        note = ("\nRE-PARSE at 1 MB is not run (capped, see `ReparseBenchmark`); extrapolated with "
                "the exponent measured from 10 KB to 100 KB it would take about %s per document."
                "\n" % time(extrapolated[1][1]))
    section = "%s\n<!-- generated by benchmarks/report.py from %s; do not edit -->\n\n%s\n%s\n" \
              "![time per document against size, log-log](benchmarks/chart.svg)\n%s" % (
                  BEGIN, ", ".join(os.path.basename(p) for p in sys.argv[1:]), body, note, END)
    text = ""
    if os.path.exists(MARKDOWN):
        with open(MARKDOWN, encoding="utf-8") as f:
            text = f.read()
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = (text or "# Benchmarks\n\n") + "\n" + section + "\n"
    with open(MARKDOWN, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s and %s" % (os.path.relpath(MARKDOWN), os.path.relpath(CHART)))


if __name__ == "__main__":
    main()
