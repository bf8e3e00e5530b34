"""Tests for Scripts/generate.py and the two scan baselines (run: python3 -m pytest Scripts/tests).

Expected values are derived from SPEC §3 by hand (products computed here in the same order the
SPEC prescribes: r0 * t1 * t2 ..., t = (factor * confidence) * hop_decay), never copied from the
scripts' output.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(SCRIPTS, "baselines"))
sys.path.insert(0, SCRIPTS)

import common as C  # noqa: E402
import generate  # noqa: E402
import networkx_scan  # noqa: E402

HAS_PYARROW = importlib.util.find_spec("pyarrow") is not None
BASELINES = [
    pytest.param("networkx", id="networkx"),
    pytest.param("numpy", id="numpy", marks=pytest.mark.skipif(not HAS_PYARROW, reason="pyarrow missing")),
]
DECLARED = 0.9 * 0.85
OBSERVED = 1.0 * 0.85
HEADER = C.EXPOSURES_HEADER


def run(baseline: str, directory: str, focus: str = "F0") -> list[str]:
    out = os.path.join(directory, f"exposures-{baseline}.csv")
    if baseline == "networkx":
        code = networkx_scan.main([os.path.join(directory, "in"), "--focus", focus, "--out", out])
    else:
        import numpy_scan

        code = numpy_scan.main([os.path.join(directory, "in"), "--focus", focus, "--out", out])
    assert code == 0
    with open(out, encoding="utf-8") as f:
        return f.read().splitlines()


def write_inputs(directory, entities, relationships, risk=(), country=(), smelters=None) -> None:
    base = os.path.join(directory, "in")
    os.makedirs(base, exist_ok=True)

    def put(name, header, rows):
        with open(os.path.join(base, name), "w", encoding="utf-8") as f:
            f.write(header + "\n" + "".join(",".join(generate.quote(c) for c in r) + "\n" for r in rows))

    put("entities.csv", "id,name,kind,country,commodities,lei,cid", entities)
    put("relationships.csv", "from,to,type,commodity,share,basis,confidence", relationships)
    put("risk-list.csv", "list,name,category,country,aliases,lei", risk)
    put("country-risk.csv", "country,category,score,commodity,source", country)
    if smelters is not None:
        put("smelter-reference.csv", "cid,status,name,metal,country", smelters)


def row(eid, name, kind, country, tier, category, score, hops, source):
    return ",".join([eid, name, kind, country, tier, category, repr(score), C.level_of(score), str(hops), source])


# --- name normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Foo S.A.", "foo"),
        ("FOO SA", "foo"),
        ("Foo", "foo"),
        ("Shenzhen Widget Co., Ltd.", "shenzhen widget"),
        ("Ünal Tekstil A.Ş.", "unal tekstil"),
        ("O'Brien & Sons Holdings Limited", "obrien sons holdings"),
        ("Co Ltd", ""),
        ("Acme Corp Company", "acme"),
        ("ＡＣＭＥ　Ｔｒａｄｉｎｇ", "acme trading"),  # fullwidth, NFKD
        ("Straße GmbH", "strasse"),  # casefold ß -> ss
    ],
)
def test_name_normalizer(raw, expected):
    assert C.NameNormalizer()(raw) == expected


def test_levels_and_cells():
    assert [C.level_of(x) for x in (0.8, 0.8 - 5e-13, 0.7999, 0.6, 0.35, 0.3499, 1e-05)] == [
        "critical", "critical", "high", "high", "medium", "low", "low"]
    assert C.format_score(1.0) == "1.0" and C.format_score(0.765) == "0.765"
    assert C.csv_cell("=SUM(A1)") == "'=SUM(A1)" and C.csv_cell('a,"b"') == '"a,""b"""'


# --- hand-made cases ----------------------------------------------------------------------------------


