#!/usr/bin/env python3
"""Recall of planted duplicates in a `tierscan resolve` output.

Usage: python3 Scripts/er/planted_recall.py TRUTH_CSV CANDIDATES_CSV

TRUTH_CSV holds `original_id,planted_id` lines (`plant_duplicates.py`); CANDIDATES_CSV is resolve's
candidates.csv. Prints how many planted pairs are among the `duplicate` candidates (either order),
how many of those are `same`, and the number of duplicate candidates.
"""
from __future__ import annotations

import csv
import sys


def recall(truth_lines: list[str], candidates: list[dict[str, str]]) -> tuple[int, int, int, int]:
    """(found, planted, found as `same`, duplicate candidates)."""
    truth = {frozenset(line.strip().split(",")) for line in truth_lines if line.strip()}
    found = {
        frozenset((row["left_id"], row["right_id"])): row["decision"] for row in candidates if row["kind"] == "duplicate"
    }
    hits = [pair for pair in truth if pair in found]
    return len(hits), len(truth), sum(found[pair] == "same" for pair in hits), len(found)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    with open(args[0], encoding="utf-8") as f:
        truth_lines = f.readlines()
    with open(args[1], newline="", encoding="utf-8") as f:
        candidates = list(csv.DictReader(f))
    found, planted, same, duplicates = recall(truth_lines, candidates)
    share = 100 * found / planted if planted else 0.0
    print(f"planted pairs found: {found} / {planted} ({share:.2f} %); same {same}; duplicate candidates {duplicates}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
