#!/usr/bin/env python3
"""Markdown tables from the /usr/bin/time -v and TIERSCAN_TIMINGS logs that Scripts/bench.sh keeps.

    python3 Scripts/bench/report.py RESULTS_DIR N...

Targets of issue #21 (checked, printed as met / missed): 1M `scan` >= 2.5x faster than the numpy
baseline and <= 2.5x the C floor; peak RSS <= 200 bytes per relationship at 1M; growth from the
smallest to the largest size <= 12x (for 10x the data).
"""

from __future__ import annotations

import os
import re
import sys

TOOLS = ("floor", "tierscan", "tierscan-nofuzzy", "numpy", "networkx")


class Run:
    """One kept run: wall and CPU seconds, peak RSS bytes, exit status, `timing:` lines."""

    def __init__(self, text: str) -> None:
        def field(pattern: str) -> str | None:
            m = re.search(pattern, text)
            return m.group(1) if m else None

        self.wall = 0.0
        for part in (field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)") or "0").split(":"):
            self.wall = self.wall * 60 + float(part)
        self.cpu = float(field(r"User time \(seconds\): (\S+)") or 0) + float(field(r"System time \(seconds\): (\S+)") or 0)
        self.rss = int(field(r"Maximum resident set size \(kbytes\): (\d+)") or 0) * 1024
        self.status = field(r"Exit status: (\d+)") or "?"
        self.timings = [line[len("timing: "):] for line in text.splitlines() if line.startswith("timing: ")]


def read(path: str) -> Run | None:
    if not os.path.exists(path):
        return None
    run = Run(open(path, encoding="utf-8", errors="replace").read())
    return run if run.wall > 0 else None


def size_label(n: int) -> str:
    return f"{n // 1000}k / {5 * n // 1000}k" if n < 1_000_000 else f"{n / 1e6:g}M / {5 * n / 1e6:g}M"


def cell(run: Run | None, cpu: bool = True) -> str:
    if run is None:
        return "not run"
    return f"{run.wall:.2f} s ({run.cpu:.1f} s CPU)" if cpu else f"{run.wall:.2f} s"


def text(results: str, name: str) -> str:
    path = os.path.join(results, name)
    return open(path, encoding="utf-8").read().strip() if os.path.exists(path) else ""


def main() -> int:
    results, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
    runs = {(tool, n): read(os.path.join(results, f"{tool}-{n}.err")) for tool in TOOLS for n in sizes}
    print("\nWall time of the fastest run (CPU time = user + system of that run, all threads).\n")
    print("| entities / relationships | C floor | tierscan | tierscan, fuzzy screening off | numpy | networkx "
          "| numpy ÷ tierscan (wall; CPU) | tierscan ÷ floor (wall; CPU) | numpy ÷ tierscan, screening off (wall; CPU) "
          "| exposures equal (screening off) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        f, t, z, p, x = (runs[tool, n] for tool in TOOLS)
        same = [name for name in ("numpy", "networkx") if text(results, f"cmp-{name}-{n}") == "identical"]
        cells = [size_label(n), cell(f), cell(t), cell(z), cell(p), cell(x)]
        cells.append(f"{p.wall / t.wall:.2f}×; {p.cpu / t.cpu:.2f}×" if t and p else "—")
        cells.append(f"{t.wall / f.wall:.1f}×; {t.cpu / f.cpu:.1f}×" if t and f else "—")
        cells.append(f"{p.wall / z.wall:.2f}×; {p.cpu / z.cpu:.2f}×" if z and p else "—")
        cells.append(", ".join(same) or "—")
        print("| " + " | ".join(cells) + " |")

    print("\nPeak resident memory (`Maximum resident set size`) and bytes per relationship.\n")
    print("| entities / relationships | tierscan | B / relationship | numpy | C floor | exposure rows | paths (critical) |")
    print("|---|---|---|---|---|---|---|")
    for n in sizes:
        f, t, p = runs["floor", n], runs["tierscan", n], runs["numpy", n]
        rows = text(results, f"exposure-rows-{n}")
        cells = [size_label(n), f"{t.rss / 1e6:,.0f} MB" if t else "—", f"{t.rss / (5 * n):.0f} B" if t else "—",
                 f"{p.rss / 1e6:,.0f} MB" if p else "—", f"{f.rss / 1e6:,.0f} MB" if f else "—",
                 f"{int(rows) - 1:,}" if rows else "—", text(results, f"paths-{n}") or "—"]
        print("| " + " | ".join(cells) + " |")
    for n in sizes:
        note = text(results, f"fuzzy-diff-{n}")
        if note:
            print(f"\nAt {size_label(n)} the default configuration's exposures.csv differs from the baselines': {note} "
                  "(name-fuzzy hits; the baselines have no fuzzy rule).")

    first, last = sizes[0], sizes[-1]
    print()
    if last != first:
        for tool in ("tierscan", "tierscan-nofuzzy", "numpy", "floor"):
            a, b = runs[tool, first], runs[tool, last]
            if a and b:
                print(f"growth {size_label(first)} → {size_label(last)} ({last / first:g}× data): {tool} wall "
                      f"× {b.wall / a.wall:.1f}, CPU × {b.cpu / a.cpu:.1f}, peak RSS × {b.rss / a.rss:.1f}")
    # Wall time is what the targets name; on a machine shared with other jobs CPU time (user +
    # system, all threads) is the comparable figure, so each target is checked on both.
    p, f = runs["numpy", last], runs["floor", last]
    for tool in ("tierscan", "tierscan-nofuzzy"):
        t = runs[tool, last]
        if not (t and p and f):
            continue
        print(f"\ntargets at {size_label(last)}, {tool} (wall; CPU):")
        checks = [
            ("≥ 2.5× faster than numpy", (p.wall / t.wall, p.cpu / t.cpu), lambda r: r >= 2.5, ".2f"),
            ("≤ 2.5× the C floor", (t.wall / f.wall, t.cpu / f.cpu), lambda r: r <= 2.5, ".1f"),
        ]
        a = runs[tool, first]
        if a and last >= 10 * first:
            checks.append((f"growth ≤ 12× ({size_label(first)} → {size_label(last)})",
                           (t.wall / a.wall, t.cpu / a.cpu), lambda r: r <= 12, ".1f"))
        for name, (wall, cpu), ok, fmt in checks:
            verdict = lambda r: "met" if ok(r) else "MISSED"
            print(f"- {name}: wall {wall:{fmt}}× ({verdict(wall)}); CPU {cpu:{fmt}}× ({verdict(cpu)})")
        bytes_per = t.rss / (5 * last)
        print(f"- ≤ 200 B per relationship: {bytes_per:.0f} B — {'met' if bytes_per <= 200 else 'MISSED'}")
    for tool in ("tierscan", "tierscan-nofuzzy"):
        for n in sizes:
            run = runs[tool, n]
            if run and run.timings:
                print(f"\n{tool} phases at {size_label(n)} (TIERSCAN_TIMINGS=1, exit status {run.status}):\n")
                print("| phase | time and rate |\n|---|---|")
                for line in run.timings:
                    m = re.match(r"(.*?) (\d+\.\d+ s.*)", line)
                    name, rest = (m.group(1), m.group(2)) if m else (line, "")
                    print(f"| {name} | {rest} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
