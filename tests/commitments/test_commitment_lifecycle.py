"""A promise in a letter, re-dated by a later letter, kept by a third."""

import datetime as dt

import pytest

from tests.conftest import FIXTURES, SAMPLES
from tests.ingest.test_ingest import ingest
from tracker.domain import lifecycle
from tracker.models import Commitment, FulfilmentSuggestion, QuestionSet, Request, StatusChange

pytestmark = pytest.mark.django_db

LETTERS = sorted((FIXTURES / "commitment").glob("*.txt"))


def test_a_promise_re_dated_and_then_kept_ends_fulfilled_with_its_evidence_and_both_dates_in_its_history(editor):
    promise, postponement, fulfilment = LETTERS
    ingest(promise)
    commitment = Commitment.objects.get()
    assert (commitment.due_date, commitment.actor) == (
        dt.date(2023, 2, 28),
        "Minister voor Primair en Voortgezet Onderwijs",
    )

    ingest(postponement)
    assert Commitment.objects.count() == 1, "the re-dating letter re-dates the promise, it adds none"
    commitment.refresh_from_db()
    assert commitment.due_date == dt.date(2023, 4, 30)
    redated = StatusChange.objects.get(object_id=commitment.pk, event="redated")
    assert (redated.old_value, redated.new_value, redated.evidence.number) == ("2023-02-28", "2023-04-30", "650")

    ingest(fulfilment)
    suggestion = FulfilmentSuggestion.objects.get(commitment=commitment)
    assert suggestion.document.number == "660"
    assert Commitment.objects.overdue(on=dt.date(2023, 3, 15)).count() == 0
    lifecycle.decide_suggestion(suggestion, accept=True, by=editor)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.evidence.number, commitment.closed_on) == (
        "fulfilled",
        "660",
        dt.date(2023, 4, 25),
    )
    events = list(StatusChange.objects.filter(object_id=commitment.pk).values_list("event", "old_value", "new_value"))
    assert ("redated", "2023-02-28", "2023-04-30") in events
    assert ("status", "open", "fulfilled") in events


def test_the_seed_letter_promises_a_coc_meeting_on_3_february_2014():
    ingest(SAMPLES)
    meeting = Commitment.objects.get(sentence__contains="gesprek plaatsvinden tussen het COC")
    assert meeting.due_date == dt.date(2014, 2, 3)
    assert meeting.source_document.dossier == "32 735" and meeting.source_document.number == "100"


def test_a_request_answered_yes_becomes_a_commitment_linked_to_it():
    ingest(SAMPLES)
    belarus = QuestionSet.objects.get(subject__icontains="Belarus")
    request = Request.objects.get(question__question_set=belarus, question__label="5")
    assert request.reply == "yes"
    commitment = request.commitment
    assert commitment.answer.label == "5"
    assert commitment.rule == "request_answered_yes"
    assert commitment.actor_office.title == "Minister van Buitenlandse Zaken"


def test_a_commitment_without_a_deadline_gets_a_review_date_six_weeks_after_its_paper():
    ingest(SAMPLES)
    c = Commitment.objects.get(sentence__contains="wil ik dit ook in VN-verband agenderen")
    assert c.due_date is None
    assert c.review_date == dt.date(2019, 2, 15) + dt.timedelta(weeks=6)


def test_borderline_finds_wait_in_the_to_confirm_queue_until_staff_confirm(editor):
    ingest(SAMPLES)
    queue = Commitment.objects.to_confirm()
    assert queue.exists()
    c = queue.first()
    lifecycle.confirm(c, by=editor)
    assert not Commitment.objects.to_confirm().filter(pk=c.pk).exists()
    assert StatusChange.objects.filter(object_id=c.pk, event="confirmed", by=editor).exists()


def test_a_fulfilling_letter_stored_before_the_promise_is_still_suggested(tmp_path):
    promise, _postponement, fulfilment = LETTERS
    early_copy = tmp_path / "nakoming-640.txt"
    early_copy.write_text(fulfilment.read_text(encoding="utf-8").replace("nr. 650", "nr. 640"), encoding="utf-8")
    ingest(early_copy)
    ingest(promise)
    suggestion = FulfilmentSuggestion.objects.get()
    assert suggestion.document.number == "660"
    assert "meldt nakoming" in suggestion.reason


def test_a_fulfilment_sentence_that_names_the_promise_paper_is_the_strongest_evidence():
    """ "Met deze brief voldoe ik aan mijn toezegging ... (Kamerstuk 31 293, nr. 650)": the
    sentence itself names the paper that re-dated the promise, so the suggestion says so and scores high."""
    promise, postponement, fulfilment = LETTERS
    ingest(promise)
    ingest(postponement)
    ingest(fulfilment)
    suggestion = FulfilmentSuggestion.objects.get()
    assert "noemt het brondocument" in suggestion.reason
    assert suggestion.score >= 0.9


def test_a_new_version_of_the_promise_letter_keeps_the_date_a_later_letter_gave_it(tmp_path):
    promise, postponement, _ = LETTERS
    ingest(promise)
    ingest(postponement)
    changed = tmp_path / promise.name
    changed.write_text(promise.read_text().replace("Tijdens het commissiedebat", "Tijdens het eerdere commissiedebat"))
    assert ingest(changed)["updated"] == 1
    commitment = Commitment.objects.get()
    # the letter of nr. 650 moved 28 February to 30 April; the promise's own letter, read again, does not undo that
    assert commitment.due_date == dt.date(2023, 4, 30)
    redated = StatusChange.objects.filter(object_id=commitment.pk, event="redated")
    assert list(redated.values_list("old_value", "new_value")) == [("2023-02-28", "2023-04-30")]
