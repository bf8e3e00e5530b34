"""The pure-Python data contract (no Spark): numbers, countries, the CSV reader, the fold."""

from __future__ import annotations

from tierscan_spark import contract as C
from tierscan_spark import csvinput
from tierscan_spark.propagate import sequential_fold


def test_numbers_read_as_swift_reads_them():
    assert C.parse_double("0.85") == 0.85 and C.parse_double(".5") == 0.5 and C.parse_double("12.") == 12.0
    assert C.parse_double("1e-3") == 0.001
    for text in ("1e309", "0x1p6", "1_0", " 1", "", "nan", "inf", "1e", "."):
        assert C.parse_double(text) is None, text
    assert C.parse_int("2025") == 2025 and C.parse_int("2025.0") is None


def test_output_numbers_and_cells():
    assert C.format_score(0.595) == "0.595" and C.format_score(1.0) == "1.0" and C.format_score(1e-05) == "1e-05"
    assert C.json_number(1.0) == "1" and C.json_number(0.765) == "0.765"
    assert C.csv_cell("=SUM(A1)") == "'=SUM(A1)" and C.csv_cell('a,"b"') == '"a,""b"""'


def test_countries_resolve_as_the_shipped_resolver():
    assert C.resolve_country("cn") == ("code", "CN")
    assert C.resolve_country("UK") == ("resolved", "GB")
    assert C.resolve_country("VNM") == ("resolved", "VN")
    assert C.resolve_country("Korea, Republic of") == ("resolved", "KR")
    assert C.resolve_country("South Korea") == ("resolved", "KR")  # a CLDR region name
    assert C.resolve_country("Narnia") == ("unknown", None)


def test_reader_keeps_physical_lines_through_quoted_line_breaks():
    data = b'\xef\xbb\xbfid,name\r\n\r\nA,"two\nlines"\nB,plain\n'
    items = [i for i in csvinput.parse_file(data, "f.csv", 0) if i[0] == "entity"]
    assert [(e[1][1], e[1][2], e[1][14]) for e in items] == [("A", "two\nlines", 3), ("B", "plain", 5)]


def test_name_normaliser_follows_the_spec():
    normalise = C.NameNormalizer(C.DEFAULT_CONFIG["legal_forms"])
    assert normalise("Foo S.A.") == normalise("FOO SA") == normalise("Foo") == "foo"
    assert normalise("Société Générale Co., Ltd.") == "societe generale"


def test_sequential_fold_is_not_the_window_rule_on_a_near_tie_chain():
    def cand(score, node, edge):
        return {"score": score, "hops": 1, "npath": [9, node], "epath": [edge], "edge": edge, "reversed": False}

    a, b, c = cand(0.5, 1, 2), cand(0.5 + 0.6e-12, 2, 1), cand(0.5 + 1.2e-12, 3, 3)
    # Fold order by edge: B (edge 1), A (2), C (3): B, then A ties and wins on id, then C beats A.
    assert sequential_fold(None, [a, b, c])["npath"] == [9, 3]
    # The window rule (within 1e-12 of the best, then the smaller path) would pick B.
    best = max(x["score"] for x in (a, b, c))
    window = [x for x in (a, b, c) if x["score"] >= best - 1e-12]
    assert min(window, key=lambda x: x["npath"])["npath"] == [9, 2]
