"""The merged graph (SPEC §1; Sources/TierscanCore/Graph/GraphBuilder.swift) as DataFrames.

Entity records merge when they share an `id` or a valid `lei`, `duns` or `cid`, transitively:
connected components of the bipartite record–key graph, computed by iterative min-label
propagation (a record's label is the smallest input order `ord` in its component, so the label is
the component's first record). The merged entity keeps the first record's id; each field takes the
first non-empty value in input order; commodities are the sorted distinct union; the other ids are
aliases. Relationship endpoints resolve through every record id; an endpoint id with no record is
a placeholder company named after its id (warning `unknown-entity`).

Nodes are numbered `nid` in id byte order (Spark compares strings as UTF-8 bytes), so comparing
`nid`s compares ids, as tierscan's entity indices do.
"""

from __future__ import annotations

from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

from . import contract as C


def _first(column: str):
    """The value of the record with the smallest `ord` among those that give one."""
    return F.min(F.when(F.col(column).isNotNull(), F.struct(F.col("ord"), F.col(column))))[column].alias(column)


def components(records: DataFrame, checkpoint) -> DataFrame:
    """(ord, label): the smallest `ord` of each record's component. Iterates min-label propagation
    over the record–key bipartite graph until no label changes.

    - Complexity: O(d · (R + K)) shuffled rows for component diameter d."""
    keys = records.select("ord", F.explode(F.array_compact(F.array(
        F.concat(F.lit("i:"), F.col("id")),
        F.when(F.col("lei").isNotNull(), F.concat(F.lit("l:"), F.col("lei"))),
        F.when(F.col("duns").isNotNull(), F.concat(F.lit("d:"), F.col("duns"))),
        F.when(F.col("cid").isNotNull(), F.concat(F.lit("c:"), F.col("cid"))),
    ))).alias("key"))
    keys = checkpoint(keys, "merge-keys")
    labels = records.select("ord", F.col("ord").alias("label"))
    iteration = 0
    while True:
        iteration += 1
        key_label = keys.join(labels, "ord").groupBy("key").agg(F.min("label").alias("key_label"))
        new = keys.join(key_label, "key").groupBy("ord").agg(F.min("key_label").alias("label"))
        new = checkpoint(new, f"merge-{iteration}")
        changed = new.join(labels.withColumnRenamed("label", "old"), "ord").where(F.col("label") != F.col("old")).count()
        labels = new
        if changed == 0:
            return labels


