"""Rebuilding an argmax path from the per-layer history (`OUT/history`, Parquet partitioned by
category; columns layer, nid, score, hops, pred, edge, reversed, source).

The state of node v after layer L is its history row with the largest layer ≤ L. The path of v's
final state: take that row (layer j); if j > 0 its last hop is `edge` from `pred`, whose path is
pred's state after layer j − 1 (not pred's final state: pred may have changed since). Layer-0 rows
are the risk sources. This is exactly how tierscan's label tree is built, one layer at a time.
"""

from __future__ import annotations

import bisect


class History:
    """The history rows of one run, indexed by (category, nid) (collected: for tests and audits
    of single exposures; a cluster walks the same rule with one join per hop)."""

    def __init__(self, rows):
        self.rows = {}
        for row in rows:
            self.rows.setdefault((row["category"], row["nid"]), []).append(row)
        for key in self.rows:
            self.rows[key].sort(key=lambda r: r["layer"])
        self.layers = {key: [r["layer"] for r in value] for key, value in self.rows.items()}

    @classmethod
    def read(cls, spark, directory):
        return cls(spark.read.parquet(directory).collect())

    def state(self, category, nid, layer=None):
        """The row of `nid`'s state after `layer` (default: its final state), or None."""
        key = (category, nid)
        layers = self.layers.get(key)
        if not layers:
            return None
        if layer is None:
            return self.rows[key][-1]
        i = bisect.bisect_right(layers, layer) - 1
        return self.rows[key][i] if i >= 0 else None

    def path(self, category, nid, layer=None):
        """(nodes from nid back to the source, edges from nid back, reversed flags from nid back)."""
        row = self.state(category, nid, layer)
        if row is None:
            return None
        nodes, edges, flags = [nid], [], []
        while row["layer"] > 0:
            edges.append(row["edge"])
            flags.append(row["reversed"])
            nodes.append(row["pred"])
            row = self.state(category, row["pred"], row["layer"] - 1)
        return nodes, edges, flags
