#!/usr/bin/env python3
"""Plants known duplicates among a generated graph's entities, to measure the duplicate search's recall.

Usage: python3 Scripts/er/plant_duplicates.py BENCH_DIR OUT_DIR [--count 10000] [--seed 7]

BENCH_DIR is a directory written by `Scripts/generate.py` (optionally with the risk list of
`make_variant_risk_list.py`). OUT_DIR gets an entities.csv holding every entity of BENCH_DIR and then
`--count` planted ones, a hard link to BENCH_DIR's risk-list.csv when it has one, and truth.csv:
one line `original_id,planted_id` per planted entity. Each planted entity copies a randomly chosen
entity (kind, sector, commodities) under a new id `P000000`…, with no identifier (the name must find
it), its name changed as `make_variant_risk_list.variant` changes risk-list names (legal form,
punctuation, case, `&`/`and`, accents, a bracketed place, a one-letter typo, word order) and its
country kept in 80 % (none otherwise). Deterministic for a seed. Measure with
`Scripts/er/planted_recall.py` (docs/entity-resolution.md §2, "The duplicate search's cap").
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_variant_risk_list import variant  # noqa: E402


def plant(rows: list[list[str]], count: int, rng: random.Random) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """The planted rows and the (original id, planted id) pairs; `rows` are entity rows without the header."""
    planted, truth = [], []
    for n, i in enumerate(rng.sample(range(len(rows)), min(count, len(rows)))):
        original = rows[i]
        copy = list(original)
        copy[0] = f"P{n:06d}"
        copy[1] = variant(original[1], rng)
        copy[3] = original[3] if rng.random() < 0.8 else ""
        for column in (6, 7, 8):  # lei, duns, cid
            if column < len(copy):
                copy[column] = ""
        planted.append(copy)
        truth.append((original[0], copy[0]))
    return planted, truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench")
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with open(os.path.join(args.bench, "entities.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["id", "name", "kind", "country"], header
    # The focus company (first row) is never copied.
    planted, truth = plant(body[1:], args.count, random.Random(args.seed))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "entities.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body + planted)
    with open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8") as f:
        f.writelines(f"{a},{b}\n" for a, b in truth)
    risk = os.path.join(args.bench, "risk-list.csv")
    target = os.path.join(args.out, "risk-list.csv")
    if os.path.exists(risk):
        if os.path.exists(target):
            os.remove(target)
        os.link(risk, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
