"""Staff correct a record in the admin (its change form, an inline, a bulk
action); a new version of the paper arrives; the correction stands, each
promise is one live commitment, the history shows the edit, and due and
overdue state follow at once."""

import datetime as dt

import pytest
from django.utils import timezone

from documents.models import Document
from tests.admin_forms import change_form_data
from tests.edits.papers import (
    CHECHNYA_ANSWERS,
    COC_LETTER,
    COC_MEETING,
    WAITING_LISTS_ANSWERS,
    admin_save,
    admin_url,
    correction,
    events,
    ingest,
    live,
    new_version,
)
from tracker.domain.identity import sentence_hash
from tracker.jobs.flag_overdue import flag_overdue
from tracker.models import Commitment, Correction, QuestionSet

pytestmark = pytest.mark.django_db

COC_LETTER_EDITED = ("Het kabinet deelt de bezorgdheid", "Het kabinet deelt de grote bezorgdheid")
#: what staff make of the meeting's long sentence
MEETING_AS_STAFF_WORD_IT = "Op 3 februari 2014 spreken het COC, de Minister-President en de Minister van OCW elkaar."
#: a new version that words the meeting's own sentence a little differently
COC_MEETING_REWORDED = ("opdat het COC het kabinet input kan", "zodat het COC het kabinet input kan")


@pytest.fixture
def coc_letter(db):
    ingest(COC_LETTER)
    flag_overdue(timezone.localdate())
    meeting = live(COC_MEETING)
    assert (meeting.due_date, meeting.overdue_since) == (dt.date(2014, 2, 3), dt.date(2014, 2, 4))
    return meeting


def test_a_sentence_staff_correct_in_the_admin_stands_in_a_new_version_of_the_letter(
    staff_client, admin_user, coc_letter
):
    parser_sentence = coc_letter.sentence
    live_before = Commitment.objects.live().count()
    admin_save(staff_client, coc_letter, sentence=MEETING_AS_STAFF_WORD_IT, why="leesbaarder")

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live("Op 3 februari 2014 spreken het COC")
    assert meeting.pk == coc_letter.pk
    assert meeting.sentence_hash == sentence_hash(parser_sentence), "the paper's sentence still names it"
    assert not Commitment.objects.live().filter(sentence=parser_sentence).exists()
    assert Commitment.objects.live().count() == live_before
    fix = correction(meeting, "sentence")
    assert (fix.parser_value, fix.corrected_value, fix.by, fix.why) == (
        parser_sentence,
        MEETING_AS_STAFF_WORD_IT,
        admin_user,
        "leesbaarder",
    )


def test_a_sentence_staff_correct_in_the_admin_stays_one_commitment_when_the_letter_rewords_it(
    staff_client, coc_letter
):
    """The paper's own sentence changes a little: it is still the promise staff corrected (matched by
    what the paper said, not by the staff's wording), not a second live commitment."""
    live_before = Commitment.objects.live().count()
    admin_save(staff_client, coc_letter, sentence=MEETING_AS_STAFF_WORD_IT)

    new_version(COC_LETTER, COC_MEETING_REWORDED)

    meeting = live("Op 3 februari 2014 spreken het COC")
    assert meeting.pk == coc_letter.pk
    assert not Commitment.objects.live().filter(sentence__contains="zodat het COC").exists()
    assert Commitment.objects.live().count() == live_before
    assert "zodat het COC" in correction(meeting, "sentence").parser_now


def test_a_due_date_staff_change_in_the_admin_is_in_the_history_at_once_and_stands_in_a_new_version(
    staff_client, admin_user, coc_letter
):
    admin_save(staff_client, coc_letter, due_date="2014-02-10", why="datum volgens het ministerie")
    coc_letter.refresh_from_db()
    assert coc_letter.overdue_since == dt.date(2014, 2, 11), "overdue from the new date on, without waiting for the job"
    assert ("redated", "2014-02-03", "2014-02-10") in events(coc_letter)

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live(COC_MEETING)
    assert (meeting.due_date, meeting.overdue_since) == (dt.date(2014, 2, 10), dt.date(2014, 2, 11))
    fix = correction(meeting, "due_date")
    assert (fix.parser_value, fix.corrected_value, fix.parser_now, fix.by, fix.why) == (
        "2014-02-03",
        "2014-02-10",
        "2014-02-03",
        admin_user,
        "datum volgens het ministerie",
    )


