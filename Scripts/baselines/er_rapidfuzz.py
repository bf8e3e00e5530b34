#!/usr/bin/env python3
"""Entity-resolution baseline: rapidfuzz token-set ratio on the labelled Open Supply Hub pairs
(Tests/Fixtures/er/osh-pairs.csv) and on every same-country pair of the 963 facilities
(osh-facilities.csv), for comparison with tierscan (docs/entity-resolution.md §9).

    pip install rapidfuzz
    python3 Scripts/baselines/er_rapidfuzz.py [--threshold 90] [--tierscan-candidates DIR/candidates.csv]

Prints recall of true pairs, pairs of different facilities flagged, precision and time, for
plain names and for names with `&`->`and` and legal forms removed anywhere. With
--tierscan-candidates, scores a `tierscan resolve` run of the same facilities the same way.
"""
import argparse, csv, re, time
from rapidfuzz import fuzz, process, utils

from labelled_pairs import LEGAL, evaluate, load

def legal_free(name):
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    return " ".join(w for w in words if w not in LEGAL)


def plain(name):
    return utils.default_process(name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=90)
    parser.add_argument("--tierscan-candidates")
    args = parser.parse_args()
    pairs = [p for p in load("osh-pairs.csv") if p["label"] != "unsure"]
    facilities = load("osh-facilities.csv")
    print(f"labelled pairs: {sum(p['label'] == 'same' for p in pairs)} same, "
          f"{sum(p['label'] == 'different' for p in pairs)} different; threshold {args.threshold}")
    for label, prep in (("rapidfuzz token_set_ratio, default_process", plain),
                        ("rapidfuzz token_set_ratio, &->and, legal forms removed", legal_free)):
        # On the labelled pairs.
        start = time.perf_counter()
        flagged = {frozenset([p["left_ref"], p["right_ref"]]) for p in pairs
                   if fuzz.token_set_ratio(prep(p["left_name"]), prep(p["right_name"])) >= args.threshold}
        seconds = time.perf_counter() - start
        found, total, false, different, precision = evaluate(pairs, flagged)
        print(f"{label}: pairs: found {found}/{total} ({found / total:.0%}), different flagged {false}/{different}, "
              f"precision {precision:.2f}, {seconds * 1000:.1f} ms")
        # End to end: every same-country pair of the 963 facilities (no blocking).
        start = time.perf_counter()
        by_country = {}
        for f in facilities:
            by_country.setdefault(f["country"], []).append(f)
        flagged_all = set()
        for country, rows in by_country.items():
            if not country or len(rows) < 2:
                continue
            names = [prep(r["name"]) for r in rows]
            matrix = process.cdist(names, names, scorer=fuzz.token_set_ratio, score_cutoff=args.threshold)
            for i, j in zip(*matrix.nonzero()):
                if i < j:
                    flagged_all.add(frozenset([rows[i]["ref"], rows[j]["ref"]]))
        seconds = time.perf_counter() - start
        found, total, false, different, precision = evaluate(pairs, flagged_all)
        print(f"{label}: all {len(facilities)} facilities: {len(flagged_all)} pairs flagged, true found "
              f"{found}/{total}, labelled-different flagged {false}, {seconds * 1000:.1f} ms")
    if args.tierscan_candidates:
        with open(args.tierscan_candidates, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        flagged = {frozenset([r["left_id"], r["right_id"]]) for r in rows}
        same = {frozenset([r["left_id"], r["right_id"]]) for r in rows if r["decision"] == "same"}
        found, total, false, different, precision = evaluate(pairs, flagged)
        print(f"tierscan resolve: {len(flagged)} pairs (same {len(same)}), true found {found}/{total}, "
              f"labelled-different flagged {false}, precision {precision:.2f}")
        found, total, false, different, precision = evaluate(pairs, same)
        print(f"tierscan resolve, `same` only: true found {found}/{total}, labelled-different decided same {false}")


if __name__ == "__main__":
    main()
