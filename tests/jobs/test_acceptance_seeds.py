"""Issue 7, "Done when", over the five seed papers as ingested (documents/samples)."""

import datetime as dt
import email
import email.policy
import json

import pytest
import time_machine
from django.core.management import call_command

from tests.conftest import SAMPLES
from tracker.models import QuestionSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    call_command("ingest", str(SAMPLES), stdout=open("/dev/null", "w"))


def overdue_report(capsys, day):
    capsys.readouterr()
    call_command("overdue_report", "--json", "--today", day)
    return json.loads(capsys.readouterr().out)


def test_the_chechnya_questions_are_two_days_overdue_on_14_february_2019_and_not_on_16_february(seeds, capsys):
    report = overdue_report(capsys, "2019-02-14")
    assert report["documents"] == 5
    [chechnya] = [a for a in report["answers"] if "Tsjetsjeni" in a["subject"]]
    assert chechnya["submitted"] == "2019-01-22" and chechnya["days_overdue"] == 2
    assert "Ploumen (PvdA)" in chechnya["askers"]
    assert not [a for a in overdue_report(capsys, "2019-02-16")["answers"] if "Tsjetsjeni" in a["subject"]]


def test_the_belarus_questions_are_twenty_days_overdue_on_1_march_2021(seeds, capsys):
    [belarus] = [a for a in overdue_report(capsys, "2021-03-01")["answers"] if "Belarus" in a["subject"]]
    assert belarus["submitted"] == "2021-01-19" and belarus["days_overdue"] == 20
    assert belarus["askers"] == ["Ploumen (PvdA)"]


def test_the_coc_meeting_promised_for_3_february_2014_is_26_days_overdue_on_1_march_2014(seeds, capsys):
    [coc] = [c for c in overdue_report(capsys, "2014-03-01")["commitments"] if "COC" in c["text"]]
    assert coc["due_date"] == "2014-02-03" and coc["days_overdue"] == 26 and coc["status"] == "open"
    assert coc["document"] == "Kamerstuk 32 735, nr. 100"


def test_one_subscriber_gets_exactly_one_digest_in_the_week_of_1_march_2021(seeds, settings, tmp_path, capsys):
    settings.EMAIL_BACKEND = "tracker.digests.backends.EmlFileBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    call_command("subscribe", "staff@example.org")
    with time_machine.travel("2021-03-02 12:00 +01:00", tick=False):
        call_command("flag_overdue", "--today", "2021-03-01")
        call_command("send_digests", "--today", "2021-03-01")
        call_command("send_digests", "--today", "2021-03-02")
    [eml] = list((tmp_path / "mail").glob("*.eml"))
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "staff@example.org"
    assert msg["List-Unsubscribe"].strip().startswith("<http")
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    belarus = QuestionSet.objects.get(submitted=dt.date(2021, 1, 19))
    for part in (text, html):
        assert "20 dagen te laat" in part and "Belarus" in part and f"/questions/{belarus.pk}/" in part
