"""The data contract of SPEC v3 §2–§4 that does not depend on Spark: configuration, identifier and
country checks, name normalisation, number parsing and the output cell formats.

Every function here mirrors a named piece of the Swift code (cited in its docstring), so that the
Spark job computes exactly what `tierscan scan` computes.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import unicodedata

# --- configuration (SPEC §3; Sources/TierscanRisk/RiskConfig*.swift) -------------------------

DEFAULT_CONFIG = {
    "categories": ["forced_labour", "child_labour", "conflict_minerals"],
    "edges": {
        "supplies": {"direction": "forward", "factor": 1.0},
        "subcontracts": {"direction": "forward", "factor": 1.0},
        "operates": {"direction": "backward", "factor": 1.0},
        "owns": {"direction": "backward", "factor": 1.0},
    },
    "control_share": 50,
    "basis_confidence": {"observed": 1.0, "declared": 0.9, "inferred": 0.5},
    "hop_decay": 0.85,
    "max_depth": 10,
    "levels": {"critical": 0.8, "high": 0.6, "medium": 0.35},
    "list_match_score": {"identifier": 1.0, "name-country": 1.0, "name-only": 0.7},
    "smelter_status_score": {"conformant": 0.0, "active": 0.3, "non-conformant": 1.0, "unknown": 0.6},
    "ilab_scores": {"child_labour": 0.7, "forced_labour": 0.7},
    "legal_forms": (
        "ltd limited co company inc incorporated corp corporation llc llp lp plc gmbh ag kg sa sas sarl bv nv pte "
        "pty srl spa oy ab as jsc ooo kk sdn bhd"
    ).split(),
}

EDGE_TYPES = ("supplies", "subcontracts", "owns", "operates")
KINDS = ("company", "facility", "smelter", "mine")
BASES = ("observed", "declared", "inferred")
DIRECTIONS = ("forward", "backward", "both", "none")
TIE_TOLERANCE = 1e-12
SHARE_TOLERANCE = 1e-9


class ConfigError(Exception):
    """An unusable configuration file (tierscan stops with exit code 2 as well)."""


def _merge(base, override, path):
    if isinstance(base, dict):
        if not isinstance(override, dict):
            raise ConfigError(f"{path or 'config'}: expected an object")
        out = dict(base)
        for key, value in override.items():
            if key not in base:
                raise ConfigError(f"{path + '.' if path else ''}{key}: unknown key")
            out[key] = _merge(base[key], value, f"{path + '.' if path else ''}{key}")
        return out
    return override


def load_config(path: str | None) -> dict:
    """The default configuration overridden by the JSON file at `path` (objects merge
    recursively, arrays and scalars replace; unknown keys and out-of-range values are errors),
    as RiskConfig.parse does."""
    config = copy.deepcopy(DEFAULT_CONFIG)
    if path is None:
        return config
    with open(path, "rb") as f:
        try:
            override = json.loads(f.read().decode("utf-8"), parse_constant=_no_constant)
        except (ValueError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: {error}") from None
    # The `audit` section (docs/audits.md) configures input kinds this job does not read; it is
    # accepted as given (tierscan validates it).
    audit = override.pop("audit", None) if isinstance(override, dict) else None
    config = _merge(config, override, "")
    if audit is not None:
        config["audit"] = audit
    _check(config)
    return config


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def _check(config: dict) -> None:
    def number(path, value, low, high, low_open=False):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{path}: expected a number")
        if value < low or value > high or (low_open and value == low):
            raise ConfigError(f"{path}: {value} out of range")

    categories = config["categories"]
    if not categories or len(set(categories)) != len(categories) or not all(isinstance(c, str) and c for c in categories):
        raise ConfigError("categories: a non-empty array of distinct non-empty strings")
    for edge_type, rule in config["edges"].items():
        if rule["direction"] not in DIRECTIONS:
            raise ConfigError(f"edges.{edge_type}.direction: unknown direction")
        number(f"edges.{edge_type}.factor", rule["factor"], 0, 1)
    number("control_share", config["control_share"], 0, 100, low_open=True)
    for basis, value in config["basis_confidence"].items():
        number(f"basis_confidence.{basis}", value, 0, 1)
    number("hop_decay", config["hop_decay"], 0, 1, low_open=True)
    depth = config["max_depth"]
    if isinstance(depth, bool) or not isinstance(depth, int) or not 0 <= depth <= 1_000_000:
        raise ConfigError("max_depth: an integer 0 … 1000000")
    levels = config["levels"]
    for key in ("critical", "high", "medium"):
        number(f"levels.{key}", levels[key], 0, 1, low_open=True)
    if not levels["medium"] <= levels["high"] <= levels["critical"]:
        raise ConfigError("levels: 0 < medium <= high <= critical <= 1")
    for group in ("list_match_score", "smelter_status_score", "ilab_scores"):
        for key, value in config[group].items():
            number(f"{group}.{key}", value, 0, 1)


def level_of(score: float, config: dict) -> str | None:
    """RiskConfig.level(of:): critical/high/medium reached at threshold − 1e-12, else low; None for 0."""
    if not score > 0:
        return None
    levels = config["levels"]
    for name in ("critical", "high", "medium"):
        if score >= levels[name] - TIE_TOLERANCE:
            return name
    return "low"


# --- identifiers and countries (Sources/TierscanCore/Identifiers) ----------------------------

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


_COUNTRY_TABLES = None


def _country_alias_path() -> str:
    """The shipped alias table: $TIERSCAN_COUNTRY_ALIASES, else the repository's resource file."""
    given = os.environ.get("TIERSCAN_COUNTRY_ALIASES")
    if given:
        return given
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(here, "..", "..", "Sources", "TierscanIngest", "Resources", "country-aliases.json")


