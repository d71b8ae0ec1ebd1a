"""A set only the open data knew gives way to the set its paper made: one set, with the
staff's corrections and its Zaak; the nightly task is wired."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from tracker.domain import edits
from tracker.ingest.run import ingest_bytes
from tracker.models import Correction, OpenDataDocument, OpenDataZaak, QuestionSet
from tracker.opendata import link

from .conftest import question_set

pytestmark = pytest.mark.django_db

OTHER_WORDS = (
    "Aanhangsel Handelingen II 2023/24, nr. 1999\n"
    "Vragen van het lid Omtzigt (NSC) aan de Staatssecretaris van Financiën over de inning van de "
    "motorrijtuigenbelasting (ingezonden 11 maart 2024).\n"
    "Antwoord van Staatssecretaris Van Rij (Financiën) (ontvangen 12 april 2024).\n"
    "Vraag 1\nHoeveel fouten zijn er gemaakt?\nAntwoord 1\nDat wordt onderzocht.\n"
)


def test_the_set_only_the_open_data_knew_gives_way_to_the_set_its_paper_made(replayed, editor):
    omtzigt = question_set("omtzigt")
    edits.correct(omtzigt, {"subject": "de toeslagenaffaire"}, by=editor, why="staf")
    # the paper's words differ so much that the ingest does not recognise the set: it makes its own
    result = ingest_bytes(OTHER_WORDS.encode(), "upload/antwoord.txt")
    paper_set = QuestionSet.objects.get(answer_document_id=result.document_id)
    assert paper_set != omtzigt and QuestionSet.objects.count() == 5
    zaak = OpenDataZaak.objects.get(number="2024Z04512")
    answer = OpenDataDocument.objects.create(
        guid="7c000000-0000-4000-8000-000000000099",
        zaak_guid=zaak.guid,
        number="2024D16000",
        soort="Antwoord schriftelijke vragen",
        date=dt.date(2024, 4, 12),
        document_id=result.document_id,
        paper="done",
    )
    errors = []
    link.join(answer, lambda source, error: errors.append((source, error)))
    assert errors == []
    zaak.refresh_from_db()
    assert zaak.question_set == paper_set and zaak.pending
    assert not QuestionSet.objects.filter(pk=omtzigt.pk).exists() and QuestionSet.objects.count() == 4
    paper_set.refresh_from_db()
    assert paper_set.subject == "de toeslagenaffaire", "the staff's correction moved along"
    [correction] = Correction.objects.filter(
        content_type=ContentType.objects.get_for_model(QuestionSet), object_id=paper_set.pk
    )
    assert correction.field == "subject" and correction.by == editor


def test_the_nightly_sync_is_scheduled_and_registered(settings):
    from tracker.config.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["sync-opendata-nightly"]
    assert entry["task"] == "tracker.opendata.tasks.sync_opendata"
    app.loader.import_default_modules()
    assert "tracker.opendata.tasks.sync_opendata" in app.tasks