@pytest.mark.parametrize("baseline", BASELINES)
def test_three_hop_declared_chain(tmp_path, baseline):
    write_inputs(
        tmp_path,
        entities=[["F0", "Focus plc", "company", "GB", "", "", ""], ["A", "Alpha Ltd", "company", "CN", "", "", ""],
                  ["B", "Beta Ltd", "company", "VN", "", "", ""], ["S", "Source Co", "company", "CN", "", "", ""]],
        relationships=[["S", "A", "supplies", "", "", "", ""], ["A", "B", "supplies", "", "", "declared", ""],
                       ["B", "F0", "supplies", "", "", "", ""]],
        risk=[["UFLPA", "SOURCE CO., LTD.", "forced_labour", "CN", "", ""]],
    )
    e1 = 1.0 * DECLARED
    e2 = e1 * DECLARED
    e3 = e2 * DECLARED
    assert abs(e3 - 0.447697125) < 1e-15
    assert run(baseline, tmp_path) == [
        HEADER,
        row("A", "Alpha Ltd", "company", "CN", "2", "forced_labour", e1, 1, "S"),
        row("B", "Beta Ltd", "company", "VN", "1", "forced_labour", e2, 2, "S"),
        row("F0", "Focus plc", "company", "GB", "0", "forced_labour", e3, 3, "S"),
        row("S", "Source Co", "company", "CN", "3", "forced_labour", 1.0, 0, "S"),
    ]


@pytest.mark.parametrize("baseline", BASELINES)
def test_ties_fewer_hops_then_smaller_ids_then_first_parallel_edge(tmp_path, baseline):
    # F0 <- A <- Z (r0 1) and F0 <- B <- Y (r0 1), all declared: equal score and hops; the id sequence
    # from F0 back is (F0, A, Z) < (F0, B, Y), so the source is Z although Y < Z.
    # G gets a 1-hop path with confidence 0.6885 (t = 0.585225 up to rounding) and a 2-hop declared
    # path (0.765 * 0.765 = 0.585225): a tie, fewer hops wins.
    # H: a declared edge from Y and an observed edge from Z: the strictly better score wins.
    write_inputs(
        tmp_path,
        entities=[["F0", "Focus", "company", "GB", "", "", ""], ["A", "A Co", "company", "", "", "", ""],
                  ["B", "B Co", "company", "", "", "", ""], ["Y", "Yankee", "company", "", "", "", ""],
                  ["Z", "Zulu", "company", "", "", "", ""], ["G", "Golf", "company", "", "", "", ""],
                  ["K", "Kilo", "company", "", "", "", ""], ["H", "Hotel", "company", "", "", "", ""]],
        relationships=[["B", "F0", "supplies", "", "", "", ""], ["Y", "B", "supplies", "", "", "", ""],
                       ["A", "F0", "supplies", "", "", "", ""], ["Z", "A", "supplies", "", "", "", ""],
                       ["K", "G", "supplies", "", "", "", ""], ["Y", "K", "supplies", "", "", "", ""],
                       ["Z", "G", "supplies", "", "", "", "0.6885"],
                       ["Y", "H", "supplies", "", "", "declared", ""], ["Z", "H", "supplies", "", "", "observed", ""]],
        risk=[["L", "Yankee", "forced_labour", "", "", ""], ["L", "Zulu", "forced_labour", "", "", ""]],
    )
    lines = run(baseline, tmp_path)
    name_only = C.LIST_MATCH_SCORE["name-only"]
    one_hop = name_only * DECLARED
    two_hop = one_hop * DECLARED
    g_direct = name_only * ((1.0 * 0.6885) * 0.85)
    assert abs(g_direct - (name_only * DECLARED) * DECLARED) <= 1e-12
    assert lines == [
        HEADER,
        row("A", "A Co", "company", "", "1", "forced_labour", one_hop, 1, "Z"),
        row("B", "B Co", "company", "", "1", "forced_labour", one_hop, 1, "Y"),
        row("F0", "Focus", "company", "GB", "0", "forced_labour", two_hop, 2, "Z"),
        row("G", "Golf", "company", "", "", "forced_labour", g_direct, 1, "Z"),
        row("H", "Hotel", "company", "", "", "forced_labour", name_only * OBSERVED, 1, "Z"),
        row("K", "Kilo", "company", "", "", "forced_labour", one_hop, 1, "Y"),
        row("Y", "Yankee", "company", "", "2", "forced_labour", name_only, 0, "Y"),
        row("Z", "Zulu", "company", "", "2", "forced_labour", name_only, 0, "Z"),
    ]


