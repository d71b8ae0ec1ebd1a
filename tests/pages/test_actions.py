"""Editors change a commitment from its page; each change goes through the
one write path (tracker/domain/edits.py) and shows in the history on the page."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import CommitmentFactory, DocumentFactory
from tracker.models import Commitment, Correction, FulfilmentSuggestion, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    return CommitmentFactory(due_date=dt.date(2021, 6, 1), deadline_text="voor de zomer", confidence=0.6)


def detail(client, c):
    return client.get(reverse("commitment-detail", args=[c.pk])).content.decode()


def test_marking_fulfilled_with_evidence_records_it_and_shows_it_in_the_history(editor_client, editor, commitment):
    letter = DocumentFactory(kind="letter", dossier="32 735", number="400", date=dt.date(2021, 5, 20))
    response = editor_client.post(
        reverse("commitment-status", args=[commitment.pk]),
        {"form": "fulfil", "fulfil-status": "fulfilled", "fulfil-evidence": letter.pk},
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.status, commitment.evidence, commitment.closed_on) == ("fulfilled", letter, dt.date(2021, 5, 20))
    change = StatusChange.objects.get()
    assert (change.old_value, change.new_value, change.by, change.evidence) == ("open", "fulfilled", editor, letter)
    html = detail(editor_client, commitment)
    assert "Status gewijzigd in voldaan." in html
    assert "Kamerstuk 32 735, nr. 400" in html
    assert "Status gewijzigd van Openstaand naar Voldaan" in html and "redacteur" in html


def test_partially_fulfilled(editor_client, commitment):
    editor_client.post(
        reverse("commitment-status", args=[commitment.pk]),
        {"form": "partial", "partial-status": "partially_fulfilled", "partial-reason": "deel 1 van 2"},
    )
    commitment.refresh_from_db()
    assert commitment.status == "partially_fulfilled"
    assert StatusChange.objects.get().note == "deel 1 van 2"


def test_lapsed_needs_a_reason(editor_client, commitment):
    url = reverse("commitment-status", args=[commitment.pk])
    response = editor_client.post(url, {"form": "lapse", "lapse-status": "lapsed", "lapse-reason": " "}, follow=True)
    assert "Geef een reden" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "open"
    editor_client.post(url, {"form": "lapse", "lapse-status": "lapsed", "lapse-reason": "kabinet gevallen"})
    commitment.refresh_from_db()
    assert (commitment.status, commitment.lapsed_reason) == ("lapsed", "kabinet gevallen")
    assert "kabinet gevallen" in detail(editor_client, commitment)


def test_reopening(editor_client, commitment):
    url = reverse("commitment-status", args=[commitment.pk])
    editor_client.post(url, {"form": "lapse", "lapse-status": "lapsed", "lapse-reason": "x"})
    editor_client.post(url, {"status": "open"})
    commitment.refresh_from_db()
    assert (commitment.status, commitment.closed_on) == ("open", None)
    assert StatusChange.objects.count() == 2


def test_an_unknown_status_changes_nothing(editor_client, commitment):
    editor_client.post(reverse("commitment-status", args=[commitment.pk]), {"status": "weg"})
    commitment.refresh_from_db()
    assert commitment.status == "open"
    assert not StatusChange.objects.exists()


def test_redating(editor_client, commitment):
    editor_client.post(
        reverse("commitment-redate", args=[commitment.pk]), {"due_date": "2021-12-31", "note": "brief van 1 juni"}
    )
    commitment.refresh_from_db()
    assert (commitment.due_date, commitment.due_precision) == (dt.date(2021, 12, 31), "day")
    change = StatusChange.objects.get()
    assert (change.event, change.old_value, change.new_value) == ("redated", "2021-06-01", "2021-12-31")
    due = Correction.objects.get(object_id=commitment.pk, field="due_date")
    assert (due.parser_value, due.corrected_value, due.why) == ("2021-06-01", "2021-12-31", "brief van 1 juni")
    assert "Nieuwe termijn" in detail(editor_client, commitment)


def test_confirming(editor_client, commitment):
    assert commitment.to_confirm
    editor_client.post(reverse("commitment-confirm", args=[commitment.pk]))
    commitment.refresh_from_db()
    assert commitment.confirmed and not commitment.to_confirm
    assert StatusChange.objects.get().event == "confirmed"


def test_confirming_a_suggestion_fulfils_the_commitment(editor_client, commitment):
    letter = DocumentFactory(kind="letter", date=dt.date(2021, 5, 1))
    s = FulfilmentSuggestion.objects.create(commitment=commitment, document=letter, score=0.9, reason="zelfde dossier")
    assert "zelfde dossier" in detail(editor_client, commitment)
    editor_client.post(reverse("commitment-suggestion", args=[commitment.pk]), {"suggestion": s.pk, "accept": "1"})
    s.refresh_from_db()
    commitment.refresh_from_db()
    assert s.state == "confirmed"
    assert (commitment.status, commitment.evidence) == ("fulfilled", letter)


def test_rejecting_a_suggestion(editor_client, commitment):
    s = FulfilmentSuggestion.objects.create(commitment=commitment, document=DocumentFactory())
    editor_client.post(reverse("commitment-suggestion", args=[commitment.pk]), {"suggestion": s.pk, "accept": "0"})
    s.refresh_from_db()
    commitment.refresh_from_db()
    assert (s.state, commitment.status) == ("rejected", "open")
    assert StatusChange.objects.get().event == "suggestion"


def test_a_suggestion_of_another_commitment_is_refused(editor_client, commitment):
    other = FulfilmentSuggestion.objects.create(commitment=CommitmentFactory(), document=DocumentFactory())
    editor_client.post(reverse("commitment-suggestion", args=[commitment.pk]), {"suggestion": other.pk, "accept": "1"})
    other.refresh_from_db()
    assert other.state == "suggested"


def test_corrections_show_in_the_history(editor_client, commitment, editor):
    from django.contrib.contenttypes.models import ContentType

    Correction.objects.create(
        content_type=ContentType.objects.get_for_model(Commitment),
        object_id=commitment.pk,
        field="deadline_text",
        parser_value="voor de zomer",
        corrected_value="voor 1 juli",
        by=editor,
    )
    html = detail(editor_client, commitment)
    assert "Termijn (tekst) gecorrigeerd van voor de zomer naar voor 1 juli" in html
