"""Shared helpers for the Python baselines of `tierscan scan` (SPEC §2, §3, §4 exposures.csv).

Everything here follows /work/shared/SPEC.md with the default configuration. Both baselines
(`networkx_scan.py`, `numpy_scan.py`) import this module for the parts that are pure data
contract (input discovery and kind detection, name normalisation, identifier and country
checks, levels, CSV cell formatting), so that they differ only in how they compute.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata

# --- default configuration (SPEC §3) -------------------------------------------------------

CATEGORIES = ["forced_labour", "child_labour", "conflict_minerals"]
# direction per edge type: "forward" (from -> to), "backward" (to -> from), "both", "none"
EDGE_DIRECTION = {"supplies": "forward", "subcontracts": "forward", "operates": "backward", "owns": "backward"}
EDGE_FACTOR = {"supplies": 1.0, "subcontracts": 1.0, "operates": 1.0, "owns": 1.0}
CONTROL_SHARE = 50.0
BASIS_CONFIDENCE = {"observed": 1.0, "declared": 0.9, "inferred": 0.5}
HOP_DECAY = 0.85
MAX_DEPTH = 10
LEVELS = [("critical", 0.8), ("high", 0.6), ("medium", 0.35)]
LIST_MATCH_SCORE = {"identifier": 1.0, "name-country": 1.0, "name-only": 0.7}
SMELTER_STATUS_SCORE = {"conformant": 0.0, "active": 0.3, "non-conformant": 1.0, "unknown": 0.6}
LEGAL_FORMS = (
    "ltd limited co company inc incorporated corp corporation llc llp lp plc gmbh ag kg sa sas sarl bv nv pte pty "
    "srl spa oy ab as jsc ooo kk sdn bhd"
).split()

TIE_EPSILON = 1e-12
# Aggregate ownership: shares are summed in owner-id order and compared with this slack
# (shares are percentages, so 1e-9 is far below any share anyone writes).
SHARE_EPSILON = 1e-9

EDGE_TYPES = ("supplies", "subcontracts", "owns", "operates")
KINDS = ("company", "facility", "smelter", "mine")

EXPOSURES_HEADER = "entity_id,name,kind,country,tier,category,score,level,hops,source_id"

# ISO 3166-1 alpha-2 assigned codes (same list as Sources/TierscanCore/Identifiers/CountryCode.swift).
ASSIGNED_COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
    JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
    MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
    RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
    TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)


def warn(message: str) -> None:
    """Prints a warning to stderr (the baselines report, they never repair silently)."""
    print(f"warning: {message}", file=sys.stderr)


# --- input discovery and kind detection (SPEC §1 "Input order", §2) ------------------------


def discover_inputs(arguments: list[str]) -> list[str]:
    """Files in input order: arguments in order; a directory expands to its files sorted by the
    UTF-8 bytes of their path below it (whole tree); `.`/`~$` names skipped; each file once."""
    result: list[str] = []
    seen: set[str] = set()
    for argument in arguments:
        if os.path.isdir(argument):
            below: list[str] = []
            for root, dirs, files in os.walk(argument):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.startswith(".") or name.startswith("~$"):
                        continue
                    below.append(os.path.relpath(os.path.join(root, name), argument))
            below.sort(key=lambda p: p.encode("utf-8"))
            paths = [os.path.join(argument, p) for p in below]
        else:
            paths = [argument]
        for path in paths:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                result.append(path)
    return result


def detect_kind(header: list[str]) -> str:
    """The CSV kind from its (trimmed, case-folded) field names, first match of SPEC §2's table."""
    fields = set(header)
    if {"from", "to", "type"} <= fields:
        return "relationships"
    if {"buyer_id", "supplier_id"} <= fields:
        return "supplier-list"
    if {"list", "name", "category"} <= fields:
        return "risk-list"
    if {"cid", "status"} <= fields and "id" not in fields:
        return "smelter-reference"
    if {"country", "category", "score"} <= fields:
        return "country-risk"
    if {"id", "name"} <= fields:
        return "entities"
    raise ValueError(f"unrecognised CSV header: {','.join(header)}")


def normalise_header(raw: list[str]) -> list[str]:
    """Field names are case-insensitive and trimmed; a UTF-8 BOM on the first is dropped."""
    if raw and raw[0].startswith("\ufeff"):
        raw = [raw[0][1:]] + raw[1:]
    return [field.strip().lower() for field in raw]


# --- values ------------------------------------------------------------------------------------


def read_country(raw: str) -> str | None:
    """ISO alpha-2 (upper-cased); `UK` reads as `GB`; anything unassigned is dropped."""
    code = raw.strip().upper()
    if not code:
        return None
    if code == "UK":
        return "GB"
    return code if code in ASSIGNED_COUNTRIES else None


