from pathlib import Path

from django.core.management import BaseCommand, CommandError

from tracker.jobs.backup import BackupError, backup


class Command(BaseCommand):
    help = "Maakt een back-up van de database (pg_dump, of een kopie van het SQLite-bestand)."

    def add_arguments(self, parser):
        parser.add_argument("target", nargs="?", help="bestand (standaard var/backups/tracker-<tijd>.…)")

    def handle(self, *args, **options):
        try:
            path = backup(Path(options["target"]) if options["target"] else None)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(path))
