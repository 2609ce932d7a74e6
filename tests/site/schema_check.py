#!/usr/bin/python3
# schema_check.py SCHEMA JSON...: validate each JSON file against the JSON
# Schema (draft 2020-12) with Debian's python3-jsonschema, dates checked
# as dates. Prints each error as "FILE: error: at PATH: MESSAGE", then
# "schema: N files, M errors". Exit status 0 valid, 1 invalid, 2 usage.
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: schema_check.py SCHEMA JSON...\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    v = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for e in sorted(v.iter_errors(doc), key=lambda e: list(e.path)):
            at = "/".join(str(p) for p in e.path) or "(top)"
            print(f"{path}: error: at {at}: {e.message[:300]}")
            errors += 1
    print(f"schema: {len(argv) - 2} files, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
