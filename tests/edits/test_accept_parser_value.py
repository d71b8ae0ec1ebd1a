"""Staff take what a new version of the paper says over their own correction
(the admin action on Correction): the value, the due dates and the overdue
state follow, the history shows it, and the next version changes nothing."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tests.edits.papers import (
    COC_LETTER,
    COC_MEETING,
    WAITING_LISTS_ANSWERS,
    admin_save,
    events,
    ingest,
    live,
    new_version,
)
from tracker.jobs.flag_overdue import flag_overdue
from tracker.models import Correction, QuestionSet

pytestmark = pytest.mark.django_db

WAITING_LISTS_PROMISE = "ik zal uw Kamer voor de zomer informeren"
#: the Kamer publishes the answers again: another submitted date, a question worded anew
REPUBLISHED = [
    ("(ingezonden 2 april 2024)", "(ingezonden 3 april 2024)"),
    ("Bent u bekend met het bericht", "Kent u het bericht"),
]


def accept_in_the_admin(client, correction):
    response = client.post(
        "/admin/tracker/correction/", {"action": "accept_parser_now", "_selected_action": [correction.pk]}
    )
    assert response.status_code == 302


def test_accepting_the_submitted_date_a_new_version_says_recomputes_the_due_dates_and_stands(staff_client, admin_user):
    ingest(WAITING_LISTS_ANSWERS)
    qs = QuestionSet.objects.get()
    assert (qs.submitted, qs.term_due, qs.received) == (dt.date(2024, 4, 2), dt.date(2024, 4, 23), dt.date(2024, 5, 7))
    admin_save(staff_client, qs, submitted="2024-04-16")
    qs.refresh_from_db()
    assert qs.answer_due == dt.date(2024, 5, 7)
    assert QuestionSet.objects.answered_on_time().filter(pk=qs.pk).exists()

    new_version(WAITING_LISTS_ANSWERS, *REPUBLISHED)
    fix = Correction.objects.get(
        content_type=ContentType.objects.get_for_model(QuestionSet), object_id=qs.pk, field="submitted", active=True
    )
    assert (fix.parser_value, fix.corrected_value, fix.parser_now) == ("2024-04-02", "2024-04-16", "2024-04-03")

    accept_in_the_admin(staff_client, fix)

    qs.refresh_from_db()
    assert (qs.submitted, qs.term_due, qs.answer_due) == (
        dt.date(2024, 4, 3),
        dt.date(2024, 4, 24),
        dt.date(2024, 4, 24),
    )
    assert QuestionSet.objects.answered_late().filter(pk=qs.pk).exists(), "answered on 7 May: two weeks late again"
    fix.refresh_from_db()
    assert not fix.active
    redated = [row for row in events(qs) if row[0] == "redated"]
    assert redated[-1] == ("redated", "2024-05-07", "2024-04-24")

    new_version(WAITING_LISTS_ANSWERS, REPUBLISHED[0], ("Bent u bekend met het bericht", "Kent u dat bericht"))

    assert QuestionSet.objects.count() == 1
    qs = QuestionSet.objects.get()
    assert (qs.submitted, qs.answer_due) == (dt.date(2024, 4, 3), dt.date(2024, 4, 24))
    assert live(WAITING_LISTS_PROMISE).answer.question_set == qs


def test_accepting_the_due_date_a_new_version_says_is_a_re_dating_and_moves_the_overdue_state(staff_client, admin_user):
    ingest(COC_LETTER)
    meeting = live(COC_MEETING)
    later = timezone.localdate() + dt.timedelta(days=30)
    admin_save(staff_client, meeting, due_date=later.isoformat())
    flag_overdue(timezone.localdate())
    meeting.refresh_from_db()
    assert meeting.overdue_since is None

    new_version(COC_LETTER, ("3 februari a.s.", "4 februari a.s."))
    fix = Correction.objects.get(object_id=meeting.pk, field="due_date", active=True)
    assert fix.parser_now == "2014-02-04"

    accept_in_the_admin(staff_client, fix)

    meeting = live(COC_MEETING)
    assert (meeting.due_date, meeting.overdue_since) == (dt.date(2014, 2, 4), dt.date(2014, 2, 5))
    assert ("redated", later.isoformat(), "2014-02-04") in events(meeting)

    new_version(
        COC_LETTER,
        ("3 februari a.s.", "4 februari a.s."),
        ("Het kabinet deelt de bezorgdheid", "Het kabinet deelt de grote bezorgdheid"),
    )
    assert live(COC_MEETING).due_date == dt.date(2014, 2, 4)
