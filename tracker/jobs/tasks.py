"""Celery tasks: thin wrappers around the jobs with a retry policy.

``tracker.jobs.tasks.flag_overdue`` runs tracker/jobs/flag_overdue.py,
``tracker.jobs.tasks.send_digests`` tracker/digests/delivery.py; the beat
schedule (tracker/config/settings.py) names them so. Both jobs are
idempotent (flag_overdue inserts nothing twice; send_digests claims each
(subscriber, week) row), so a retry, a redelivery after a lost worker
(acks_late) or beat firing twice does no harm. Arguments are plain JSON: an
ISO date string or nothing (= today in Europe/Amsterdam).
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

from tracker.digests import delivery
from tracker.jobs import flag_overdue as overdue

RETRY = {
    "autoretry_for": (OperationalError, InterfaceError, BrokerOperationalError, ConnectionError, TimeoutError),
    "retry_backoff": 30,  # 30 s, 60 s, 120 s, … with jitter
    "retry_backoff_max": 900,
    "retry_jitter": True,
    "max_retries": 5,
}


def _day(today: str | None) -> dt.date | None:
    return dt.date.fromisoformat(today) if today else None


def _result(run) -> dict:
    return {"job_run": run.pk, "day": run.day.isoformat(), "status": run.status, "details": run.details}


@shared_task(name="tracker.jobs.tasks.flag_overdue", **RETRY)
def flag_overdue(today: str | None = None) -> dict:
    return _result(overdue.flag_overdue(_day(today)))


@shared_task(name="tracker.jobs.tasks.send_digests", **RETRY)
def send_digests(today: str | None = None, force: bool = False) -> dict:
    return _result(delivery.send_digests(_day(today), force=force))
