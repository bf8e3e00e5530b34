"""Shared fixtures: one SparkSession for the whole suite (local[2], 2 shuffle partitions, UI off)
and the tierscan binary the results are compared with."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

SPARK_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(SPARK_DIR)
sys.path.insert(0, SPARK_DIR)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def _tierscan_binary() -> str:
    """$TIERSCAN_BIN, else the repository's debug build, brought up to date with `swift build`
    (incremental: seconds when `swift test` just built it) so the comparison never runs against a
    stale binary; without a swift toolchain, an existing debug or release build."""
    given = os.environ.get("TIERSCAN_BIN")
    if given:
        return given
    if shutil.which("swift") is None:
        for config in ("debug", "release"):
            path = os.path.join(REPO, ".build", config, "tierscan")
            if os.access(path, os.X_OK):
                return path
        pytest.skip("no tierscan binary and no swift toolchain to build one (set TIERSCAN_BIN)")
    subprocess.run(["swift", "build", "--product", "tierscan"], cwd=REPO, check=True)
    return os.path.join(REPO, ".build", "debug", "tierscan")


@pytest.fixture(scope="session")
def tierscan():
    binary = _tierscan_binary()

    def run(args, cwd=REPO):
        return subprocess.run([binary] + args, cwd=cwd, capture_output=True, text=True)

    return run


@pytest.fixture(scope="session")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java: install OpenJDK 17 and set JAVA_HOME")
    pytest.importorskip("pyspark")
    from tierscan_spark.session import make_session

    # AQE off: on these tiny inputs it only adds jobs (results are the same either way).
    session = make_session("local[2]", app="tierscan-spark-tests", shuffle_partitions=2,
                           extra={"spark.sql.adaptive.enabled": "false"})
    yield session
    session.stop()
