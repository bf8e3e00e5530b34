"""Layered max-product propagation (SPEC §3) with tierscan's tie rules, as DataFrame joins.

State after layer k, per (category, nid): the argmax path's `score`, `hops`, `npath` (node ids from
v back to the source), `epath` (edge input orders from v back), the last hop (`pred`, `edge`,
`reversed`) and the `source`. Layer k (the reference relaxation, ReferencePropagator.swift):

    candidates(v) = state_{k-1}(v)  ∪  { state_{k-1}(u) × t(a) : transmitting arc a = u → v }
    M(v)  = max score;   W(v) = candidates with score ≥ M(v) − 1e-12
    state_k(v) = min over W(v) of (hops, npath, epath)        -- the order of docs/risk-model.md

Entity ids are numbered in byte order, so comparing `npath` arrays compares the id sequences from v
back to the source, and `epath` the edge sequences (first parallel edge in input order).

**Exactness.** tierscan folds the candidates one by one from the incumbent; the window rule above
gives the same winner whenever the candidate set is *clean*: every candidate outside W is more than
1e-12 below every candidate in W (then the winner beats every other candidate pairwise, so any
fold order ends with it). A set that is not clean holds a near-tie chain (scores within 1e-12 of
each other but not transitive). Such (category, node, layer)s are counted and decided by the
reference's own sequential fold, in its order (arcs along the edge direction by edge input order,
then reversed arcs by edge input order), so the result equals tierscan's in every case. Every
layer relaxes every arc (no frontier shortcut: the fold can change a node whose inputs did not
change, after a near tie), and stops early when no state changed.

Each layer's changed rows are the history (`layer`, nid, score, hops, pred, edge, reversed,
source); a path is rebuilt by walking `pred` at layer − 1 (`history.py`).
"""

from __future__ import annotations

import time

from pyspark.sql import Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from .contract import TIE_TOLERANCE

STATE_COLUMNS = ["category", "nid", "score", "hops", "npath", "epath", "pred", "edge", "reversed", "source"]


def _beats(c, best):
    """PathOrder: whether candidate `c` beats `best` (dicts with score, hops, npath, epath)."""
    if best is None:
        return True
    if c["score"] < best["score"] - TIE_TOLERANCE:
        return False
    if c["score"] > best["score"] + TIE_TOLERANCE:
        return True
    if c["hops"] != best["hops"]:
        return c["hops"] < best["hops"]
    if list(c["npath"]) != list(best["npath"]):
        return list(c["npath"]) < list(best["npath"])
    return list(c["epath"]) < list(best["epath"])


def sequential_fold(incumbent, candidates):
    """ReferencePropagator's fold: from the incumbent over the candidates in fold order."""
    best = incumbent
    for c in sorted(candidates, key=lambda c: (c["reversed"], c["edge"])):
        if _beats(c, best):
            best = c
    return best


_CANDIDATE = T.StructType([
    T.StructField("score", T.DoubleType()), T.StructField("hops", T.IntegerType()),
    T.StructField("npath", T.ArrayType(T.LongType())), T.StructField("epath", T.ArrayType(T.LongType())),
    T.StructField("pred", T.LongType()), T.StructField("edge", T.LongType()),
    T.StructField("reversed", T.BooleanType()), T.StructField("source", T.LongType()),
])


def _fold_udf():
    def fold(incumbent, candidates):
        inc = incumbent.asDict() if incumbent is not None else None
        best = sequential_fold(inc, [c.asDict() for c in candidates])
        return best

    return F.udf(fold, _CANDIDATE)


def seeds(r0):
    """Layer 0: every (category, nid) with r₀ > 0 is its own source."""
    return r0.select(
        "category", "nid", F.col("r0").alias("score"), F.lit(0).alias("hops"), F.array("nid").alias("npath"),
        F.array().cast("array<long>").alias("epath"), F.lit(None).cast("long").alias("pred"),
        F.lit(None).cast("long").alias("edge"), F.lit(None).cast("boolean").alias("reversed"),
        F.col("nid").alias("source"))


def candidates(state, arcs):
    """The incumbents (`inc` true) and every extension of a state along an arc."""
    extended = state.join(arcs.withColumnRenamed("src", "nid"), "nid").select(
        "category", F.col("dst").alias("nid"), (F.col("score") * F.col("t")).alias("score"),
        (F.col("hops") + 1).alias("hops"), F.concat(F.array("dst"), "npath").alias("npath"),
        F.concat(F.array(arcs["edge"]), "epath").alias("epath"), F.col("nid").alias("pred"), arcs["edge"].alias("edge"),
        arcs["reversed"].alias("reversed"), "source", F.lit(False).alias("inc")).where(F.col("score") > 0)
    return state.select(*STATE_COLUMNS, F.lit(True).alias("inc")).unionByName(extended)