def test_a_status_staff_set_in_the_admin_is_a_lifecycle_move_and_stands_in_a_new_version(
    staff_client, admin_user, coc_letter
):
    admin_save(staff_client, coc_letter, status="lapsed", lapsed_reason="het kabinet is gevallen")
    coc_letter.refresh_from_db()
    assert (coc_letter.status, coc_letter.closed_on, coc_letter.overdue_since) == ("lapsed", timezone.localdate(), None)

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live(COC_MEETING)
    assert (meeting.status, meeting.lapsed_reason, meeting.overdue_since) == ("lapsed", "het kabinet is gevallen", None)
    assert ("status", "open", "lapsed") in events(meeting)


def test_a_lapse_without_a_reason_is_refused_by_the_admin_form(staff_client, coc_letter):
    url = admin_url(coc_letter)
    response = staff_client.post(url, change_form_data(staff_client, url, status="lapsed"))
    assert response.status_code == 200
    assert "Geef een reden" in response.content.decode()
    coc_letter.refresh_from_db()
    assert coc_letter.status == "open" and not events(coc_letter)[1:]


def test_a_due_date_staff_change_in_the_papers_admin_inline_stands_in_a_new_version(
    staff_client, admin_user, coc_letter
):
    url = admin_url(coc_letter.source_document)
    data = change_form_data(staff_client, url)
    prefix = next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("commitments-") and key.endswith("-id") and value == str(coc_letter.pk)
    )
    data[f"{prefix}-due_date"] = "2014-02-10"
    data["why"] = "zie de agenda"
    assert staff_client.post(url, data).status_code == 302
    coc_letter.refresh_from_db()
    assert (coc_letter.due_date, coc_letter.overdue_since) == (dt.date(2014, 2, 10), dt.date(2014, 2, 11))

    new_version(COC_LETTER, COC_LETTER_EDITED)

    meeting = live(COC_MEETING)
    assert meeting.due_date == dt.date(2014, 2, 10)
    assert correction(meeting, "due_date").why == "zie de agenda"
    assert ("redated", "2014-02-03", "2014-02-10") in events(meeting)


def test_confirming_finds_in_bulk_in_the_admin_stands_in_a_new_version_of_the_letter(
    staff_client, admin_user, coc_letter
):
    queue = list(Commitment.objects.to_confirm().filter(source_document=coc_letter.source_document))
    assert len(queue) >= 2
    response = staff_client.post(
        "/admin/tracker/commitment/", {"action": "confirm_commitments", "_selected_action": [c.pk for c in queue]}
    )
    assert response.status_code == 302

    new_version(COC_LETTER, COC_LETTER_EDITED)

    for find in queue:
        find = Commitment.objects.get(pk=find.pk)
        assert find.confirmed and not find.retired
        assert ("confirmed", "", "bevestigd") in events(find)
        assert live(find.sentence[:60]).pk == find.pk
    assert not Commitment.objects.to_confirm().filter(source_document=coc_letter.source_document).exists()


