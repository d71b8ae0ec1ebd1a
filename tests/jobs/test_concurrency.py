"""Two jobs at once against PostgreSQL, each with its own connection.

Two OS processes (``run_two_at_once``) or two threads (``run_two_threads_at_once``)
are started while the test holds an ACCESS EXCLUSIVE lock on the table they
write first; once both wait on that lock (pg_locks says so) the test lets go,
so they run the critical part at the same moment instead of one after the
other. The unsafe variant patches the claim into read-then-send and shows that
the count of mails would then be wrong: the claim is what makes it right.
"""

import datetime as dt
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from email import message_from_bytes

import psycopg
import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from tests.conftest import ROOT
from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.digests import delivery
from tracker.models import DigestDelivery, JobRun, StatusChange

from .conftest import subscribe

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _dsn():
    s = connection.settings_dict
    return {
        "host": s["HOST"] or "127.0.0.1",
        "port": s["PORT"] or "5432",
        "user": s["USER"],
        "password": s["PASSWORD"],
        "dbname": s["NAME"],
    }


def _database_url():
    d = _dsn()
    auth = d["user"] + (f":{d['password']}" if d["password"] else "")
    return f"postgres://{auth}@{d['host']}:{d['port']}/{d['dbname']}"


def _release_when_both_wait(table, start, stopped, describe):
    """Hold ``table`` locked, ``start()`` the two jobs, and let go once both wait on the lock."""
    with psycopg.connect(**_dsn()) as lock, psycopg.connect(**_dsn(), autocommit=True) as probe:
        lock.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        start()
        deadline = time.monotonic() + 30
        while True:
            waiting = probe.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                "WHERE NOT l.granted AND c.relname = %s",
                [table],
            ).fetchone()[0]
            if waiting >= 2:
                break
            if time.monotonic() > deadline or stopped():
                lock.rollback()
                pytest.fail(f"the two jobs never both waited on {table}: {describe()}")
            time.sleep(0.02)
        lock.rollback()  # let go: both proceed at once