@pytest.mark.parametrize("baseline", BASELINES)
def test_parallel_equal_edges_and_lexicographic_chain(tmp_path, baseline):
    # Two equal paths of 2 hops to F0 through the same middle entity M: M's state is unique, so both
    # F0 candidates are parallel edges M -> F0 with equal transmission (the first is cited; the
    # exposure row is the same). The id sequences (F0, M, P) < (F0, N, Q) pick source P although Q
    # comes first in input order.
    write_inputs(
        tmp_path,
        entities=[["F0", "Focus", "company", "GB", "", "", ""], ["M", "Mike", "company", "", "", "", ""],
                  ["N", "November", "company", "", "", "", ""], ["Q", "Quebec", "company", "", "", "", ""],
                  ["P", "Papa", "company", "", "", "", ""]],
        relationships=[["N", "F0", "supplies", "", "", "", ""], ["Q", "N", "supplies", "", "", "", ""],
                       ["M", "F0", "supplies", "", "", "", ""], ["M", "F0", "supplies", "", "", "", ""],
                       ["P", "M", "supplies", "", "", "", ""]],
        risk=[["L", "Papa", "child_labour", "", "", ""], ["L", "Quebec", "child_labour", "", "", ""]],
    )
    lines = run(baseline, tmp_path)
    score = (C.LIST_MATCH_SCORE["name-only"] * DECLARED) * DECLARED
    assert lines[1] == row("F0", "Focus", "company", "GB", "0", "child_labour", score, 2, "P")


@pytest.mark.parametrize("baseline", BASELINES)
def test_depth_cut_off(tmp_path, baseline):
    # S -> N1 -> ... -> N12, observed: N10 is reached at 10 hops, N11 and N12 are beyond max_depth.
    names = ["S"] + [f"N{i:02d}" for i in range(1, 13)]
    write_inputs(
        tmp_path,
        entities=[["F0", "Focus", "company", "GB", "", "", ""]] + [[n, n, "company", "", "", "", ""] for n in names],
        relationships=[[a, b, "supplies", "", "", "observed", ""] for a, b in zip(names, names[1:])],
        risk=[["L", "S", "forced_labour", "", "", ""]],
    )
    lines = run(baseline, tmp_path)
    expected = [HEADER]
    score = C.LIST_MATCH_SCORE["name-only"]
    scores = {"S": score}
    for n in names[1:11]:
        score = score * OBSERVED
        scores[n] = score
    for hops, n in enumerate(names[:11]):
        expected.append(row(n, n, "company", "", "", "forced_labour", scores[n], hops, "S"))
    assert lines == [HEADER] + sorted(expected[1:])
    assert not any(line.startswith(("N11", "N12")) for line in lines)


@pytest.mark.parametrize("baseline", BASELINES)
def test_ownership_facilities_smelters_and_tiers(tmp_path, baseline):
    # H1 (30 %) and H2 (25 %) are listed by name-country: X is listed by control (r0 1.0). X is 60 %
    # owned by P (not listed): the owns edge transmits backward, X -> P. Facility FAC (operated by T1,
    # tier 1) carries country risk that reaches T1 backward; FAC gets T1's tier. Smelters: SM1
    # non-conformant (1.0), SM2 not in the reference (unknown, 0.6), SM3 conformant (0): SM1 supplies T1.
    write_inputs(
        tmp_path,
        entities=[["F0", "Focus", "company", "GB", "", "", ""], ["T1", "Tier One", "company", "", "", "", ""],
                  ["X", "Xray", "company", "", "", "", ""], ["P", "Parent", "company", "", "", "", ""],
                  ["H1", "Holding One", "company", "HK", "", "", ""], ["H2", "Holding Two", "company", "HK", "", "", ""],
                  ["FAC", "Plant", "facility", "CD", "", "", ""], ["SM1", "Smelter 1", "smelter", "", "", "", "CID000001"],
                  ["SM2", "Smelter 2", "smelter", "", "", "", "CID000002"],
                  ["SM3", "Smelter 3", "smelter", "", "", "", "CID000003"]],
        relationships=[["T1", "F0", "supplies", "", "", "", ""], ["H1", "X", "owns", "", "30", "", ""],
                       ["H2", "X", "owns", "", "25", "", ""], ["H2", "X", "owns", "", "5", "", ""],
                       ["P", "X", "owns", "", "60", "", ""], ["T1", "FAC", "operates", "", "", "observed", ""],
                       ["SM1", "T1", "supplies", "tin", "", "", ""], ["UNKNOWN1", "T1", "supplies", "", "", "", ""]],
        risk=[["L", "Holding One Ltd", "forced_labour", "HK", "", ""],
              ["L", "HOLDING TWO LIMITED", "forced_labour", "HK", "", ""], ["L", "unknown1", "child_labour", "", "", ""]],
        country=[["CD", "conflict_minerals", "0.9", "", "CAHRA"]],
        smelters=[["CID000001", "non-conformant", "", "tin", ""], ["CID000003", "conformant", "", "tin", ""],
                  ["CID000001", "conformant", "", "tin", ""]],
    )
    lines = run(baseline, tmp_path)
    # T1: FAC backward (0.9 * 0.85, observed) and SM1 (1.0 * (0.9 * 0.85), declared) are the same
    # double: a tie with equal hops, and FAC < SM1.
    t1_conflict = 0.9 * OBSERVED
    assert t1_conflict == 1.0 * DECLARED
    t1_child = 0.7 * DECLARED
    assert lines == [
        HEADER,
        row("F0", "Focus", "company", "GB", "0", "child_labour", t1_child * DECLARED, 2, "UNKNOWN1"),
        row("F0", "Focus", "company", "GB", "0", "conflict_minerals", t1_conflict * DECLARED, 2, "FAC"),
        row("FAC", "Plant", "facility", "CD", "1", "conflict_minerals", 0.9, 0, "FAC"),
        row("H1", "Holding One", "company", "HK", "", "forced_labour", 1.0, 0, "H1"),
        row("H2", "Holding Two", "company", "HK", "", "forced_labour", 1.0, 0, "H2"),
        row("P", "Parent", "company", "", "", "forced_labour", 1.0 * DECLARED, 1, "X"),
        row("SM1", "Smelter 1", "smelter", "", "2", "conflict_minerals", 1.0, 0, "SM1"),
        row("SM2", "Smelter 2", "smelter", "", "", "conflict_minerals", 0.6, 0, "SM2"),
        row("T1", "Tier One", "company", "", "1", "child_labour", t1_child, 1, "UNKNOWN1"),
        row("T1", "Tier One", "company", "", "1", "conflict_minerals", t1_conflict, 1, "FAC"),
        row("UNKNOWN1", "UNKNOWN1", "company", "", "2", "child_labour", 0.7, 0, "UNKNOWN1"),
        row("X", "Xray", "company", "", "", "forced_labour", 1.0, 0, "X"),
    ]


