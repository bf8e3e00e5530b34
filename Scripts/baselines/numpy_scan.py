#!/usr/bin/env python3
"""Fast-Python baseline of `tierscan scan`: pyarrow CSV reading + numpy, SPEC §3 default config.

    python3 Scripts/baselines/numpy_scan.py INPUT... --focus ID --out exposures.csv

Same semantics and output as networkx_scan.py (byte-identical exposures.csv). Ids are interned
to indices in UTF-8 byte order, so comparing indices compares ids. Each relaxation layer is a
handful of vectorised passes over the transmitting arcs, which are sorted by destination so that
per-destination maxima and minima are `reduceat` calls:

1. candidate score of every arc = E_{k-1}(src) * t;  M(v) = max(E_{k-1}(v), candidates into v);
2. the tie window is score >= M(v) - 1e-12; within it the key (hops, predecessor id) is minimised;
3. equal keys from one predecessor are parallel arcs (smallest input index wins) or the old path
   through the same predecessor; when that predecessor's state changed since, the two paths are
   compared in full by walking the per-layer predecessor records (rare; plain Python).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402

BIG = np.iinfo(np.int64).max
KIND_CODES = {k: i for i, k in enumerate(C.KINDS)}  # company facility smelter mine
TYPE_CODES = {t: i for i, t in enumerate(C.EDGE_TYPES)}  # supplies subcontracts owns operates


def read_table(path: str) -> pa.Table:
    header = C.csv_header(path)
    table = pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 26),
        convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False),
    )
    return table


def column(table: pa.Table, name: str) -> pa.Array:
    if name not in table.column_names:
        return pa.array([""] * table.num_rows, pa.string())
    return pc.utf8_trim_whitespace(table[name].combine_chunks())


def mapped(array: pa.Array, mapping, default, dtype) -> np.ndarray:
    """Applies `mapping(value)` to a low-cardinality string column through its dictionary."""
    encoded = pc.dictionary_encode(array)
    lut = np.array([mapping(v) for v in encoded.dictionary.to_pylist()] or [default], dtype=dtype)
    return lut[encoded.indices.to_numpy(zero_copy_only=False)]


def parse_float(array: pa.Array) -> np.ndarray:
    """Floats with NaN for blank or unreadable cells (low-cardinality columns)."""

    def read(value):
        try:
            return float(value) if value else np.nan
        except ValueError:
            return np.nan

    return mapped(array, read, np.nan, np.float64)


class Inputs:
    def __init__(self, paths: list[str]) -> None:
        entity_tables, relationship_tables = [], []
        self.risk_rows, self.country_rows = [], []
        self.reference: dict[str, str] | None = None
        for path in paths:
            if not path.lower().endswith(".csv"):
                C.warn(f"{path}: only CSV inputs are supported by this baseline; skipped")
                continue
            kind = C.detect_kind(C.csv_header(path))
            if kind == "entities":
                entity_tables.append(read_table(path))
            elif kind == "relationships":
                relationship_tables.append(read_table(path))
            elif kind == "risk-list":
                self.risk_rows += C.read_csv_dicts(path)[1]
            elif kind == "country-risk":
                self.country_rows += C.read_csv_dicts(path)[1]
            elif kind == "smelter-reference":
                if self.reference is None:
                    self.reference = {}
                table = read_table(path)
                cids = column(table, "cid").to_pylist()
                statuses = pc.utf8_lower(column(table, "status")).to_pylist()
                for cid, status in zip(cids, statuses):  # the first row for a CID wins
                    if cid and cid not in self.reference:
                        self.reference[cid] = status if status in C.SMELTER_STATUS_SCORE and status != "unknown" \
                            else "unknown"
            else:
                C.warn(f"{path}: {kind} files are not supported by this baseline; skipped")
        self.entities = concat(entity_tables, ["id", "name", "kind", "country", "commodities", "aliases",
                                               "lei", "duns", "cid"])
        self.relationships = concat(relationship_tables, ["from", "to", "type", "commodity", "share", "basis",
                                                          "confidence", "hs_code"])


def concat(tables: list[pa.Table], names: list[str]) -> dict[str, pa.Array]:
    if not tables:
        return {n: pa.array([], pa.string()) for n in names}
    return {n: pa.concat_arrays([column(t, n) for t in tables]) for n in names}


class Graph:
    """Interned entities (index order == id byte order) and valid relationships (input order)."""

    def __init__(self, inputs: Inputs) -> None:
        e, r = inputs.entities, inputs.relationships
        keep_e = pc.and_(pc.not_equal(e["id"], ""), pc.not_equal(e["name"], ""))
        e = {k: pc.filter(v, keep_e) for k, v in e.items()}
        rtype = mapped(pc.utf8_lower(r["type"]), lambda v: TYPE_CODES.get(v, -1), -1, np.int8)
        basis = mapped(pc.utf8_lower(r["basis"]), lambda v: {"": 1, "observed": 0, "declared": 1,
                                                               "inferred": 2}.get(v, -1), -1, np.int8)
        confidence = parse_float(r["confidence"])
        share = parse_float(r["share"])
        blank_conf = mapped(r["confidence"], lambda v: v == "", True, np.bool_)
        valid = (rtype >= 0) & (basis >= 0)
        valid &= pc.and_(pc.not_equal(r["from"], ""), pc.not_equal(r["to"], "")).to_numpy(zero_copy_only=False)
        valid &= blank_conf | ((confidence > 0) & (confidence <= 1))
        valid &= (rtype != TYPE_CODES["owns"]) | ((share > 0) & (share <= 100))
        mask = pa.array(valid)
        r = {k: pc.filter(v, mask) for k, v in r.items()}
        self.rtype, self.basis = rtype[valid], basis[valid]
        self.confidence, self.share = confidence[valid], share[valid]

        ids = pc.unique(pa.concat_arrays([e["id"], r["from"], r["to"]]))
        ids = pc.take(ids, pc.sort_indices(ids))  # binary order == UTF-8 byte order
        self.ids = ids
        self.n = n = len(ids)
        self.frm = pc.index_in(r["from"], value_set=ids).to_numpy().astype(np.int64)
        self.to = pc.index_in(r["to"], value_set=ids).to_numpy().astype(np.int64)
        row_node = pc.index_in(e["id"], value_set=ids).to_numpy().astype(np.int64)
        # first record per id (later duplicate-id records are ignored by this baseline)
        _, first = np.unique(row_node, return_index=True)
        first = np.sort(first)
        nodes = row_node[first]
        take = pa.array(first)
        self.has_record = np.zeros(n, dtype=np.bool_)
        self.has_record[nodes] = True
        # names as one Arrow column: placeholders are named by their id
        pick = np.arange(n, dtype=np.int64) + first.size
        pick[nodes] = np.arange(first.size, dtype=np.int64)
        self.name = pc.take(pa.concat_arrays([pc.take(e["name"], take), ids]), pa.array(pick))
        self.kind = np.zeros(n, dtype=np.int8)
        self.kind[nodes] = mapped(pc.utf8_lower(pc.take(e["kind"], take)), lambda v: KIND_CODES.get(v, 0), 0, np.int8)
        self.country = np.full(n, "", dtype=object)
        self.country[nodes] = mapped(pc.take(e["country"], take), lambda v: C.read_country(v) or "", "", object)
        self.country_names = sorted(C.ASSIGNED_COUNTRIES)
        codes = {c: i for i, c in enumerate(self.country_names)}
        self.country_code = np.full(n, -1, dtype=np.int64)
        self.country_code[nodes] = mapped(pc.take(e["country"], take),
                                          lambda v: codes.get(C.read_country(v) or "", -1), -1, np.int64)
        self.commodity_code = np.full(n, -1, dtype=np.int64)
        encoded = pc.dictionary_encode(pc.utf8_lower(pc.take(e["commodities"], take)))
        self.commodity_sets = [frozenset(c.strip() for c in v.split(";") if c.strip())
                               for v in encoded.dictionary.to_pylist()]
        self.commodity_code[nodes] = encoded.indices.to_numpy(zero_copy_only=False)
        # (node, alias) pairs, vectorised: split on ';', trim, drop empty
        alias_col = pc.take(e["aliases"], take)
        parts = pc.split_pattern(alias_col, ";")
        lengths = pc.list_value_length(parts).to_numpy(zero_copy_only=False)
        flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
        owner = np.repeat(nodes, lengths)
        keep = pc.not_equal(flat, "").to_numpy(zero_copy_only=False)
        self.alias_node = owner[keep]
        self.alias_text = pc.filter(flat, pa.array(keep))
        self.identifier = {}
        for scheme in ("lei", "duns", "cid"):
            raw = pc.utf8_trim_whitespace(pc.take(e[scheme], take))
            if scheme == "duns":
                raw = pc.replace_substring_regex(raw, r"[- ]", "")
            valid_ids = np.full(n, "", dtype=object)
            shape = {"lei": r"^[0-9A-Z]{18}[0-9]{2}$", "duns": r"^[0-9]{9}$", "cid": r"^CID[0-9]{6}$"}[scheme]
            ok = pc.match_substring_regex(raw, shape).to_numpy(zero_copy_only=False)
            present = np.flatnonzero(ok)
            values = pc.take(raw, pa.array(present)).to_pylist()
            if scheme == "lei":  # ISO 7064 mod 97 is not vectorisable in Arrow; few values
                good = [C.is_valid_lei(v) for v in values]
                present = present[np.array(good, dtype=np.bool_)] if values else present
                values = [v for v, g in zip(values, good) if g]
            valid_ids[nodes[present]] = np.array(values, dtype=object)
            nonblank = valid_ids[valid_ids != ""]
            if np.unique(nonblank).size != nonblank.size:
                raise SystemExit(f"error: entities share a {scheme}; merging is not implemented here")
            self.identifier[scheme] = valid_ids
        self.edge_commodity = pc.utf8_lower(r["commodity"])
        self.edge_hs = r["hs_code"]

    def transmission(self) -> np.ndarray:
        factor = np.array([C.EDGE_FACTOR[t] for t in C.EDGE_TYPES])[self.rtype]
        by_basis = np.array([C.BASIS_CONFIDENCE[b] for b in ("observed", "declared", "inferred")])[self.basis]
        confidence = np.where(np.isnan(self.confidence), by_basis, self.confidence)
        return (factor * confidence) * C.HOP_DECAY


# --- inherent risk -----------------------------------------------------------------------------


def normalised_names(names: pa.Array, normalise: C.NameNormalizer) -> pa.Array:
    """SPEC §2.4 names, vectorised in Arrow (lower case, NFKD, marks dropped, `.`/`'` deleted,
    every other non-letter/digit a space, trailing legal forms dropped); names whose casefold is
    not their lower case (rare) go through the Python normaliser."""
    forms = "|".join(sorted(normalise.legal_forms, key=len, reverse=True))
    out = pc.utf8_lower(names)
    ascii_mask = pc.string_is_ascii(names).to_numpy(zero_copy_only=False)
    if ascii_mask.all():
        out = pc.replace_substring_regex(out, r"[.']", "")
        out = pc.replace_substring_regex(out, r"[^a-z0-9]+", " ")
    else:
        out = pc.utf8_normalize(out, "NFKD")
        out = pc.replace_substring_regex(out, r"[.'\p{Mn}\p{Mc}\p{Me}]", "")
        out = pc.replace_substring_regex(out, r"[^\p{L}\p{Nd}]+", " ")
    out = pc.utf8_trim(out, " ")
    out = pc.replace_substring_regex(out, rf"(?:^| )(?:(?:{forms})(?: |$))+$", "")
    if ascii_mask.all():
        return out
    # characters of these names whose casefold is not their lower case (ß, ligatures, final sigma…)
    others = pc.filter(names, pa.array(~ascii_mask)).to_pylist()
    specials = sorted(c for c in set("".join(others)) if c.casefold() != c.lower())
    if not specials:
        return out
    pattern = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in specials) + "]"
    special = pc.match_substring_regex(names, pattern).to_numpy(zero_copy_only=False)
    values = np.array(out.to_pylist(), dtype=object)
    others = np.flatnonzero(special)
    values[others] = [normalise(v) for v in pc.take(names, pa.array(others)).to_pylist()]
    return pa.array(values.tolist(), pa.string())


def inherent_risk(graph: Graph, inputs: Inputs):
    n = graph.n
    normalise = C.NameNormalizer()
    r0 = {c: np.zeros(n) for c in C.CATEGORIES}
    listed = {c: np.zeros(n, dtype=np.bool_) for c in C.CATEGORIES}
    rows = C.parse_risk_rows(inputs.risk_rows, normalise)
    wanted = sorted({k for row in rows for k in row.names})
    by_name: dict[str, list[int]] = {}
    if wanted:
        value_set = pa.array(wanted, pa.string())
        norm = normalised_names(graph.name, normalise)
        hits = np.flatnonzero(pc.is_in(norm, value_set=value_set).to_numpy(zero_copy_only=False))
        for node, key in zip(hits.tolist(), pc.take(norm, pa.array(hits)).to_pylist()):
            by_name.setdefault(key, []).append(node)
        alias_norm = normalised_names(graph.alias_text, normalise)
        hits = np.flatnonzero(pc.is_in(alias_norm, value_set=value_set).to_numpy(zero_copy_only=False))
        for node, key in zip(graph.alias_node[hits].tolist(), pc.take(alias_norm, pa.array(hits)).to_pylist()):
            if node not in by_name.get(key, []):
                by_name.setdefault(key, []).append(node)
    by_identifier = {}
    for scheme, values in graph.identifier.items():
        wanted_ids = sorted({getattr(row, scheme) for row in rows if getattr(row, scheme)})
        if not wanted_ids:
            continue
        present = np.flatnonzero(values != "")
        hit = pc.is_in(pa.array(values[present].tolist(), pa.string()), value_set=pa.array(wanted_ids, pa.string()))
        for node in present[hit.to_numpy(zero_copy_only=False)].tolist():
            by_identifier[(scheme, values[node])] = node
    for row in rows:
        for scheme, value in row.identifiers().items():
            node = by_identifier.get((scheme, value))
            if node is not None:
                r0[row.category][node] = max(r0[row.category][node], C.LIST_MATCH_SCORE["identifier"])
                listed[row.category][node] = True
        matched = set()
        for key in row.names:
            for node in by_name.get(key, ()):
                if node in matched:
                    continue
                matched.add(node)
                ids = {s: graph.identifier[s][node] for s in ("lei", "duns", "cid") if graph.identifier[s][node]}
                rule = C.name_rule(row, graph.country[node] or None, ids)
                if rule is None:
                    continue
                r0[row.category][node] = max(r0[row.category][node], C.LIST_MATCH_SCORE[rule])
                listed[row.category][node] |= rule == "name-country"

    # Commodities through tierscan's vocabulary (docs/commodities.md), per distinct value: rows,
    # entities' own commodity sets, supplies edges' (commodity, hs_code) pairs.
    vocabulary = C.CommodityVocabulary()
    parsed = C.parse_country_rows(inputs.country_rows)
    keys = {vocabulary.row_key(c) for _, _, _, c in parsed if c}
    supplies = np.flatnonzero(graph.rtype == TYPE_CODES["supplies"])
    held: dict[str, np.ndarray] = {}  # row commodity -> entities holding or supplying it
    if keys:
        entity_sets = [vocabulary.entity_keys(s, keys) for s in graph.commodity_sets]
        pairs = pc.dictionary_encode(pc.binary_join_element_wise(
            pc.take(graph.edge_commodity, pa.array(supplies)), pc.take(graph.edge_hs, pa.array(supplies)), "\x1f"))
        pair_code = pairs.indices.to_numpy(zero_copy_only=False)
        pair_sets = [vocabulary.edge_keys(*p.split("\x1f"), keys) for p in pairs.dictionary.to_pylist()]
        for key in sorted(keys):
            has = np.isin(graph.commodity_code, [i for i, k in enumerate(entity_sets) if key in k])
            edges = np.isin(pair_code, [i for i, k in enumerate(pair_sets) if key in k])
            has[graph.frm[supplies[edges]]] = True
            held[key] = has
    for country, category, score, commodity in parsed:
        mask = graph.country_code == graph.country_names.index(country)
        if commodity:
            mask &= held[vocabulary.row_key(commodity)]
        np.maximum(r0[category], np.where(mask, score, 0.0), out=r0[category])

    if inputs.reference is not None:
        cid = graph.identifier["cid"]
        smelters = np.flatnonzero((graph.kind == KIND_CODES["smelter"]) | (cid != ""))
        scores = np.array([C.SMELTER_STATUS_SCORE[inputs.reference.get(c, "unknown") if c else "unknown"]
                           for c in cid[smelters].tolist()])
        target = r0["conflict_minerals"]
        if smelters.size:
            target[smelters] = np.maximum(target[smelters], scores)
    return r0, listed


def ownership_control(graph: Graph, r0, listed) -> None:
    owns = np.flatnonzero(graph.rtype == TYPE_CODES["owns"])
    if owns.size == 0:
        return
    owner, owned, share = graph.frm[owns], graph.to[owns], graph.share[owns]
    order = np.lexsort((-share, owner, owned))  # by owned, owner, largest share first
    owner, owned, share = owner[order], owned[order], share[order]
    first = np.ones(owner.size, dtype=np.bool_)
    first[1:] = (owner[1:] != owner[:-1]) | (owned[1:] != owned[:-1])
    owner, owned, share = owner[first], owned[first], share[first]
    for category in C.CATEGORIES:
        flagged = listed[category].copy()
        while True:
            total = np.bincount(owned, weights=np.where(flagged[owner], share, 0.0), minlength=graph.n)
            newly = (~flagged) & (total >= C.CONTROL_SHARE - C.SHARE_EPSILON)
            if not newly.any():
                break
            flagged |= newly
            r0[category][newly] = 1.0


# --- propagation -------------------------------------------------------------------------------


class Arcs:
    """Transmitting arcs in risk direction, sorted by (destination, input index)."""

    def __init__(self, graph: Graph) -> None:
        t = graph.transmission()
        direction = np.array([C.EDGE_DIRECTION[x] for x in C.EDGE_TYPES], dtype=object)[graph.rtype]
        transmits = (graph.rtype != TYPE_CODES["owns"]) | (graph.share >= C.CONTROL_SHARE)
        index = np.arange(graph.rtype.size, dtype=np.int64)
        fwd = transmits & ((direction == "forward") | (direction == "both"))
        bwd = transmits & ((direction == "backward") | (direction == "both"))
        src = np.concatenate([graph.frm[fwd], graph.to[bwd]])
        dst = np.concatenate([graph.to[fwd], graph.frm[bwd]])
        edge = np.concatenate([index[fwd], index[bwd]])
        tt = np.concatenate([t[fwd], t[bwd]])
        order = np.lexsort((edge, dst))
        self.src, self.dst, self.edge, self.t = src[order], dst[order], edge[order], tt[order]
        self.starts = np.flatnonzero(np.r_[True, self.dst[1:] != self.dst[:-1]]) if self.dst.size else np.array([], np.int64)
        self.seg_nodes = self.dst[self.starts]
        self.positions = np.arange(self.dst.size, dtype=np.int64)


class History:
    """Per-layer predecessor records, to compare two whole paths when a tie needs it."""

    def __init__(self) -> None:
        self.layers: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [None]  # layer 0: sources

    def state(self, v: int, layer: int):
        for j in range(layer, 0, -1):
            changed, pred, edge = self.layers[j]
            i = np.searchsorted(changed, v)
            if i < changed.size and changed[i] == v:
                return j, int(pred[i]), int(edge[i])
        return 0, -1, -1

    def path(self, v: int, layer: int):
        """(node, edge) pairs from v back to the source for v's state at `layer`."""
        out = []
        while True:
            j, pred, edge = self.state(v, layer)
            out.append((v, edge))
            if j == 0:
                return out
            v, layer = pred, j - 1


