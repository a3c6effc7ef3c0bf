"""Validate JSON files against a JSON Schema with Python's `jsonschema`,
independently of cairn and of Ajv (validate-json.cjs), with its default
settings: the validator class the schema's `$schema` names, found by
`jsonschema.validators.validator_for`, the schema itself checked against
its metaschema, and no format checker, so that `format` is an annotation
only, as JSON Schema 2020-12 has it by default.

    python tests/tools/validate-json.py SCHEMA FILE...

Prints, as JSON, the validator used and, for each file, whether it is
valid, the error `validate` raised (None when valid) and every error
found, by path. Exits 0 either way: the tests read the verdicts."""

import json
import sys

import jsonschema


def main():
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    out = {
        "validator": cls.__name__,
        "format_checker": validator.format_checker is not None,
        "files": {},
    }
    for path in files:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
        try:
            validator.validate(instance)
            error = None
        except jsonschema.ValidationError as raised:
            error = f"{raised.json_path}: {raised.message}"
        out["files"][path] = {
            "valid": error is None,
            "error": error,
            "errors": sorted(f"{e.json_path}: {e.message}" for e in validator.iter_errors(instance)),
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
