"""Command line: `tierscan-spark scan INPUT… --focus ID [--config F] --out DIR [--master URL]`."""

from __future__ import annotations

import argparse
import os
import sys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="tierscan-spark", description="tierscan's scan as an Apache Spark job")
    commands = parser.add_subparsers(dest="command", required=True)
    scan = commands.add_parser("scan", help="scan INPUT… and write exposures.csv, paths.json, history/")
    scan.add_argument("inputs", nargs="+", metavar="INPUT")
    scan.add_argument("--focus", required=True, metavar="ID")
    scan.add_argument("--config", metavar="F")
    scan.add_argument("--out", required=True, metavar="DIR")
    scan.add_argument("--master", default="local[*]", metavar="URL")
    scan.add_argument("--shuffle-partitions", type=int, metavar="N",
                      help="spark.sql.shuffle.partitions (default: Spark's, 200)")
    scan.add_argument("--checkpoint-dir", metavar="DIR",
                      help="checkpoint each layer as Parquet here (reliable on a cluster); default localCheckpoint")
    duck = commands.add_parser("duckdb", help="propagate a scan's arcs/seeds on DuckDB (one large machine)")
    duck.add_argument("graph", metavar="DIR", help="a directory with arcs/, seeds/, nodes/ and config.json")
    duck.add_argument("--out", required=True, metavar="DIR")
    duck.add_argument("--threads", type=int)
    duck.add_argument("--memory-limit", metavar="SIZE", help="DuckDB memory_limit, e.g. 64GB")
    args = parser.parse_args(argv)
    if args.command == "duckdb":
        from .duck import run

        summary = run(args.graph, args.out, args.threads, args.memory_limit)
        print(f"tierscan-spark duckdb: {summary['exposures']} exposures; {len(summary['layers'])} layers, "
              f"{sum(s['near_tie_refolds'] for s in summary['layers'])} near-tie refolds; "
              f"{summary['total_seconds']} s", file=sys.stderr)
        return 0
    for path in args.inputs:
        if not os.path.exists(path):
            print(f"error: {path}: no such file or directory", file=sys.stderr)
            return 64
    os.makedirs(args.out, exist_ok=True)
    from .job import ScanError, scan as run_scan
    from .session import make_session

    spark = make_session(args.master, shuffle_partitions=args.shuffle_partitions)
    try:
        summary = run_scan(spark, args.inputs, args.focus, args.out, args.config, args.checkpoint_dir)
    except ScanError as error:
        print(str(error), file=sys.stderr)
        return error.code
    finally:
        spark.stop()
    findings = summary["findings"]
    print(f"tierscan-spark: {summary['entities']} entities, {summary['relationships']} relationships, "
          f"{summary['exposures']} exposures; {summary['rejected_records']} records rejected; "
          f"{findings['error']} errors, {findings['warning']} warnings; {len(summary['layers'])} layers, "
          f"{summary['near_tie_refolds']} near-tie refolds; {summary['total_seconds']} s", file=sys.stderr)
    return 2 if findings["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
