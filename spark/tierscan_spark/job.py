"""`tierscan-spark scan`: the whole scan as one Spark job, writing what `tierscan scan` writes.

Outputs in `--out DIR`: `exposures.csv` (byte-identical to tierscan's), `paths.json` (tierscan's
format), `coverage.json` (the `tiers` part of tierscan's), `history/` (Parquet, partitioned by
category: every layer's changed states) and `run.json` (input summaries, findings, per-layer
statistics, timings).
"""

from __future__ import annotations

import json
import os
import shutil
import time

from pyspark.sql import functions as F

from . import contract as C
from .graph import Graph, arcs as make_arcs
from .ingest import Inputs
from .inherent import Inherent
from .propagate import propagate
from .tiers import coverage as make_coverage
from .tiers import tiers as make_tiers


class Checkpointer:
    """Keeps a DataFrame that is used more than once and cuts its lineage. By default it is a lazy
    local checkpoint (stored on the executors by the next action, no job of its own); with `directory` every
    kept frame is written there as Parquet and read back, which cuts its lineage and makes each
    propagation layer a reliable checkpoint (a lost executor does not lose a layer; use it on a
    cluster)."""

    def __init__(self, directory: str | None = None):
        self.directory = directory
        self.count = 0
        self.kept = []

    def __call__(self, frame, name):
        self.count += 1
        if self.directory is None:
            # A lazy local checkpoint: computed and stored by the next action (no job of its own),
            # and the returned frame's plan starts from the stored rows (no growing lineage).
            return frame.localCheckpoint(eager=False)
        path = os.path.join(self.directory, f"{self.count:04d}-{name}")
        frame.write.mode("overwrite").parquet(path)
        return frame.sparkSession.read.parquet(path)

    def release(self):
        """Unpersists every kept frame."""
        for frame in self.kept:
            frame.unpersist()
        self.kept = []


