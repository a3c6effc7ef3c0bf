"""Extract the JSON-LD of HTML pages with `extruct`, independently of
cairn, and print it as JSON for tests/testsuite/structured.rs: for each
page, the list of JSON-LD documents it holds, as extruct parses them."""

import json
import sys

import extruct


def main():
    out = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            html = f.read()
        data = extruct.extract(html, syntaxes=["json-ld"], uniform=False, errors="strict")
        out[path] = data["json-ld"]
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
