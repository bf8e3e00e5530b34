#!/usr/bin/env python3
"""Builds a risk list with name variants for the `name-fuzzy` screening benchmark (#17 item 5).

Usage: python3 Scripts/er/make_variant_risk_list.py BENCH_DIR OUT_DIR [--rows 10000] [--seed 1]

BENCH_DIR is a directory written by `Scripts/generate.py`. OUT_DIR gets hard links to its
entities.csv, relationships.csv, country-risk.csv and smelter-reference.csv (no copy, no symlink:
tierscan does not follow links inside an input directory) and a risk-list.csv of `--rows` rows: the
generated list's rows first, then rows made from randomly chosen entities' names with the
variants real lists carry (`Screening` in docs/entity-resolution.md):
  legal form swapped (`Co., Ltd.` / `CO.LTD` / `S.A. de C.V.` / `Pvt. Ltd.` / `Sdn. Bhd.` / none),
  punctuation and case, `&` for `and`, accents added, a bracketed place qualifier, a one-letter
  typo in a name word, words in another order — and unrelated names (25 %) that should not match.
Countries: the entity's (60 %), none (30 %), another (10 %). Deterministic for a seed.
"""
import argparse, csv, os, random

LEGAL = ["Co., Ltd.", "CO.LTD", "Co Ltd", "Limited", "Ltd.", "S.A. de C.V.", "Pvt. Ltd.", "Sdn. Bhd.", "GmbH & Co. KG",
         "Inc", "", "Company Limited", "TNHH", "JSC"]
LEGAL_WORDS = {"co", "ltd", "limited", "inc", "gmbh", "sa", "s.a.", "pvt", "sdn", "bhd", "plc", "llc", "ag", "jsc",
               "corporation", "pte", "s.r.l.", "a.ş.", "co.,", "ltd.", "inc.", "pte.", "ltd.,", "company"}
PLACES = ["Shenzhen", "Dongguan", "Ningbo", "Tiruppur", "Dhaka", "Ho Chi Minh", "Bursa", "Penang", "Suzhou", "Jakarta"]
ACCENTS = {"a": "á", "e": "é", "o": "ö", "u": "ü", "c": "ç", "i": "í", "n": "ñ"}
UNRELATED_A = ["Meridian", "Quantum", "Sapphire", "Tundra", "Vertex", "Willow", "Yonder", "Zephyr", "Orchid", "Kestrel"]
UNRELATED_B = ["Holdings", "Ventures", "Works", "Supply", "Partners", "Industries", "Systems", "Foods", "Mills"]
CATEGORIES = ["forced_labour", "child_labour", "conflict_minerals"]
LISTS = ["UFLPA Entity List", "CBP Withhold Release Orders", "Internal audit findings"]
COUNTRIES = "CN IN US VN DE BD TR ID MY TH MX BR JP KR TW GB IT PK PH KH".split()


def core_words(name: str) -> list[str]:
    words = name.replace(",", " ").split()
    while words and words[-1].lower() in LEGAL_WORDS:
        words.pop()
    return words or name.split()


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5 or any(ch.isdigit() for ch in word):
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2:]


def variant(name: str, rng: random.Random) -> str:
    words = core_words(name)
    kinds = rng.sample(["legal", "punct", "amp", "accent", "place", "typo", "order", "case"], rng.randint(1, 3))
    if "typo" in kinds:
        j = rng.randrange(len(words))
        words[j] = typo(words[j], rng)
    if "order" in kinds and len(words) >= 3:
        words[0], words[1] = words[1], words[0]
    if "accent" in kinds:
        j = rng.randrange(len(words))
        words[j] = "".join(ACCENTS.get(ch, ch) if k == 1 else ch for k, ch in enumerate(words[j]))
    if "amp" in kinds and len(words) >= 2:
        words.insert(len(words) - 1, "&" if rng.random() < 0.5 else "and")
    text = " ".join(words)
    if "place" in kinds:
        text += f" ({rng.choice(PLACES)})"
    legal = rng.choice(LEGAL) if "legal" in kinds else rng.choice(["Co., Ltd.", "Ltd", ""])
    text = (text + " " + legal).strip()
    if "punct" in kinds:
        text = text.replace(".", "").replace(",", "") if rng.random() < 0.5 else text.replace(" ", ".", 1)
    if "case" in kinds:
        text = text.upper() if rng.random() < 0.5 else text.lower()
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench")
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for name in ["entities.csv", "relationships.csv", "country-risk.csv", "smelter-reference.csv"]:
        target = os.path.join(args.out, name)
        if os.path.exists(target):
            os.remove(target)
        os.link(os.path.join(args.bench, name), target)
    with open(os.path.join(args.bench, "risk-list.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    with open(os.path.join(args.bench, "entities.csv"), newline="", encoding="utf-8") as f:
        entities = [(r[1], r[3]) for r in csv.reader(f) if r[2] in ("company", "holding")]
    while len(rows) < args.rows:
        i = len(rows)
        category, listed = rng.choice(CATEGORIES), rng.choice(LISTS)
        if rng.random() < 0.25:
            name = f"{rng.choice(UNRELATED_A)} {rng.choice(UNRELATED_B)} {i} {rng.choice(LEGAL)}".strip()
            rows.append([listed, name, category, rng.choice(COUNTRIES), "", "", "", ""])
            continue
        name, country = rng.choice(entities)
        draw = rng.random()
        country = country if draw < 0.6 else "" if draw < 0.9 else rng.choice(COUNTRIES)
        rows.append([listed, variant(name, rng), category, country, "", "", "", ""])
    with open(os.path.join(args.out, "risk-list.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows[: args.rows])


if __name__ == "__main__":
    main()