def is_valid_lei(value: str) -> bool:
    """ISO 17442: 18 upper-case alphanumerics + 2 digits, letters A=10..Z=35, value mod 97 == 1."""
    if len(value) != 20 or not value.isascii():
        return False
    if not value[18:].isdigit():
        return False
    digits = []
    for ch in value:
        if "0" <= ch <= "9":
            digits.append(ch)
        elif "A" <= ch <= "Z":
            digits.append(str(ord(ch) - 55))
        else:
            return False
    return int("".join(digits)) % 97 == 1


def is_valid_duns(value: str) -> bool:
    return len(value) == 9 and value.isascii() and value.isdigit()


def is_valid_cid(value: str) -> bool:
    return len(value) == 9 and value.startswith("CID") and value[3:].isascii() and value[3:].isdigit()


def canonical_duns(value: str) -> str:
    return value.replace("-", "").replace(" ", "")


def read_identifier(scheme: str, raw: str) -> str | None:
    """A valid identifier of `scheme` or None (invalid values are dropped, SPEC §5)."""
    value = raw.strip()
    if not value:
        return None
    if scheme == "lei":
        return value if is_valid_lei(value) else None
    if scheme == "duns":
        value = canonical_duns(value)
        return value if is_valid_duns(value) else None
    if scheme == "cid":
        return value if is_valid_cid(value) else None
    return value


def smelter_status(raw: str) -> str:
    status = raw.strip().lower()
    return status if status in ("conformant", "active", "non-conformant") else "unknown"


# --- names (SPEC §2.4) -------------------------------------------------------------------------

_LETTER_OR_DIGIT = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nd"))
_MARKS = frozenset(("Mn", "Mc", "Me"))


class NameNormalizer:
    """SPEC §2.4: casefold; NFKD and drop combining marks; delete `.` and `'`; every other
    character that is not a letter (L*) or decimal digit (Nd) becomes a space; split; drop
    trailing legal-form words repeatedly; join with single spaces."""

    def __init__(self, legal_forms: list[str] | None = None) -> None:
        self.legal_forms = frozenset(f.lower() for f in (legal_forms or LEGAL_FORMS))
        self._cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        folded = unicodedata.normalize("NFKD", name.casefold())
        out = []
        for ch in folded:
            if ch == "." or ch == "'":
                continue
            category = unicodedata.category(ch)
            if category in _MARKS:
                continue
            out.append(ch if category in _LETTER_OR_DIGIT else " ")
        words = "".join(out).split(" ")
        words = [w for w in words if w]
        while words and words[-1] in self.legal_forms:
            words.pop()
        result = " ".join(words)
        if len(self._cache) < 1_000_000:
            self._cache[name] = result
        return result


# --- levels and output -----------------------------------------------------------------------------


def level_of(score: float) -> str:
    for name, threshold in LEVELS:
        if score >= threshold - TIE_EPSILON:
            return name
    return "low"


def format_score(score: float) -> str:
    """Shortest decimal that reads back as the same double (Python repr; `1.0`, `0.765`, `1e-05`)."""
    return repr(float(score))


def csv_cell(value: str) -> str:
    """Neutralises formula cells (leading `=`, `+`, `-`, `@` get a leading `'`), then quotes per
    RFC 4180 only when the cell holds `,`, `"`, CR or LF."""
    if value and value[0] in "=+-@":
        value = "'" + value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def csv_line(cells: list[str]) -> str:
    return ",".join(csv_cell(c) for c in cells) + "\n"


# --- small reference files (risk list, country risk, smelter reference) -----------------------