class ScanError(Exception):
    """A problem that stops the scan (unknown focus, unusable config); exit code 64 or 2."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def scan(spark, inputs_args, focus, out_dir, config_path=None, checkpoint_dir=None, log=print):
    """Runs the scan and writes the outputs. Returns a summary dict."""
    clock = time.perf_counter()
    timings = {}

    def phase(name, started):
        timings[name] = round(time.perf_counter() - started, 3)
        return time.perf_counter()

    try:
        config = C.load_config(config_path)
    except (C.ConfigError, OSError) as error:
        raise ScanError(f"error: config: {error}", 2) from None
    checkpoint = Checkpointer(checkpoint_dir)
    group = f"tierscan-spark-{os.getpid()}-{time.monotonic_ns()}"
    spark.sparkContext.setJobGroup(group, "tierscan-spark scan")
    t = time.perf_counter()
    inputs = Inputs(spark, inputs_args)
    t = phase("read", t)
    graph = Graph(spark, inputs.entity_records, inputs.edge_records, checkpoint)
    entity_count, edge_count = graph.counts()
    focus_row = graph.resolve.where(F.col("ref") == focus).select("nid").collect()
    if not focus_row:
        raise ScanError(f"error: focus '{focus}' is not an entity id", 64)
    focus_nid = focus_row[0]["nid"]
    t = phase("graph", t)
    inherent = Inherent(spark, graph, inputs, config, checkpoint)
    t = phase("inherent risk", t)
    arcs = checkpoint(make_arcs(graph.edges, config), "arcs")
    history_dir = os.path.join(out_dir, "history")
    for name in ("history", "nodes", "edges", "arcs", "seeds"):
        if os.path.exists(os.path.join(out_dir, name)):
            shutil.rmtree(os.path.join(out_dir, name))
    # The graph the history refers to (node numbers, edge input orders) and the propagation's
    # input in the documented arcs/seeds schema (docs/scale-out.md), which the DuckDB tier reads.
    graph.edges.select("edge", "src", "dst", "type", "commodity", "basis", "confidence", "share", "file", "line") \
        .write.parquet(os.path.join(out_dir, "edges"))
    arcs.select("src", "dst", F.col("t").alias("transmission"), "edge", "reversed",
                F.lit(None).cast("string").alias("category")).write.parquet(os.path.join(out_dir, "arcs"))
    inherent.r0.select(F.col("nid").alias("node"), "category", "r0").write.parquet(os.path.join(out_dir, "seeds"))
    def on_layer(k, rows):
        rows.write.mode("append").partitionBy("category").parquet(history_dir)

    state, stats = propagate(inherent.r0, arcs, config["max_depth"], checkpoint, on_layer)
    state = checkpoint(state, "final-state")
    t = phase("propagation", t)
    tier_df = make_tiers(spark, graph, focus_nid, checkpoint)
    per_tier = make_coverage(graph, tier_df)
    graph.entities.join(tier_df, "nid", "left").select("nid", "id", "name", "kind", "country", "tier") \
        .write.parquet(os.path.join(out_dir, "nodes"))
    t = phase("tiers and coverage", t)
    rows = write_outputs(spark, graph, inherent, state, tier_df, config, out_dir)
    t = phase("outputs", t)
    write_coverage(os.path.join(out_dir, "coverage.json"), focus, per_tier, entity_count, inherent)
    # The effective configuration, for the DuckDB tier and for the record.
    with open(os.path.join(out_dir, "config.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(config, indent=2) + "\n")
    findings = inputs.findings + graph.findings + inherent.findings
    summary = {
        "inputs": [{"path": p, "kind": k, "records": r, "accepted": a, "rejected": j} for p, k, r, a, j in inputs.files],
        "entities": entity_count, "relationships": edge_count, "exposures": rows,
        "rejected_records": inputs.rejected,
        "findings": {s: sum(1 for f in findings if f[0] == s) for s in ("error", "warning", "info")},
        "merge_conflict_fields": graph.merge_conflict_fields,
        "layers": stats, "near_tie_refolds": sum(s["near_tie_refolds"] for s in stats),
        "timings": timings, "total_seconds": round(time.perf_counter() - clock, 3),
        "spark_jobs": len(spark.sparkContext.statusTracker().getJobIdsForGroup(group)),
    }
    with open(os.path.join(out_dir, "run.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(summary, indent=2) + "\n")
    with open(os.path.join(out_dir, "findings.json"), "w", encoding="utf-8") as f:
        f.write(C.json_value([{"severity": s, "rule": r, "file": fl, "line": ln, "message": m}
                              for s, r, fl, ln, m in findings], 0) + "\n")
    inputs.release()
    checkpoint.release()
    return summary


def write_outputs(spark, graph, inherent, state, tier_df, config, out_dir):
    """exposures.csv and paths.json; returns the number of exposure rows."""
    levels = config["levels"]
    tol = C.TIE_TOLERANCE
    level = F.when(F.col("score") >= F.lit(levels["critical"] - tol), "critical").when(
        F.col("score") >= F.lit(levels["high"] - tol), "high").when(
        F.col("score") >= F.lit(levels["medium"] - tol), "medium").otherwise("low")
    ent = graph.entities.select("nid", "id", "name", "kind", "country")
    src = graph.entities.select(F.col("nid").alias("source"), F.col("id").alias("source_id"))
    rows = state.where(F.col("score") > 0).join(ent, "nid").join(tier_df, "nid", "left").join(src, "source") \
        .select("nid", "id", "name", "kind", "country", "tier", "category", "score", level.alias("level"), "hops",
                "source_id", "source", "npath", "epath")
    rows = rows.orderBy("id", "category")
    # Written from a sorted local iterator: the driver holds one partition at a time.
    count = 0
    selected = []
    with open(os.path.join(out_dir, "exposures.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("entity_id,name,kind,country,tier,category,score,level,hops,source_id\n")
        for r in rows.select("id", "name", "kind", "country", "tier", "category", "score", "level", "hops",
                             "source_id", "source", "npath", "epath").toLocalIterator():
            count += 1
            f.write(",".join([
                C.csv_cell(r["id"]), C.csv_cell(r["name"]), C.csv_cell(r["kind"]), C.csv_cell(r["country"] or ""),
                "" if r["tier"] is None else str(r["tier"]), C.csv_cell(r["category"]), C.csv_cell(C.format_score(r["score"])),
                r["level"], str(r["hops"]), C.csv_cell(r["source_id"])]) + "\n")
            if r["tier"] is not None:
                selected.append(r)
    write_paths(spark, graph, inherent, selected, config, os.path.join(out_dir, "paths.json"))
    return count


def write_paths(spark, graph, inherent, selected, config, path):
    """paths.json for the exposures of entities with a tier (argmax path from `npath`/`epath`)."""
    edges_needed = sorted({e for r in selected for e in r["epath"]})
    sources = sorted({(r["source"], r["category"]) for r in selected})
    nodes_needed = sorted({n for r in selected for n in r["npath"]})
    basis = config["basis_confidence"]
    edge_info = {}
    if edges_needed:
        wanted = spark.createDataFrame([(e,) for e in edges_needed], "edge long")
        for e in graph.edges.join(F.broadcast(wanted), "edge").collect():
            edge_info[e["edge"]] = e
    ids = {}
    if nodes_needed:
        wanted = spark.createDataFrame([(n,) for n in nodes_needed], "nid long")
        for e in graph.entities.join(F.broadcast(wanted), "nid").select("nid", "id").collect():
            ids[e["nid"]] = e["id"]
    rules = {}
    if sources:
        wanted = spark.createDataFrame(sources, "nid long, category string")
        for r in inherent.rules.join(F.broadcast(wanted), ["nid", "category"]).collect():
            rules.setdefault((r["nid"], r["category"]), []).append(r)
    edge_rules = config["edges"]
    decay = float(config["hop_decay"])
    out = []
    for r in selected:
        source_rules = sorted(rules.get((r["source"], r["category"]), []), key=lambda x: (x["grp"], x["seq"]))
        rule_objects = []
        for x in source_rules:
            obj = {"rule": x["rule"], "score": x["score"], "file": x["file"], "line": x["line"]}
            obj.update(json.loads(x["ev"]))
            rule_objects.append(obj)
        npath, epath = list(r["npath"]), list(r["epath"])
        hops = []
        for i in range(len(epath) - 1, -1, -1):
            e = edge_info[epath[i]]
            frm, to = npath[i + 1], npath[i]
            reversed_ = not (e["src"] == frm and e["dst"] == to)
            confidence = e["confidence"] if e["confidence"] is not None else float(basis[e["basis"]])
            t = (float(edge_rules[e["type"]]["factor"]) * confidence) * decay
            hops.append({"from": ids[frm], "to": ids[to], "reversed": reversed_, "type": e["type"],
                         "commodity": e["commodity"], "basis": e["basis"], "confidence": confidence,
                         "transmission": t, "file": e["file"], "line": e["line"]})
        out.append({"entity_id": r["id"], "category": r["category"], "score": r["score"], "level": r["level"],
                    "source_id": r["source_id"], "rules": rule_objects, "hops": hops})
    with open(path, "w", encoding="utf-8") as f:
        f.write(render_paths(out))


def render_paths(objects) -> str:
    """PathsJSON.bytes: an array of pretty objects (two-space indents), `[]` when empty."""
    if not objects:
        return "[]\n"
    return C.json_value(objects, 0) + "\n"


def write_coverage(path, focus, per_tier, entity_count, inherent):
    tiers_out = []
    in_chain = 0
    unmapped_total = 0
    deepest = per_tier[-1]["tier"] if per_tier else -1
    by_tier = {r["tier"]: r for r in per_tier}
    for t in range(0, deepest + 1):
        r = by_tier.get(t)
        entities = r["entities"] if r else 0
        disclosed = r["disclosed"] if r else 0
        unmapped = [u for u in (r["unmapped_ids"] if r else []) if u is not None]
        in_chain += entities
        unmapped_total += len(unmapped)
        tiers_out.append({"tier": t, "entities": entities, "unmapped": len(unmapped), "disclosed": disclosed,
                          "disclosed_share": disclosed / entities if entities else 0, "unmapped_ids": unmapped})
    document = {"focus": focus, "tiers": tiers_out, "entities_in_chain": in_chain,
                "untiered_entities": entity_count - in_chain, "unmapped_total": unmapped_total,
                "reference_data": {
                    "risk_list": "present" if inherent.has_risk_list else "missing",
                    "country_risk": "present" if inherent.has_country_risk else "missing",
                    "smelter_status": "assessed" if inherent.has_smelter_status else "unassessed"}}
    with open(path, "w", encoding="utf-8") as f:
        f.write(C.json_value(document, 0) + "\n")