def layer(state, arcs, tolerance=TIE_TOLERANCE):
    """One relaxation layer: (new state with `changed` and `violation` flags)."""
    cand = candidates(state, arcs)
    window = Window.partitionBy("category", "nid")
    cand = cand.withColumn("m", F.max("score").over(window))
    in_w = F.col("score") >= F.col("m") - F.lit(tolerance)
    key = F.struct("hops", "npath", "epath", "score", "pred", "edge", "reversed", "source")
    grouped = cand.groupBy("category", "nid").agg(
        F.min(F.when(in_w, key)).alias("best"),
        F.min(F.when(in_w, F.col("score"))).alias("min_w"),
        F.max(F.when(~in_w, F.col("score"))).alias("max_r"),
        F.max(F.when(F.col("inc"), F.struct("npath", "epath"))).alias("old"),
    )
    violation = F.col("max_r").isNotNull() & (F.col("max_r") >= F.col("min_w") - F.lit(tolerance))
    return grouped.select(
        "category", "nid", F.col("best.score").alias("score"), F.col("best.hops").alias("hops"),
        F.col("best.npath").alias("npath"), F.col("best.epath").alias("epath"), F.col("best.pred").alias("pred"),
        F.col("best.edge").alias("edge"), F.col("best.reversed").alias("reversed"),
        F.col("best.source").alias("source"),
        (F.col("old").isNull() | (F.col("old.npath") != F.col("best.npath")) | (F.col("old.epath") != F.col("best.epath")))
        .alias("changed"),
        violation.alias("violation"))


def refold(state, arcs, new_state):
    """Replaces the window result of every violating (category, nid) with the sequential fold."""
    violators = new_state.where("violation").select("category", "nid")
    cand = candidates(state, arcs).join(violators, ["category", "nid"], "left_semi")
    packed = F.struct("score", "hops", "npath", "epath", "pred", "edge", "reversed", "source")
    grouped = cand.groupBy("category", "nid").agg(
        F.max(F.when(F.col("inc"), packed)).alias("incumbent"),
        F.collect_list(F.when(~F.col("inc"), packed)).alias("arcs"))
    folded = grouped.select("category", "nid", _fold_udf()("incumbent", "arcs").alias("b"),
                            F.col("incumbent.npath").alias("old_npath"), F.col("incumbent.epath").alias("old_epath"))
    fixed = folded.select(
        "category", "nid", F.col("b.score").alias("score"), F.col("b.hops").alias("hops"),
        F.col("b.npath").alias("npath"), F.col("b.epath").alias("epath"), F.col("b.pred").alias("pred"),
        F.col("b.edge").alias("edge"), F.col("b.reversed").alias("reversed"), F.col("b.source").alias("source"),
        (F.col("old_npath").isNull() | (F.col("old_npath") != F.col("b.npath")) | (F.col("old_epath") != F.col("b.epath")))
        .alias("changed"), F.lit(True).alias("violation"))
    return new_state.join(violators, ["category", "nid"], "left_anti").unionByName(fixed)


HISTORY_COLUMNS = ["category", "layer", "nid", "score", "hops", "pred", "edge", "reversed", "source"]


def propagate(r0, arcs, max_depth: int, checkpoint, on_layer=None):
    """Runs the layers; returns (final state, history DataFrames by layer, per-layer stats).

    `checkpoint(df, name)` materialises a layer (cuts the lineage); `on_layer(k, history_df)` is
    called with each layer's changed rows (layer 0: the seeds)."""
    state = checkpoint(seeds(r0), "state-0")
    stats = []
    if on_layer:
        on_layer(0, state.select(*[F.lit(0).alias(c) if c == "layer" else c for c in HISTORY_COLUMNS]))
    for k in range(1, max_depth + 1):
        started = time.perf_counter()
        new = layer(state, arcs)
        new = checkpoint(new, f"state-{k}-window")
        counts = new.agg(F.sum(F.col("changed").cast("int")).alias("changed"),
                         F.sum(F.col("violation").cast("int")).alias("violations"),
                         F.count(F.lit(1)).alias("rows")).first()
        violations = int(counts["violations"] or 0)
        if violations:
            new = checkpoint(refold(state, arcs, new), f"state-{k}")
            counts = new.agg(F.sum(F.col("changed").cast("int")).alias("changed"),
                             F.count(F.lit(1)).alias("rows")).first()
        changed = int(counts["changed"] or 0)
        stats.append({"layer": k, "changed": changed, "near_tie_refolds": violations, "rows": int(counts["rows"])})
        if changed and on_layer:
            on_layer(k, new.where("changed").select(
                *[F.lit(k).alias(c) if c == "layer" else c for c in HISTORY_COLUMNS]))
        stats[-1]["seconds"] = round(time.perf_counter() - started, 3)
        if changed == 0:
            break
        state = new.select(*STATE_COLUMNS)
    return state.select(*STATE_COLUMNS), stats
