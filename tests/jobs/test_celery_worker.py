"""The tasks through a real broker: an embedded Celery worker (in a thread,
against CELERY_BROKER_URL) runs flag_overdue and send_digests."""

import datetime as dt

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core import mail
from django.db import connections

from tracker.config.celery import app
from tracker.jobs import tasks
from tracker.models import DigestDelivery, JobRun

from .conftest import subscribe

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def _close_worker_connections(**kwargs):
    connections.close_all()  # runs in the worker thread: no connection left open on the test database


def _forget_backend():
    app._backend_cache = None
    vars(app._local).pop("backend", None)


@pytest.fixture
def worker():
    saved = {k: app.conf[k] for k in ("task_always_eager", "result_backend")}
    app.conf.update(task_always_eager=False, result_backend="cache+memory://")
    _forget_backend()
    app.control.purge()  # nothing left over from an earlier run
    task_postrun.connect(_close_worker_connections)
    try:
        with start_worker(app, perform_ping_check=False, shutdown_timeout=10) as w:
            yield w
    finally:
        task_postrun.disconnect(_close_worker_connections)
        app.conf.update(saved)
        _forget_backend()


def test_flag_overdue_and_send_digests_run_on_a_worker_through_the_broker(worker, belarus, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    subscribe("staff@example.org")
    flagged = tasks.flag_overdue.delay("2021-03-01").get(timeout=30)
    assert flagged["status"] == "done" and flagged["details"]["question_sets_flagged"] == 1
    belarus.refresh_from_db()
    assert belarus.overdue_since == dt.date(2021, 2, 10)
    sent = tasks.send_digests.delay("2021-03-01").get(timeout=30)
    again = tasks.send_digests.delay("2021-03-02").get(timeout=30)
    assert sent["details"]["sent"] == 1 and again["details"]["already_sent"] == 1
    assert len(mail.outbox) == 1 and "20 dagen te laat" in mail.outbox[0].body
    assert DigestDelivery.objects.get().sent_at is not None
    assert JobRun.objects.filter(name__in=["flag_overdue", "send_digests"]).count() == 3
