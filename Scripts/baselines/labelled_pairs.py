"""What the entity-resolution baselines share: the labelled Open Supply Hub pairs and facilities
(Tests/Fixtures/er), one legal-form list, and how flagged pairs are scored against the labels
(docs/entity-resolution.md §9). Used by er_rapidfuzz.py and splink_pairs.py."""
import csv, os

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "Fixtures", "er")
LEGAL = set("ltd limited co company inc incorporated corp corporation llc llp plc pvt private pte pty gmbh ag kg "
            "sa sas sarl bv nv srl spa ltda sl sac de cv rl sdn bhd tnhh jsc ooo kk oy ab as pt tbk sti".split())


def load(name):
    """The rows of Tests/Fixtures/er/NAME as dictionaries."""
    with open(os.path.join(FIXTURES, name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def evaluate(pairs, flagged):
    """(true pairs found, true pairs, different pairs flagged, different pairs, precision) for a set
    of flagged pairs, each a frozenset of two facility refs."""
    same = [p for p in pairs if p["label"] == "same"]
    different = [p for p in pairs if p["label"] == "different"]
    key = lambda p: frozenset([p["left_ref"], p["right_ref"]])
    found = sum(key(p) in flagged for p in same)
    false = sum(key(p) in flagged for p in different)
    precision = found / (found + false) if found + false else 1.0
    return found, len(same), false, len(different), precision
