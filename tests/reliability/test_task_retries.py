"""A task that loses its database connection or broker is retried, and the
retry does no work twice."""

import datetime as dt

import pytest
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerError

from tests.factories import QuestionSetFactory
from tracker.jobs import flag_overdue as jobs
from tracker.jobs import tasks
from tracker.models import JobRun, StatusChange

pytestmark = pytest.mark.django_db(transaction=True)


def failing_once(real, error):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise error
        return real(*args, **kwargs)

    return wrapper, calls


@pytest.mark.parametrize(
    "error",
    [OperationalError("server closed the connection unexpectedly"), BrokerError("Error 111 connecting to redis")],
)
def test_flag_overdue_that_loses_its_connection_halfway_is_retried_and_flags_each_set_once(monkeypatch, error):
    for _i in range(3):
        QuestionSetFactory(submitted=dt.date(2021, 1, 19))
    wrapper, calls = failing_once(jobs.set_review_dates, error)
    monkeypatch.setattr(jobs, "set_review_dates", wrapper)  # fails after the overdue rows were inserted
    result = tasks.flag_overdue.apply(args=["2021-03-01"])
    assert result.successful(), result.traceback
    assert calls["n"] == 2
    assert StatusChange.objects.filter(event="overdue").count() == 3
    assert list(JobRun.objects.order_by("started_at").values_list("status", flat=True)) == ["failed", "done"]
