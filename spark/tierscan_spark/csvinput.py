"""CSV records with physical line numbers and the six CSV kinds of SPEC §2, parsed exactly as
tierscan's reader does (Sources/TierscanIngest/CSV): RFC 4180 with doubled quotes and quoted line
breaks, CRLF/LF/CR line ends, a leading BOM, blank lines skipped, and every problem a finding
(`broken-quoting`, `unterminated-quote`, `invalid-utf8`, `nul-byte`, `ragged-row`, field checks).

Pure Python: a Spark task calls `parse_file` on one file; tests call it directly.
"""

from __future__ import annotations

from . import contract as C

# Finding = (severity, rule, file, line, message)

ENTITY_COLUMNS = {"id", "name", "kind", "country", "sector", "commodities", "lei", "duns", "vat", "cid", "aliases",
                  "raw_material"}
RELATIONSHIP_COLUMNS = {"from", "to", "type", "commodity", "hs_code", "share", "basis", "confidence", "reporting_year"}
SUPPLIER_COLUMNS = {"buyer_id", "supplier_id", "supplier_name", "supplier_country", "supplier_kind", "commodity",
                    "hs_code", "basis", "lei", "duns", "vat", "cid"}
RISK_COLUMNS = {"list", "name", "category", "country", "aliases", "lei", "duns", "vat", "cid", "authority",
                "listed_on", "reference"}
SMELTER_COLUMNS = {"cid", "status", "name", "metal", "country"}
COUNTRY_COLUMNS = {"country", "category", "score", "commodity", "source"}


UNSUPPORTED_KINDS = ("audit-findings", "assessments")


def kind_of(names: list[str]) -> str | None:
    """CSVHeader.kind: audit kinds first (not read by this job), then the first row of SPEC §2's
    table whose columns the header contains."""
    have = set(n for n in names if n)
    if {"finding_id", "assessment_id"} <= have:
        return "audit-findings"
    if {"assessment_id", "supplier_id", "scheme"} <= have:
        return "assessments"
    if {"from", "to", "type"} <= have:
        return "relationships"
    if {"buyer_id", "supplier_id"} <= have:
        return "supplier-list"
    if {"list", "name", "category"} <= have:
        return "risk-list"
    if {"cid", "status"} <= have and "id" not in have:
        return "smelter-reference"
    if {"country", "category", "score"} <= have:
        return "country-risk"
    if {"id", "name"} <= have:
        return "entities"
    return None


KNOWN_COLUMNS = {
    "entities": ENTITY_COLUMNS, "relationships": RELATIONSHIP_COLUMNS, "supplier-list": SUPPLIER_COLUMNS,
    "risk-list": RISK_COLUMNS, "smelter-reference": SMELTER_COLUMNS, "country-risk": COUNTRY_COLUMNS,
}


def _valid_utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def records(data: bytes):
    """Yields ("record", line, fields) or ("failure", line, rule) in file order (CSVReader.Scanner)."""
    n = len(data)
    i = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    line = 1
    while i < n:
        b = data[i]
        if b == 0x0A:
            i += 1
            line += 1
            continue
        if b == 0x0D:
            i += 1
            if i < n and data[i] == 0x0A:
                i += 1
            line += 1
            continue
        # Fast path: a physical line without quotes, CR, NUL or control bytes ending in LF.
        lf = data.find(b"\n", i)
        if lf >= 0:
            chunk = data[i:lf]
            if b'"' not in chunk and b"\x00" not in chunk and b"\r" not in chunk[:-1]:
                text = chunk[:-1] if chunk.endswith(b"\r") else chunk
                if not _has_low(text):
                    decoded = _valid_utf8(text)
                    if decoded is None:
                        yield ("failure", line, "invalid-utf8")
                    else:
                        yield ("record", line, decoded.split(","), False)
                    i = lf + 1
                    line += 1
                    continue
        i, line, item = _read_record(data, i, line)
        yield item


