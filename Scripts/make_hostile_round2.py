#!/usr/bin/env python3
"""Writes the second-round hostile cases under Tests/Fixtures/hostile/ (issue #14).

Small files only (no openpyxl needed). Cases that need the file system's help (symbolic links,
FIFOs, devices, hard links, non-UTF-8 names, very deep paths) and the large super-linear shapes
are built by the Swift tests at run time (Tests/TierscanCLITests/HostileRound2*.swift); outcomes
of the committed files are rows of EXPECTED.tsv. See docs/reliability.md.

Usage: python3 Scripts/make_hostile_round2.py   (from the repository root)
"""
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "Fixtures", "hostile")
REL = b"from,to,type,share,confidence\n"
NS = 'xmlns="urn:tierscan:disclosure:1"'
DISCLOSER = '<discloser id="ACME" name="Acme Ltd" country="GB"/>'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def write(sub, name, data):
    os.makedirs(os.path.join(OUT, sub), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, sub, name), "wb") as f:
        f.write(data)


def numbers():
    """Class 1: numbers that trapped or were read as hexadecimal."""
    w = lambda name, data: write("csv", name, data)
    w("r2-share-20-digits.csv", REL + b"H1,ACME,owns,12345678901234567890,\nH2,ACME,owns,"
      + b"9" * 40 + b",\n")
    w("r2-share-trailing-zeros.csv", REL + b"H1,ACME,owns,50." + b"0" * 40 + b",0.9" + b"0" * 40 + b"\n"
      + b"H2,ACME,owns,100000000000000000000" + b"0" * 20 + b"e-38,\n")
    w("r2-confidence-20-digits.csv", REL + b"S1,ACME,supplies,,99999999999999999999\nS2,ACME,supplies,,0."
      + b"1" * 30 + b"0" * 30 + b"1\n")
    w("r2-hex-share.csv", REL + b"H1,ACME,owns,0x10,\nH2,ACME,owns,0X1P4,\n")
    w("r2-hex-float-confidence.csv", REL + b"S1,ACME,supplies,,0x1p-1\nS2,ACME,supplies,,0x.8p0\n")
    w("r2-hex-score.csv", b"country,category,score\nCN,forced_labour,0x1p-1\nIN,child_labour,infinity\n")
    w("r2-year-huge.csv", b"from,to,type,reporting_year\nS1,ACME,supplies,99999999999999999999\n"
      b"S2,ACME,supplies,0x7E8\n")
    x = lambda name, data: write("xml", name, data)
    x("r2-hex-share.xml", HEAD + f'<disclosure {NS}>{DISCLOSER}<owner id="H1" name="H" share="0x10"/>'
      '<supplier id="S1" confidence="0x1p-1"/></disclosure>\n')
    x("r2-long-share.xml", HEAD + f'<disclosure {NS}>{DISCLOSER}<owner id="H1" name="H" share="'
      + "9" * 400 + '"/><supplier id="S1" confidence="0.' + "0" * 400 + '1"/></disclosure>\n')


def main():
    numbers()


if __name__ == "__main__":
    main()
