#!/usr/bin/env python3
"""Generate a synthetic tierscan XML disclosure (SPEC 2.7) for benchmarks.

Usage: Scripts/gen_xml_disclosure.py N OUT.xml [--seed S]

Writes a discloser and N top-level suppliers, each with one or two commodities and an
identifier; every 10th supplier also nests a sub-supplier, a facility, an owner and a
smelter (so the file exercises every element). Output is deterministic for a given N and seed.
Streams to disk, so memory stays flat whatever N is.
"""
import argparse
import random

COMMODITIES = ["cotton", "polysilicon", "tin", "gold", "cocoa", "palm oil", "rubber", "coffee"]
COUNTRIES = ["CN", "IN", "VN", "BD", "ID", "MY", "TR", "BR", "CD", "GH", "US", "DE"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of top-level suppliers")
    parser.add_argument("out", help="output path")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<disclosure xmlns="urn:tierscan:disclosure:1" reportingYear="2025">\n')
        out.write('  <discloser id="ACME" name="Acme Ltd" country="GB"/>\n')
        for i in range(1, args.count + 1):
            country = rng.choice(COUNTRIES)
            out.write(f'  <supplier id="S{i}" name="Supplier {i} Co" country="{country}" basis="declared">\n')
            out.write(f'    <identifier scheme="duns" value="{100000000 + i}"/>\n')
            for commodity in rng.sample(COMMODITIES, rng.randint(1, 2)):
                out.write(f'    <commodity name="{commodity}" hsCode="{rng.randint(1000, 9999)}"/>\n')
            if i % 10 == 0:
                out.write(f'    <facility id="S{i}-F1" name="Plant {i}" country="{country}"/>\n')
                out.write(f'    <owner id="H{i}" name="Holding {i}" country="HK" share="{rng.randint(1, 100)}"/>\n')
                out.write(f'    <smelter cid="CID{i % 1000000:06d}" metal="tin" country="ID"/>\n')
                out.write(f'    <supplier id="S{i}-1" name="Sub {i}" country="{rng.choice(COUNTRIES)}">\n')
                out.write(f'      <commodity name="{rng.choice(COMMODITIES)}"/>\n')
                out.write('    </supplier>\n')
            out.write('  </supplier>\n')
        out.write('</disclosure>\n')


if __name__ == "__main__":
    main()
