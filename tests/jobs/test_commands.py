"""The job commands: overdue_report, subscribe, the Celery tasks in-process."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import MinistryFactory, PartyFactory
from tracker.jobs import tasks
from tracker.models import DigestSubscription, JobRun

pytestmark = pytest.mark.django_db


def report(capsys, day):
    call_command("overdue_report", "--json", "--today", day)
    return json.loads(capsys.readouterr().out)


def test_overdue_report_lists_the_belarus_questions_and_the_coc_meeting(belarus, coc_meeting, capsys):
    out = report(capsys, "2021-03-01")
    assert set(out) == {"today", "documents", "answers", "commitments"}
    assert out["today"] == "2021-03-01" and out["documents"] == 1  # the COC letter; factory sets have no paper
    assert out["answers"] == [
        {
            "subject": "Vragen over de ontwikkelingen in Belarus",
            "submitted": "2021-01-19",
            "due": "2021-02-09",
            "days_overdue": 20,
            "askers": ["Ploumen (PvdA)"],
            "addressed_to": ["Minister van Buitenlandse Zaken"],
        }
    ]
    [c] = out["commitments"]
    assert set(c) == {"text", "actor", "due_date", "days_overdue", "status", "document"}
    assert c["due_date"] == "2014-02-03" and c["status"] == "open" and c["document"] == "Kamerstuk 32 735, nr. 100"
    assert report(capsys, "2014-03-01")["commitments"][0]["days_overdue"] == 26
    assert report(capsys, "2021-03-08")["answers"] == []


def test_overdue_report_refuses_a_bad_day():
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("overdue_report", "--json", "--today", "1 maart")


def test_subscribe_with_filters_and_again_to_change_them(capsys):
    MinistryFactory(name="Buitenlandse Zaken")
    PartyFactory(name="PvdA")
    call_command(
        "subscribe",
        "staff@example.org",
        "--ministry",
        "buitenlandse zaken",
        "--party",
        "PvdA",
        "--dossier",
        "32  735",
        "--dossier",
        "35000",
    )
    sub = DigestSubscription.objects.get()
    assert [m.name for m in sub.ministries.all()] == ["Buitenlandse Zaken"]
    assert [p.name for p in sub.parties.all()] == ["PvdA"]
    assert sub.dossiers == ["32 735", "35000"] and sub.active
    sub.active = False
    sub.save()
    call_command("subscribe", "staff@example.org")
    sub.refresh_from_db()
    assert sub.active and sub.dossiers == [] and not sub.ministries.exists()
    assert DigestSubscription.objects.count() == 1


def test_subscribe_names_the_known_ministries_and_parties_when_one_is_unknown():
    MinistryFactory(name="Buitenlandse Zaken")
    PartyFactory(name="PvdA")
    with pytest.raises(CommandError) as err:
        call_command("subscribe", "staff@example.org", "--ministry", "Defensie", "--party", "XYZ")
    assert "onbekend ministerie: Defensie. Bekend: Buitenlandse Zaken" in str(err.value)
    assert "onbekende partij: XYZ. Bekend: PvdA" in str(err.value)
    assert not DigestSubscription.objects.exists()
    with pytest.raises(CommandError, match="geen geldig e-mailadres"):
        call_command("subscribe", "geen-adres")


def test_the_celery_tasks_take_an_iso_day_and_call_the_jobs(belarus):
    result = tasks.flag_overdue.apply(args=["2021-03-01"]).get()
    assert result["details"]["question_sets_flagged"] == 1 and result["status"] == "done"
    result = tasks.send_digests.apply(kwargs={"today": "2021-03-01"}).get()
    assert result["details"]["week"] == "2021-W09"
    assert JobRun.objects.filter(name__in=["flag_overdue", "send_digests"]).count() == 2
    assert tasks.flag_overdue.name == "tracker.jobs.tasks.flag_overdue"
    assert tasks.send_digests.name == "tracker.jobs.tasks.send_digests"
    assert tasks.flag_overdue.max_retries == 5 and tasks.flag_overdue.retry_backoff


def test_the_beat_schedule_names_the_tasks(settings):
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert names == {
        "tracker.jobs.tasks.flag_overdue",
        "tracker.jobs.tasks.send_digests",
        "tracker.opendata.tasks.sync_opendata",
    }
    from tracker.config.celery import app

    app.loader.import_default_modules()
    assert {"tracker.jobs.tasks.flag_overdue", "tracker.jobs.tasks.send_digests"} <= set(app.tasks)


def test_a_task_retries_when_the_database_is_briefly_unreachable(belarus, monkeypatch):
    from django.db import OperationalError

    from tracker.jobs import flag_overdue as jobs

    real, calls = jobs.flag_overdue, []

    def flaky(today):
        calls.append(today)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(today)

    monkeypatch.setattr(jobs, "flag_overdue", flaky)
    result = tasks.flag_overdue.apply(args=["2021-03-01"]).get()
    assert len(calls) == 2 and result["details"]["question_sets_flagged"] == 1
