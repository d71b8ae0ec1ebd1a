"""Ingesting papers as they come: each lands on the right records, once."""

import contextlib
import datetime as dt
import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from documents.models import Document
from tests.conftest import FIXTURES, SAMPLES, seed
from tracker.models import Answer, Postponement, Question, QuestionSet, Reference

pytestmark = pytest.mark.django_db

LIFECYCLE = FIXTURES / "lifecycle"


def ingest(*paths):
    """Run the ingest command; return its JSON summary."""
    out = StringIO()
    with contextlib.suppress(CommandError):  # a failed file: the summary is printed all the same
        call_command("ingest", *map(str, paths), "--json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_ingesting_the_seeds_twice_stores_five_papers_then_reports_five_unchanged():
    assert ingest(SAMPLES) == {"stored": 5, "updated": 0, "unchanged": 0, "failed": []}
    assert ingest(SAMPLES) == {"stored": 0, "updated": 0, "unchanged": 5, "failed": []}
    assert Document.objects.count() == 5


def test_a_copy_of_a_seed_with_one_word_changed_in_an_answer_updates_the_paper(tmp_path):
    ingest(SAMPLES)
    text = seed("002").read_text(encoding="utf-8")
    assert "Ik kan de inhoud van het bericht niet bevestigen" in text
    changed = tmp_path / "belarus-v2.txt"
    changed.write_text(
        text.replace(
            "Ik kan de inhoud van het bericht niet bevestigen", "Ik kan de inhoud van dit bericht niet bevestigen"
        ),
        encoding="utf-8",
    )
    assert ingest(changed) == {"stored": 0, "updated": 1, "unchanged": 0, "failed": []}
    assert Document.objects.count() == 5
    qs = QuestionSet.objects.get(subject__icontains="Belarus")
    assert qs.answers.filter(retired=False).count() == 6
    assert qs.answers.get(label="3").text.startswith("Ik kan de inhoud van dit bericht")


def test_the_seeds_are_linked_to_askers_parties_offices_and_ministries():
    ingest(SAMPLES)
    chechnya = QuestionSet.objects.get(subject__icontains="Tsjetsjeni")
    assert [(a.person.name, a.party.name) for a in chechnya.askers.all()] == [
        ("Van den Hul", "PvdA"),
        ("Ploumen", "PvdA"),
    ]
    assert chechnya.submitted == dt.date(2019, 1, 22)
    assert chechnya.answer_due == dt.date(2019, 2, 12)
    assert chechnya.received == dt.date(2019, 2, 15)
    assert set(chechnya.addressed_to.values_list("title", flat=True)) == {
        "Minister van Buitenlandse Zaken",
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    }
    assert set(chechnya.addressed_to.values_list("ministry__name", flat=True)) == {"Buitenlandse Zaken"}
    assert chechnya.answers.count() == 6
    assert all(a.questions.count() == 1 for a in chechnya.answers.all())
    roles = {(r.role, r.person.name if r.person else None) for r in chechnya.answer_document.minister_roles.all()}
    assert ("answerer", "Blok") in roles and ("co_answerer", None) in roles


def test_a_reference_resolves_to_a_stored_paper_also_when_that_paper_arrives_later(tmp_path):
    belarus_letter = seed("003")  # Kamerstuk 32 735, nr. 312, cites nr. 287
    ingest(belarus_letter)
    ref = Reference.objects.get(dossier="32 735", number="287")
    assert ref.target is None
    cited = tmp_path / "kst-32735-287.txt"
    cited.write_text(
        " 32 735 Mensenrechten in het buitenlands beleid \n\nNr. 287  BRIEF VAN DE MINISTER VAN "
        "BUITENLANDSE ZAKEN \n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
        "Den Haag, 1 september 2020 \n\nHierbij informeer ik uw Kamer over de situatie in Wit-Rusland.\n\n"
        "De Minister van Buitenlandse Zaken,\nS.A. Blok\n",
        encoding="utf-8",
    )
    assert ingest(cited)["stored"] == 1
    ref.refresh_from_db()
    assert ref.target == Document.objects.get(dossier="32 735", number="287")


def _copy(tmp_path, *names):
    out = []
    for i, name in enumerate(names):
        target = tmp_path / f"{i}-{name.name}"
        shutil.copy(name, target)
        out.append(target)
    return out


@pytest.mark.parametrize("order", ["as they come", "in reverse"])
def test_questions_then_postponement_then_answer_end_as_one_linked_question_set(tmp_path, order):
    papers = [LIFECYCLE / "belarus-vragen.txt", LIFECYCLE / "belarus-uitstel.txt", seed("002")]
    if order == "in reverse":
        papers.reverse()
    for paper in papers:
        assert ingest(paper)["stored"] == 1
    assert QuestionSet.objects.count() == 1
    qs = QuestionSet.objects.get()
    assert qs.submitted == dt.date(2021, 1, 19)
    assert qs.question_document.source_name == "belarus-vragen.txt"
    assert qs.answer_document.source_name == seed("002").name
    postponement = Postponement.objects.get(question_set=qs)
    assert (postponement.date, postponement.expected) == (dt.date(2021, 2, 8), dt.date(2021, 3, 1))
    assert qs.postponed_on == dt.date(2021, 2, 8)
    assert qs.term_due == dt.date(2021, 2, 9)
    assert qs.answer_due == dt.date(2021, 3, 2)  # 19 January + 21 + 21 days, the notice's own date not trusted
    assert qs.received == dt.date(2021, 3, 8)
    assert Question.objects.filter(question_set=qs).count() == 6
    assert Answer.objects.filter(question_set=qs).count() == 6


def test_a_questions_only_paper_creates_an_open_question_set_due_three_weeks_later():
    ingest(LIFECYCLE / "belarus-vragen.txt")
    qs = QuestionSet.objects.get()
    assert (qs.submitted, qs.answer_due, qs.received) == (dt.date(2021, 1, 19), dt.date(2021, 2, 9), None)
    assert QuestionSet.objects.overdue(on=dt.date(2021, 2, 10)).get() == qs
    assert not QuestionSet.objects.overdue(on=dt.date(2021, 2, 9)).exists()


def test_ingest_over_a_folder_with_a_bad_file_stores_the_good_ones_and_exits_1(tmp_path):
    tmp_path = tmp_path / "inbox"
    tmp_path.mkdir()
    for p in SAMPLES.iterdir():
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "kapot.pdf").write_bytes(b"\x00\x01 not a pdf at all")
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--json", stdout=StringIO(), stderr=StringIO())
    assert Document.objects.count() == 5
    summary = ingest(tmp_path)
    assert summary["unchanged"] == 5 and summary["stored"] == 0
    assert [f["source"] for f in summary["failed"]] == [str(tmp_path / "kapot.pdf")]
    assert summary["failed"][0]["error"]


