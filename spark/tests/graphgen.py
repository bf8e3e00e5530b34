"""Small seeded supply graphs that exercise every rule the Spark job reproduces.

Each graph has: a focus `F0` and upstream supply tiers with cycles (back-links) and cross-links;
parallel edges with equal transmission (the first in input order must be cited) and diamond paths
with equal scores (ties broken by fewer hops, then by smaller id sequences); owns chains with
controlling stakes and split stakes that reach the control share only in aggregate; facilities and
mines with `operates` edges; smelters with CIDs (conformant / active / non-conformant / absent from
the reference); entities merged by a shared LEI and by a repeated id; a supplier list whose buyer is
unknown (a placeholder); risk-list rows matching by identifier, name-country and name-only (and one
blocked by the country guard); country-commodity rows in two categories; chains longer than
`max_depth`. Scores are products of the factors in {1.0, 0.9, 0.5, 0.7, 0.6, 0.3} and of explicit
confidences in {0.8, 0.4}, so ties are exact or well apart (the Spark job counts near-tie refolds,
and the tests require none on these graphs).

Pure Python (`random.Random(seed)`): the same seed always gives the same files.
"""

from __future__ import annotations

import os
import random

COUNTRIES = ["CN", "IN", "VN", "BD", "MY", "TR", "DE", "GB", "CD", "ID"]
COMMODITIES = ["cotton", "electronics", "tin", "gold", "apparel", "cobalt"]
BASES = ["observed", "declared", "inferred", ""]


def _lei(body18: str) -> str:
    """A valid ISO 17442 LEI from 18 upper-case alphanumerics (check digits computed)."""
    digits = "".join(str(int(c, 36)) for c in body18) + "00"
    check = 98 - int(digits) % 97
    return f"{body18}{check:02d}"


def _cell(value) -> str:
    text = "" if value is None else str(value)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(_cell(row.get(h)) for h in header) + "\n")


