"""The nightly open-data sync (CELERY_BEAT_SCHEDULE "sync-opendata-nightly").

A thin wrapper with a retry policy: the run is idempotent and resumes after
the last committed page, so a retry after an outage picks up where it stopped.
"""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from tracker.opendata.client import OpenDataError
from tracker.opendata.sync import run


class SyncStopped(OpenDataError):
    """The run stopped before its end (the API offline, a bad page): Celery retries it."""


@shared_task(
    name="tracker.opendata.tasks.sync_opendata",
    autoretry_for=(SyncStopped, OperationalError, InterfaceError),
    retry_backoff=600,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=4,
)
def sync_opendata() -> dict:
    report = run()
    if report.failed:
        raise SyncStopped(report.failed)
    return report.to_json()
