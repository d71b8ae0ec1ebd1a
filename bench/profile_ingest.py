#!/usr/bin/env python
"""Where an ingest's time goes: statements per paper and the time of each kind.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench python bench/profile_ingest.py [--n 300] [--seed 50]

Ingests ``--n`` new generated papers (bench/texts.py) into the configured
database, as one ``ingest`` worker does, and prints: papers a second,
statements per paper by kind of paper, the CPU this process and its
PostgreSQL backend spent per paper (and the papers a second two free cores
would give), then the statements by total time. Run it on a database
bench/run.py built (its name must contain "bench": it adds papers to it);
each run needs a --seed of its own to store new papers (letters collide
with those of a seed five apart).
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="papers to ingest")
    parser.add_argument("--seed", type=int, default=50, help="the texts' seed (a new one stores new papers)")
    parser.add_argument("--show", type=int, default=20, help="statements to list, slowest first")
    args = parser.parse_args(argv)
    name = os.environ.get("DATABASE_URL", "").rsplit("/", 1)[-1]
    if "bench" not in name:
        print("bench/profile_ingest.py: set DATABASE_URL to a database whose name contains 'bench'", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")
    media = tempfile.mkdtemp(prefix="tracker-profile-media-")
    os.environ["MEDIA_ROOT"] = media

    import django

    django.setup()
    from django.db import connection

    from bench.texts import TextGenerator
    from documents.parsing.pipeline import parse_bytes
    from tracker.ingest.run import ingest_paths

    folder = Path(tempfile.mkdtemp(prefix="tracker-profile-ingest-"))
    kinds: dict[str, str] = {}
    for i, (kind, text) in enumerate(TextGenerator(seed=args.seed).many(args.n)):
        path = folder / f"profile-{args.seed}-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        kinds[str(path)] = kind
    parse_bytes(TextGenerator(seed=args.seed + 1000).next()[1].encode(), "warm-up.txt")  # the lemma dictionary

    count, spent = collections.Counter(), collections.Counter()
    sent = {"n": 0}
    per_kind: dict[str, list[int]] = collections.defaultdict(list)

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sent["n"] += 1
            count[sql[:100]] += 1
            spent[sql[:100]] += time.perf_counter() - start

    before = {"n": 0}

    def progress(_i, result):
        per_kind[kinds.get(result.source, "?")].append(sent["n"] - before["n"])
        before["n"] = sent["n"]

    def backend_cpu() -> float:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    local = connection.vendor == "postgresql" and Path("/proc").exists()
    backend = backend_cpu() if local else 0.0
    cpu, start = time.process_time(), time.perf_counter()
    try:
        with connection.execute_wrapper(timed):
            report = ingest_paths([folder], progress=progress)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(media, ignore_errors=True)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{report.to_json()} in {wall:.1f} s: {args.n / wall:.1f} papers a second")
    for kind, counts in sorted(per_kind.items()):
        print(f"  {kind}: {len(counts)} papers, {sum(counts) / len(counts):.1f} statements a paper (max {max(counts)})")
    if local:
        backend = backend_cpu() - backend
        per_paper = (cpu + backend) / args.n
        print(
            f"  CPU a paper: {cpu / args.n * 1000:.1f} ms here, {backend / args.n * 1000:.1f} ms in PostgreSQL "
            f"(two free cores: {2 / per_paper:.0f} papers a second)"
        )
    print(f"  statements: {sum(spent.values()):.2f} s of {wall:.2f} s")
    for sql, seconds in spent.most_common(args.show):
        print(f"  {count[sql]:6d} {seconds * 1000:9.1f} ms  {sql}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