@pytest.mark.parametrize("baseline", BASELINES)
def test_near_tie_window_shift_compares_whole_paths(tmp_path, baseline):
    # Scores that differ by at most 1e-12 are ties; the window is anchored at the layer's maximum.
    # Layer 1 at V: via A (0.425 - 0.6e-12) and via B (0.425): a tie, same hops, A < B -> A.
    # Layer 2 at V: a 2-hop path via W scores 0.425 + 0.9e-12, so the window [M - 1e-12, M] drops A;
    # B (1 hop) beats W (2 hops) -> V switches to B (same hops, a different path).
    # Layer 2 at X (V -> X) chose X<-V<-A; at layer 3 the candidate X<-V<-B ties with it (same hops,
    # same predecessor V, whose state changed): the whole id sequences decide, A < B: X keeps A.
    c_a = repr(0.5 - 0.6e-12 / 0.85)
    c_w = repr((0.425 + 0.9e-12) / (0.85 * 0.85))
    write_inputs(
        tmp_path,
        entities=[["F0", "Focus", "company", "GB", "", "", ""]]
        + [[i, n, "company", "GB", "", "", ""] for i, n in [("A", "Alpha"), ("B", "Bravo"), ("S", "Sierra")]]
        + [[i, n, "company", "", "", "", ""] for i, n in [("W", "Whiskey"), ("V", "Victor"), ("X", "Xray")]],
        relationships=[["A", "V", "supplies", "", "", "", c_a], ["B", "V", "supplies", "", "", "", "0.5"],
                       ["S", "W", "supplies", "", "", "observed", ""], ["W", "V", "supplies", "", "", "", c_w],
                       ["V", "X", "supplies", "", "", "observed", ""]],
        risk=[["L", n, "forced_labour", "GB", "", ""] for n in ("Alpha", "Bravo", "Sierra")],
    )
    t_a, t_b, t_w = (1.0 * float(c_a)) * 0.85, (1.0 * 0.5) * 0.85, (1.0 * float(c_w)) * 0.85
    v_a, v_b, v_w = 1.0 * t_a, 1.0 * t_b, (1.0 * OBSERVED) * t_w
    assert 0 < v_b - v_a <= 1e-12 and 0 < v_w - v_b <= 1e-12 and v_w - v_a > 1e-12
    lines = run(baseline, tmp_path)
    v_line = [x for x in lines if x.startswith("V,")][0]
    x_line = [x for x in lines if x.startswith("X,")][0]
    assert v_line == row("V", "Victor", "company", "", "", "forced_labour", v_b, 1, "B")
    assert x_line == row("X", "Xray", "company", "", "", "forced_labour", v_a * OBSERVED, 2, "A")


