from django.core.management import BaseCommand, CommandError

from tracker.digests.delivery import send_digests
from tracker.management.commands._options import add_today, parse_today, summary


class Command(BaseCommand):
    help = (
        "Verstuurt het weekoverzicht aan wie het deze ISO-week nog niet kreeg (vanaf maandag DIGEST_HOUR uur). "
        "Met --today: het overzicht van de week van die dag, met de stand van die dag."
    )

    def add_arguments(self, parser):
        add_today(parser)
        parser.add_argument(
            "--force",
            action="store_true",
            help="nu versturen, ook vóór maandag DIGEST_HOUR uur, aan wie het overzicht van deze week "
            "nog niet kreeg (nooit twee keer in een week; lege overzichten alleen aan wie "
            "die wil)",
        )

    def handle(self, *args, **options):
        run = send_digests(parse_today(options["today"]), force=options["force"])
        self.stdout.write(summary(run))
        if run.status == run.Status.FAILED:
            raise CommandError(f"niet alles verstuurd: {run.error} (de volgende run probeert het opnieuw)")
