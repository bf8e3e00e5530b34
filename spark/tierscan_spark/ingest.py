"""Inputs (SPEC §1 input order, §2 CSV kinds; Parquet with the same columns) read into Spark.

CSV files are parsed by Spark tasks, one task per file, with the exact reader of `csvinput` (physical
line numbers, every rejected row a finding). Parquet files are read by Spark and their rows go
through the same row checks (a row's `line` is its 1-based row number + 1, as if the file had a
header line). Entity and relationship records become DataFrames; the reference tables (risk list,
country risk, smelter references) are small and are collected to the driver.
"""

from __future__ import annotations

import os

from pyspark.sql import types as T

from . import contract as C
from . import csvinput

ENTITY_SCHEMA = T.StructType([
    T.StructField("ord", T.LongType(), False),
    T.StructField("id", T.StringType(), False),
    T.StructField("name", T.StringType(), True),
    T.StructField("kind", T.StringType(), True),
    T.StructField("country", T.StringType(), True),
    T.StructField("sector", T.StringType(), True),
    T.StructField("commodities", T.ArrayType(T.StringType()), True),
    T.StructField("lei", T.StringType(), True),
    T.StructField("duns", T.StringType(), True),
    T.StructField("vat", T.StringType(), True),
    T.StructField("cid", T.StringType(), True),
    T.StructField("aliases", T.ArrayType(T.StringType()), True),
    T.StructField("raw_material", T.BooleanType(), True),
    T.StructField("file", T.StringType(), False),
    T.StructField("line", T.LongType(), True),
])

EDGE_SCHEMA = T.StructType([
    T.StructField("ord", T.LongType(), False),
    T.StructField("from_id", T.StringType(), False),
    T.StructField("to_id", T.StringType(), False),
    T.StructField("type", T.StringType(), False),
    T.StructField("commodity", T.StringType(), True),
    T.StructField("hs_code", T.StringType(), True),
    T.StructField("share", T.DoubleType(), True),
    T.StructField("basis", T.StringType(), True),
    T.StructField("confidence", T.DoubleType(), True),
    T.StructField("reporting_year", T.LongType(), True),
    T.StructField("file", T.StringType(), False),
    T.StructField("line", T.LongType(), True),
])


def discover(arguments: list[str]):
    """(display path, real path) in SPEC §1 input order, and info findings for skipped files."""
    result, findings, seen = [], [], set()
    for argument in arguments:
        if os.path.isdir(argument):
            below = []
            for root, dirs, files in os.walk(argument):
                dirs.sort()
                for name in files:
                    relative = os.path.relpath(os.path.join(root, name), argument)
                    if name.startswith(".") or name.startswith("~$"):
                        findings.append(("info", "skipped-file", os.path.join(argument, relative), None,
                                         "dotfile or lock file skipped"))
                        continue
                    below.append(relative)
            below.sort(key=lambda p: p.encode("utf-8"))
            paths = [os.path.join(argument, p) for p in below]
        else:
            paths = [argument]
        for path in paths:
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            result.append(path)
    return result, findings


def _parse_csv_task(item):
    index, path, absolute = item
    with open(absolute, "rb") as f:
        data = f.read()
    for tagged in csvinput.parse_file(data, path, index):
        yield (index,) + tagged


def _parse_parquet_rows(index, path, names, rows):
    """Runs Parquet rows (as lists of strings) through the CSV row checks."""
    kind = csvinput.kind_of(names)
    extra = [k for k, name in enumerate(names) if name not in csvinput.KNOWN_COLUMNS.get(kind, set())]
    yield (index, "kind", kind or "unrecognised")
    if kind is None:
        yield (index, "finding", ("error", "unrecognised-header", path, None,
                                  f"columns ({','.join(names)}) match no input kind; file not read"))
        return  # (every partition says so; the driver keeps the findings once)
    read = accepted = rejected = 0
    parsers = {
        "entities": lambda row, order: [("entity", x) for x in [csvinput._entity(row, order)] if x],
        "relationships": lambda row, order: [("edge", x) for x in [csvinput._relationship(row, order, C.EDGE_TYPES)] if x],
        "supplier-list": lambda row, order: [p for x in [csvinput._supplier(row, order)] if x
                                             for p in (("entity", x[0]), ("edge", x[1]))],
        "risk-list": lambda row, order: [("risk", x) for x in [csvinput._risk(row)] if x],
        "smelter-reference": lambda row, order: [("smelter", x) for x in [csvinput._smelter(row)] if x],
        "country-risk": lambda row, order: [("country", x) for x in [csvinput._country(row)] if x],
    }
    for number, values in rows:
        line = number + 2
        read += 1
        fields = ["" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in values]
        row = csvinput.Row(names, fields, path, line, extra)
        out = parsers[kind](row, (index << 32) | line)
        if out:
            accepted += 1
        else:
            rejected += 1
        for finding in row.findings:
            yield (index, "finding", finding)
        for tagged in out:
            yield (index,) + tagged
    yield (index, "summary", read, accepted, rejected)