def generate(directory: str, seed: int, size: int = 40, chain: int = 14) -> str:
    """Writes the input files of one graph into `directory` and returns it."""
    rng = random.Random(seed)
    os.makedirs(directory, exist_ok=True)
    entities, edges, suppliers = [], [], []

    def entity(eid, name=None, kind="company", country=None, commodities=(), lei="", cid="", aliases=(), raw=""):
        entities.append({"id": eid, "name": name or f"Company {eid} Ltd", "kind": kind, "country": country or "",
                         "commodities": ";".join(commodities), "lei": lei, "cid": cid, "aliases": ";".join(aliases),
                         "raw_material": raw})

    def edge(frm, to, kind="supplies", commodity="", share="", basis=None, confidence=""):
        edges.append({"from": frm, "to": to, "type": kind, "commodity": commodity, "share": share,
                      "basis": rng.choice(BASES) if basis is None else basis, "confidence": confidence})

    entity("F0", "Focus Buyer plc", country="GB")
    tiers = [["F0"]]
    count = 0
    for t in range(1, 6):
        layer = []
        for _ in range(max(2, size // 5 + rng.randint(-2, 2))):
            count += 1
            eid = f"C{count:03d}"
            layer.append(eid)
            entity(eid, country=rng.choice(COUNTRIES), commodities=rng.sample(COMMODITIES, rng.randint(0, 2)))
            buyer = rng.choice(tiers[-1])
            edge(eid, buyer, rng.choice(["supplies", "supplies", "subcontracts"]), rng.choice(COMMODITIES + [""]),
                 confidence=rng.choice(["", "", "", "0.8", "0.4"]))
        tiers.append(layer)
    everyone = [e for layer in tiers[1:] for e in layer]
    # Cross-links, back-links (cycles) and parallel edges with equal transmission.
    for _ in range(size // 2):
        a, b = rng.sample(everyone, 2)
        edge(a, b, "supplies", rng.choice(COMMODITIES))
    for _ in range(3):
        a, b = rng.sample(everyone, 2)
        edge(a, b, "supplies", "cotton", basis="observed")
        edge(a, b, "supplies", "cotton", basis="observed")
    # A diamond of equal scores: two paths of the same length into D from one source.
    entity("DX", "Diamond Source", country="MY", commodities=["electronics"])
    entity("DA", "Diamond A", country="GB")
    entity("DB", "Diamond B", country="GB")
    entity("DD", "Diamond Sink", country="GB")
    for a, b in (("DX", "DB"), ("DX", "DA"), ("DB", "DD"), ("DA", "DD")):
        edge(a, b, "supplies", basis="observed")
    edge("DD", rng.choice(tiers[1]), "supplies", basis="observed")
    # A long chain (depth cut-off at max_depth) ending at a listed company.
    previous = rng.choice(tiers[5])
    for k in range(chain):
        eid = f"L{k:02d}"
        entity(eid, country="DE")
        edge(eid, previous, "supplies", basis="observed")
        previous = eid
    entity("LX", "Chain Source Manufacturing", country="CN")
    edge("LX", previous, "supplies", basis="observed")
    # Facilities and mines.
    for k in range(4):
        operator = rng.choice(everyone)
        entity(f"FAC{k}", f"Plant {k}", kind=rng.choice(["facility", "mine"]), country=rng.choice(COUNTRIES),
               raw="true" if k == 0 else "")
        edge(operator, f"FAC{k}", "operates")
    # Ownership: a controlling stake, split stakes that control only together, a chain.
    holders = ["H1", "H2", "H3", "H4"]
    for h in holders:
        entity(h, f"Holding {h} Group", country=rng.choice(["HK", "CN", "GB"]))
    target = rng.choice(tiers[2])
    edge("H1", target, "owns", share="60", basis="observed")
    split = rng.choice(tiers[3])
    edge("H2", split, "owns", share="30", basis="observed")
    edge("H3", split, "owns", share="25", basis="observed")
    edge("H3", split, "owns", share="20", basis="observed")  # the same owner twice: the largest counts
    edge("H4", "H2", "owns", share="50", basis="observed")
    edge("H4", "H3", "owns", share="51", basis="declared")
    # Smelters and mines feeding them.
    statuses = []
    for k in range(5):
        cid = f"CID{900100 + k:06d}"
        entity(f"S{k}", f"Smelter {k}", kind="smelter", country=rng.choice(COUNTRIES), cid=cid)
        edge(f"S{k}", rng.choice(tiers[4] + tiers[5]), "supplies", rng.choice(["tin", "gold"]))
        if k < 4:
            statuses.append({"cid": cid, "status": ["conformant", "active", "non-conformant", "Unknown"][k],
                             "name": f"Smelter {k}", "metal": "tin"})
    statuses.append({"cid": "CID900100", "status": "active", "name": "dup", "metal": "tin"})  # first row wins
    # Merging: a second record with the same LEI and a repeated id with another country.
    lei = _lei("5493001KJTIIGC8Y1R")
    merged = rng.choice(tiers[2])
    for row in entities:
        if row["id"] == merged:
            row["lei"] = lei
    entity("ALIAS1", "Other Name Of Merged", country="GB", lei=lei)
    edge("ALIAS1", rng.choice(tiers[1]), "supplies")
    repeated = rng.choice(tiers[3])
    entities.append({"id": repeated, "name": "Repeated Record", "kind": "", "country": "FR", "commodities": "cotton",
                     "lei": "", "cid": "", "aliases": "Repeated Alias", "raw_material": ""})
    # A supplier list with an unknown buyer (placeholder) and a new supplier.
    suppliers.append({"buyer_id": "PH-BUYER", "supplier_id": "SL1", "supplier_name": "Listed Supplier Co",
                      "supplier_country": "BD", "commodity": "apparel", "basis": "declared"})
    suppliers.append({"buyer_id": tiers[1][0], "supplier_id": "SL1", "supplier_name": "Listed Supplier Co",
                      "supplier_country": "BD", "commodity": "apparel", "basis": "observed"})
    suppliers.append({"buyer_id": "SL1", "supplier_id": "SL2", "supplier_name": "",
                      "supplier_country": "", "commodity": "cotton", "basis": ""})
    edge("PH-BUYER", "GHOST", "supplies")
    # Risk lists: identifier, name-country, name-only, and a country guard that blocks.
    risk = [
        {"list": "UFLPA", "name": "Unrelated Name", "category": "forced_labour", "country": "", "aliases": "",
         "lei": lei},
        {"list": "UFLPA", "name": "Chain Source Manufacturing Co., Ltd.", "category": "forced_labour", "country": "CN",
         "aliases": "", "lei": ""},
        {"list": "Own findings", "name": "Holding H4 Group", "category": "forced_labour", "country": "",
         "aliases": "H4 Holdings", "lei": ""},
        {"list": "Own findings", "name": "Holding H4 Group", "category": "child_labour",
         "country": next(r["country"] for r in entities if r["id"] == "H4"), "aliases": "", "lei": ""},
        {"list": "WRO", "name": "Diamond Source", "category": "forced_labour", "country": "VN", "aliases": "",
         "lei": ""},
        {"list": "WRO", "name": "Listed Supplier", "category": "child_labour", "country": "", "aliases": "",
         "lei": ""},
        {"list": "Other", "name": "Someone", "category": "not_a_category", "country": "", "aliases": "", "lei": ""},
    ]
    country_rows = [
        {"country": "MY", "category": "forced_labour", "score": "0.7", "commodity": "electronics", "source": "ILAB"},
        {"country": "CN", "category": "forced_labour", "score": "0.6", "commodity": "cotton", "source": "ILAB"},
        {"country": "BD", "category": "child_labour", "score": "0.5", "commodity": "", "source": "own"},
        {"country": "CD", "category": "conflict_minerals", "score": "0.9", "commodity": "", "source": "own"},
        {"country": rng.choice(COUNTRIES), "category": "child_labour", "score": "0.3", "commodity": "apparel",
         "source": "own"},
    ]
    _write(os.path.join(directory, "entities.csv"),
           ["id", "name", "kind", "country", "commodities", "lei", "cid", "aliases", "raw_material"], entities)
    _write(os.path.join(directory, "relationships.csv"),
           ["from", "to", "type", "commodity", "share", "basis", "confidence"], edges)
    _write(os.path.join(directory, "supplier-list.csv"),
           ["buyer_id", "supplier_id", "supplier_name", "supplier_country", "commodity", "basis"], suppliers)
    _write(os.path.join(directory, "risk-list.csv"), ["list", "name", "category", "country", "aliases", "lei"], risk)
    _write(os.path.join(directory, "country-risk.csv"), ["country", "category", "score", "commodity", "source"],
           country_rows)
    _write(os.path.join(directory, "smelter-reference.csv"), ["cid", "status", "name", "metal"], statuses)
    return directory


def near_tie(directory: str) -> str:
    """A node reached by three equal-length paths whose scores are 0.51e-12 apart (a near-tie
    chain: the outer two are more than 1e-12 apart), so the window rule alone would differ from
    tierscan's sequential fold."""
    os.makedirs(directory, exist_ok=True)
    entities = [{"id": "F0", "name": "Focus", "country": "GB"}, {"id": "V", "name": "Target", "country": "GB"}]
    edges = [{"from": "V", "to": "F0", "type": "supplies", "basis": "observed"}]
    rows = []
    for k, (eid, score) in enumerate((("A", "0.5"), ("B", "0.5000000000006"), ("C", "0.5000000000012"))):
        country = ["TH", "PE", "KE"][k]
        entities.append({"id": eid, "name": f"Source {eid}", "country": country})
        rows.append({"country": country, "category": "forced_labour", "score": score, "commodity": "",
                     "source": "near tie"})
    # Input order B, A, C: the fold keeps B, replaces it by A (a tie, A's id is smaller), then by C
    # (more than 1e-12 above A): C. The window rule (ties within 1e-12 of the best, C) picks B.
    for eid in ("B", "A", "C"):
        edges.append({"from": eid, "to": "V", "type": "supplies", "basis": "observed"})
    _write(os.path.join(directory, "entities.csv"), ["id", "name", "country"], entities)
    _write(os.path.join(directory, "relationships.csv"), ["from", "to", "type", "basis"], edges)
    _write(os.path.join(directory, "country-risk.csv"), ["country", "category", "score", "commodity", "source"], rows)
    return directory
