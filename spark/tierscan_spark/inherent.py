"""Inherent risk r₀(v, c) (SPEC §2.4–§2.6, §3; Sources/TierscanRisk/InherentRiskScorer.swift,
RiskListMatcher.swift, CountryCommodityIndex.swift, OwnershipControl.swift) as a DataFrame of rules.

`rules(nid, category, grp, seq, rule, score, file, line, ev)`: every rule that applies, `grp, seq`
giving tierscan's listing order (risk-list rows in input order, country rows in input order,
smelter status, ownership) and `ev` the rule's evidence as JSON pairs `[[key, value], …]`.
"""

from __future__ import annotations

import json

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import contract as C


def _pairs(pairs) -> str:
    return json.dumps(pairs, ensure_ascii=False)


class Inherent:
    """Scores every entity; `rules` and `r0(nid, category, r0)` (only r₀ > 0). `ev` is a JSON object
    whose keys are in tierscan's evidence order."""

    def __init__(self, spark, graph, inputs, config: dict, checkpoint):
        self.findings = []
        categories = config["categories"]
        parts: list[DataFrame] = []
        rules_schema = "nid long, category string, grp int, seq long, rule string, score double, file string, " \
                       "line long, ev string"
        entities = graph.entities
        # --- risk lists ------------------------------------------------------------------------------
        risk_rows = []
        for index, row in enumerate(inputs.risk_rows):
            if row["category"] not in categories:
                self.findings.append(("warning", "unknown-category", row["file"], row["line"],
                                      f"risk-list category '{row['category']}' is not in the config; the row is not used"))
                continue
            risk_rows.append((index, row))
        self.has_risk_list = bool(inputs.risk_rows)
        if risk_rows:
            normalise = C.NameNormalizer(config["legal_forms"])
            key_rows, id_rows, info_rows = [], [], []
            for index, row in risk_rows:
                for pos, name in enumerate([row["name"]] + row["aliases"]):
                    key = normalise(name)
                    if key:
                        key_rows.append((index, pos, name, key))
                for scheme_pos, scheme in enumerate(("lei", "duns", "cid")):
                    if row[scheme]:
                        id_rows.append((index, scheme_pos, scheme, row[scheme]))
                evidence = {"list": row["list"], "name": row["name"], "matched_on": None, "country": row["country"],
                            "authority": row["authority"], "listed_on": row["listed_on"], "reference": row["reference"]}
                info_rows.append((index, row["category"], row["country"], row["lei"], row["duns"], row["cid"],
                                  row["file"], row["line"], _pairs(evidence)))
            row_keys = spark.createDataFrame(key_rows, "row long, pos int, matched string, key string")
            row_ids = spark.createDataFrame(id_rows or [], "row long, spos int, scheme string, value string")
            row_info = spark.createDataFrame(
                info_rows, "row long, category string, rcountry string, rlei string, rduns string, rcid string, "
                           "file string, line long, ev string")
            legal_forms = config["legal_forms"]

            def normalise_name(name, _cache={}):
                normaliser = _cache.get("n")
                if normaliser is None:
                    normaliser = _cache["n"] = C.NameNormalizer(legal_forms)
                return normaliser(name)

            normalise_udf = F.udf(normalise_name, T.StringType())
            wanted = {k for _, _, _, k in key_rows}
            names = entities.select("nid", F.explode(F.array_union(F.array("name"), "aliases")).alias("n")) \
                .distinct().withColumn("key", normalise_udf("n")).where(F.col("key").isin(list(wanted)) if len(wanted) < 10000
                                                                         else F.col("key") != "")
            by_name = names.join(F.broadcast(row_keys), "key").groupBy("row", "nid").agg(
                F.min(F.struct("pos", "matched")).alias("m")).select("row", "nid", F.col("m.matched").alias("matched"))
            id_parts = []
            for scheme in ("lei", "duns", "cid"):
                id_parts.append(entities.where(F.col(scheme).isNotNull()).select(
                    "nid", F.lit(scheme).alias("scheme"), F.col(scheme).alias("value")))
            entity_ids = id_parts[0].unionByName(id_parts[1]).unionByName(id_parts[2])
            by_id = entity_ids.join(F.broadcast(row_ids), ["scheme", "value"]).groupBy("row", "nid").agg(
                F.min(F.struct("spos", F.concat("scheme", F.lit(":"), "value").alias("matched"))).alias("m")) \
                .select("row", "nid", F.col("m.matched").alias("id_matched"))
            ent = entities.select("nid", F.col("country").alias("ecountry"), F.col("lei").alias("elei"),
                                  F.col("duns").alias("eduns"), F.col("cid").alias("ecid"))
            matched = by_id.join(by_name, ["row", "nid"], "full").join(F.broadcast(row_info), "row").join(ent, "nid")

            def differ(a, b):
                return F.col(a).isNotNull() & F.col(b).isNotNull() & (F.col(a) != F.col(b))

            guard = differ("rlei", "elei") | differ("rduns", "eduns") | differ("rcid", "ecid")
            both_countries = F.col("rcountry").isNotNull() & F.col("ecountry").isNotNull()
            name_rule = F.when(guard, F.lit(None)).when(
                both_countries, F.when(F.col("rcountry") == F.col("ecountry"), F.lit("name-country")))\
                .otherwise(F.lit("name-only"))
            rule = F.when(F.col("id_matched").isNotNull(), F.lit("identifier")).otherwise(
                F.when(F.col("matched").isNotNull(), name_rule))
            scores = config["list_match_score"]
            score = F.when(F.col("rule") == "identifier", F.lit(float(scores["identifier"]))).when(
                F.col("rule") == "name-country", F.lit(float(scores["name-country"]))).otherwise(
                F.lit(float(scores["name-only"])))
            on = F.when(F.col("rule") == "identifier", F.col("id_matched")).otherwise(F.col("matched"))
            ev_udf = F.udf(lambda ev, value: _pairs({k: value if k == "matched_on" else v
                                                     for k, v in json.loads(ev).items()}), T.StringType())
            list_rules = matched.withColumn("rule", rule).where(F.col("rule").isNotNull()).select(
                "nid", "category", F.lit(0).alias("grp"), F.col("row").alias("seq"), "rule", score.alias("score"),
                "file", "line", ev_udf("ev", on).alias("ev"))
            parts.append(checkpoint(list_rules, "list-rules"))
        # --- country-commodity rows -------------------------------------------------------------------
        country_rows = []
        for index, row in enumerate(inputs.country_rows):
            if row["category"] not in categories:
                self.findings.append(("warning", "unknown-category", row["file"], row["line"],
                                      f"country-risk category '{row['category']}' is not in the config; the row is not used"))
                continue
            evidence = {"country": row["country"], "commodity": row["commodity"], "source": row["source"]}
            country_rows.append((index, row["country"], row["category"], float(row["score"]), row["commodity"],
                                 row["file"], row["line"], _pairs(evidence)))
        self.has_country_risk = bool(inputs.country_rows)
        if country_rows:
            crows = spark.createDataFrame(country_rows, "seq long, country string, category string, score double, "
                                                        "commodity string, file string, line long, ev string")
            supplied = graph.edges.where((F.col("type") == "supplies") & F.col("commodity").isNotNull()) \
                .select(F.col("src").alias("nid"), F.col("commodity").alias("sc")).distinct()
            applies = entities.select("nid", "country", "commodities").join(F.broadcast(crows), "country")
            direct = applies.where(F.col("commodity").isNull() | F.array_contains("commodities", F.col("commodity")))
            via_edge = applies.where(F.col("commodity").isNotNull()).join(
                supplied, (applies["nid"] == supplied["nid"]) & (applies["commodity"] == supplied["sc"]), "left_semi")
            country_rules = direct.unionByName(via_edge).distinct().select(
                "nid", "category", F.lit(1).alias("grp"), "seq", F.lit("country-commodity").alias("rule"), "score",
                "file", "line", "ev")
            parts.append(checkpoint(country_rules, "country-rules"))
        # --- smelter status -------------------------------------------------------------------------
        by_cid = {}
        for row in inputs.smelter_rows:
            if row["cid"] in by_cid:
                self.findings.append(("warning", "duplicate-cid", row["file"], row["line"],
                                      f"CID {row['cid']} given again; the first reference row wins"))
                continue
            by_cid[row["cid"]] = row
        self.has_smelter_status = bool(by_cid)
        if by_cid and "conflict_minerals" in categories:
            refs = spark.createDataFrame(
                [(cid, r["status"], r["raw_status"], r["file"], r["line"]) for cid, r in by_cid.items()],
                "cid string, status string, raw_status string, rfile string, rline long")
            status_score = config["smelter_status_score"]
            smelters = entities.where((F.col("kind") == "smelter") | F.col("cid").isNotNull()) \
                .select("nid", "cid", "file", "line").join(F.broadcast(refs), "cid", "left")
            status = F.coalesce("status", F.lit("unknown"))
            score = F.lit(float(status_score["unknown"]))
            for name in ("conformant", "active", "non-conformant"):
                score = F.when(status == name, F.lit(float(status_score[name]))).otherwise(score)
            status_from = F.when(F.col("cid").isNull(), F.lit("no-cid")).when(
                F.col("status").isNull(), F.lit("cid-not-in-reference")).otherwise(F.lit("reference"))
            ev = F.to_json(F.struct(F.col("cid"), status.alias("status"), F.col("raw_status").alias("reference_status"),
                                    status_from.alias("status_from")), {"ignoreNullFields": "false"})
            smelter_rules = smelters.select(
                "nid", F.lit("conflict_minerals").alias("category"), F.lit(2).alias("grp"), F.lit(0).cast("long").alias("seq"),
                F.lit("smelter-status").alias("rule"), score.alias("score"),
                F.coalesce("rfile", "file").alias("file"), F.when(F.col("rfile").isNotNull(), F.col("rline"))
                .otherwise(F.col("line")).alias("line"), ev.alias("ev"))
            parts.append(checkpoint(smelter_rules, "smelter-rules"))
        rules = parts[0] if parts else spark.createDataFrame([], rules_schema)
        for part in parts[1:]:
            rules = rules.unionByName(part)
        # --- aggregate ownership -----------------------------------------------------------------------
        ownership = self._ownership(spark, graph, rules, config, checkpoint)
        if ownership is not None:
            rules = rules.unionByName(ownership)
        self.rules = checkpoint(rules, "rules")
        self.r0 = checkpoint(self.rules.groupBy("nid", "category").agg(F.max("score").alias("r0"))
                             .where(F.col("r0") > 0), "r0")

    def _ownership(self, spark, graph, rules, config, checkpoint):
        """The 50 % rule: iterate to a fixpoint the set of entities whose listed owners (by an
        identifier or name-country match, or by control) hold ≥ control_share in total."""
        owns = graph.edges.where((F.col("type") == "owns") & (F.col("share") > 0))
        stakes = owns.groupBy(F.col("dst").alias("owned"), F.col("src").alias("owner")).agg(
            F.min(F.struct((-F.col("share")).alias("neg"), F.col("edge"))).alias("m")).select(
            "owned", "owner", (-F.col("m.neg")).alias("share"), F.col("m.edge").alias("edge"))
        stakes = checkpoint(stakes, "stakes")
        if stakes.limit(1).count() == 0:
            return None
        over = stakes.groupBy("owned").agg(F.sum("share").alias("total")).where(F.col("total") > 100 + 1e-9).count()
        if over:
            self.findings.append(("warning", "ownership-over-100", None, None,
                                  f"{over} entities whose owners' shares sum over 100% (tierscan cites each)"))
        threshold = float(config["control_share"]) - C.SHARE_TOLERANCE
        listed = rules.where(F.col("rule").isin("identifier", "name-country")).select(
            F.col("nid").alias("owner"), "category").distinct()
        listed = checkpoint(listed, "listed-0")
        if listed.limit(1).count() == 0:
            return None
        iteration = 0
        while True:
            iteration += 1
            held = stakes.join(listed, "owner").groupBy("category", "owned").agg(F.sum("share").alias("held"))
            newly = held.where(F.col("held") >= threshold).select(F.col("owned").alias("owner"), "category") \
                .join(listed, ["owner", "category"], "left_anti")
            newly = checkpoint(newly, f"listed-new-{iteration}")
            if newly.limit(1).count() == 0:
                break
            listed = checkpoint(listed.unionByName(newly), f"listed-{iteration}")
        names = graph.entities.select(F.col("nid").alias("owner"), F.col("id").alias("owner_id"))
        holders = stakes.join(listed, "owner").join(names, "owner")
        totals = holders.groupBy("category", "owned").agg(
            F.array_sort(F.collect_list(F.struct("owner", "owner_id", "share"))).alias("owners"),
            F.min("edge").alias("first_edge"))

        def evidence(owners):
            total = 0.0
            for owner in owners:
                total += owner["share"]
            return _pairs({"owners": [{"id": o["owner_id"], "share": o["share"]} for o in owners],
                           "total_share": total}), total

        ev_udf = F.udf(evidence, "ev string, total double")
        with_ev = totals.withColumn("e", ev_udf("owners")).where(F.col("e.total") >= threshold)
        at = graph.edges.select(F.col("edge").alias("first_edge"), "file", "line")
        return with_ev.join(at, "first_edge").select(
            F.col("owned").alias("nid"), "category", F.lit(3).alias("grp"), F.lit(0).cast("long").alias("seq"),
            F.lit("ownership-aggregate").alias("rule"), F.lit(1.0).alias("score"), "file", "line",
            F.col("e.ev").alias("ev"))