def run_two_at_once(args, table, env_extra):
    """``manage.py *args`` in two processes at once."""
    env = {**os.environ, "DATABASE_URL": _database_url(), **env_extra}
    env.pop("CELERY_BROKER_URL", None)
    procs = []

    def start():
        procs.extend(
            subprocess.Popen(
                [sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for _ in range(2)
        )

    _release_when_both_wait(
        table,
        start,
        lambda: any(p.poll() is not None for p in procs),
        lambda: [p.communicate(timeout=30) for p in procs],
    )
    results = [p.communicate(timeout=60) for p in procs]
    for p, (_out, err) in zip(procs, results):
        assert p.returncode == 0, err.decode()
    return results


def run_two_threads_at_once(job, table):
    """``job()`` in two threads at once, each with its own database connection
    (Django's connections are per thread), so a patch of the code applies to both."""
    errors = []

    def work():
        try:
            job()
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    _release_when_both_wait(
        table, lambda: [t.start() for t in threads], lambda: any(not t.is_alive() for t in threads), lambda: errors
    )
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors


def digests_written(mail_dir):
    return Counter(message_from_bytes(f.read_bytes())["To"] for f in mail_dir.glob("*.eml"))


@pytest.fixture
def ten_subscribers(foreign_affairs):
    QuestionSetFactory(
        subject="Vragen over de ontwikkelingen in Belarus",
        submitted=dt.date(2021, 1, 19),
        askers=[("Ploumen", "PvdA")],
        offices=[foreign_affairs],
    )
    return [subscribe(f"staf{i:02d}@example.org") for i in range(10)]


def test_two_processes_sending_digests_at_once_write_each_digest_once(ten_subscribers, tmp_path):
    run_two_at_once(
        ["send_digests", "--today", "2021-03-01"], "tracker_digestdelivery", {"MAIL_URL": f"file:{tmp_path}"}
    )
    written = digests_written(tmp_path)
    assert sorted(written) == sorted(s.email for s in ten_subscribers)
    assert set(written.values()) == {1}, f"a digest was written twice: {written}"
    assert DigestDelivery.objects.filter(sent_at__isnull=False, week="2021-W09").count() == 10
    assert DigestDelivery.objects.filter(claimed_at__isnull=False).count() == 0
    runs = JobRun.objects.filter(name="send_digests")
    assert sum(r.details["sent"] for r in runs) == 10 and runs.count() == 2


def test_two_forced_runs_at_once_write_each_digest_once(ten_subscribers, tmp_path):
    run_two_at_once(
        ["send_digests", "--today", "2021-03-01", "--force"], "tracker_digestdelivery", {"MAIL_URL": f"file:{tmp_path}"}
    )
    written = digests_written(tmp_path)
    assert sorted(written) == sorted(s.email for s in ten_subscribers)
    assert set(written.values()) == {1}, f"a digest was written twice: {written}"
    assert sum(r.details["sent"] for r in JobRun.objects.filter(name="send_digests")) == 10


def test_a_forced_run_lagging_behind_another_sends_nobody_a_second_digest(ten_subscribers):
    """The double send as it happened: two forced runs both read the deliveries still
    to send; the second claims only after the first has sent and marked all of them
    (marking clears the first one's claims). The second must send nothing."""
    real_claim = delivery.claim
    second_has_read, first_done = threading.Event(), threading.Event()
    order = []

    def claim(delivery_id):
        me = threading.current_thread()
        if me not in order:
            order.append(me)
            if len(order) == 1:
                assert second_has_read.wait(30)
            else:
                second_has_read.set()
                assert first_done.wait(30)
        return real_claim(delivery_id)

    def forced_run():
        delivery.send_digests(dt.date(2021, 3, 1), force=True)
        if threading.current_thread() is order[0]:
            first_done.set()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delivery, "claim", claim)
        run_two_threads_at_once(forced_run, "tracker_digestdelivery")
    written = Counter(m.to[0] for m in mail.outbox)
    assert sorted(written) == sorted(s.email for s in ten_subscribers)
    assert set(written.values()) == {1}, f"a digest was sent twice: {written}"
    details = [r.details for r in JobRun.objects.filter(name="send_digests").order_by("started_at")]
    assert sorted(d["sent"] for d in details) == [0, 10]
    assert DigestDelivery.objects.filter(sent_at__isnull=False, attempts=1).count() == 10


def test_without_the_claim_two_runs_would_send_digests_twice(ten_subscribers, monkeypatch):
    def claim_without_compare_and_set(delivery_id):
        """Act on the earlier read of "not sent yet", as if there were no claim."""
        token = uuid.uuid4().hex
        DigestDelivery.objects.filter(pk=delivery_id).update(claimed_at=timezone.now(), claim_token=token)
        return token

    monkeypatch.setattr(delivery, "claim", claim_without_compare_and_set)
    run_two_threads_at_once(lambda: delivery.send_digests(dt.date(2021, 3, 1)), "tracker_digestdelivery")
    written = Counter(m.to[0] for m in mail.outbox)
    assert sum(written.values()) > 10 and max(written.values()) == 2, (
        f"expected duplicates without the claim, got {written}"
    )


def test_two_processes_flagging_at_once_leave_one_status_change_per_item(foreign_affairs, tmp_path):
    sets = [QuestionSetFactory(submitted=dt.date(2021, 1, 1) + dt.timedelta(days=i)) for i in range(15)]
    promises = [
        CommitmentFactory(
            source_document=DocumentFactory(date=dt.date(2020, 12, 1)),
            due_date=dt.date(2021, 1, 1) + dt.timedelta(days=i),
        )
        for i in range(15)
    ]
    run_two_at_once(["flag_overdue", "--today", "2021-03-01"], "tracker_statuschange", {"MAIL_URL": "console:"})
    events = Counter(StatusChange.objects.filter(event="overdue").values_list("content_type", "object_id"))
    assert len(events) == 30 and set(events.values()) == {1}
    runs = JobRun.objects.filter(name="flag_overdue")
    assert [r.status for r in runs] == ["done", "done"]
    assert sum(r.details["question_sets_flagged"] + r.details["commitments_flagged"] for r in runs) == 30
    for obj in sets + promises:
        obj.refresh_from_db()
        assert obj.overdue_since is not None
