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
        b"A,B,owns,0x1p6,\n"      # hexadecimal: not a decimal number
        b"A,B,owns,1_0,\n"        # not a number for Swift
        b"A,B,supplies,,nan\n")
    (base / "country-risk.csv").write_text(
        "country,category,score\nCN,forced_labour,0.8\nXX,forced_labour,0.5\nViet Nam,forced_labour,2\n")
    (base / "more-entities.csv").write_bytes(
        "id,name,country,,\nC,Gamma,China,x,\nD,Delta,CHN,,\nE,Epsilon,Narnia,,\nF,Phi,Korea,,\n"
        "G,Gee\xff,GB,,\nH,Eta,Côte d’Ivoire,,\n".encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
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
    assert summary["rejected_records"] == sum(f["rejected"] for f in expected["files"]) >= 10
    # Every finding (severity, rule, file, line): reading, country resolution, placeholders.
    with open(ts_out / "quality.json", encoding="utf-8") as f:
        ts_findings = sorted((q["severity"], q["rule"], q["file"], q["line"]) for q in json.load(f))
    with open(out / "findings.json", encoding="utf-8") as f:
        sp_findings = sorted((q["severity"], q["rule"], q["file"], q["line"]) for q in json.load(f))
    assert sp_findings == ts_findings
    assert {"not-utf8", "unknown-country", "country-resolved", "unnamed-column", "ragged-row"} <= {f[1] for f in sp_findings}
    with open(ts_out / "exposures.csv", "rb") as a, open(out / "exposures.csv", "rb") as b:
        assert a.read() == b.read()
