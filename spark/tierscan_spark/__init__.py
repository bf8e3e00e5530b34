"""tierscan-spark: tierscan's scan (SPEC v3 §1–§4) as an Apache Spark job (PySpark DataFrames)."""

__version__ = "0.1.0"
