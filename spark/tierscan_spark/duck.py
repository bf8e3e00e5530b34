"""The single-big-machine tier: the same per-layer relaxation as `propagate.py`, in DuckDB SQL.

Input: the two tables of the documented arcs/seeds schema (docs/scale-out.md):
`arcs(src, dst, transmission, edge, reversed, category)` — category NULL means every category —
and `seeds(node, category, r0)`, as Parquet files (or DuckDB relations). Output: the final state
per (category, node) and the per-layer history, with exactly the Spark job's semantics (window
rule, whole-path tie-break, sequential refold of near-tie chains), so the two cross-check each
other. DuckDB runs out of core and vectorised on one machine.
"""

from __future__ import annotations

import time

from .contract import TIE_TOLERANCE
from .propagate import sequential_fold

STATE = "category, node, score, hops, npath, epath, pred, edge, reversed, source"


def propagate(con, arcs_sql: str, seeds_sql: str, max_depth: int, log=None):
    """Runs the layers in DuckDB connection `con`; `arcs_sql`/`seeds_sql` are relations (a table
    name or `read_parquet('…')`). Leaves tables `state` and `history`; returns per-layer stats."""
    tol = repr(TIE_TOLERANCE)
    con.execute(f"CREATE OR REPLACE TEMP TABLE seeds_in AS SELECT node, category, r0 FROM {seeds_sql} WHERE r0 > 0")
    categories = [r[0] for r in con.execute("SELECT DISTINCT category FROM seeds_in ORDER BY category").fetchall()]
    # Arcs with a NULL category apply to every category.
    con.execute(f"""CREATE OR REPLACE TEMP TABLE arcs_in AS
        SELECT src, dst, transmission AS t, edge, reversed, c.category
        FROM {arcs_sql} a JOIN (SELECT unnest(?::VARCHAR[]) AS category) c
          ON a.category IS NULL OR a.category = c.category""", [categories])
    con.execute(f"""CREATE OR REPLACE TEMP TABLE state AS
        SELECT category, node, r0 AS score, 0 AS hops, [node] AS npath, []::BIGINT[] AS epath,
               NULL::BIGINT AS pred, NULL::BIGINT AS edge, NULL::BOOLEAN AS reversed, node AS source
        FROM seeds_in""")
    con.execute(f"CREATE OR REPLACE TEMP TABLE history AS SELECT 0 AS layer, {STATE} FROM state")
    stats = []
    for k in range(1, max_depth + 1):
        started = time.perf_counter()
        con.execute(f"""CREATE OR REPLACE TEMP TABLE cand AS
            SELECT {STATE}, true AS inc FROM state
            UNION ALL
            SELECT s.category, a.dst, s.score * a.t, s.hops + 1, list_prepend(a.dst, s.npath),
                   list_prepend(a.edge, s.epath), s.node, a.edge, a.reversed, s.source, false
            FROM state s JOIN arcs_in a ON a.src = s.node AND a.category = s.category
            WHERE s.score * a.t > 0""")
        con.execute(f"""CREATE OR REPLACE TEMP TABLE next AS
            WITH m AS (SELECT category, node, max(score) AS m FROM cand GROUP BY category, node),
            g AS (
              SELECT c.category, c.node,
                     min({{'hops': c.hops, 'npath': c.npath, 'epath': c.epath, 'score': c.score, 'pred': c.pred,
                          'edge': c.edge, 'reversed': c.reversed, 'source': c.source}})
                       FILTER (WHERE c.score >= m.m - {tol}) AS best,
                     min(c.score) FILTER (WHERE c.score >= m.m - {tol}) AS min_w,
                     max(c.score) FILTER (WHERE c.score < m.m - {tol}) AS max_r,
                     max({{'npath': c.npath, 'epath': c.epath}}) FILTER (WHERE c.inc) AS old
              FROM cand c JOIN m USING (category, node)
              GROUP BY c.category, c.node)
            SELECT category, node, best.score AS score, best.hops AS hops, best.npath AS npath,
                   best.epath AS epath, best.pred AS pred, best.edge AS edge, best.reversed AS reversed,
                   best.source AS source,
                   old IS NULL OR old.npath <> best.npath OR old.epath <> best.epath AS changed,
                   max_r IS NOT NULL AND max_r >= min_w - {tol} AS violation
            FROM g""")
        violations = con.execute("SELECT count(*) FROM next WHERE violation").fetchone()[0]
        if violations:
            _refold(con)
        changed = con.execute("SELECT count(*) FROM next WHERE changed").fetchone()[0]
        stats.append({"layer": k, "changed": changed, "near_tie_refolds": violations,
                      "seconds": round(time.perf_counter() - started, 3)})
        if log:
            log(stats[-1])
        if changed == 0:
            break
        con.execute(f"INSERT INTO history SELECT {k} AS layer, {STATE} FROM next WHERE changed")
        con.execute(f"CREATE OR REPLACE TEMP TABLE state AS SELECT {STATE} FROM next")
    return stats