def test_a_submitted_date_staff_correct_in_the_admin_moves_the_due_dates_and_stands_in_a_new_version_of_the_answers(
    staff_client, admin_user
):
    """The Tsjetsjenië answers carry no Aanhangsel number: the new version is found by what the paper
    says (submitted 22 January 2019), not by the date staff corrected."""
    ingest(CHECHNYA_ANSWERS)
    qs = QuestionSet.objects.get()
    assert (qs.submitted, qs.answer_due, qs.received) == (
        dt.date(2019, 1, 22),
        dt.date(2019, 2, 12),
        dt.date(2019, 2, 15),
    )
    assert QuestionSet.objects.answered_late().filter(pk=qs.pk).exists()
    promises = list(Commitment.objects.live().values_list("sentence", flat=True))
    admin_save(staff_client, qs, submitted="2019-01-29", why="datum volgens de Kamer")
    qs.refresh_from_db()
    assert (qs.term_due, qs.answer_due) == (dt.date(2019, 2, 19), dt.date(2019, 2, 19))
    assert QuestionSet.objects.answered_on_time().filter(pk=qs.pk).exists()
    assert ("redated", "2019-02-12", "2019-02-19") in events(qs)
    assert list(Correction.objects.values_list("field", flat=True)) == ["submitted"], "untouched inlines say nothing"

    new_version(
        CHECHNYA_ANSWERS,
        (
            "Ik deel uw zorgen over de mensenrechtenschendingen.",
            "Ik deel uw grote zorgen over de mensenrechtenschendingen.",
        ),
    )

    assert QuestionSet.objects.count() == 1 and Document.objects.count() == 1
    qs = QuestionSet.objects.get()
    assert (qs.submitted, qs.answer_due, qs.overdue_since) == (dt.date(2019, 1, 29), dt.date(2019, 2, 19), None)
    fix = correction(qs, "submitted")
    assert (fix.parser_value, fix.corrected_value, fix.parser_now, fix.why) == (
        "2019-01-22",
        "2019-01-29",
        "2019-01-22",
        "datum volgens de Kamer",
    )
    for sentence in promises:
        assert live(sentence).answer.question_set == qs


def test_a_question_staff_correct_in_the_sets_admin_stands_in_a_new_version_of_the_answers(staff_client, admin_user):
    ingest(WAITING_LISTS_ANSWERS)
    qs = QuestionSet.objects.get()
    question = qs.questions.get(label="1")
    url = admin_url(qs)
    data = change_form_data(staff_client, url, why="tikfout in de bron")
    prefix = next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("questions-") and key.endswith("-id") and value == str(question.pk)
    )
    data[f"{prefix}-text"] = "Bent u bekend met het bericht over de wachtlijsten in de jeugdzorg?"
    assert staff_client.post(url, data).status_code == 302
    assert list(Correction.objects.values_list("field", flat=True)) == ["text"]

    new_version(WAITING_LISTS_ANSWERS, ("Ja, ik zal uw Kamer", "Ja, ik zal de Kamer"))

    question = qs.questions.get(label="1")
    assert (question.text, question.retired) == (
        "Bent u bekend met het bericht over de wachtlijsten in de jeugdzorg?",
        False,
    )
    assert qs.questions.count() == 2
    fix = correction(question, "text")
    assert (fix.by, fix.why) == (admin_user, "tikfout in de bron")
    assert fix.parser_value.startswith("Bent u bekend met het bericht over de wachtlijsten")


def test_a_submitted_date_staff_correct_on_a_numbered_answer_paper_moves_its_due_dates_and_stands(
    staff_client, admin_user
):
    """Aanhangsel 2023-2024, nr. 1949: the paper's number finds the set, whatever its dates."""
    ingest(WAITING_LISTS_ANSWERS)
    qs = QuestionSet.objects.get()
    admin_save(staff_client, qs, submitted="2024-04-16", why="ingezonden na het reces")
    qs.refresh_from_db()
    assert (qs.term_due, qs.answer_due) == (dt.date(2024, 5, 7), dt.date(2024, 5, 7))
    assert ("redated", "2024-04-23", "2024-05-07") in events(qs)

    new_version(WAITING_LISTS_ANSWERS, ("Bent u bekend met het bericht", "Kent u het bericht"))

    qs = QuestionSet.objects.get()
    assert (qs.submitted, qs.answer_due, qs.overdue_since) == (dt.date(2024, 4, 16), dt.date(2024, 5, 7), None)
    assert QuestionSet.objects.answered_on_time().filter(pk=qs.pk).exists()
    fix = correction(qs, "submitted")
    assert (fix.parser_value, fix.corrected_value, fix.parser_now, fix.by, fix.why) == (
        "2024-04-02",
        "2024-04-16",
        "2024-04-02",
        admin_user,
        "ingezonden na het reces",
    )
    assert live("ik zal uw Kamer voor de zomer informeren").answer.question_set == qs