def propagate(arcs: Arcs, graph: Graph, r0: np.ndarray):
    n = graph.n
    S = r0.copy()
    H = np.zeros(n, dtype=np.int64)
    SRC = np.arange(n, dtype=np.int64)
    P = np.full(n, -1, dtype=np.int64)
    PE = np.full(n, -1, dtype=np.int64)
    L = np.zeros(n, dtype=np.int64)
    history = History()
    if arcs.dst.size == 0:
        return S, H, SRC
    for k in range(1, C.MAX_DEPTH + 1):
        cand = S[arcs.src] * arcs.t
        M = S.copy()
        M[arcs.seg_nodes] = np.maximum(M[arcs.seg_nodes], np.maximum.reduceat(cand, arcs.starts))
        thr = M - C.TIE_EPSILON
        in_win = (cand > 0) & (cand >= thr[arcs.dst])
        key_arc = np.where(in_win, (H[arcs.src] + 1) * (n + 1) + arcs.src, BIG)
        min_in = np.full(n, BIG, dtype=np.int64)
        min_in[arcs.seg_nodes] = np.minimum.reduceat(key_arc, arcs.starts)
        keep_win = (S > 0) & (S >= thr)
        key_keep = np.where(keep_win, H * (n + 1) + np.maximum(P, 0), BIG)
        contenders = np.flatnonzero(min_in <= key_keep)
        contenders = contenders[min_in[contenders] < BIG]
        if contenders.size == 0:
            break
        match = key_arc == min_in[arcs.dst]
        first_pos = np.full(n, BIG, dtype=np.int64)
        first_pos[arcs.seg_nodes] = np.minimum.reduceat(np.where(match, arcs.positions, BIG), arcs.starts)
        pos = first_pos[contenders]
        win = min_in[contenders] < key_keep[contenders]
        tied = np.flatnonzero(~win)  # same hops and predecessor as the kept path
        if tied.size:
            v = contenders[tied]
            u = P[v]
            same_state = L[u] < L[v]
            edge_in = arcs.edge[pos[tied]]
            decided = np.where(same_state, edge_in < PE[v], False)
            for i in np.flatnonzero(~same_state).tolist():
                vi, ei, ui = int(v[i]), int(edge_in[i]), int(u[i])
                kept = history.path(vi, k - 1)
                incoming = [(vi, ei)] + history.path(ui, k - 1)
                kept_nodes, in_nodes = [x for x, _ in kept], [x for x, _ in incoming]
                if kept_nodes != in_nodes:
                    decided[i] = in_nodes < kept_nodes
                else:
                    decided[i] = [e for _, e in incoming] < [e for _, e in kept]
            win[tied] = decided
        winners, pos = contenders[win], pos[win]
        if winners.size == 0:
            break
        u = arcs.src[pos]
        S[winners] = cand[pos]
        H[winners] = H[u] + 1
        SRC[winners] = SRC[u]
        P[winners] = u
        PE[winners] = arcs.edge[pos]
        L[winners] = k
        history.layers.append((winners, u, arcs.edge[pos]))
    return S, H, SRC


