#!/usr/bin/env python3
"""Entity-resolution baseline: Splink (Fellegi-Sunter, DuckDB backend) on the same Open Supply Hub
records as the rapidfuzz baseline and `tierscan resolve` (docs/entity-resolution.md §9).

    python3 -m venv /tmp/splink && /tmp/splink/bin/pip install splink      # splink 5.0.0 + duckdb
    /tmp/splink/bin/python Scripts/baselines/splink_pairs.py [--threshold 0.5] [--seed 1]

Dedupes the 963 facilities of Tests/Fixtures/er/osh-facilities.csv (name, country, address):
names cleaned like the rapidfuzz baseline's second variant (`&`->`and`, legal forms removed
anywhere); blocking on country with the first 3 letters of the cleaned name, or country with
the first address word, or country with the name's first word (so pairs whose names start
differently still meet); comparisons: cleaned name (Jaro-Winkler 0.95/0.88/0.8 and exact), name
tokens (Jaccard 0.5/0.3), address (Jaro-Winkler 0.9/0.75) and country
(exact); u by random sampling (seeded), the match prior from deterministic rules, m by
expectation maximisation on two blocking passes. A pair is flagged when its match probability
reaches --threshold. Prints recall of the 26 true labelled pairs, labelled-different pairs
flagged, precision and time, end to end (blocking + prediction) and on the labelled pairs scored
directly (no blocking).
"""
import argparse, re, sys, time

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on
from splink.backends.duckdb import DuckDBAPI

from labelled_pairs import LEGAL, evaluate, load

def clean(name):
    words = re.sub(r"[^a-z0-9]+", " ", (name or "").lower().replace("&", " and ")).split()
    kept = [w for w in words if w not in LEGAL]
    return " ".join(kept or words)


def record(ref, name, country, address):
    address_clean = re.sub(r"[^a-z0-9]+", " ", (address or "").lower()).strip()
    name_clean = clean(name)
    return {
        "unique_id": ref, "name_clean": name_clean, "name_tokens": sorted(set(name_clean.split())),
        "country": country or None, "address_clean": address_clean or None,
        "address_tokens": sorted(set(address_clean.split())) or None,
        "first_word": (name_clean.split() or [""])[0], "address_first": (address_clean.split() or [""])[0] or None,
    }


def token_jaccard(column, thresholds):
    """Jaccard similarity of two token arrays (DuckDB's `jaccard` compares characters)."""
    l, r = f'"{column}_l"', f'"{column}_r"'
    similarity = f"len(list_intersect({l}, {r})) / len(list_distinct(list_concat({l}, {r})))"
    levels = [cll.NullLevel(column)]
    for t in thresholds:
        levels.append(cll.CustomLevel(f"{similarity} >= {t}", label_for_charts=f"token Jaccard >= {t}"))
    levels.append(cll.ElseLevel())
    return cl.CustomComparison(levels, output_column_name=column)


def settings():
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("name_clean", [0.95, 0.88, 0.8]),
            token_jaccard("name_tokens", [0.8, 0.5, 0.3]),
            cl.JaroWinklerAtThresholds("address_clean", [0.9, 0.75]),
            cl.ExactMatch("country"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("country", "substr(name_clean, 1, 3)"),
            block_on("country", "address_first"),
            block_on("country", "first_word"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=0.5, help="least match probability flagged")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pairs = [p for p in load("osh-pairs.csv") if p["label"] != "unsure"]
    facilities = load("osh-facilities.csv")
    records = [record(f["ref"], f["name"], f["country"], f["address"]) for f in facilities]
    import splink
    print(f"splink {splink.__version__}, duckdb backend; {len(records)} facilities; labelled pairs: "
          f"{sum(p['label'] == 'same' for p in pairs)} same, {sum(p['label'] == 'different' for p in pairs)} different; "
          f"threshold {args.threshold}")

    start, cpu_start = time.perf_counter(), time.process_time()
    db_api = DuckDBAPI()
    df = db_api.register(records, table_name="facilities")
    linker = Linker(df, settings(), log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("country", "name_clean")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=200_000, seed=args.seed)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("country", "substr(name_clean, 1, 3)"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("country", "address_first"))
    trained, cpu_trained = time.perf_counter(), time.process_time()
    predictions = linker.inference.predict(threshold_match_probability=args.threshold).as_record_list()
    done, cpu_done = time.perf_counter(), time.process_time()
    flagged = {frozenset([r["unique_id_l"], r["unique_id_r"]]) for r in predictions}
    found, total, false, different, precision = evaluate(pairs, flagged)
    print(f"splink end to end (blocking + predict): {len(flagged)} pairs flagged among all {len(records)}, "
          f"true found {found}/{total} ({found / total:.0%}), labelled-different flagged {false}/{different}, "
          f"precision {precision:.2f}; training {trained - start:.2f} s wall / {cpu_trained - cpu_start:.2f} s CPU, "
          f"predict {done - trained:.2f} s wall / {cpu_done - cpu_trained:.2f} s CPU")

    # The labelled pairs scored directly (no blocking): what the model says about each. One
    # cartesian call over the labelled pairs' sides, then the labelled pairs are looked up.
    start, cpu = time.perf_counter(), time.process_time()
    by_ref = {r["unique_id"]: r for r in records}
    lefts = sorted({p["left_ref"] for p in pairs})
    rights = sorted({p["right_ref"] for p in pairs})
    scored = linker.inference.score_pairs([by_ref[r] for r in lefts], [by_ref[r] for r in rights]).as_record_list()
    probability = {frozenset([r["unique_id_l"], r["unique_id_r"]]): r["match_probability"] for r in scored}
    flagged_direct = {frozenset([p["left_ref"], p["right_ref"]]) for p in pairs
                      if probability.get(frozenset([p["left_ref"], p["right_ref"]]), 0) >= args.threshold}
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    found, total, false, different, precision = evaluate(pairs, flagged_direct)
    print(f"splink on the labelled pairs (scored directly): true found {found}/{total} ({found / total:.0%}), "
          f"different flagged {false}/{different}, precision {precision:.2f}, {seconds:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    sys.exit(main())
