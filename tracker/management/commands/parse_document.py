"""``parse_document PATH... --json``: one JSON line per file (contract/PARSE_OUTPUT.md).

Writes nothing to the database. Exit 1 if any file failed.
"""

import json

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.db import DatabaseError

from documents.parsing.calendar import default_calendar
from documents.parsing.pipeline import parse_file


def current_calendar():
    """The recesses staff keep in the admin; the built-in table where the database is not set up."""
    try:
        from tracker.domain.calendar import db_calendar

        return db_calendar()
    except DatabaseError:
        return default_calendar()


class Command(BaseCommand):
    help = "Leest documenten en drukt per bestand één JSON-regel af (schrijft niets in de database)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--json", action="store_true", help="JSON Lines (het contract); anders een samenvatting")

    def handle(self, *args, **options):
        calendar = current_calendar()
        failed = 0
        for path in options["paths"]:
            doc = parse_file(path, max_bytes=settings.MAX_DOCUMENT_BYTES, calendar=calendar)
            failed += bool(doc.error)
            if options["json"]:
                self.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False))
            elif doc.error:
                self.stderr.write(f"{path}: {doc.error}")
            else:
                self.stdout.write(
                    f"{path}: {doc.kind}, {len(doc.questions)} vragen, {len(doc.answers)} antwoorden, "
                    f"{len(doc.commitments)} toezeggingen, {len(doc.references)} verwijzingen"
                )
        if failed:
            raise CommandError(f"{failed} bestand(en) niet gelezen", returncode=1)