def _country_tables():
    """(names, alpha3) as CountryAliasTable.shipped builds them: the platform's CLDR region names
    (generated into data/cldr-region-names.json by tools/cldr_region_names.swift), overridden by
    the shipped, editable country-aliases.json."""
    global _COUNTRY_TABLES
    if _COUNTRY_TABLES is None:
        here = os.path.dirname(os.path.abspath(__file__))
        names, alpha3 = {}, {}
        with open(os.path.join(here, "data", "cldr-region-names.json"), encoding="utf-8") as f:
            for code, name in sorted(json.load(f).items()):
                if code in ASSIGNED_COUNTRIES:
                    names[normalize_country_name(name)] = code
        try:
            with open(_country_alias_path(), encoding="utf-8") as f:
                table = json.load(f)
        except OSError:
            table = {}
        for name, code in (table.get("names") or {}).items():
            if isinstance(code, str) and code in ASSIGNED_COUNTRIES:
                names[normalize_country_name(name)] = code
        for key, code in (table.get("alpha3") or {}).items():
            if isinstance(code, str) and code in ASSIGNED_COUNTRIES:
                alpha3[key.upper()] = code
        _COUNTRY_TABLES = (names, alpha3)
    return _COUNTRY_TABLES


def normalize_country_name(name: str) -> str:
    """CountryResolver.normalize: fold case and accents; drop `.` and apostrophes; `&` is `and`;
    other non-alphanumerics separate words; a leading `the` dropped; `st` read as `saint`."""
    folded = "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if unicodedata.category(c) != "Mn")
    words, current = [], ""
    for ch in folded:
        if ch in ("'", "\u2019", "."):
            continue
        if ch == "&":
            if current:
                words.append(current)
            current = ""
            words.append("and")
            continue
        if ch.isalnum() or unicodedata.category(ch)[0] == "M":
            current += ch
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    if words and words[0] == "the":
        words.pop(0)
    return " ".join("saint" if w == "st" else w for w in words)


def _country_keys(name: str) -> list[str]:
    variants = [name]
    open_at = name.find("(")
    if open_at >= 0:
        close_at = name.find(")", open_at)
        if close_at >= 0:
            variants.append(name[:open_at] + name[close_at + 1:])
            variants.append(name[open_at + 1:close_at])
    parts = [p for p in name.split(",", 1) if p]
    if len(parts) == 2:
        variants.append(parts[1] + " " + parts[0])
    keys = []
    for variant in variants:
        key = normalize_country_name(variant)
        if key and key not in keys:
            keys.append(key)
    return keys


def resolve_country(raw: str):
    """CountryResolver.resolve: ("code", CC) for an alpha-2 code as given, ("resolved", CC) for
    `UK`, an alpha-3 code or a name, ("unknown", None) otherwise."""
    trimmed = raw.strip()
    if not trimmed:
        return ("unknown", None)
    length = len(trimmed.encode("utf-8"))
    if length == 2:
        code = trimmed.upper()
        if code == "UK":
            return ("resolved", "GB")
        if code in ASSIGNED_COUNTRIES:
            return ("code", code)
    names, alpha3 = _country_tables()
    if length == 3 and trimmed.upper() in alpha3:
        return ("resolved", alpha3[trimmed.upper()])
    for key in _country_keys(trimmed):
        if key in names:
            return ("resolved", names[key])
    return ("unknown", None)


