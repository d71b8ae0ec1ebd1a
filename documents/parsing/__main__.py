"""``python -m documents.parsing FILE...``: one JSON line per file (contract/PARSE_OUTPUT.md).

Exits 1 when any file has an error, after printing every line.
"""

from __future__ import annotations

import json
import sys

from .pipeline import parse_file


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m documents.parsing FILE...", file=sys.stderr)
        return 2
    rc = 0
    for path in argv:
        doc = parse_file(path)
        out = doc.to_json()
        if doc.error:
            rc = 1
        print(json.dumps(out, ensure_ascii=False))
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