class Inputs:
    """The records of every input, as DataFrames (entities, edges) and driver lists (references)."""

    def __init__(self, spark, arguments: list[str]):
        paths, self.findings = discover(arguments)
        self.files = []  # (display path, kind, read, accepted, rejected)
        csv_items, parquet_items, other = [], [], []
        for index, path in enumerate(paths):
            lower = path.lower()
            if lower.endswith(".csv"):
                csv_items.append((index, path))
            elif lower.endswith(".parquet") or os.path.isdir(path):
                parquet_items.append((index, path))
            else:
                other.append((index, path))
        for index, path in other:
            self.findings.append(("warning", "unsupported-input", path, None,
                                  "tierscan-spark reads CSV and Parquet inputs only; file not read (tierscan scan "
                                  "reads it, so results can differ)"))
            self.files.append((path, "unsupported", 0, 0, 0))
        sc = spark.sparkContext
        parts = []
        if csv_items:
            # Tasks read the file by its absolute path (executors may run in another directory; on
            # a cluster the path must be visible to every executor, or give Parquet, which Spark
            # reads from HDFS/S3/... itself); findings keep the path as given.
            items = [(index, path, os.path.abspath(path)) for index, path in csv_items]
            parts.append(sc.parallelize(items, len(items)).flatMap(_parse_csv_task))
        for index, path in parquet_items:
            frame = spark.read.parquet(os.path.abspath(path))
            names = [n.strip().lower() for n in frame.columns]
            numbered = frame.rdd.zipWithIndex().map(lambda pair: (pair[1], list(pair[0])))
            parts.append(numbered.mapPartitions(
                lambda rows, index=index, path=path, names=names: _parse_parquet_rows(index, path, names, rows)))
        tagged = sc.union(parts) if parts else sc.parallelize([], 1)
        tagged = tagged.persist()
        self._tagged = tagged
        small = tagged.filter(lambda t: t[1] not in ("entity", "edge")).collect()
        small.sort(key=lambda t: t[0])  # by file; within a file the order is kept (stable sort)
        kinds, summaries = {}, {}
        self.risk_rows, self.country_rows, self.smelter_rows = [], [], []
        by_index = dict(csv_items + parquet_items)
        for item in small:
            index, tag = item[0], item[1]
            if tag == "kind":
                kinds[index] = item[2]
            elif tag == "summary":
                previous = summaries.get(index, (0, 0, 0))
                summaries[index] = tuple(a + b for a, b in zip(previous, item[2:]))
            elif tag == "finding":
                self.findings.append(item[2])
            elif tag == "risk":
                self.risk_rows.append(item[2])
            elif tag == "country":
                self.country_rows.append(item[2])
            elif tag == "smelter":
                self.smelter_rows.append(item[2])
        for index in sorted(by_index):
            read, accepted, rejected = summaries.get(index, (0, 0, 0))
            self.files.append((by_index[index], kinds.get(index, "unrecognised"), read, accepted, rejected))
        self.entity_records = spark.createDataFrame(
            tagged.filter(lambda t: t[1] == "entity").map(lambda t: t[2]), ENTITY_SCHEMA)
        self.edge_records = spark.createDataFrame(
            tagged.filter(lambda t: t[1] == "edge").map(lambda t: t[2]), EDGE_SCHEMA)

    @property
    def rejected(self) -> int:
        """Records read but not used (every one has an error finding)."""
        return sum(f[4] for f in self.files)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f[0] == "error")

    def release(self):
        self._tagged.unpersist()
