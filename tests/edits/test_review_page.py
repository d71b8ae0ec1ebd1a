"""An editor changes a commitment on its review page; a new version of the
paper arrives; the edit stands, the commitment is one live record, its history
shows the edit, and its due and overdue state follow at once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from tests.edits.papers import (
    COC_LETTER,
    COC_MEETING,
    FULFILMENT,
    POSTPONEMENT,
    PROMISE,
    RIGHTS_COUNCIL_LETTER,
    correction,
    events,
    ingest,
    live,
    new_version,
)
from tracker.domain.history import long_date
from tracker.jobs.flag_overdue import flag_overdue
from tracker.models import Commitment, FulfilmentSuggestion

pytestmark = pytest.mark.django_db

#: a sentence of the COC letter that holds no promise, as a new version words it
COC_LETTER_EDITED = ("Het kabinet deelt de bezorgdheid", "Het kabinet deelt de grote bezorgdheid")
SECOND_TALK = "Tijdens dat gesprek zal opnieuw aandacht worden gevraagd"
PROMISE_EDITED = ("heeft uw Kamer gevraagd om inzicht", "heeft uw Kamer verzocht om inzicht")
FULFILMENT_EDITED = ("In elke regio is een regionaal plan opgesteld.", "In elke regio is inmiddels een plan opgesteld.")


@pytest.fixture
def coc_letter(db):
    """The COC letter stored, and the daily job has seen its meeting overdue since 4 February 2014."""
    ingest(COC_LETTER, RIGHTS_COUNCIL_LETTER)
    flag_overdue(timezone.localdate())
    meeting = live(COC_MEETING)
    assert (meeting.due_date, meeting.overdue_since) == (dt.date(2014, 2, 3), dt.date(2014, 2, 4))
    return meeting


def page(client, commitment) -> str:
    return client.get(reverse("commitment-detail", args=[commitment.pk])).content.decode()


def test_a_due_date_an_editor_moves_on_the_review_page_survives_a_new_version_of_the_letter(
    editor_client, editor, coc_letter
):
    later = timezone.localdate() + dt.timedelta(days=60)
    response = editor_client.post(
        reverse("commitment-redate", args=[coc_letter.pk]),
        {"due_date": later.isoformat(), "note": "het gesprek is verplaatst"},
    )
    assert response.status_code == 302
    coc_letter.refresh_from_db()
    assert coc_letter.overdue_since is None, "no longer overdue the moment it is re-dated"

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live(COC_MEETING)
    assert (meeting.due_date, meeting.due_precision, meeting.overdue_since) == (later, "day", None)
    assert not Commitment.objects.overdue(on=timezone.localdate()).filter(pk=meeting.pk).exists()
    due = correction(meeting, "due_date")
    assert (due.parser_value, due.corrected_value, due.parser_now, due.by, due.why) == (
        "2014-02-03",
        later.isoformat(),
        "2014-02-03",
        editor,
        "het gesprek is verplaatst",
    )
    assert ("redated", "2014-02-03", later.isoformat()) in events(meeting)
    html = page(editor_client, meeting)
    assert (
        f"Uiterlijk gecorrigeerd van 3 februari 2014 naar {long_date(later)}" in html
        and "het gesprek is verplaatst" in html
    )


def test_a_commitment_an_editor_marks_fulfilled_with_its_evidence_stays_fulfilled_in_a_new_version_of_the_letter(
    editor_client, editor, coc_letter
):
    evidence = Document.objects.get(dossier="32 735", number="312")
    response = editor_client.post(
        reverse("commitment-status", args=[coc_letter.pk]),
        {
            "form": "fulfil",
            "fulfil-status": "fulfilled",
            "fulfil-evidence": evidence.pk,
            "fulfil-reason": "het gesprek heeft plaatsgevonden",
        },
    )
    assert response.status_code == 302
    coc_letter.refresh_from_db()
    assert coc_letter.overdue_since is None, "a kept promise is not overdue, from the moment it is kept"

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live(COC_MEETING)
    assert (meeting.status, meeting.evidence, meeting.closed_on, meeting.overdue_since) == (
        "fulfilled",
        evidence,
        dt.date(2020, 9, 17),
        None,
    )
    assert ("status", "open", "fulfilled") in events(meeting)
    assert "het gesprek heeft plaatsgevonden" in page(editor_client, meeting)


def test_a_commitment_an_editor_lets_lapse_with_a_reason_stays_lapsed_in_a_new_version_of_the_letter(
    editor_client, editor, coc_letter
):
    response = editor_client.post(
        reverse("commitment-status", args=[coc_letter.pk]),
        {"form": "lapse", "lapse-status": "lapsed", "lapse-reason": "de Spelen zijn voorbij"},
    )
    assert response.status_code == 302
    coc_letter.refresh_from_db()
    assert (coc_letter.closed_on, coc_letter.overdue_since) == (timezone.localdate(), None)

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live(COC_MEETING)
    assert (meeting.status, meeting.lapsed_reason, meeting.overdue_since) == ("lapsed", "de Spelen zijn voorbij", None)
    assert ("status", "open", "lapsed") in events(meeting)
    assert not Commitment.objects.overdue(on=timezone.localdate()).filter(pk=meeting.pk).exists()


def test_a_find_an_editor_confirms_on_the_review_page_stays_confirmed_in_a_new_version_of_the_letter(
    editor_client, editor, coc_letter
):
    talk = live(SECOND_TALK)
    assert talk.to_confirm
    assert editor_client.post(reverse("commitment-confirm", args=[talk.pk])).status_code == 302

    new_version(COC_LETTER, COC_LETTER_EDITED)

    talk = live(SECOND_TALK)
    assert talk.confirmed and not talk.to_confirm
    assert not Commitment.objects.to_confirm().filter(pk=talk.pk).exists()
    assert ("confirmed", "", "bevestigd") in events(talk)


@pytest.fixture
def promise(db):
    """A promise, re-dated to 30 April 2023 by a later letter and kept by a third (suggested, not yet decided)."""
    ingest(PROMISE, POSTPONEMENT, FULFILMENT)
    flag_overdue(timezone.localdate())
    commitment = live("regionale aanpak van het lerarentekort")
    assert (commitment.due_date, commitment.overdue_since) == (dt.date(2023, 4, 30), dt.date(2023, 5, 1))
    return commitment


def decide(client, commitment, accept: bool) -> None:
    """The editor presses "Bevestigen: voldaan" or "Afwijzen" beside the suggested fulfilment."""
    suggestion = FulfilmentSuggestion.objects.get(commitment=commitment)
    response = client.post(
        reverse("commitment-suggestion", args=[commitment.pk]),
        {"suggestion": suggestion.pk, "accept": "1" if accept else "0"},
    )
    assert response.status_code == 302


def test_a_fulfilment_an_editor_confirms_on_the_review_page_stands_in_a_new_version_of_the_promise(
    editor_client, editor, promise
):
    decide(editor_client, promise, accept=True)
    promise.refresh_from_db()
    assert (promise.status, promise.overdue_since) == ("fulfilled", None)

    new_version(PROMISE, PROMISE_EDITED)

    commitment = live("regionale aanpak van het lerarentekort")
    assert (commitment.status, commitment.evidence.number, commitment.closed_on, commitment.overdue_since) == (
        "fulfilled",
        "660",
        dt.date(2023, 4, 25),
        None,
    )
    assert FulfilmentSuggestion.objects.get(commitment=commitment).state == "confirmed"
    history = events(commitment)
    assert ("status", "open", "fulfilled") in history
    assert any(event == "suggestion" and new.startswith("Bevestigd") for event, _, new in history)


def test_a_fulfilment_an_editor_rejects_on_the_review_page_is_not_suggested_again_by_a_new_version_of_the_letter(
    editor_client, editor, promise
):
    decide(editor_client, promise, accept=False)

    new_version(FULFILMENT, FULFILMENT_EDITED)

    commitment = live("regionale aanpak van het lerarentekort")
    suggestion = FulfilmentSuggestion.objects.get(commitment=commitment)
    assert (suggestion.state, suggestion.document.number) == ("rejected", "660")
    assert (commitment.status, commitment.overdue_since) == ("open", dt.date(2023, 5, 1))
    assert any(event == "suggestion" and new.startswith("Afgewezen") for event, _, new in events(commitment))
