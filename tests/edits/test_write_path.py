"""The write path's own rules, on hand-made records: what is derived cannot
be typed in, each lifecycle date that moves is in the history, a record staff
add is stored with what derives from it."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.admin_forms import change_form_data
from tests.edits.papers import events
from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.domain import edits
from tracker.domain.identity import sentence_hash
from tracker.models import Commitment, Correction, FulfilmentSuggestion

pytestmark = pytest.mark.django_db

DAY = dt.date(2021, 3, 1)


def test_a_derived_field_cannot_be_set_by_hand():
    qs = QuestionSetFactory()
    with pytest.raises(ValueError, match="afgeleid"):
        edits.correct(qs, {"answer_due": DAY})
    with pytest.raises(ValueError, match="afgeleid"):
        edits.correct(CommitmentFactory(), {"overdue_since": DAY})


def test_a_postponement_staff_record_moves_the_answer_due_date_and_the_overdue_state(editor):
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19))  # due 9 February
    assert edits.became_overdue(qs, DAY) == dt.date(2021, 2, 10)
    edits.correct(qs, {"postponed_on": dt.date(2021, 2, 8)}, by=editor, why="mededeling per mail", today=DAY)
    qs.refresh_from_db()
    assert (qs.answer_due, qs.overdue_since) == (dt.date(2021, 3, 2), None)
    assert ("postponed", "", "2021-02-08") in events(qs)
    assert ("redated", "2021-02-09", "2021-03-02") in events(qs)
    assert Correction.objects.get(object_id=qs.pk, field="postponed_on").why == "mededeling per mail"


def test_an_answer_staff_record_as_received_ends_the_overdue_state(editor):
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19))
    edits.correct(qs, {"subject": "Belarus"}, by=editor, today=DAY)
    qs.refresh_from_db()
    assert qs.overdue_since == dt.date(2021, 2, 10), "any edit leaves the overdue state right for the day"
    edits.correct(qs, {"received": dt.date(2021, 2, 26)}, by=editor, today=DAY)
    qs.refresh_from_db()
    assert qs.overdue_since is None
    assert ("answered", "", "2021-02-26") in events(qs)


def test_taking_back_a_confirmation_is_in_the_history(editor):
    c = CommitmentFactory(confidence=0.6)
    edits.confirm(c, by=editor)
    edits.correct(c, {"confirmed": False}, by=editor, why="toch geen toezegging")
    c.refresh_from_db()
    assert c.to_confirm
    assert events(c) == [("confirmed", "", "bevestigd"), ("confirmed", "bevestigd", "niet bevestigd")]


def test_a_new_lapsed_reason_is_a_lifecycle_move(editor):
    c = CommitmentFactory()
    edits.set_status(c, "lapsed", by=editor, why="kabinet gevallen")
    edits.correct(c, {"lapsed_reason": "motie ingetrokken"}, by=editor)
    c.refresh_from_db()
    assert c.lapsed_reason == "motie ingetrokken"
    assert [row[0] for row in events(c)] == ["status", "status"]


def test_a_correction_of_a_correction_keeps_what_the_parser_said_and_says_now(editor):
    c = CommitmentFactory(due_date=dt.date(2021, 6, 1))
    edits.redate(c, dt.date(2021, 7, 1), by=editor)
    Correction.objects.filter(object_id=c.pk, field="due_date").update(parser_now="2021-06-15")
    edits.redate(c, dt.date(2021, 8, 1), by=editor, why="nieuwe brief")
    fix = Correction.objects.get(object_id=c.pk, field="due_date", active=True)
    assert (fix.parser_value, fix.corrected_value, fix.parser_now, fix.why) == (
        "2021-06-01",
        "2021-08-01",
        "2021-06-15",
        "nieuwe brief",
    )


def test_a_commitment_staff_add_in_the_admin_gets_its_key_and_a_review_date(client, admin_user):
    paper = DocumentFactory(kind="letter", date=dt.date(2021, 3, 8))
    client.force_login(admin_user)
    url = "/admin/tracker/commitment/add/"
    for sentence in ["Ik zal de Kamer informeren.", "Ik zal de Kamer opnieuw informeren."]:
        data = change_form_data(
            client,
            url,
            source_document=str(paper.pk),
            sentence=sentence,
            status="open",
            due_precision="none",
            confidence=None,
        )
        assert client.post(url, data).status_code == 302
    rows = Commitment.objects.order_by("pk")
    assert [c.sentence_hash for c in rows] == [sentence_hash(c.sentence) for c in rows]
    assert {c.review_date for c in rows} == {dt.date(2021, 4, 19)}
    assert not Correction.objects.exists(), "nothing the parser said was corrected"


def test_an_edit_of_today_is_overdue_from_the_day_after_the_due_date():
    c = CommitmentFactory(
        due_date=timezone.localdate() - dt.timedelta(days=3), source_document=DocumentFactory(date=dt.date(2021, 1, 4))
    )
    edits.correct(c, {"actor": "het kabinet"})
    c.refresh_from_db()
    assert c.overdue_since == timezone.localdate() - dt.timedelta(days=2)


def test_a_postponement_notice_staff_add_in_the_sets_admin_postpones_the_set(client, admin_user):
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19))
    notice = DocumentFactory(kind="notice", date=dt.date(2021, 2, 8))
    client.force_login(admin_user)
    url = f"/admin/tracker/questionset/{qs.pk}/change/"
    data = change_form_data(client, url, why="mededeling per post")
    data.update(
        {
            "postponements-TOTAL_FORMS": "1",
            "postponements-0-document": str(notice.pk),
            "postponements-0-date": "2021-02-08",
            "postponements-0-question_set": str(qs.pk),
        }
    )
    assert client.post(url, data).status_code == 302
    qs.refresh_from_db()
    assert (qs.postponed_on, qs.answer_due) == (dt.date(2021, 2, 8), dt.date(2021, 3, 2))
    assert ("postponed", "", "2021-02-08") in events(qs)
    assert Correction.objects.get(object_id=qs.pk, field="postponed_on").why == "mededeling per post"


def test_a_suggestion_staff_confirm_in_the_commitments_admin_fulfils_it(client, admin_user):
    c = CommitmentFactory(due_date=dt.date(2021, 6, 1))
    letter = DocumentFactory(kind="letter", date=dt.date(2021, 5, 20))
    suggestion = FulfilmentSuggestion.objects.create(commitment=c, document=letter, score=0.9)
    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{c.pk}/change/"
    assert client.post(url, change_form_data(client, url, **{"suggestions-0-state": "confirmed"})).status_code == 302
    c.refresh_from_db()
    suggestion.refresh_from_db()
    assert (suggestion.state, c.status, c.evidence, c.closed_on) == (
        "confirmed",
        "fulfilled",
        letter,
        dt.date(2021, 5, 20),
    )
    assert [row[0] for row in events(c)] == ["suggestion", "status"]