_LOW = bytes(range(0x20)).replace(b"\t", b"") + b"\x7f"


def _has_low(text: bytes) -> bool:
    """Whether a line holds a control byte other than TAB (the general path handles those)."""
    return bool(text.translate(None, _LOW) != text)


def _read_record(data: bytes, i: int, line: int):
    """The general state machine for one record starting at `i` (quoted fields, failures)."""
    n = len(data)
    record_line = line
    fields: list[str] = []
    failure = None
    has_control = False
    while True:
        if i < n and data[i] == 0x22:
            i += 1
            parts = []
            segment = i
            closed = False
            while i < n:
                b = data[i]
                if b == 0x22:
                    if i + 1 < n and data[i + 1] == 0x22:
                        parts.append(data[segment:i + 1])
                        i += 2
                        segment = i
                        continue
                    closed = True
                    break
                if b == 0x0D:
                    line += 1
                    if i + 1 < n and data[i + 1] == 0x0A:
                        i += 1
                elif b == 0x0A:
                    line += 1
                elif b == 0:
                    failure = failure or "nul-byte"
                elif (b < 0x20 and b != 0x09) or b == 0x7F:
                    has_control = True
                i += 1
            if not closed:
                return n, line, ("failure", record_line, "unterminated-quote")
            parts.append(data[segment:i])
            raw = b"".join(parts)
            i += 1
            if i < n and data[i] not in (0x2C, 0x0A, 0x0D):
                failure = failure or "broken-quoting"
                i, failure, has_control = _scan_unquoted(data, i, failure, has_control)
        else:
            start = i
            i, failure, has_control = _scan_unquoted(data, i, failure, has_control)
            raw = data[start:i]
        if failure is None:
            text = _valid_utf8(raw)
            if text is None:
                failure = "invalid-utf8"
            else:
                fields.append(text)
        if i >= n:
            break
        b = data[i]
        i += 1
        if b == 0x2C:
            continue
        if b == 0x0D and i < n and data[i] == 0x0A:
            i += 1
        line += 1
        break
    if failure is not None:
        return i, line, ("failure", record_line, failure)
    return i, line, ("record", record_line, fields, has_control)


def _scan_unquoted(data: bytes, i: int, failure, has_control):
    n = len(data)
    while i < n:
        b = data[i]
        if b == 0x2C or b == 0x0A or b == 0x0D:
            break
        if b == 0x22:
            failure = failure or "broken-quoting"
        elif b == 0:
            failure = failure or "nul-byte"
        elif (b < 0x20 and b != 0x09) or b == 0x7F:
            has_control = True
        i += 1
    return i, failure, has_control


FAILURE_MESSAGES = {
    "unterminated-quote": "quoted field not closed before the end of the file; record rejected",
    "broken-quoting": "quote inside an unquoted field or text after a closing quote; record rejected",
    "invalid-utf8": "field is not valid UTF-8; record rejected",
    "nul-byte": "NUL byte in record; record rejected",
}


def _strip(value: str) -> str:
    return value.strip(" \t\r\n")


