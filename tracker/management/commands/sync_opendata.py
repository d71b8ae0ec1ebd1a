"""``sync_opendata [--from-dir DIR] [--since DATE] [--json]``: follow the Kamer's open data.

Reads the SyncFeed from the stored positions on (or a recorded folder,
tracker/opendata/replay.py), makes question sets of new written questions,
fetches and ingests their papers, imports the registry commitments and
queues the differences with the papers for staff (tracker/opendata/).
A summary at the end; with --json the last line is one JSON object:
``{"created", "updated", "unchanged", "deleted", "errors": [{"source", "error"}]}``.
Exit 1 when the run stopped (one line saying why) or a paper failed.
"""

import datetime as dt
import json
import sys

from django.core.management import BaseCommand, CommandError
from django.utils.translation import ngettext

from tracker.opendata.sync import run


def iso_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since {value!r}: geen datum (JJJJ-MM-DD)") from None


class Command(BaseCommand):
    help = "Volgt de open data van de Tweede Kamer: Kamervragen vanaf de dag dat ze gesteld zijn, hun documenten, het toezeggingenregister."

    def add_arguments(self, parser):
        parser.add_argument("--from-dir", metavar="DIR", help="een map met opgenomen antwoorden in plaats van de API")
        parser.add_argument(
            "--since",
            metavar="DATE",
            type=iso_day,
            help="vragensets vanaf deze dag (de eerste sync onthoudt hem; standaard OPENDATA_SINCE)",
        )
        parser.add_argument("--json", action="store_true", help="eindig met één JSON-regel")

    def handle(self, *args, **options):
        tty = sys.stderr.isatty()

        def progress(category, page):
            if options["verbosity"] >= 2 or tty:
                self.stderr.write(f"{category}: {len(page.entries)} wijzigingen ({page.source})")

        try:
            report = run(options["from_dir"], options["since"], progress=progress)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from None
        summary = report.to_json()
        if not options["json"] or options["verbosity"] >= 2:
            self.stdout.write(
                f"{report.created} nieuw, {report.updated} bijgewerkt, {report.unchanged} ongewijzigd, "
                f"{report.deleted} verwijderd ({report.pages} pagina's), {ngettext('{n} fout', '{n} fouten', len(report.errors)).format(n=len(report.errors))}"
            )
            for e in report.errors:
                self.stdout.write(f"  fout: {e['source']}: {e['error']}")
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if report.failed:
            raise CommandError(f"sync_opendata gestopt: {report.failed}", returncode=1)
        if report.errors:
            raise CommandError(
                ngettext("{n} fout", "{n} fouten", len(report.errors)).format(n=len(report.errors)), returncode=1
            )
