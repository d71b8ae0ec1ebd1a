"""Two OS processes at once against PostgreSQL.

Both processes are started while the test holds an ACCESS EXCLUSIVE lock on
the table they write first; once both wait on that lock (pg_locks says so)
the test lets go, so they run the critical part at the same moment instead of
one after the other. The unsafe variant (TRACKER_UNSAFE_NO_CLAIM=1, see
tracker/jobs/daily.py) replaces the claim by read-then-send and shows that the
count of .eml files would then be wrong: the claim is what makes it right.
"""
import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from email import message_from_bytes

import psycopg
import pytest
from django.db import connection

from tests.conftest import ROOT
from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.models import DigestDelivery, JobRun, StatusChange

from .conftest import subscribe

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _dsn():
    s = connection.settings_dict
    return {"host": s["HOST"] or "127.0.0.1", "port": s["PORT"] or "5432", "user": s["USER"],
            "password": s["PASSWORD"], "dbname": s["NAME"]}


def _database_url():
    d = _dsn()
    auth = d["user"] + (f":{d['password']}" if d["password"] else "")
    return f"postgres://{auth}@{d['host']}:{d['port']}/{d['dbname']}"


def run_two_at_once(args, table, env_extra):
    env = {**os.environ, "DATABASE_URL": _database_url(), **env_extra}
    env.pop("CELERY_BROKER_URL", None)
    if "TRACKER_UNSAFE_NO_CLAIM" not in env_extra:
        env.pop("TRACKER_UNSAFE_NO_CLAIM", None)
    with psycopg.connect(**_dsn()) as lock, psycopg.connect(**_dsn(), autocommit=True) as probe:
        lock.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        procs = [subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        deadline = time.monotonic() + 30
        while True:
            waiting = probe.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                "WHERE NOT l.granted AND c.relname = %s", [table]).fetchone()[0]
            if waiting >= 2:
                break
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                lock.rollback()
                outs = [p.communicate(timeout=30) for p in procs]
                pytest.fail(f"the two processes never both waited on {table}: {outs}")
            time.sleep(0.02)
        lock.rollback()  # let go: both proceed at once
    results = [p.communicate(timeout=60) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err.decode()
    return results


def digests_written(mail_dir):
    return Counter(message_from_bytes(f.read_bytes())["To"] for f in mail_dir.glob("*.eml"))


@pytest.fixture
def ten_subscribers(foreign_affairs):
    QuestionSetFactory(subject="Vragen over de ontwikkelingen in Belarus", submitted=dt.date(2021, 1, 19),
                       askers=[("Ploumen", "PvdA")], offices=[foreign_affairs])
    return [subscribe(f"staf{i:02d}@example.org") for i in range(10)]


def test_two_processes_sending_digests_at_once_write_each_digest_once(ten_subscribers, tmp_path):
    run_two_at_once(["send_digests", "--today", "2021-03-01"], "tracker_digestdelivery",
                    {"MAIL_URL": f"file:{tmp_path}"})
    written = digests_written(tmp_path)
    assert sorted(written) == sorted(s.email for s in ten_subscribers)
    assert set(written.values()) == {1}, f"a digest was written twice: {written}"
    assert DigestDelivery.objects.filter(sent_at__isnull=False, week="2021-W09").count() == 10
    assert DigestDelivery.objects.filter(claimed_at__isnull=False).count() == 0
    runs = JobRun.objects.filter(name="send_digests")
    assert sum(r.details["sent"] for r in runs) == 10 and runs.count() == 2


def test_without_the_claim_two_processes_would_write_digests_twice(ten_subscribers, tmp_path):
    run_two_at_once(["send_digests", "--today", "2021-03-01"], "tracker_digestdelivery",
                    {"MAIL_URL": f"file:{tmp_path}", "TRACKER_UNSAFE_NO_CLAIM": "1"})
    written = digests_written(tmp_path)
    assert sum(written.values()) > 10 and max(written.values()) == 2, (
        f"expected duplicates without the claim, got {written}")


def test_two_processes_flagging_at_once_leave_one_status_change_per_item(foreign_affairs, tmp_path):
    sets = [QuestionSetFactory(submitted=dt.date(2021, 1, 1) + dt.timedelta(days=i)) for i in range(15)]
    promises = [CommitmentFactory(source_document=DocumentFactory(date=dt.date(2020, 12, 1)),
                                  due_date=dt.date(2021, 1, 1) + dt.timedelta(days=i)) for i in range(15)]
    run_two_at_once(["flag_overdue", "--today", "2021-03-01"], "tracker_statuschange", {"MAIL_URL": "console:"})
    events = Counter(StatusChange.objects.filter(event="overdue").values_list("content_type", "object_id"))
    assert len(events) == 30 and set(events.values()) == {1}
    runs = JobRun.objects.filter(name="flag_overdue")
    assert [r.status for r in runs] == ["done", "done"]
    assert sum(r.details["question_sets_flagged"] + r.details["commitments_flagged"] for r in runs) == 30
    for obj in sets + promises:
        obj.refresh_from_db()
        assert obj.overdue_since is not None
