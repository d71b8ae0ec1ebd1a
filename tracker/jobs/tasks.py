"""Celery tasks: thin wrappers around tracker/jobs/daily.py with a retry policy.

Both jobs are idempotent (flag_overdue inserts nothing twice; send_digests
claims each (subscriber, week) row), so a retry, a redelivery after a lost
worker (acks_late) or beat firing twice does no harm. Arguments are plain
JSON: an ISO date string or nothing (= today in Europe/Amsterdam).
"""
from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

from tracker.jobs import daily as jobs
RETRY = {
    "autoretry_for": (OperationalError, InterfaceError, BrokerOperationalError, ConnectionError, TimeoutError),
    "retry_backoff": 30,       # 30 s, 60 s, 120 s, … with jitter
    "retry_backoff_max": 900,
    "retry_jitter": True,
    "max_retries": 5,
}


def _day(today: str | None) -> dt.date | None:
    return dt.date.fromisoformat(today) if today else None


@shared_task(name="tracker.jobs.tasks.flag_overdue", **RETRY)
def flag_overdue(today: str | None = None) -> dict:
    run = jobs.flag_overdue(_day(today))
    return {"job_run": run.pk, "day": run.day.isoformat(), "status": run.status, "details": run.details}


@shared_task(name="tracker.jobs.tasks.send_digests", **RETRY)
def send_digests(today: str | None = None, force: bool = False) -> dict:
    run = jobs.send_digests(_day(today), force=force)
    return {"job_run": run.pk, "day": run.day.isoformat(), "status": run.status, "details": run.details}
