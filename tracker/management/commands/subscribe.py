from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from tracker.models import DigestSubscription, Ministry, Party


def _pick(model, names, what, errors):
    known = {o.name.casefold(): o for o in model.objects.all()}
    chosen, unknown = [], []
    for name in names:
        key = name.strip().casefold()
        for prefix in ("ministerie van ", "ministerie voor "):
            if what == "ministerie" and key not in known and key.startswith(prefix):
                key = key[len(prefix) :]
        (chosen.append(known[key]) if key in known else unknown.append(name))
    if unknown:
        listing = ", ".join(sorted(o.name for o in known.values())) or "(nog geen)"
        errors.append(
            f"{'onbekende' if what == 'partij' else 'onbekend'} {what}: {', '.join(unknown)}. Bekend: {listing}"
        )
    return chosen


class Command(BaseCommand):
    help = (
        "Meldt een e-mailadres aan voor het weekoverzicht (of werkt de aanmelding bij), "
        "desgewenst alleen voor bepaalde ministeries, partijen of dossiers."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--ministry",
            action="extend",
            nargs="+",
            default=[],
            metavar="NAAM",
            help='ministerie, bv. "Buitenlandse Zaken" (meer mag)',
        )
        parser.add_argument(
            "--party",
            action="extend",
            nargs="+",
            default=[],
            metavar="NAAM",
            help="partij van de vraagstellers, bv. PvdA (meer mag)",
        )
        parser.add_argument(
            "--dossier",
            action="extend",
            nargs="+",
            default=[],
            metavar="NUMMER",
            help='Kamerstukdossier van de toezeggingen, bv. "32 735" (meer mag)',
        )
        parser.add_argument("--send-empty", action="store_true", help="ook versturen als er niets te melden is")

    @transaction.atomic
    def handle(self, *args, email, ministry, party, dossier, send_empty, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is geen geldig e-mailadres") from None
        errors = []
        ministries = _pick(Ministry, ministry, "ministerie", errors)
        parties = _pick(Party, party, "partij", errors)
        if errors:
            raise CommandError("\n".join(errors))
        dossiers = [" ".join(d.split()) for d in dossier if d.strip()]
        sub, created = DigestSubscription.objects.update_or_create(
            email=email, defaults={"active": True, "dossiers": dossiers, "send_empty": send_empty}
        )
        sub.ministries.set(ministries)
        sub.parties.set(parties)
        filters = (
            "; ".join(
                filter(
                    None,
                    [
                        ministries and "ministeries: " + ", ".join(m.name for m in ministries),
                        parties and "partijen: " + ", ".join(p.name for p in parties),
                        dossiers and "dossiers: " + ", ".join(dossiers),
                    ],
                )
            )
            or "alles"
        )
        self.stdout.write(f"{'Aangemeld' if created else 'Bijgewerkt'}: {email} ({filters})")