def tiers(graph: Graph, focus: int) -> np.ndarray:
    n = graph.n
    tier = np.full(n, -1, dtype=np.int64)
    sel = (graph.rtype == TYPE_CODES["supplies"]) | (graph.rtype == TYPE_CODES["subcontracts"])
    buyers, suppliers = graph.to[sel], graph.frm[sel]
    order = np.argsort(buyers, kind="stable")
    neighbours = suppliers[order]
    offsets = np.searchsorted(buyers[order], np.arange(n + 1))
    tier[focus] = 0
    frontier = np.array([focus], dtype=np.int64)
    level = 0
    while frontier.size:
        level += 1
        starts, ends = offsets[frontier], offsets[frontier + 1]
        lengths = ends - starts
        if lengths.sum() == 0:
            break
        idx = np.repeat(starts - np.cumsum(np.r_[0, lengths[:-1]]), lengths) + np.arange(lengths.sum())
        reached = np.unique(neighbours[idx])
        frontier = reached[tier[reached] < 0]
        tier[frontier] = level
    ops = np.flatnonzero(graph.rtype == TYPE_CODES["operates"])
    operated, operator = graph.to[ops], graph.frm[ops]
    site = np.isin(graph.kind[operated], [KIND_CODES["facility"], KIND_CODES["mine"], KIND_CODES["smelter"]])
    sel = site & (tier[operator] >= 0)
    by_operator = np.full(n, BIG, dtype=np.int64)
    np.minimum.at(by_operator, operated[sel], tier[operator[sel]])
    better = (by_operator < BIG) & ((tier < 0) | (by_operator < tier))
    tier[better] = by_operator[better]
    return tier


