"""When a week's digest is due and what period it covers.

A digest belongs to an ISO week ("2021-W09"). It goes out from Monday
``DIGEST_HOUR``:00 Europe/Amsterdam of that week on (beat runs the job
hourly; a later run in the week catches up a missed Monday). Its answers
received are those of the previous ISO week, Monday to Sunday, so
consecutive digests neither skip nor repeat a day, whichever day of the week
one is sent.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.isoweekday() - 1)


def digest_due_at(day: dt.date) -> dt.datetime:
    """Monday ``DIGEST_HOUR``:00 local time (Europe/Amsterdam) of the ISO week of ``day``."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return dt.datetime.combine(week_monday(day), dt.time(settings.DIGEST_HOUR), tzinfo=tz)


def previous_week(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week before the week of ``day``."""
    monday = week_monday(day)
    return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
