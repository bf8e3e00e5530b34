#!/usr/bin/env python3
"""Writes a synthetic relationships CSV for benchmarks: gen_csv.py ROWS OUT.csv (deterministic)."""
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "relationships-1m.csv"
rng = random.Random(42)
types = ["supplies", "supplies", "supplies", "subcontracts", "owns", "operates"]
commodities = ["cotton", "tin", "gold", "polysilicon", "cobalt", "tomatoes"]
with open(out, "w", newline="") as f:
    f.write("from,to,type,commodity,hs_code,share,basis,confidence,reporting_year,source\n")
    for i in range(rows):
        t = rng.choice(types)
        share = str(rng.randint(1, 100)) if t == "owns" else ""
        commodity = rng.choice(commodities) if t in ("supplies", "subcontracts") else ""
        hs = str(rng.randint(1000, 9999)) if commodity else ""
        note = '"Audit, site visit ""A"""' if i % 100 == 0 else "survey"
        f.write(f"E{rng.randrange(rows // 4)},E{rng.randrange(rows // 4)},{t},{commodity},{hs},{share},declared,0.9,2025,{note}\n")