class Row:
    """CSVRow: one well-formed data row with the shared value checks."""

    def __init__(self, names, fields, file, line, extra):
        self.names = names
        self.index = {}
        for column, name in enumerate(names):
            self.index.setdefault(name, column)
        self.fields = fields
        self.file = file
        self.line = line
        self.extra = extra
        self.findings = []
        self.rejected = False
        self.resolved = []

    def value(self, name):
        column = self.index.get(name)
        if column is None:
            return None
        value = _strip(self.fields[column])
        return value or None

    def reject(self, rule, message):
        self.rejected = True
        self.findings.append(("error", rule, self.file, self.line, message + "; row rejected"))

    def warn(self, rule, message):
        self.findings.append(("warning", rule, self.file, self.line, message))

    def required(self, name):
        value = self.value(name)
        if value is None:
            self.reject("missing-field", f"required field '{name}' is empty")
        return value

    def id(self, name):
        value = self.required(name)
        if value is not None and value[0] in "=+-@":
            self.warn("formula-like-id", f"{name} '{value}' starts with '{value[0]}'; CSV outputs write it with a "
                                         "leading apostrophe")
        return value

    def country(self, name, required=False):
        """CSVRow.country: an alpha-2 code as given; another spelling resolved (reported once per
        distinct value per file, `country-resolved`); unknown: a warning, or rejects the row."""
        raw = self.required(name) if required else self.value(name)
        if raw is None:
            return None
        how, code = C.resolve_country(raw)
        if how == "code":
            return code
        if how == "resolved":
            self.resolved.append((name, raw, code))
            return code
        if required:
            self.reject("unknown-country", f"{name} '{raw}' is not an ISO 3166-1 code or a known country name")
        else:
            self.warn("unknown-country", f"{name} '{raw}' is not an ISO 3166-1 code or a known country name "
                                         "(docs/countries.md: add it to country-aliases.json); value dropped, kept as "
                                         "attribute 'unresolved_country'")
        return None

    def identifiers(self):
        lei = self.value("lei")
        if lei is not None and not C.is_valid_lei(lei):
            self.warn("invalid-lei", f"lei '{lei}' fails the ISO 17442 format or check digits; value dropped")
            lei = None
        duns = self.value("duns")
        if duns is not None:
            canonical = C.canonical_duns(duns)
            if C.is_valid_duns(canonical):
                duns = canonical
            else:
                self.warn("invalid-duns", f"duns '{duns}' is not 9 digits; value dropped")
                duns = None
        vat = self.value("vat")
        cid = self.value("cid")
        if cid is not None and not C.is_valid_cid(cid):
            self.warn("invalid-cid", f"cid '{cid}' is not 'CID' followed by 6 digits; value dropped")
            cid = None
        return lei, duns, vat, cid

    def number(self, name, rule, valid, range_text, required=False):
        raw = self.required(name) if required else self.value(name)
        if raw is None:
            return None
        number = C.parse_double(raw)
        if number is None or number != number or number in (float("inf"), float("-inf")) or not valid(number):
            self.reject(rule, f"{name} '{raw}' is not a number in {range_text}")
            return None
        return number

    def year(self, name):
        raw = self.value(name)
        if raw is None:
            return None
        year = C.parse_int(raw)
        if year is None:
            self.warn("invalid-year", f"{name} '{raw}' is not an integer; value dropped")
        return year

    def boolean(self, name):
        raw = self.value(name)
        if raw is None:
            return None
        lowered = raw.lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        self.warn("invalid-boolean", f"{name} '{raw}' is not true/false/yes/no/1/0; value dropped")
        return None

    def basis(self, name="basis"):
        raw = self.value(name)
        if raw is None:
            return None
        if raw in C.BASES or raw.lower() in C.BASES:
            return raw if raw in C.BASES else raw.lower()
        self.warn("invalid-basis", f"{name} '{raw}' is not observed, declared or inferred; value dropped")
        return None

    def kind(self, name):
        raw = self.value(name)
        if raw is None:
            return None
        if raw in C.KINDS or raw.lower() in C.KINDS:
            return raw if raw in C.KINDS else raw.lower()
        self.warn("invalid-kind", f"{name} '{raw}' is not company, facility, smelter or mine; value dropped")
        return None

    def list(self, name, lowercased=False):
        raw = self.value(name)
        if raw is None:
            return []
        items = []
        for item in raw.split(";"):
            item = _strip(item)
            if item:
                items.append(item.lower() if lowercased else item)
        return items


def _entity(row: Row, order: int):
    entity_id = row.id("id")
    name = row.required("name")
    kind = row.kind("kind")
    country = row.country("country")
    lei, duns, vat, cid = row.identifiers()
    raw_material = row.boolean("raw_material")
    if entity_id is None or name is None or row.rejected:
        return None
    return (order, entity_id, name, kind, country, row.value("sector"), row.list("commodities", True), lei, duns,
            vat, cid, row.list("aliases"), raw_material, row.file, row.line)


