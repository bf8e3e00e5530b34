"""The SparkSession used by the command line and the tests."""

from __future__ import annotations

import os
import sys


def make_session(master: str = "local[*]", app: str = "tierscan-spark", shuffle_partitions: int | None = None,
                 ui: bool = False, extra: dict | None = None):
    """A SparkSession whose Python workers run this interpreter; Java comes from JAVA_HOME or PATH."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.environ.get("PYTHONPATH", "")
    if package_root not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = package_root + (os.pathsep + path if path else "")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app)
    builder = builder.config("spark.ui.enabled", "true" if ui else "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    builder = builder.config("spark.driver.memory", os.environ.get("TIERSCAN_SPARK_DRIVER_MEMORY", "2g"))
    builder = builder.config("spark.sql.session.timeZone", "UTC")
    builder = builder.config("spark.sql.ansi.enabled", "false")
    if shuffle_partitions is not None:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    for key, value in (extra or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
