"""Bad input: the same rejections as tierscan, never a silent difference."""

from __future__ import annotations

import json
import os

from tierscan_spark.job import scan


def test_hostile_relationships_are_rejected_as_tierscan_rejects_them(spark, tierscan, tmp_path):
    base = tmp_path / "in"
    base.mkdir()
    (base / "entities.csv").write_text("id,name,country\nA,Alpha,CN\nB,Beta,GB\n")
    (base / "relationships.csv").write_bytes(
        b"from,to,type,share,confidence\n"
        b"A,B,supplies,,\n"
        b"A,B,bogus,,\n"          # unknown type
        b"A,B,owns,1e309,\n"      # a share that overflows to infinity
        b"A,B\n"                  # ragged row
        b'A,"B"x,supplies,,\n'    # broken quoting
        b"A,B,supplies,,1.5\n"    # confidence out of range
        b"A,B,owns,0x1p6,\n"      # a hexadecimal share Swift reads (64)
        b"A,B,owns,1_0,\n"        # not a number for Swift
        b"A,B,supplies,,nan\n")
    (base / "country-risk.csv").write_text("country,category,score\nCN,forced_labour,0.8\nXX,forced_labour,0.5\n")
    validate = tierscan(["validate", str(base), "--format", "json"])
    expected = json.loads(validate.stdout)
    ts_out = tmp_path / "ts"
    tierscan(["scan", str(base), "--focus", "B", "--out", str(ts_out)])
    out = tmp_path / "spark"
    out.mkdir()
    summary = scan(spark, [str(base)], "B", str(out))
    got = {f["path"]: (f["records"], f["accepted"], f["rejected"]) for f in summary["inputs"]}
    want = {f["path"]: (f["records"], f["accepted"], f["rejected"]) for f in expected["files"]}
    assert got == want
    assert summary["rejected_records"] == sum(f["rejected"] for f in expected["files"]) == 8
    with open(ts_out / "quality.json", encoding="utf-8") as f:
        ts_errors = sorted((q["rule"], q["file"], q["line"]) for q in json.load(f) if q["severity"] == "error")
    with open(out / "findings.json", encoding="utf-8") as f:
        sp_errors = sorted((q["rule"], q["file"], q["line"]) for q in json.load(f) if q["severity"] == "error")
    assert sp_errors == ts_errors
    with open(ts_out / "exposures.csv", "rb") as a, open(out / "exposures.csv", "rb") as b:
        assert a.read() == b.read()