def _relationship(row: Row, order: int, types):
    source = row.id("from")
    target = row.id("to")
    edge_type = None
    raw = row.required("type")
    if raw is not None:
        edge_type = raw if raw in types else (raw.lower() if raw.lower() in types else None)
        if edge_type is None:
            row.reject("unknown-relationship-type", f"type '{raw}' is not supplies, subcontracts, owns or operates")
    share = None
    if edge_type == "owns":
        share = row.number("share", "invalid-share", lambda x: 0 < x <= 100, "(0, 100]")
    else:
        given = row.value("share")
        if given is not None:
            row.warn("unexpected-share", f"share '{given}' given on a {edge_type or 'non-owns'} edge; value dropped")
    basis = row.basis()
    confidence = row.number("confidence", "invalid-confidence", lambda x: 0 < x <= 1, "(0, 1]")
    year = row.year("reporting_year")
    if source is None or target is None or edge_type is None or row.rejected:
        return None
    commodity = row.value("commodity")
    return (order, source, target, edge_type, commodity.lower() if commodity else None, row.value("hs_code"), share,
            basis, confidence, year, row.file, row.line)


def _supplier(row: Row, order: int):
    buyer = row.id("buyer_id")
    supplier = row.id("supplier_id")
    kind = row.kind("supplier_kind")
    country = row.country("supplier_country")
    lei, duns, vat, cid = row.identifiers()
    basis = row.basis()
    if buyer is None or supplier is None or row.rejected:
        return None
    entity = (order, supplier, row.value("supplier_name"), kind, country, None, [], lei, duns, vat, cid, [], None,
              row.file, row.line)
    commodity = row.value("commodity")
    edge = (order, supplier, buyer, "supplies", commodity.lower() if commodity else None, row.value("hs_code"), None,
            basis, None, None, row.file, row.line)
    return entity, edge


def _risk(row: Row):
    listed = row.required("list")
    name = row.required("name")
    category = row.required("category")
    country = row.country("country")
    lei, duns, vat, cid = row.identifiers()
    listed_on = row.value("listed_on")
    if listed_on is not None and not _is_iso_date(listed_on):
        row.warn("invalid-date", f"listed_on '{listed_on}' is not an ISO date (YYYY-MM-DD); value dropped")
        listed_on = None
    if listed is None or name is None or category is None or row.rejected:
        return None
    return {"list": listed, "name": name, "category": category, "country": country, "aliases": row.list("aliases"),
            "lei": lei, "duns": duns, "cid": cid, "authority": row.value("authority"), "listed_on": listed_on,
            "reference": row.value("reference"), "file": row.file, "line": row.line}


def _is_iso_date(text: str) -> bool:
    b = text.encode("utf-8")
    if len(b) != 10 or b[4:5] != b"-" or b[7:8] != b"-":
        return False
    if not all(48 <= b[k] <= 57 for k in (0, 1, 2, 3, 5, 6, 8, 9)):
        return False
    return 1 <= (b[5] - 48) * 10 + b[6] - 48 <= 12 and 1 <= (b[8] - 48) * 10 + b[9] - 48 <= 31


def _smelter(row: Row):
    cid = row.required("cid")
    if cid is not None and not C.is_valid_cid(cid):
        row.reject("invalid-cid", f"cid '{cid}' is not 'CID' followed by 6 digits")
        cid = None
    raw_status = row.required("status")
    status = None
    if raw_status is not None:
        lowered = raw_status.lower()
        status = lowered if lowered in ("conformant", "active", "non-conformant") else "unknown"
        if status == "unknown" and lowered != "unknown":
            row.warn("unknown-smelter-status", f"status '{raw_status}' is not conformant, active or non-conformant; "
                                               "counted as unknown")
    row.country("country")
    if cid is None or status is None or row.rejected:
        return None
    return {"cid": cid, "status": status, "raw_status": raw_status, "file": row.file, "line": row.line}