def is_valid_lei(value: str) -> bool:
    """IdentifierCheck.isValidLEI: 18 upper-case alphanumerics + 2 digits, ≡ 1 mod 97."""
    if len(value) != 20 or not value.isascii():
        return False
    remainder = 0
    for offset, ch in enumerate(value):
        if "0" <= ch <= "9":
            remainder = (remainder * 10 + ord(ch) - 48) % 97
        elif "A" <= ch <= "Z" and offset < 18:
            remainder = (remainder * 100 + ord(ch) - 55) % 97
        else:
            return False
    return remainder == 1


def is_valid_duns(value: str) -> bool:
    return len(value) == 9 and value.isascii() and value.isdigit()


def is_valid_cid(value: str) -> bool:
    return len(value) == 9 and value.startswith("CID") and value[3:].isascii() and value[3:].isdigit()


def canonical_duns(value: str) -> str:
    return value.replace("-", "").replace(" ", "")


# --- numbers ------------------------------------------------------------------------------------

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def parse_double(raw: str) -> float | None:
    """DecimalNumber.parse: `[+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?`,
    correctly rounded, finite; `None` for anything else (hexadecimal, `inf`, `nan`, spaces, `_`,
    and numbers that overflow a double such as `1e309`)."""
    if not _DECIMAL.fullmatch(raw):
        return None
    value = float(raw)
    return value if math.isfinite(value) else None


def parse_int(raw: str) -> int | None:
    """Swift's `Int(String)`: an optional sign and ASCII digits, within 64 bits."""
    if not re.fullmatch(r"[+-]?[0-9]+", raw):
        return None
    value = int(raw)
    return value if -(2**63) <= value < 2**63 else None


# --- names (SPEC §2.4; Sources/TierscanCore/Identifiers/NameNormalizer.swift) -------------------

_LETTER_OR_DIGIT = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nd"))
_MARKS = frozenset(("Mn", "Mc", "Me"))


class NameNormalizer:
    """Case-fold; NFKD and drop combining marks; delete `.` and `'`; every other character that
    is not a letter or decimal digit becomes a space; split; drop trailing legal-form words
    repeatedly; join with single spaces."""

    def __init__(self, legal_forms) -> None:
        self.legal_forms = frozenset(f.lower() for f in legal_forms)
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
        words = [w for w in "".join(out).split(" ") if w]
        while words and words[-1] in self.legal_forms:
            words.pop()
        result = " ".join(words)
        if len(self._cache) < 200_000:
            self._cache[name] = result
        return result


# --- output cells (Sources/TierscanReport/CSVWriter.swift, JSONWriter.swift) -----------------


def format_score(score: float) -> str:
    """The shortest decimal that reads back as the same double (Swift `description`)."""
    return repr(float(score))


def csv_cell(value: str) -> str:
    """Formula cells (`=`, `+`, `-`, `@` first) get a leading `'`; RFC 4180 quoting only where needed."""
    if value and value[0] in "=+-@":
        value = "'" + value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def json_number(number: float) -> str:
    """JSONWriter.formatNumber: integral values below 1e15 without a fraction, else shortest."""
    if number != number or number in (float("inf"), float("-inf")):
        return "null"
    if number == round(number) and abs(number) < 1e15:
        return str(int(number))
    return repr(float(number))


def json_string(value: str) -> str:
    """JSONWriter.writeString: `"` and `\\` escaped, \\n \\r \\t by name, other controls, DEL,
    U+2028 and U+2029 as \\uXXXX; everything else raw UTF-8."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or code in (0x2028, 0x2029):
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def json_value(value, indent: int) -> str:
    """JSONWriter.write, pretty (two-space indents, `": "` after keys) for the values paths.json holds."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return json_number(float(value))
    if isinstance(value, str):
        return json_string(value)
    pad = "\n" + "  " * (indent + 1)
    end = "\n" + "  " * indent
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + ",".join(pad + json_value(v, indent + 1) for v in value) + end + "]"
    pairs = value.items() if isinstance(value, dict) else value
    pairs = list(pairs)
    if not pairs:
        return "{}"
    return "{" + ",".join(pad + json_string(k) + ": " + json_value(v, indent + 1) for k, v in pairs) + end + "}"
