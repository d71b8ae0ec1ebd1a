from django.core.management import BaseCommand

from tracker.jobs.flag_overdue import flag_overdue
from tracker.management.commands._options import add_today, parse_today, summary


class Command(BaseCommand):
    help = (
        "Legt vast wat op een dag te laat is (antwoorden en toezeggingen): een statuswijziging per item, "
        "'te laat sinds', en een controledatum voor toezeggingen zonder termijn. Veilig om vaker te draaien."
    )

    def add_arguments(self, parser):
        add_today(parser)

    def handle(self, *args, **options):
        run = flag_overdue(parse_today(options["today"]))
        self.stdout.write(summary(run))
