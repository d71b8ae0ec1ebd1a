"""Two editors re-date the same commitment at the same moment (PostgreSQL).

The test holds the commitment's row lock while both edits start; once both
wait for it, it lets go. The write path reads the row again under its own
lock, so the edits queue: one Correction chain (the parser's date kept as
``parser_value`` in both, one active), one REDATED event per edit, each from
the date the other left."""

import datetime as dt
import threading
import time

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections

from tests.factories import CommitmentFactory
from tracker.domain import edits
from tracker.models import Commitment, Correction, StatusChange

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


def test_two_editors_re_dating_one_commitment_at_once_leave_one_chain_of_corrections(editor):
    c = CommitmentFactory(due_date=dt.date(2021, 6, 1))
    errors = []

    def redate(day):
        try:
            edits.redate(Commitment.objects.get(pk=c.pk), day, by=editor, why=f"redacteur zegt {day}")
        except Exception as exc:  # reported below, with the other thread's outcome
            errors.append(exc)
        finally:
            connections.close_all()

    with psycopg.connect(**_dsn()) as holder, psycopg.connect(**_dsn(), autocommit=True) as probe:
        holder.execute("SELECT 1 FROM tracker_commitment WHERE id = %s FOR UPDATE", [c.pk])
        threads = [threading.Thread(target=redate, args=(day,)) for day in (dt.date(2021, 7, 1), dt.date(2021, 8, 1))]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 30
        while (
            probe.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).fetchone()[0]
            < 2
        ):
            assert time.monotonic() < deadline, "the two edits never both waited for the row"
            time.sleep(0.05)
        holder.rollback()
    for t in threads:
        t.join(30)

    assert errors == []
    ct = ContentType.objects.get_for_model(Commitment)
    rows = list(Correction.objects.filter(content_type=ct, object_id=c.pk, field="due_date").order_by("pk"))
    assert [r.parser_value for r in rows] == ["2021-06-01", "2021-06-01"]
    assert [r.active for r in rows] == [False, True]
    c.refresh_from_db()
    assert c.due_date.isoformat() == rows[-1].corrected_value
    first, second = StatusChange.objects.filter(content_type=ct, object_id=c.pk, event="redated").order_by("pk")
    assert first.old_value == "2021-06-01" and second.old_value == first.new_value
