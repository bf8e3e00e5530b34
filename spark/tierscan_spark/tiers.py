"""Tiers and coverage (SPEC §3; Sources/TierscanRisk/Tiering.swift, Coverage.swift).

Tier = fewest `supplies`/`subcontracts` hops upstream from the focus (a breadth-first search, one
join per tier); then a facility, mine or smelter operated by an entity of supply tier t gets t
when it has no smaller tier. Coverage per tier: entities, disclosed (an upstream supply edge),
unmapped (tier ≥ 1, no upstream supply edge, not a smelter or mine, not raw_material).
"""

from __future__ import annotations

from pyspark.sql import functions as F


def tiers(spark, graph, focus_nid: int, checkpoint):
    """(nid, tier) of every entity with a tier."""
    supply = graph.edges.where(F.col("type").isin("supplies", "subcontracts")).select(
        F.col("dst").alias("buyer"), F.col("src").alias("supplier")).distinct()
    supply = checkpoint(supply, "supply-edges")
    reached = spark.createDataFrame([(focus_nid, 0)], "nid long, tier int")
    frontier = reached
    level = 0
    while True:
        level += 1
        nxt = frontier.join(supply, frontier["nid"] == supply["buyer"]).select(F.col("supplier").alias("nid")) \
            .distinct().join(reached, "nid", "left_anti").select("nid", F.lit(level).alias("tier"))
        nxt = checkpoint(nxt, f"tier-{level}")
        if nxt.limit(1).count() == 0:
            break
        reached = checkpoint(reached.unionByName(nxt), f"tiers-{level}")
        frontier = nxt
    sites = graph.edges.where(F.col("type") == "operates").select(F.col("src").alias("operator"), F.col("dst").alias("nid")) \
        .join(graph.entities.where(F.col("kind") != "company").select("nid"), "nid") \
        .join(reached.select(F.col("nid").alias("operator"), F.col("tier").alias("op_tier")), "operator") \
        .groupBy("nid").agg(F.min("op_tier").alias("op_tier"))
    result = reached.join(sites, "nid", "full").select(
        "nid", F.least(F.coalesce("tier", F.lit(1 << 30)), F.coalesce("op_tier", F.lit(1 << 30))).alias("tier"))
    return checkpoint(result, "tiers")


def coverage(graph, tier_df):
    """Coverage rows per tier (tier, entities, disclosed, unmapped ids sorted) and the untiered count."""
    upstream = graph.edges.where(F.col("type").isin("supplies", "subcontracts")).select(F.col("dst").alias("nid")).distinct() \
        .withColumn("has_up", F.lit(True))
    rows = graph.entities.select("nid", "id", "kind", "raw_material").join(tier_df, "nid").join(upstream, "nid", "left") \
        .withColumn("has_up", F.coalesce("has_up", F.lit(False)))
    unmapped = (F.col("tier") >= 1) & ~F.col("has_up") & ~F.col("kind").isin("smelter", "mine") & ~F.col("raw_material")
    per_tier = rows.groupBy("tier").agg(
        F.count(F.lit(1)).alias("entities"), F.sum(F.col("has_up").cast("int")).alias("disclosed"),
        F.array_sort(F.collect_list(F.when(unmapped, F.col("id")))).alias("unmapped_ids")).orderBy("tier").collect()
    return per_tier
