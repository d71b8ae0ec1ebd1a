#!/usr/bin/env python
"""Benchmarks at parliamentary scale (issue 10; results in BENCHMARKS.md).

    python bench/run.py --scale small|medium|large [--json]

Builds a synthetic data set straight into the configured database (bulk
inserts; COPY on PostgreSQL), then measures parsing, ingest, flag_overdue
(first run, daily run, and a per-row reference), the list pages (50 logged-in
requests with filters) and the weekly digests (locmem mail backend). The last
line printed is one JSON object with the figures.

The database: DATABASE_URL if set (its name must contain "bench": the data
tables are emptied first), else its own SQLite file var/bench.sqlite3,
recreated on every run (never the dev database var/tracker.sqlite3). The
large scale needs PostgreSQL. Uploaded files go to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_SQLITE = ROOT / "var" / "bench.sqlite3"
PUBLIC_SCALES = ("small", "medium", "large")


def _refuse(message: str) -> None:
    print(f"bench/run.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def configure_database(scale: str) -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        BENCH_SQLITE.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(BENCH_SQLITE) + suffix).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_SQLITE.relative_to(ROOT)}"
        url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite"):
        if scale == "large":
            _refuse(
                "the large scale (1,000,000 question sets) is PostgreSQL-only: "
                "set DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench"
            )
        if "tracker.sqlite3" in url:
            _refuse(
                "refusing to fill the dev database var/tracker.sqlite3; unset DATABASE_URL to use var/bench.sqlite3"
            )
    name = url.rsplit("/", 1)[-1].split("?")[0]
    if "bench" not in name:
        _refuse(
            f"DATABASE_URL names {name!r}: the benchmark empties the data tables, so the database "
            "name must contain 'bench' (e.g. tracker_bench)"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale",
        default="small",
        choices=PUBLIC_SCALES + ("tiny",),
        help="small (20,000 question sets), medium (100,000), large (1,000,000; PostgreSQL)",
    )
    parser.add_argument("--json", action="store_true", help="print only progress to stderr and the JSON line")
    args = parser.parse_args(argv)

    configure_database(args.scale)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")
    media = tempfile.mkdtemp(prefix="tracker-bench-media-")
    os.environ["MEDIA_ROOT"] = media
    os.environ.setdefault("MAIL_URL", "console:")

    import django

    django.setup()
    from django.core.management import call_command

    from bench.measure import run_all

    log = (lambda msg: print(msg, file=sys.stderr, flush=True)) if args.json else (lambda msg: print(msg, flush=True))
    try:
        call_command("migrate", verbosity=0, interactive=False)
        result = run_all(args.scale, log=log)
    finally:
        shutil.rmtree(media, ignore_errors=True)
    if not args.json:
        for key in (
            "parse_docs_per_s",
            "ingest_docs_per_s",
            "ingest_docs_per_s_one_worker",
            "ingest_round_trips_per_paper",
            "flag_overdue_first_s",
            "flag_overdue_s",
            "flag_overdue_naive_s",
            "flag_overdue_speedup",
            "list_p95_ms",
            "list_queries",
            "api_p95_ms",
            "api_queries",
            "digest_s_per_1000",
        ):
            print(f"  {key:24} {result[key]}")
    print(json.dumps(result, default=str, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
