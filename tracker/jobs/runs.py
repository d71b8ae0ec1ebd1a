"""A job's record: a JobRun row started when the job begins and finished
when it ends, done or failed, with what it changed (``details``, ``changed``)
and why it failed (``error``). Every scheduled job writes one, so staff see
in the admin when flag_overdue and send_digests last ran and what they did."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tracker.models import JobRun


def start(name: str, day: dt.date, details: dict | None = None) -> JobRun:
    return JobRun.objects.create(name=name, day=day, details=details or {})


def finish(run: JobRun, status: str, *, details: dict | None = None, changed: int = 0, error: str = "") -> JobRun:
    run.status = status
    run.finished_at = timezone.now()
    if details is not None:
        run.details = {**run.details, **details}
    run.changed = changed
    run.error = error[:5000]
    run.save(update_fields=["status", "finished_at", "details", "changed", "error"])
    return run


def failed(run: JobRun, exc: BaseException, details: dict | None = None) -> JobRun:
    return finish(run, JobRun.Status.FAILED, details=details, error=f"{type(exc).__name__}: {exc}")
