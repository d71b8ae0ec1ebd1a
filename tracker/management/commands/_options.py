"""Shared options of the job commands."""

import datetime as dt
import json

from django.core.management import CommandError
from django.utils import timezone


def add_today(parser):
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="de dag waarvoor de taak draait (standaard: vandaag)")


def parse_today(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today {value!r}: gebruik JJJJ-MM-DD, bijvoorbeeld 2021-03-01") from None


def today_or_now(value: str | None) -> dt.date:
    return parse_today(value) or timezone.localdate()


def summary(run) -> str:
    return f"{run.name} voor {run.day.isoformat()}: {run.get_status_display().lower()} — " + json.dumps(
        run.details, ensure_ascii=False, sort_keys=True
    )