# --- generator and cross-check -------------------------------------------------------------------------


def test_generator_is_deterministic_and_exact(tmp_path):
    for name in ("a", "b"):
        generate.main(["--entities", "500", "--relationships", "2345", "--seed", "7", "--out", str(tmp_path / name)])
    for f in ("entities.csv", "relationships.csv", "risk-list.csv", "country-risk.csv", "smelter-reference.csv"):
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
    lines = (tmp_path / "a" / "relationships.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 2345
    entities = (tmp_path / "a" / "entities.csv").read_text(encoding="utf-8").splitlines()
    assert len(entities) == 1 + 500 and entities[1].startswith("F0,")
    generate.main(["--entities", "500", "--relationships", "2345", "--seed", "8", "--out", str(tmp_path / "c")])
    assert (tmp_path / "c" / "relationships.csv").read_bytes() != (tmp_path / "a" / "relationships.csv").read_bytes()


@pytest.mark.skipif(not HAS_PYARROW, reason="pyarrow missing")
def test_baselines_agree_on_generated_data(tmp_path):
    generate.main(["--entities", "2000", "--relationships", "10000", "--seed", "3", "--out", str(tmp_path / "in")])
    nx_lines = run("networkx", tmp_path)
    np_lines = run("numpy", tmp_path)
    assert (tmp_path / "exposures-networkx.csv").read_bytes() == (tmp_path / "exposures-numpy.csv").read_bytes()
    assert nx_lines[0] == HEADER and len(nx_lines) > 1000
    assert nx_lines == np_lines
    levels = {line.rsplit(",", 3)[1] for line in nx_lines[1:]}
    assert levels == {"critical", "high", "medium", "low"}


def test_realistic_shape_is_deterministic_and_has_the_issue_mix(tmp_path):
    """`--shape realistic` (issue #21): the mix of kinds and relationship types, identifiers,
    aliases, reference-data sizes and ownership totals over 100 %, the same bytes for the same seed."""
    import csv
    from collections import Counter, defaultdict

    args = ["--shape", "realistic", "--entities", "20000", "--relationships", "100000", "--seed", "3"]
    for name in ("a", "b"):
        generate.main(args + ["--out", str(tmp_path / name)])
    for f in ("entities.csv", "relationships.csv", "risk-list.csv", "country-risk.csv", "smelter-reference.csv"):
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
    with open(tmp_path / "a" / "entities.csv", encoding="utf-8") as f:
        entities = list(csv.DictReader(f))
    kinds = Counter(e["kind"] for e in entities)
    assert len(entities) == 20000
    assert abs(kinds["company"] / 20000 - 0.80) < 0.005 and abs(kinds["facility"] / 20000 - 0.10) < 0.005
    assert abs(kinds["smelter"] / 20000 - 0.06) < 0.005 and abs(kinds["mine"] / 20000 - 0.04) < 0.005
    assert all(C.read_identifier("lei", e["lei"]) for e in entities if e["lei"])
    assert sum(1 for e in entities if e["lei"]) > 1000 and sum(1 for e in entities if e["duns"]) > 2000
    assert all(C.read_identifier("cid", e["cid"]) for e in entities if e["kind"] == "smelter")
    assert sum(1 for e in entities if ";" in e["aliases"]) > 300
    with open(tmp_path / "a" / "relationships.csv", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    types = Counter(r["type"] for r in rels)
    assert len(rels) == 100000
    for t, share in (("supplies", 0.866), ("subcontracts", 0.07), ("owns", 0.04), ("operates", 0.024)):
        assert abs(types[t] / 100000 - share) < 0.002, (t, types[t])
    totals = defaultdict(float)
    for r in rels:
        if r["type"] == "owns":
            totals[r["to"]] += float(r["share"])
    assert sum(1 for v in totals.values() if v > 100) > 50
    lines = {f: (tmp_path / "a" / f).read_text(encoding="utf-8").count("\n") - 1
             for f in ("risk-list.csv", "country-risk.csv", "smelter-reference.csv")}
    assert lines == {"risk-list.csv": 8500, "country-risk.csv": 100, "smelter-reference.csv": lines["smelter-reference.csv"]}
    assert 44_000 <= lines["smelter-reference.csv"] <= 45_500