def read_csv_dicts(path: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header (normalised) and rows as dicts of trimmed values; ragged rows are skipped."""
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        try:
            header = normalise_header(next(reader))
        except StopIteration:
            return [], []
        rows = []
        for line, raw in enumerate(reader, start=2):
            if len(raw) != len(header):
                if raw:
                    warn(f"{path}:{line}: ragged row skipped")
                continue
            rows.append({k: v.strip() for k, v in zip(header, raw)})
        return header, rows


def csv_header(path: str) -> list[str]:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        try:
            return normalise_header(next(csv.reader(f)))
        except StopIteration:
            return []


class RiskRow:
    """A usable risk-list row (SPEC §2.4): category in the config, normalised names non-empty."""

    __slots__ = ("category", "names", "country", "lei", "duns", "cid")

    def __init__(self, category, names, country, lei, duns, cid):
        self.category = category
        self.names = names
        self.country = country
        self.lei = lei
        self.duns = duns
        self.cid = cid

    def identifiers(self) -> dict[str, str]:
        return {s: v for s, v in (("lei", self.lei), ("duns", self.duns), ("cid", self.cid)) if v}


def parse_risk_rows(rows: list[dict[str, str]], normalise: NameNormalizer) -> list[RiskRow]:
    result = []
    for row in rows:
        category = row.get("category", "")
        if not row.get("list") or not row.get("name") or category not in CATEGORIES:
            continue
        names = []
        for name in [row["name"]] + row.get("aliases", "").split(";"):
            key = normalise(name.strip()) if name.strip() else ""
            if key and key not in names:
                names.append(key)
        result.append(RiskRow(category, names, read_country(row.get("country", "")),
                              read_identifier("lei", row.get("lei", "")), read_identifier("duns", row.get("duns", "")),
                              read_identifier("cid", row.get("cid", ""))))
    return result


def name_rule(row: RiskRow, entity_country: str | None, entity_ids: dict[str, str]) -> str | None:
    """The name rule that applies once the normalised names are known to be equal, or None."""
    for scheme, value in row.identifiers().items():
        other = entity_ids.get(scheme)
        if other and other != value:
            return None
    if row.country and entity_country:
        return "name-country" if row.country == entity_country else None
    return "name-only"


def parse_country_rows(rows: list[dict[str, str]]) -> list[tuple[str, str, float, str]]:
    """(country, category, score, commodity) of usable country-commodity rows, in input order."""
    result = []
    for row in rows:
        country = read_country(row.get("country", ""))
        category = row.get("category", "")
        try:
            score = float(row.get("score", ""))
        except ValueError:
            continue
        if country is None or category not in CATEGORIES or not (0.0 <= score <= 1.0):
            continue
        result.append((country, category, score, row.get("commodity", "").strip().lower()))
    return result


def parse_smelter_reference(rows: list[dict[str, str]], into: dict[str, str]) -> None:
    """Adds CID -> status; the first row for a CID wins."""
    for row in rows:
        cid = row.get("cid", "").strip()
        if cid and cid not in into:
            into[cid] = smelter_status(row.get("status", ""))


# --- commodity vocabulary (docs/commodities.md) -------------------------------------------------

VOCABULARY_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "TierscanIngest",
                               "Resources", "commodity-vocabulary.json")


class CommodityVocabulary:
    """tierscan's shipped commodity vocabulary: words (canonical names, synonyms, plurals) and HS
    code prefixes mapped to canonical commodities, as `CommodityVocabulary.swift` reads them
    (first entry wins; longest HS prefix wins)."""

    def __init__(self, path: str = VOCABULARY_PATH) -> None:
        self.words: dict[str, str] = {}
        self.hs: dict[str, str] = {}
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for name, entry in (data.get("commodities") or {}).items():
            canonical = name.lower()
            self.words.setdefault(canonical, canonical)
            for synonym in entry.get("synonyms") or []:
                self.words.setdefault(synonym.lower(), canonical)
            for code in entry.get("hs") or []:
                digits = "".join(c for c in code if c.isdigit())
                if digits:
                    self.hs.setdefault(digits, canonical)
        self.lengths = sorted({len(k) for k in self.hs}, reverse=True)

    def canonical(self, raw: str) -> str | None:
        """The canonical commodity of a word (any case, spaces collapsed), of its singular or
        plural, or of the HS code it spells; None when unknown."""
        word = " ".join(w for w in raw.lower().replace("\t", " ").split(" ") if w)
        if word in self.words:
            return self.words[word]
        singulars = []
        if word.endswith("ies"):
            singulars.append(word[:-3] + "y")
        if word.endswith("es"):
            singulars.append(word[:-2])
        if word.endswith("s"):
            singulars.append(word[:-1])
        singulars.append(word + "s")
        for singular in singulars:
            if singular in self.words:
                return self.words[singular]
        if word and all(c.isdigit() or c in ". " for c in word):
            return self.for_hs(word)
        return None

    def for_hs(self, raw: str) -> str | None:
        """The canonical commodity of an HS code: the longest listed prefix of its digits."""
        digits = "".join(c for c in raw if c.isdigit())
        if len(digits) < 2:
            return None
        for length in self.lengths:
            if length <= len(digits) and digits[:length] in self.hs:
                return self.hs[digits[:length]]
        return None

    def row_key(self, commodity: str) -> str:
        """The commodity a country-commodity row names, as matched."""
        return self.canonical(commodity) or commodity

    def entity_keys(self, names, keys: set[str]) -> set[str]:
        """The row commodities an entity's own `commodities` give it: a name that is itself a row
        commodity counts as written, any other through its canonical name."""
        held = set()
        for name in names:
            if name in keys:
                held.add(name)
            else:
                mapped = self.canonical(name)
                if mapped in keys:
                    held.add(mapped)
        return held

    def edge_keys(self, commodity: str, hs_code: str, keys: set[str]) -> set[str]:
        """The row commodities a `supplies` edge carries: its commodity word (canonical first)
        and its HS code."""
        held = set()
        if commodity:
            word = self.canonical(commodity) or commodity
            if word in keys:
                held.add(word)
        if hs_code:
            code = self.for_hs(hs_code)
            if code in keys:
                held.add(code)
        return held