def _country(row: Row):
    country = row.country("country", required=True)
    category = row.required("category")
    score = row.number("score", "invalid-score", lambda x: 0 <= x <= 1, "[0, 1]", required=True)
    if country is None or category is None or score is None or row.rejected:
        return None
    commodity = row.value("commodity")
    return {"country": country, "category": category, "score": score, "commodity": commodity.lower() if commodity else None,
            "source": row.value("source"), "file": row.file, "line": row.line}


def _without_controls(row: Row) -> None:
    for column, field in enumerate(row.fields):
        if any((ord(c) < 0x20 and c not in "\t\r\n") or ord(c) == 0x7F for c in field):
            row.fields[column] = "".join(c for c in field if not ((ord(c) < 0x20 and c not in "\t\r\n") or ord(c) == 0x7F))
            row.warn("control-characters", f"{row.names[column]}: control characters removed")


def decode(data: bytes, display_path: str):
    """CSVText.utf8: UTF-16 LE/BE with a byte-order mark is decoded to UTF-8 (info
    `decoded-encoding`); broken UTF-16 is an error `invalid-encoding` and the file is not read.
    Returns (UTF-8 bytes or None, finding or None)."""
    for bom, codec, name in ((b"\xff\xfe", "utf-16-le", "UTF-16 LE"), (b"\xfe\xff", "utf-16-be", "UTF-16 BE")):
        if data[:2] == bom:
            try:
                if len(data) % 2:
                    raise UnicodeDecodeError(codec, data, 0, 1, "odd length")
                text = data[2:].decode(codec)
            except UnicodeDecodeError:
                return None, ("error", "invalid-encoding", display_path, None,
                              f"{name} byte-order mark, but the text is not valid {name}; file not read")
            return text.encode("utf-8", "surrogatepass"), ("info", "decoded-encoding", display_path, None,
                                                           f"read as {name} (byte-order mark)")
    return data, None


def _not_utf8(data: bytes, display_path: str, line):
    """CSVText.notUTF8Finding: one file-level error naming the encoding the bytes look like."""
    zeros = data.count(0)
    text = data.decode("utf-8", "surrogateescape")
    invalid = [ord(c) - 0xDC00 for c in text if 0xDC80 <= ord(c) <= 0xDCFF]
    c1 = sum(1 for b in invalid if 0x80 <= b < 0xA0)
    if zeros * 4 > len(data):
        guess = "looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
    elif c1 > 0:
        guess = "looks like Windows-1252; read it with --encoding windows-1252 (or save it as UTF-8)"
    else:
        guess = ("looks like Latin-1 or Windows-1252; read it with --encoding windows-1252 or --encoding latin1 "
                 "(or save it as UTF-8)")
    first = f" (first invalid byte 0x{invalid[0]:02X})" if invalid else ""
    return ("error", "not-utf8", display_path, line, f"the file is not UTF-8{first}: it {guess}")


def parse_file(data: bytes, display_path: str, file_index: int, types=C.EDGE_TYPES):
    """`_parse_file`, with one file-level `not-utf8` error first when a record was rejected as
    invalid UTF-8 or for a NUL byte (tierscan names the encoding the file looks like)."""
    items = list(_parse_file(data, display_path, file_index, types))
    if data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        bad = next((t[1] for t in items if t[0] == "finding" and t[1][1] in ("invalid-utf8", "nul-byte")), None)
        if bad is not None:
            items.insert(0, ("finding", _not_utf8(data, display_path, bad[3])))
    return items


