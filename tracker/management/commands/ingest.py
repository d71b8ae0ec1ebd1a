"""``ingest PATH... [--json]``: parse and store papers, files and folders (recursive).

Each file in its own transaction (``--workers N``: N processes at once on
PostgreSQL, papers that may belong together still one after the other); progress while it works (a bar on a
terminal, a line every N files otherwise); a summary at the end; exit 1 if
any file failed. With --json the summary is one JSON object, last on stdout.
"""

import json
import sys

from django.core.management import BaseCommand, CommandError

from tracker.ingest.run import ingest_paths

STATUS_NL = {"stored": "opgeslagen", "updated": "bijgewerkt", "unchanged": "ongewijzigd", "failed": "mislukt"}


class Command(BaseCommand):
    help = "Leest documenten in (bestanden en mappen) en koppelt ze aan vragen en toezeggingen."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--json", action="store_true", help="samenvatting als één JSON-object")
        parser.add_argument("--every", type=int, default=50, help="zonder terminal: een regel per N bestanden")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="zoveel processen tegelijk (alleen PostgreSQL; SQLite schrijft met één)",
        )

    def handle(self, *args, **options):
        err = self.stderr
        tty = sys.stderr.isatty()
        every = max(1, options["every"])

        def progress(i, result):
            if result.status == "failed":
                err.write(f"{result.source}: {result.error}")
            if tty:
                err.write(f"\r[{'#' * min(40, i // 2 + 1):<40}] {i} bestanden", ending="")
                err.flush()
            elif i % every == 0:
                err.write(f"{i} bestanden verwerkt")

        report = ingest_paths(options["paths"], progress=progress, workers=options["workers"])
        if tty:
            err.write("")
        summary = report.to_json()
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            parts = [f"{summary[k]} {STATUS_NL[k]}" for k in ("stored", "updated", "unchanged")]
            parts.append(f"{len(summary['failed'])} mislukt")
            self.stdout.write(", ".join(parts))
            for f in summary["failed"]:
                self.stdout.write(f"  mislukt: {f['source']}: {f['error']}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} bestand(en) mislukt", returncode=1)