class Graph:
    """`entities` (nid, id, name, kind, country, sector, commodities, lei, duns, cid, aliases,
    raw_material, placeholder, file, line) and `edges` (edge = input order, src, dst nids, type,
    commodity, share, basis, confidence, file, line); `findings` from merging."""

    def __init__(self, spark, entity_records: DataFrame, edge_records: DataFrame, checkpoint):
        self.findings = []
        records = checkpoint(entity_records, "entity-records")
        labels = components(records, checkpoint)
        records = records.join(labels, "ord")
        first_id = records.where(F.col("ord") == F.col("label")).select("label", F.col("id").alias("entity_id"))
        merged = records.groupBy("label").agg(
            _first("name"), _first("kind"), _first("country"), _first("sector"), _first("lei"), _first("duns"),
            _first("vat"), _first("cid"), _first("raw_material"),
            F.array_sort(F.array_distinct(F.flatten(F.collect_list("commodities")))).alias("commodities"),
            F.collect_set("id").alias("ids"),
            F.array_distinct(F.flatten(F.collect_list(F.coalesce(
                F.col("aliases"), F.array().cast("array<string>"))))).alias("listed_aliases"),
            F.min(F.struct("ord", "file", "line")).alias("first"),
        ).join(first_id, "label")
        # Conflicting values of one field: a warning per (entity, field) in tierscan (merge-conflict).
        conflict_counts = records.groupBy("label").agg(*[
            F.countDistinct(c).alias(c) for c in ("name", "kind", "country", "sector", "lei", "duns", "vat", "cid",
                                                   "raw_material")])
        conflicts = conflict_counts.select(F.sum(sum(F.when(F.col(c) > 1, 1).otherwise(0) for c in (
            "name", "kind", "country", "sector", "lei", "duns", "vat", "cid", "raw_material"))).alias("n")).first()["n"]
        self.merge_conflict_fields = int(conflicts or 0)
        entities = merged.select(
            F.col("entity_id").alias("id"),
            F.coalesce("name", "entity_id").alias("name"),
            F.coalesce("kind", F.lit("company")).alias("kind"),
            "country", "sector", "commodities", "lei", "duns", "cid",
            F.array_union(F.filter("ids", lambda n: n != F.col("entity_id")), "listed_aliases").alias("aliases"),
            F.coalesce("raw_material", F.lit(False)).alias("raw_material"),
            F.lit(False).alias("placeholder"),
            F.col("first.file").alias("file"), F.col("first.line").alias("line"),
        )
        # Every record id resolves to its entity's id.
        id_map = records.select("id", "label").distinct().join(first_id, "label").select(
            F.col("id").alias("ref"), "entity_id")
        id_map = checkpoint(id_map, "id-map")
        edges = checkpoint(edge_records, "edge-records")
        endpoints = edges.select(F.col("from_id").alias("ref"), F.struct(F.col("ord"), F.lit(0).alias("side"),
                                                                        "file", "line").alias("at")) \
            .unionByName(edges.select(F.col("to_id").alias("ref"), F.struct(F.col("ord"), F.lit(1).alias("side"),
                                                                            "file", "line").alias("at")))
        unknown = endpoints.join(id_map, "ref", "left_anti").groupBy("ref").agg(F.min("at").alias("at"))
        placeholders = unknown.select(
            F.col("ref").alias("id"), F.col("ref").alias("name"), F.lit("company").alias("kind"),
            F.lit(None).cast("string").alias("country"), F.lit(None).cast("string").alias("sector"),
            F.array().cast("array<string>").alias("commodities"), F.lit(None).cast("string").alias("lei"),
            F.lit(None).cast("string").alias("duns"), F.lit(None).cast("string").alias("cid"),
            F.array().cast("array<string>").alias("aliases"), F.lit(False).alias("raw_material"),
            F.lit(True).alias("placeholder"), F.col("at.file").alias("file"), F.col("at.line").alias("line"))
        placeholders = checkpoint(placeholders, "placeholders")
        for row in placeholders.orderBy("line").select("id", "file", "line").collect():
            self.findings.append(("warning", "unknown-entity", row["file"], row["line"],
                                  f"'{row['id']}' has no entity record; created a placeholder company"))
        all_entities = entities.unionByName(placeholders)
        # nid in id byte order: a range-partitioned sort numbered in partition order.
        numbered = all_entities.orderBy("id").withColumn("nid", F.monotonically_increasing_id())
        self.entities = checkpoint(numbered, "entities")
        nid_of = self.entities.select(F.col("id").alias("entity_id"), "nid")
        resolve = id_map.unionByName(placeholders.select(F.col("id").alias("ref"), F.col("id").alias("entity_id"))) \
            .join(nid_of, "entity_id").select("ref", "nid")
        resolve = checkpoint(resolve, "resolve")
        self.edges = checkpoint(
            edges.join(resolve.withColumnRenamed("ref", "from_id").withColumnRenamed("nid", "src"), "from_id")
            .join(resolve.withColumnRenamed("ref", "to_id").withColumnRenamed("nid", "dst"), "to_id")
            .select(F.col("ord").alias("edge"), "src", "dst", "type", "commodity", "hs_code", "share",
                    F.coalesce("basis", F.lit("declared")).alias("basis"), "confidence", "file", "line"),
            "edges")
        self.resolve = resolve

    def counts(self):
        return self.entities.count(), self.edges.count()


def arcs(edges: DataFrame, config: dict) -> DataFrame:
    """Transmitting arcs (src, dst, t, edge, reversed): t(e) = (factor(type) × confidence(e)) ×
    hop_decay, an `owns` edge only with share ≥ control_share; `forward` gives from → to,
    `backward` to → from (reversed), `both` both, `none` nothing; t = 0 gives nothing
    (Sources/TierscanRisk/Transmission.swift, RiskArcs.swift)."""
    basis = config["basis_confidence"]
    confidence = F.coalesce(F.col("confidence"), F.when(F.col("basis") == "observed", F.lit(float(basis["observed"])))
                            .when(F.col("basis") == "inferred", F.lit(float(basis["inferred"])))
                            .otherwise(F.lit(float(basis["declared"]))))
    factor = F.lit(0.0)
    forward = F.lit(False)
    backward = F.lit(False)
    for edge_type, rule in config["edges"].items():
        factor = F.when(F.col("type") == edge_type, F.lit(float(rule["factor"]))).otherwise(factor)
        forward = F.when(F.col("type") == edge_type, F.lit(rule["direction"] in ("forward", "both"))).otherwise(forward)
        backward = F.when(F.col("type") == edge_type, F.lit(rule["direction"] in ("backward", "both"))).otherwise(backward)
    t = (factor * confidence) * F.lit(float(config["hop_decay"]))
    transmits = (F.col("type") != "owns") | (F.col("share") >= F.lit(float(config["control_share"])))
    base = edges.select("edge", "src", "dst", F.when(transmits, t).otherwise(F.lit(0.0)).alias("t"),
                        forward.alias("fwd"), backward.alias("bwd")).where(F.col("t") > 0)
    return base.where("fwd").select("src", "dst", "t", "edge", F.lit(False).alias("reversed")).unionByName(
        base.where("bwd").select(F.col("dst").alias("src"), F.col("src").alias("dst"), "t", "edge",
                                 F.lit(True).alias("reversed")))
