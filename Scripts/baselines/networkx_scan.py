#!/usr/bin/env python3
"""Analyst-style baseline of `tierscan scan`: networkx + the csv module, SPEC §3 default config.

    python3 Scripts/baselines/networkx_scan.py INPUT... --focus ID --out exposures.csv

INPUT is a file or a directory (expanded as SPEC §1 says). Computes inherent risk (risk-list
matches, country-commodity rows, smelter status when a smelter reference is present), the
aggregate-ownership fixpoint, layered relaxation with the SPEC tie-breaking, tiers relative to
the focus, and writes exposures.csv exactly as SPEC §4 specifies. Entity merging is limited to
records repeating the same id (first value wins); shared identifiers across ids are refused.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402


class State:
    """The best path found so far to `node`: score, hops, risk source, last edge, previous state."""

    __slots__ = ("score", "hops", "source", "node", "edge", "prev")

    def __init__(self, score, hops, source, node, edge, prev):
        self.score = score
        self.hops = hops
        self.source = source
        self.node = node
        self.edge = edge
        self.prev = prev


def precedes(a: State, b: State) -> bool:
    """Tie-break between two paths to the same entity whose scores are ties: fewer hops, then the
    smaller id sequence from the entity back to the source, then the smaller input indices of the
    edges from the entity back."""
    if a.hops != b.hops:
        return a.hops < b.hops
    x, y = a.prev, b.prev
    while x is not y:
        if x.node != y.node:
            return x.node < y.node  # str order == UTF-8 byte order
        x, y = x.prev, y.prev
    x, y = a, b
    while x is not y:
        if x.edge != y.edge:
            return x.edge < y.edge
        x, y = x.prev, y.prev
    return False


def read_inputs(paths: list[str]):
    entities: dict[str, dict] = {}
    relationships: list[tuple] = []
    risk_rows: list[dict] = []
    country_rows: list[dict] = []
    smelter_reference: dict[str, str] = {}
    has_reference = False
    for path in paths:
        if not path.lower().endswith(".csv"):
            C.warn(f"{path}: only CSV inputs are supported by this baseline; skipped")
            continue
        header, rows = C.read_csv_dicts(path)
        kind = C.detect_kind(header)
        if kind == "entities":
            for row in rows:
                eid, name = row.get("id", ""), row.get("name", "")
                if not eid or not name:
                    continue
                record = {
                    "name": name,
                    "kind": row.get("kind", "").lower() or None,
                    "country": C.read_country(row.get("country", "")),
                    "commodities": [c.strip().lower() for c in row.get("commodities", "").split(";") if c.strip()],
                    "aliases": [a.strip() for a in row.get("aliases", "").split(";") if a.strip()],
                    "ids": {s: v for s in ("lei", "duns", "cid") if (v := C.read_identifier(s, row.get(s, "")))},
                }
                if record["kind"] not in C.KINDS:
                    record["kind"] = None
                existing = entities.get(eid)
                if existing is None:
                    entities[eid] = record
                else:  # same id twice: first value wins per field
                    for field in ("kind", "country"):
                        existing[field] = existing[field] or record[field]
                    existing["commodities"] += [c for c in record["commodities"] if c not in existing["commodities"]]
                    existing["aliases"] += [a for a in record["aliases"] if a not in existing["aliases"]]
                    for s, v in record["ids"].items():
                        existing["ids"].setdefault(s, v)
        elif kind == "relationships":
            for row in rows:
                rtype = row.get("type", "").lower()
                frm, to = row.get("from", ""), row.get("to", "")
                if not frm or not to or rtype not in C.EDGE_TYPES:
                    continue
                basis = row.get("basis", "").lower() or "declared"
                if basis not in C.BASIS_CONFIDENCE:
                    continue
                confidence = None
                if row.get("confidence"):
                    confidence = float(row["confidence"])
                    if not 0.0 < confidence <= 1.0:
                        continue
                share = None
                if rtype == "owns":
                    try:
                        share = float(row.get("share", ""))
                    except ValueError:
                        continue
                    if not 0.0 < share <= 100.0:
                        continue
                relationships.append((frm, to, rtype, row.get("commodity", "").lower(), share, basis, confidence,
                                      row.get("hs_code", "")))
        elif kind == "risk-list":
            risk_rows.extend(rows)
        elif kind == "country-risk":
            country_rows.extend(rows)
        elif kind == "smelter-reference":
            has_reference = True
            C.parse_smelter_reference(rows, smelter_reference)
        else:
            C.warn(f"{path}: {kind} files are not supported by this baseline; skipped")
    return entities, relationships, risk_rows, country_rows, smelter_reference if has_reference else None


def build_graph(entities, relationships) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for eid, record in entities.items():
        graph.add_node(eid, name=record["name"], kind=record["kind"] or "company", country=record["country"],
                       commodities=set(record["commodities"]), aliases=record["aliases"], ids=record["ids"])
    seen_ids: dict[tuple, str] = {}
    for eid, record in entities.items():
        for scheme, value in record["ids"].items():
            other = seen_ids.setdefault((scheme, value), eid)
            if other != eid:
                raise SystemExit(f"error: {eid} and {other} share {scheme} {value}; merging is not implemented here")
    for index, (frm, to, rtype, commodity, share, basis, confidence, hs_code) in enumerate(relationships):
        for endpoint in (frm, to):
            if endpoint not in graph:
                graph.add_node(endpoint, name=endpoint, kind="company", country=None, commodities=set(),
                               aliases=[], ids={})
        graph.add_edge(frm, to, key=index, type=rtype, commodity=commodity, share=share, basis=basis,
                       confidence=confidence, hs_code=hs_code)
    return graph


def inherent_risk(graph, risk_rows, country_rows, smelter_reference):
    """r0[category][node] and the set of entities listed (identifier or name-country) per category."""
    normalise = C.NameNormalizer()
    r0 = {c: {} for c in C.CATEGORIES}
    listed = {c: set() for c in C.CATEGORIES}

    def raise_to(category, node, score):
        if score > r0[category].get(node, 0.0):
            r0[category][node] = score

    by_name: dict[str, list[str]] = {}
    by_identifier: dict[tuple, str] = {}
    for node, data in graph.nodes(data=True):
        keys = []
        for name in [data["name"]] + data["aliases"]:
            key = normalise(name)
            if key and key not in keys:
                keys.append(key)
                by_name.setdefault(key, []).append(node)
        for scheme, value in data["ids"].items():
            by_identifier[(scheme, value)] = node
    for row in C.parse_risk_rows(risk_rows, normalise):
        for scheme, value in row.identifiers().items():
            node = by_identifier.get((scheme, value))
            if node is not None:
                raise_to(row.category, node, C.LIST_MATCH_SCORE["identifier"])
                listed[row.category].add(node)
        matched = set()
        for key in row.names:
            for node in by_name.get(key, ()):
                if node in matched:
                    continue
                matched.add(node)
                data = graph.nodes[node]
                rule = C.name_rule(row, data["country"], data["ids"])
                if rule is None:
                    continue
                raise_to(row.category, node, C.LIST_MATCH_SCORE[rule])
                if rule == "name-country":
                    listed[row.category].add(node)

    # Commodities through tierscan's vocabulary (docs/commodities.md): rows, entities' own
    # commodities and supplies edges' commodity and HS code all read as canonical commodities.
    vocabulary = C.CommodityVocabulary()
    parsed = C.parse_country_rows(country_rows)
    keys = {vocabulary.row_key(c) for _, _, _, c in parsed if c}
    supplies_from: dict[str, set] = {}
    for frm, _, data in graph.edges(data=True):
        if data["type"] == "supplies":
            for key in vocabulary.edge_keys(data["commodity"], data["hs_code"], keys):
                supplies_from.setdefault(key, set()).add(frm)
    for country, category, score, commodity in parsed:
        key = vocabulary.row_key(commodity) if commodity else ""
        for node, data in graph.nodes(data=True):
            if data["country"] != country:
                continue
            if not commodity or key in vocabulary.entity_keys(data["commodities"], keys) \
                    or node in supplies_from.get(key, ()):
                raise_to(category, node, score)

    if smelter_reference is not None:
        for node, data in graph.nodes(data=True):
            cid = data["ids"].get("cid")
            if data["kind"] == "smelter" or cid:
                status = smelter_reference.get(cid, "unknown") if cid else "unknown"
                raise_to("conflict_minerals", node, C.SMELTER_STATUS_SCORE[status])
    return r0, listed


def ownership_control(graph, r0, listed) -> None:
    """SPEC §3 aggregate ownership: iterate to a fixpoint; controlled entities get r0 = 1.0."""
    owners: dict[str, dict[str, float]] = {}
    for frm, to, data in graph.edges(data=True):
        if data["type"] == "owns":
            held = owners.setdefault(to, {})
            held[frm] = max(held.get(frm, 0.0), data["share"])
    for category in C.CATEGORIES:
        flagged = set(listed[category])
        changed = True
        while changed:
            changed = False
            for owned in sorted(owners):
                if owned in flagged:
                    continue
                total = 0.0
                for owner in sorted(owners[owned]):
                    if owner in flagged:
                        total += owners[owned][owner]
                if total >= C.CONTROL_SHARE - C.SHARE_EPSILON:
                    flagged.add(owned)
                    r0[category][owned] = 1.0
                    changed = True


def risk_graph(graph, relationships) -> nx.MultiDiGraph:
    """Transmitting arcs in their risk direction, keyed 2*input index (+1 when reversed)."""
    arcs = nx.MultiDiGraph()
    arcs.add_nodes_from(graph.nodes)
    for index, (frm, to, rtype, _, share, basis, confidence, _) in enumerate(relationships):
        if rtype == "owns" and share < C.CONTROL_SHARE:
            continue
        t = (C.EDGE_FACTOR[rtype] * (confidence if confidence is not None else C.BASIS_CONFIDENCE[basis])) * C.HOP_DECAY
        direction = C.EDGE_DIRECTION[rtype]
        if direction in ("forward", "both"):
            arcs.add_edge(frm, to, key=2 * index, t=t)
        if direction in ("backward", "both"):
            arcs.add_edge(to, frm, key=2 * index + 1, t=t)
    return arcs


def propagate(arcs: nx.MultiDiGraph, r0: dict[str, float]) -> dict[str, State]:
    """Layered relaxation E_0 .. E_max_depth. In each layer the candidates for v are its previous
    state and every previous state of a predecessor times the arc's transmission; with M the
    largest candidate score, the candidates scoring >= M - 1e-12 are ties and `precedes` picks."""
    states = {v: State(s, 0, v, v, -1, None) for v, s in r0.items() if s > 0.0}
    for _ in range(C.MAX_DEPTH):
        best = {v: s.score for v, s in states.items()}
        for u, su in states.items():
            for _, v, t in arcs.out_edges(u, data="t"):
                c = su.score * t
                if c > best.get(v, 0.0):
                    best[v] = c
        new = {v: s for v, s in states.items() if s.score >= best[v] - C.TIE_EPSILON}
        for u, su in states.items():
            for _, v, key, t in arcs.out_edges(u, keys=True, data="t"):
                c = su.score * t
                if c <= 0.0 or c < best[v] - C.TIE_EPSILON:
                    continue
                candidate = State(c, su.hops + 1, su.source, v, key // 2, su)
                current = new.get(v)
                if current is None or precedes(candidate, current):
                    new[v] = candidate
        changed = len(new) != len(states) or any(s is not states.get(v) for v, s in new.items())
        states = new
        if not changed:
            break
    return states


def tiers(graph, relationships, focus: str) -> dict[str, int]:
    upstream = nx.DiGraph()
    upstream.add_node(focus)
    for frm, to, rtype, *_ in relationships:
        if rtype in ("supplies", "subcontracts"):
            upstream.add_edge(to, frm)
    tier = dict(nx.single_source_shortest_path_length(upstream, focus))
    by_operator = {}
    for frm, to, rtype, *_ in relationships:
        if rtype == "operates" and frm in tier and graph.nodes[to]["kind"] in ("facility", "mine", "smelter"):
            by_operator[to] = min(by_operator.get(to, tier[frm]), tier[frm])
    for node, t in by_operator.items():
        if t < tier.get(node, t + 1):
            tier[node] = t
    return tier


def write_exposures(path, graph, exposures, tier) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(C.EXPOSURES_HEADER + "\n")
        categories = sorted(C.CATEGORIES)
        for node in sorted(graph.nodes):
            data = graph.nodes[node]
            for category in categories:
                state = exposures[category].get(node)
                if state is None or state.score <= 0.0:
                    continue
                f.write(C.csv_line([node, data["name"], data["kind"], data["country"] or "",
                                    str(tier[node]) if node in tier else "", category, C.format_score(state.score),
                                    C.level_of(state.score), str(state.hops), state.source]))
                rows += 1
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="networkx baseline of tierscan scan (exposures.csv)")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--focus", required=True)
    parser.add_argument("--out", required=True, help="path of exposures.csv to write")
    args = parser.parse_args(argv)
    clock = time.perf_counter()
    entities, relationships, risk_rows, country_rows, reference = read_inputs(C.discover_inputs(args.inputs))
    graph = build_graph(entities, relationships)
    if args.focus not in graph:
        print(f"error: focus '{args.focus}' is not an entity", file=sys.stderr)
        return 64
    read_done = time.perf_counter()
    r0, listed = inherent_risk(graph, risk_rows, country_rows, reference)
    ownership_control(graph, r0, listed)
    arcs = risk_graph(graph, relationships)
    exposures = {c: propagate(arcs, r0[c]) for c in C.CATEGORIES}
    tier = tiers(graph, relationships, args.focus)
    rows = write_exposures(args.out, graph, exposures, tier)
    print(f"networkx_scan: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relationships, "
          f"{rows} exposure rows; read {read_done - clock:.1f} s, total {time.perf_counter() - clock:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
