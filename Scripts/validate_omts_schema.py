#!/usr/bin/env python3
"""Validate .omts files against the OMTS JSON Schema (draft 2020-12).

Usage: validate_omts_schema.py SCHEMA FILE...
Prints one line per error (`FILE: /json/pointer: message`) and exits 1 when any file is invalid,
0 when all are valid, 3 when the `jsonschema` package is missing (the caller skips then).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 64
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            pointer = "/" + "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {pointer}: {error.message}")
        bad += bool(errors)
    print(f"{len(argv) - 2 - bad} of {len(argv) - 2} file(s) valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