def _refold(con):
    """Decides each violating (category, node) by tierscan's sequential fold (few rows)."""
    rows = con.execute("""
        SELECT c.category, c.node, c.inc, c.score, c.hops, c.npath, c.epath, c.pred, c.edge, c.reversed, c.source
        FROM cand c SEMI JOIN (SELECT category, node FROM next WHERE violation) v USING (category, node)
        ORDER BY c.category, c.node""").fetchall()
    groups = {}
    for r in rows:
        groups.setdefault((r[0], r[1]), []).append(
            {"inc": r[2], "score": r[3], "hops": r[4], "npath": r[5], "epath": r[6], "pred": r[7], "edge": r[8],
             "reversed": r[9], "source": r[10]})
    fixed = []
    for (category, node), cands in groups.items():
        incumbent = next((c for c in cands if c["inc"]), None)
        best = sequential_fold(incumbent, [c for c in cands if not c["inc"]])
        changed = incumbent is None or (incumbent["npath"], incumbent["epath"]) != (best["npath"], best["epath"])
        fixed.append((category, node, best["score"], best["hops"], best["npath"], best["epath"], best["pred"],
                      best["edge"], best["reversed"], best["source"], changed, True))
    con.execute("DELETE FROM next WHERE violation")
    con.executemany("INSERT INTO next VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fixed)


def run(directory: str, out_dir: str, threads: int | None = None, memory_limit: str | None = None, log=None):
    """The DuckDB tier on a directory holding `arcs/`, `seeds/`, `nodes/` (Parquet) and
    `config.json` (as a Spark scan writes them): writes `exposures.csv` and `history/`.
    Returns a summary with per-layer timings."""
    import json
    import os

    import duckdb

    from . import contract as C

    started = time.perf_counter()
    with open(os.path.join(directory, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    if memory_limit:
        con.execute("SET memory_limit = ?", [memory_limit])

    def parquet(name):
        return f"read_parquet('{os.path.join(directory, name)}/**/*.parquet')"

    stats = propagate(con, parquet("arcs"), parquet("seeds"), int(config["max_depth"]), log)
    propagated = time.perf_counter()
    os.makedirs(out_dir, exist_ok=True)
    rows = con.execute(f"""
        SELECT n.id, n.name, n.kind, n.country, n.tier, s.category, s.score, s.hops, src.id
        FROM state s JOIN {parquet("nodes")} n ON n.nid = s.node JOIN {parquet("nodes")} src ON src.nid = s.source
        WHERE s.score > 0 ORDER BY n.id, s.category""")
    count = 0
    with open(os.path.join(out_dir, "exposures.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("entity_id,name,kind,country,tier,category,score,level,hops,source_id\n")
        while True:
            batch = rows.fetchmany(10000)
            if not batch:
                break
            for eid, name, kind, country, tier, category, score, hops, source in batch:
                count += 1
                f.write(",".join([C.csv_cell(eid), C.csv_cell(name), C.csv_cell(kind), C.csv_cell(country or ""),
                                  "" if tier is None else str(tier), C.csv_cell(category),
                                  C.csv_cell(C.format_score(score)), C.level_of(score, config), str(hops),
                                  C.csv_cell(source)]) + "\n")
    history = os.path.join(out_dir, "history")
    con.execute(f"COPY (SELECT layer, node AS nid, score, hops, pred, edge, reversed, source, category FROM history) "
                f"TO '{history}' (FORMAT parquet, PARTITION_BY (category), OVERWRITE_OR_IGNORE true)")
    summary = {"exposures": count, "layers": stats, "propagation_seconds": round(propagated - started, 3),
               "total_seconds": round(time.perf_counter() - started, 3)}
    with open(os.path.join(out_dir, "run.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(summary, indent=2) + "\n")
    return summary