def _parse_file(data: bytes, display_path: str, file_index: int, types=C.EDGE_TYPES):
    """Every record of one CSV file, as tagged tuples:

    ("kind", kind), ("summary", read, accepted, rejected), ("finding", finding), ("entity", record),
    ("edge", record), ("risk", dict), ("country", dict), ("smelter", dict).
    `order` of a record is file_index << 32 | line (input order)."""
    header = None
    usable = False
    kind = None
    extra = []
    read = accepted = rejected = 0
    reported = set()
    data, note = decode(data, display_path)
    if note is not None:
        yield ("finding", note)
    if data is None:
        yield ("kind", "unrecognised")
        yield ("summary", 0, 0, 0)
        return
    for item in records(data):
        if header is None:
            if item[0] == "failure":
                header = []
                yield ("finding", ("error", item[2], display_path, item[1],
                                   "header: " + FAILURE_MESSAGES[item[2]] + "; file not read"))
                continue
            header = [_strip(f).lower() for f in item[2]]
            kind = kind_of(header)
            yield ("kind", kind or "unrecognised")
            duplicates = [name for k, name in enumerate(header) if name and name in header[:k]]
            unnamed = [k for k, name in enumerate(header) if not name]
            if duplicates:
                yield ("finding", ("error", "duplicate-header", display_path, item[1],
                                   f"column '{duplicates[0]}' appears more than once; file not read"))
            elif kind is None:
                yield ("finding", ("error", "unrecognised-header", display_path, item[1],
                                   f"header ({','.join(header)}) matches no CSV kind; file not read"))
            elif kind in UNSUPPORTED_KINDS:
                yield ("finding", ("warning", "unsupported-input", display_path, item[1],
                                   f"{kind} files are not read by tierscan-spark (tierscan reads them; results can "
                                   "differ); file not read"))
            else:
                usable = True
                extra = [k for k, name in enumerate(header) if name and name not in KNOWN_COLUMNS[kind]]
                if unnamed:
                    one = len(unnamed) == 1
                    columns = ", ".join(str(k + 1) for k in unnamed)
                    yield ("finding", ("info", "unnamed-column", display_path, item[1],
                                       f"column{'' if one else 's'} {columns} {'has' if one else 'have'} an empty "
                                       f"header cell; {'its' if one else 'their'} values are ignored"))
            continue
        read += 1
        if not usable:
            rejected += 1
            continue
        if item[0] == "failure":
            yield ("finding", ("error", item[2], display_path, item[1], FAILURE_MESSAGES[item[2]]))
            rejected += 1
            continue
        fields = item[2]
        if len(fields) != len(header):
            yield ("finding", ("error", "ragged-row", display_path, item[1],
                               f"row has {len(fields)} fields but the header has {len(header)}; row rejected"))
            rejected += 1
            continue
        row = Row(header, list(fields), display_path, item[1], extra)
        if item[3]:
            _without_controls(row)
        order = (file_index << 32) | item[1]
        parsed = None
        if kind == "entities":
            parsed = _entity(row, order)
            outputs = [("entity", parsed)] if parsed else []
        elif kind == "relationships":
            parsed = _relationship(row, order, types)
            outputs = [("edge", parsed)] if parsed else []
        elif kind == "supplier-list":
            parsed = _supplier(row, order)
            outputs = [("entity", parsed[0]), ("edge", parsed[1])] if parsed else []
        elif kind == "risk-list":
            parsed = _risk(row)
            outputs = [("risk", parsed)] if parsed else []
        elif kind == "smelter-reference":
            parsed = _smelter(row)
            outputs = [("smelter", parsed)] if parsed else []
        else:
            parsed = _country(row)
            outputs = [("country", parsed)] if parsed else []
        if parsed:
            accepted += 1
        else:
            rejected += 1
        for field, raw, code in row.resolved:
            if raw not in reported:
                reported.add(raw)
                yield ("finding", ("info", "country-resolved", display_path, item[1],
                                   f"{field} '{raw}' read as '{code}' (first occurrence in this file; every other "
                                   "occurrence reads the same)"))
        for finding in row.findings:
            yield ("finding", finding)
        yield from outputs
    if header is None:
        yield ("kind", "unrecognised")
        yield ("finding", ("error", "unrecognised-header", display_path, None, "the file is empty: no header"))
    yield ("summary", read, accepted, rejected)
