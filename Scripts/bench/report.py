#!/usr/bin/env python3
"""Markdown tables from the /usr/bin/time -v and TIERSCAN_TIMINGS logs that Scripts/bench.sh keeps.

    python3 Scripts/bench/report.py RESULTS_DIR N...
"""

from __future__ import annotations

import os
import re
import sys


def read(path: str):
    """(wall seconds, peak RSS bytes, timing lines) of one run, or None when it did not run."""
    if not os.path.exists(path):
        return None
    text = open(path, encoding="utf-8", errors="replace").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    status = re.search(r"Exit status: (\d+)", text)
    if not wall or not rss:
        return None
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    timings = [line[len("timing: "):] for line in text.splitlines() if line.startswith("timing: ")]
    return seconds, int(rss.group(1)) * 1024, timings, status.group(1) if status else "?"


def gb(value: int) -> str:
    return f"{value / 1e9:.2f} GB"


def main() -> int:
    results, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
    runs = {(tool, n): read(os.path.join(results, f"{tool}-{n}.err"))
            for tool in ("tierscan", "numpy", "networkx") for n in sizes}
    print("| entities / relationships | tierscan wall | tierscan RSS | RSS / relationship | numpy wall | numpy RSS "
          "| networkx wall | networkx RSS | × numpy | × networkx | exposures identical |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        t, p, x = runs["tierscan", n], runs["numpy", n], runs["networkx", n]
        same = [name for name in ("numpy", "networkx") if os.path.exists(os.path.join(results, f"cmp-{name}-{n}"))]
        cells = [f"{n // 1000}k / {5 * n // 1000}k" if n < 1_000_000 else f"{n / 1e6:g}M / {5 * n / 1e6:g}M"]
        cells += [f"{t[0]:.2f} s", gb(t[1]), f"{t[1] / (5 * n):.0f} B"] if t else ["—"] * 3
        cells += [f"{p[0]:.2f} s", gb(p[1])] if p else ["—"] * 2
        cells += [f"{x[0]:.1f} s", gb(x[1])] if x else ["not run"] * 2
        cells += [f"{p[0] / t[0]:.2f}×" if t and p else "—", f"{x[0] / t[0]:.1f}×" if t and x else "—"]
        cells += [", ".join(same) or "—"]
        print("| " + " | ".join(cells) + " |")
    first, last = sizes[0], sizes[-1]
    if runs["tierscan", first] and runs["tierscan", last] and last != first:
        ratio = runs["tierscan", last][0] / runs["tierscan", first][0]
        print(f"\ngrowth {first} → {last} entities: tierscan wall × {ratio:.1f}")
    for n in sizes:
        t = runs["tierscan", n]
        if t and t[2]:
            print(f"\ntierscan phases at {n} entities (TIERSCAN_TIMINGS=1, exit status {t[3]}):\n")
            print("| phase | time and rate |\n|---|---|")
            for line in t[2]:
                name, _, rest = line.partition(" ")
                m = re.match(r"(.*?) (\d+\.\d+ s.*)", line)
                if m:
                    name, rest = m.group(1), m.group(2)
                print(f"| {name} | {rest} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
