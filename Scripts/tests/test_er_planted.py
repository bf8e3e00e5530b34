"""Tests for Scripts/er/plant_duplicates.py and Scripts/er/planted_recall.py (run: python3 -m pytest Scripts/tests)."""

from __future__ import annotations

import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "er"))

import plant_duplicates  # noqa: E402
import planted_recall  # noqa: E402

HEADER = ["id", "name", "kind", "country", "sector", "commodities", "lei", "duns", "cid", "raw_material"]


def write_bench(directory: str, count: int) -> None:
    rows = [["F0", "Focus Retail Group plc", "company", "GB", "food", "coffee", "", "", "", ""]]
    for i in range(count):
        rows.append([f"E{i:04d}", f"NOBLE LEATHER T{i:04d} LTD", "facility" if i % 2 else "company", "CN", "",
                     "", f"5493000000{i:010d}", "", "", ""])
    with open(os.path.join(directory, "entities.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def test_planted_entities_copy_an_entity_under_a_new_id_without_identifiers(tmp_path):
    bench, out = tmp_path / "bench", tmp_path / "out"
    bench.mkdir()
    write_bench(str(bench), 50)
    assert plant_duplicates.main([str(bench), str(out), "--count", "20", "--seed", "3"]) == 0
    with open(out / "entities.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADER and len(rows) == 1 + 51 + 20
    by_id = {row[0]: row for row in rows[1:]}
    truth = [line.strip().split(",") for line in open(out / "truth.csv", encoding="utf-8")]
    assert len(truth) == 20 and len({original for original, _ in truth}) == 20
    for n, (original, planted) in enumerate(truth):
        assert planted == f"P{n:06d}" and original != "F0"
        copy, source = by_id[planted], by_id[original]
        assert copy[2] == source[2] and copy[6:9] == ["", "", ""]
        assert copy[3] in (source[3], "")
    # Deterministic for a seed.
    again = tmp_path / "again"
    plant_duplicates.main([str(bench), str(again), "--count", "20", "--seed", "3"])
    assert (again / "entities.csv").read_bytes() == (out / "entities.csv").read_bytes()


def test_recall_counts_planted_pairs_in_either_order_among_duplicate_candidates():
    truth = ["E1,P000000\n", "E2,P000001\n", "E3,P000002\n"]
    candidates = [
        {"kind": "duplicate", "left_id": "E1", "right_id": "P000000", "decision": "possible"},
        {"kind": "duplicate", "left_id": "P000001", "right_id": "E2", "decision": "same"},
        {"kind": "risk-list", "left_id": "E3", "right_id": "P000002", "decision": "possible"},
        {"kind": "duplicate", "left_id": "E4", "right_id": "E5", "decision": "possible"},
    ]
    assert planted_recall.recall(truth, candidates) == (2, 3, 1, 3)
