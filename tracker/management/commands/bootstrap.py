"""Set up a fresh machine: staff groups, an admin login (printed), the bundled
sample papers ingested and the jobs run once. Safe to run again."""
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command

from tracker.permissions import ensure_groups

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
        login_file.parent.mkdir(parents=True, exist_ok=True)
        login_file.write_text(f"admin\n{password}\n", encoding="utf-8")
        login_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Beheerder aangemaakt — gebruiker: admin  wachtwoord: {password}"))
        self.stdout.write(f"(ook bewaard in {login_file})")
