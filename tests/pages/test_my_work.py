"""An editor's queue: what waits on staff, on one page."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.models import Discrepancy, FulfilmentSuggestion

TODAY = timezone.localdate()


def test_the_queue_shows_finds_to_confirm_suggestions_differences_and_review_dates(editor_client, db):
    unsure = CommitmentFactory(sentence="Ik zal bezien of de regeling wordt verlengd.", confidence=0.5)
    CommitmentFactory(
        sentence="Ik zal u voor de zomer informeren.", confidence=0.5, status="fulfilled", closed_on=TODAY
    )  # closed: nothing to confirm
    promised = CommitmentFactory(
        sentence="Ik zal de Kamer over de evaluatie informeren.",
        confidence=0.95,
        due_date=TODAY + dt.timedelta(days=30),
    )
    FulfilmentSuggestion.objects.create(
        commitment=promised, document=DocumentFactory(title="Evaluatie"), score=0.8, reason="noemt de toezegging"
    )
    waiting = CommitmentFactory(
        sentence="Wij komen hierop terug.", confidence=0.95, due_date=None, review_date=TODAY - dt.timedelta(days=1)
    )
    qs = QuestionSetFactory(subject="de boycot")
    Discrepancy.objects.create(
        question_set=qs, field="received", open_data_value="2024-03-03", paper_value="2024-03-04"
    )
    page = editor_client.get("/mijn-werk/").content.decode()
    assert unsure.sentence in page
    assert "Ik zal u voor de zomer informeren." not in page
    assert "mogelijk nagekomen in" in page and promised.sentence in page
    assert "beantwoord: open data 3 maart 2024, document 4 maart 2024" in page
    assert waiting.sentence in page
    assert page.count("(1)") == 4


def test_an_empty_queue_says_there_is_nothing_to_do(editor_client, db):
    page = editor_client.get("/mijn-werk/").content.decode()
    assert page.count("Niets te doen.") == 4


def test_a_viewer_has_no_queue(reviewer, db):
    assert reviewer.get("/mijn-werk/").status_code == 403
    assert "Mijn werk" not in reviewer.get("/commitments/").content.decode()