def csv_cells(values: pa.Array) -> pa.Array:
    """`common.csv_cell` vectorised: a leading `=`, `+`, `-` or `@` gets a `'`; cells holding `,`,
    `"`, CR or LF are quoted with inner quotes doubled."""
    values = pc.if_else(pc.match_substring_regex(values, r"^[=+\-@]"),
                        pc.binary_join_element_wise("'", values, ""), values)
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(values, '"', '""'), '"', "")
    return pc.if_else(pc.match_substring_regex(values, '[,"\r\n]'), quoted, values)


def write_exposures(path: str, graph: Graph, results, tier: np.ndarray) -> int:
    """exposures.csv rendered column-wise in Arrow: per-entity prefix cells once, scores through
    their distinct values (Python `repr` is the shortest round-trip decimal), rows joined in C++
    and written as one buffer."""
    categories = sorted(C.CATEGORIES)
    nodes, cats = [], []
    for ci, category in enumerate(categories):
        hit = np.flatnonzero(results[category][0] > 0)
        nodes.append(hit)
        cats.append(np.full(hit.size, ci, dtype=np.int64))
    nodes, cats = np.concatenate(nodes), np.concatenate(cats)
    order = np.lexsort((cats, nodes))
    nodes, cats = nodes[order], cats[order]
    scores = np.empty(nodes.size)
    hops = np.empty(nodes.size, dtype=np.int64)
    sources = np.empty(nodes.size, dtype=np.int64)
    for ci, category in enumerate(categories):
        sel = cats == ci
        S, H, SRC = results[category]
        scores[sel], hops[sel], sources[sel] = S[nodes[sel]], H[nodes[sel]], SRC[nodes[sel]]
    level_names = [name for name, _ in C.LEVELS] + ["low"]
    level = np.select([scores >= th - C.TIE_EPSILON for _, th in C.LEVELS], list(range(len(C.LEVELS))),
                      len(C.LEVELS))
    distinct, score_code = np.unique(scores, return_inverse=True)
    score_text = pa.array([repr(float(x)) for x in distinct.tolist()], pa.string())
    kinds = pa.array(list(C.KINDS), pa.string())
    id_cells = csv_cells(graph.ids)
    tier_text = pa.array(["" if t < 0 else str(t) for t in range(-1, int(tier.max(initial=0)) + 1)], pa.string())
    countries = pa.array(graph.country.tolist(), pa.string())
    prefix = pc.binary_join_element_wise(
        id_cells, csv_cells(graph.name), pc.take(kinds, pa.array(graph.kind.astype(np.int64))), csv_cells(countries),
        pc.take(tier_text, pa.array(tier + 1)), ",")
    small = pa.array([str(i) for i in range(int(hops.max(initial=0)) + 1)], pa.string())
    rows = pc.binary_join_element_wise(
        pc.take(prefix, pa.array(nodes)), pc.take(csv_cells(pa.array(categories, pa.string())), pa.array(cats)),
        pc.take(score_text, pa.array(score_code)), pc.take(pa.array(level_names, pa.string()), pa.array(level)),
        pc.take(small, pa.array(hops)), pc.take(id_cells, pa.array(sources)), ",")
    lines = pc.binary_join_element_wise(rows, "", "\n")  # each row + "\n"
    with open(path, "wb") as f:
        f.write((C.EXPOSURES_HEADER + "\n").encode())
        if len(lines):
            lines = lines.combine_chunks() if isinstance(lines, pa.ChunkedArray) else lines
            offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32, count=len(lines) + 1, offset=lines.offset * 4)
            f.write(memoryview(lines.buffers()[2])[offsets[0]:offsets[-1]])
    return nodes.size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="numpy/pyarrow baseline of tierscan scan (exposures.csv)")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--focus", required=True)
    parser.add_argument("--out", required=True, help="path of exposures.csv to write")
    args = parser.parse_args(argv)
    clock = time.perf_counter()
    inputs = Inputs(C.discover_inputs(args.inputs))
    graph = Graph(inputs)
    focus = pc.index_in(pa.array([args.focus]), value_set=graph.ids)[0].as_py()
    if focus is None:
        print(f"error: focus '{args.focus}' is not an entity", file=sys.stderr)
        return 64
    read_done = time.perf_counter()
    r0, listed = inherent_risk(graph, inputs)
    ownership_control(graph, r0, listed)
    arcs = Arcs(graph)
    results = {c: propagate(arcs, graph, r0[c]) for c in C.CATEGORIES}
    tier = tiers(graph, focus)
    rows = write_exposures(args.out, graph, results, tier)
    print(f"numpy_scan: {graph.n} entities, {graph.rtype.size} relationships, {rows} exposure rows; "
          f"read {read_done - clock:.1f} s, total {time.perf_counter() - clock:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
