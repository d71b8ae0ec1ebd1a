"""Replaying the project's recording: question sets from the day they are asked, their papers
linked, the registry imported; a second run changes nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType

from documents.models import Document
from tracker.ingest.run import ingest_bytes
from tracker.models import (
    Asker,
    Correction,
    FeedPosition,
    OpenDataDocument,
    OpenDataZaak,
    Postponement,
    QuestionSet,
    RegistryCommitment,
    StatusChange,
)

from .conftest import RECORDING, day, question_set, sync_json

pytestmark = pytest.mark.django_db


def test_replaying_the_recording_creates_the_question_sets_from_the_day_they_were_asked(replayed):
    assert replayed["errors"] == []
    kroger = question_set("kroger")
    # GestartOp 2024-03-04T23:00:00Z is 5 March in Amsterdam
    assert kroger.submitted == day("2024-03-05")
    assert [str(a) for a in kroger.askers.all()] == ["Kröger (GroenLinks-PvdA)"]
    assert [o.title for o in kroger.addressed_to.all()] == ["Minister van Infrastructuur en Waterstaat"]
    dobbe = question_set("dobbe")
    assert [str(a) for a in dobbe.askers.all()] == ["Dobbe (SP)"], "'Dobbe, J.' is the member Dobbe"
    assert dobbe.addressed_to.get().ministry.name == "Volksgezondheid, Welzijn en Sport"
    assert question_set("omtzigt").addressed_to.get().title == "Staatssecretaris van Financiën"
    assert QuestionSet.objects.count() == 4, "the motion, the Zaak of 2019 and the withdrawn Zaak are no sets"


def test_the_answers_and_postponements_are_fetched_ingested_and_linked(replayed):
    kroger = question_set("kroger")
    assert kroger.question_document.open_data_documents.get().number == "2024D09001"
    assert kroger.answer_document.open_data_documents.get().number == "2024D11002"
    assert (kroger.vergaderjaar, kroger.aanhangsel_number) == ("2023-2024", "1500")
    assert kroger.received == day("2024-03-26"), "the Aanhangsel's date: a paper wins until staff choose"
    assert kroger.questions.count() == 2 and kroger.answers.count() == 2
    dobbe = question_set("dobbe")
    notice = Postponement.objects.get(question_set=dobbe)
    assert notice.document.open_data_documents.get().soort == "Mededeling (uitstel antwoord)"
    assert dobbe.postponed_on == day("2024-03-27") and dobbe.answer_due == day("2024-04-18")
    bikker = question_set("bikker")
    assert bikker.received == day("2024-04-15") and bikker.answer_due == day("2024-03-29")
    assert QuestionSet.objects.answered_late().filter(pk=bikker.pk).exists()
    assert Document.objects.count() == 4 and not OpenDataDocument.objects.filter(paper="failed").exists()


def test_deleted_records_are_honoured(replayed):
    assert replayed["deleted"] == 3  # a Zaak, a Document, a Toezegging
    withdrawn = OpenDataZaak.objects.get(number="2024Z04700")
    assert withdrawn.deleted and withdrawn.question_set is None
    omtzigt = question_set("omtzigt")
    assert omtzigt.received is None, "its answer Document was withdrawn before its file was fetched"
    assert OpenDataDocument.objects.get(number="2024D13000").document is None
    assert RegistryCommitment.objects.get(number="TZ202404-004").deleted


def test_the_registry_is_imported_apart_with_the_statuses_found_in_the_data(replayed):
    live = RegistryCommitment.objects.filter(deleted=False)
    assert sorted(live.values_list("status", flat=True)) == [
        "",
        "Afgedaan",
        "Deels Afgedaan",
        "Openstaand",
        "Vervallen",
    ]
    open_one = live.get(number="TZ202403-101")
    assert open_one.due_on is None, "0001-01-01 is no date"
    assert open_one.ministry == "Infrastructuur en Waterstaat" and open_one.minister == "Harbers, M.G.J."
    assert live.get(number="TZ202402-050").letters == ["2024D14000"]
    # side by side: the written commitment in the answer to Kröger is the same promise
    [match] = open_one.matches.select_related("commitment")
    assert "voor de zomer informeren over de nieuwe planning" in match.commitment.sentence
    assert match.commitment.answer.question_set == question_set("kroger")


def test_a_second_run_reports_nothing_created_or_updated(replayed):
    assert replayed["created"] > 0
    assert sync_json("--from-dir", str(RECORDING)) == {
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "deleted": 0,
        "errors": [],
    }


def state():
    ct = ContentType.objects.get_for_model(QuestionSet)
    return (
        list(QuestionSet.objects.order_by("pk").values()),
        Asker.objects.count(),
        Document.objects.count(),
        StatusChange.objects.filter(content_type=ct).count(),
        Correction.objects.count(),
    )


def test_the_whole_feed_sent_again_changes_nothing(replayed):
    """The Kamer re-sends records in bulk: read from the start again, every entry is unchanged."""
    before = state()
    FeedPosition.objects.update(skiptoken="")
    again = sync_json("--from-dir", str(RECORDING))
    assert (again["created"], again["updated"], again["deleted"], again["errors"]) == (0, 0, 0, [])
    assert again["unchanged"] == 29
    assert state() == before


def test_the_feed_resumes_after_the_last_committed_entry(replayed):
    positions = dict(FeedPosition.objects.values_list("category", "skiptoken"))
    assert positions == {"Zaak": "18100010", "ZaakActor": "18200011", "Document": "18300008", "Toezegging": "18400008"}
    assert set(FeedPosition.objects.values_list("since", flat=True)) == {day("2024-01-01")}


def test_a_paper_uploaded_before_the_sync_is_the_same_paper(db):
    """Staff uploaded the answer to Bikker; the sync fetches the same file: one paper, one set."""
    data = (RECORDING / "resources" / "7c000000-0000-4000-8000-000000000004.txt").read_bytes()
    uploaded = ingest_bytes(data, "upload/antwoord-bikker.txt")
    assert uploaded.status == "stored"
    uploaded_set = QuestionSet.objects.get(answer_document_id=uploaded.document_id)
    assert sync_json("--from-dir", str(RECORDING))["errors"] == []
    assert Document.objects.filter(aanhangsel_number="1777").count() == 1
    assert OpenDataDocument.objects.get(number="2024D15000").document_id == uploaded.document_id
    assert question_set("bikker") == uploaded_set
    assert QuestionSet.objects.count() == 4


def test_a_paper_uploaded_after_the_sync_joins_the_set_of_its_zaak(replayed):
    """Omtzigt's set is known only from the open data; staff upload its answer later: still one set."""
    omtzigt = question_set("omtzigt")
    paper = (
        "Aanhangsel Handelingen II 2023/24, nr. 1888\n"
        "Vragen van het lid Omtzigt (NSC) aan de Staatssecretaris van Financiën over de herstelregeling "
        "toeslagen (ingezonden 11 maart 2024).\n"
        "Antwoord van Staatssecretaris Van Rij (Financiën) (ontvangen 10 april 2024).\n"
        "Vraag 1\nWanneer krijgen alle ouders een besluit?\nAntwoord 1\nVoor het einde van het jaar.\n"
    )
    result = ingest_bytes(paper.encode(), "upload/antwoord-omtzigt.txt")
    assert result.status == "stored"
    omtzigt.refresh_from_db()
    assert omtzigt.answer_document_id == result.document_id and omtzigt.received == day("2024-04-10")
    assert QuestionSet.objects.count() == 4
