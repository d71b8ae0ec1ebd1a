"""Set up a fresh machine: staff groups, an admin login, the bundled sample
papers ingested and the jobs run once. Safe to run again.

The admin password is shown once, and only to a terminal: when the output goes
to a log (docker compose, a pipe, a file) it is not printed. It is also kept in
var/admin-login.txt, readable by its owner only (0600); delete that file after
the first login (README, "Beveiliging")."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command

from tracker.access.permissions import ensure_groups

SAMPLES = Path(settings.BASE_DIR) / "documents" / "samples"


class Command(BaseCommand):
    help = "Maakt groepen en een beheerder aan, leest de voorbeelddocumenten in en draait de taken één keer."

    def add_arguments(self, parser):
        parser.add_argument("--no-samples", action="store_true", help="de voorbeelddocumenten niet inlezen")

    def handle(self, *args, **options):
        ensure_groups()
        self.ensure_admin()
        if not options["no_samples"]:
            call_command("ingest", str(SAMPLES), stdout=self.stdout, stderr=self.stderr)
            call_command("flag_overdue", stdout=self.stdout)
            call_command("send_digests", stdout=self.stdout)

    def ensure_admin(self):
        User = get_user_model()
        login_file = Path(settings.VAR_DIR) / "admin-login.txt"
        if User.objects.filter(username="admin").exists():
            hint = f" (wachtwoord in {login_file})" if login_file.exists() else ""
            self.stdout.write(f"Beheerder bestaat al: admin{hint}")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        write_owner_only(login_file, f"admin\n{password}\n")
        if self.stdout.isatty():
            self.stdout.write(self.style.SUCCESS(f"Beheerder aangemaakt — gebruiker: admin  wachtwoord: {password}"))
            self.stdout.write(f"(ook bewaard in {login_file}; verwijder dat bestand na de eerste keer inloggen)")
        else:  # a log, not a person: the password stays out of it
            self.stdout.write(
                self.style.SUCCESS(
                    f"Beheerder aangemaakt — gebruiker: admin; het wachtwoord staat in {login_file} "
                    "(alleen leesbaar voor de eigenaar; verwijder het na de eerste keer inloggen)"
                )
            )


def write_owner_only(path: Path, text: str) -> None:
    """``text`` in a file that is 0600 from its first byte (not chmod-ed afterwards)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(path, 0o600)  # whatever the umask