def test_a_second_answer_paper_to_a_set_does_not_give_its_request_a_second_commitment(tmp_path):
    """The same answers received again on another day (a copy without a number of its own) is a
    new paper of the same set: a request already kept as a commitment keeps that one."""
    from tracker.models import Commitment, Request

    assert ingest(seed("002"))["stored"] == 1
    promised = {r.pk: r.commitment.pk for r in Request.objects.filter(commitment__isnull=False)}
    assert promised, "the seed answers a request with yes"
    again = tmp_path / "belarus-antwoord-opnieuw.txt"
    again.write_text(
        seed("002").read_text(encoding="utf-8").replace("(ontvangen 8 maart 2021)", "(ontvangen 15 maart 2021)"),
        encoding="utf-8",
    )
    result = ingest(again)
    assert result["failed"] == [] and result["stored"] == 1
    assert QuestionSet.objects.count() == 1
    assert {r.pk: r.commitment.pk for r in Request.objects.filter(commitment__isnull=False)} == promised
    assert Commitment.objects.filter(request__isnull=False).count() == len(promised)


def test_two_sets_by_one_member_on_one_day_stay_two_when_the_second_is_answered(tmp_path):
    """The answer to Ploumen's questions on Belarus must not join her other set of 19 January."""
    from tracker.models import Person

    other = QuestionSet.objects.create(
        kind="written_questions", subject="de visserij in de Waddenzee", submitted=dt.date(2021, 1, 19)
    )
    other.askers.create(person=Person.objects.create(name="Ploumen"), position=0)
    assert ingest(seed("002"))["stored"] == 1
    belarus = QuestionSet.objects.exclude(pk=other.pk).get()
    assert "Belarus" in belarus.subject and belarus.answer_document is not None
    other.refresh_from_db()
    assert other.answer_document is None and other.received is None


def test_minister_blok_named_in_the_consultation_acts_for_buitenlandse_zaken():
    """Seed 004 (a consultation without date or signature) says "Minister Blok
    zal ..."; seed 003, which it cites, is signed by Blok as Minister van
    Buitenlandse Zaken: the commitment gets that office and its ministry."""
    from tracker.models import Commitment

    ingest(seed("003"))
    ingest(seed("004"))
    named = Commitment.objects.filter(source_document__source_name__startswith="004", actor="Minister Blok")
    assert named.exists()
    for c in named:
        assert c.actor_office is not None and c.actor_office.title == "Minister van Buitenlandse Zaken"
        assert c.actor_office.ministry.name == "Buitenlandse Zaken"


def test_a_named_minister_the_tracker_has_never_seen_gets_no_made_up_office():
    from tracker.models import Commitment, Office

    ingest(seed("004"))
    assert not Office.objects.filter(title__startswith="Minister Blok").exists()
    assert Commitment.objects.filter(actor="Minister Blok").exists()
