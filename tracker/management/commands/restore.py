from pathlib import Path

from django.core.management import BaseCommand, CommandError

from tracker.jobs.backup import BackupError, restore


class Command(BaseCommand):
    help = "Zet een back-up terug (vervangt de inhoud van de database)."

    def add_arguments(self, parser):
        parser.add_argument("source")

    def handle(self, *args, **options):
        try:
            restore(Path(options["source"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Teruggezet: {options['source']}")
