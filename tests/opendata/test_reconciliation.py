"""The staff queue of differences between the open data and the papers, resolved in one click
through the one write path (a Correction, the due dates recomputed)."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from tests.factories import QuestionSetFactory
from tracker.models import Correction, Discrepancy, QuestionSet

from .conftest import RECORDING, day, question_set, sync_json

pytestmark = pytest.mark.django_db
QUEUE = reverse("opendata-discrepancies")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def seeded_difference(db):
    qs = QuestionSetFactory(
        subject="de sluiting van het consulaat in Lagos", submitted=dt.date(2024, 2, 10), received=dt.date(2024, 3, 4)
    )
    qs.compute_due_dates()
    qs.save()
    return Discrepancy.objects.create(
        question_set=qs,
        field="received",
        open_data_value="2024-03-03",
        paper_value="2024-03-04",
        open_data_source="document 2024D08888",
        paper_source="Aanhangsel 2023-2024 nr. 1234",
    )


def corrections(qs):
    return Correction.objects.filter(content_type=ContentType.objects.get_for_model(QuestionSet), object_id=qs.pk)


def test_the_queue_shows_a_seeded_difference_and_taking_a_value_writes_a_correction(seeded_difference, editor):
    page = client_for(editor).get(QUEUE)
    assert page.status_code == 200
    text = " ".join(page.content.decode().split())
    assert (
        "de open data zegt beantwoord op 3 maart 2024 (document 2024D08888), Aanhangsel 2023-2024 nr. 1234 zegt 4 maart 2024"
        in text
    )
    response = client_for(editor).post(reverse("opendata-take", args=[seeded_difference.pk]), {"take": "open_data"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    qs = QuestionSet.objects.get(pk=seeded_difference.question_set_id)
    [correction] = corrections(qs)
    assert (correction.field, correction.parser_value, correction.corrected_value) == (
        "received",
        "2024-03-04",
        "2024-03-03",
    )
    assert correction.by == editor
    assert qs.received == day("2024-03-03")
    seeded_difference.refresh_from_db()
    assert seeded_difference.state == "open_data" and seeded_difference.resolved_by == editor
    assert "de open data zegt" not in " ".join(client_for(editor).get(QUEUE).content.decode().split())


def test_taking_the_open_data_submitted_date_recomputes_the_answer_term(seeded_difference, editor):
    qs = seeded_difference.question_set
    item = Discrepancy.objects.create(
        question_set=qs, field="submitted", open_data_value="2024-02-12", paper_value="2024-02-10"
    )
    client_for(editor).post(reverse("opendata-take", args=[item.pk]), {"take": "open_data"})
    qs.refresh_from_db()
    assert qs.submitted == day("2024-02-12") and qs.term_due == day("2024-03-04")


def test_only_editors_resolve(seeded_difference, viewer):
    reader = client_for(viewer)
    page = reader.get(QUEUE)
    assert page.status_code == 200 and b'name="take"' not in page.content
    assert reader.post(reverse("opendata-take", args=[seeded_difference.pk]), {"take": "paper"}).status_code == 403
    assert not corrections(seeded_difference.question_set).exists()
    seeded_difference.refresh_from_db()
    assert seeded_difference.state == "open"


def test_the_replayed_difference_is_queued_once_and_a_resolved_one_stays_resolved(replayed, editor):
    kroger = question_set("kroger")
    [item] = Discrepancy.objects.filter(state="open")
    assert (item.question_set, item.field, item.open_data_value, item.paper_value) == (
        kroger,
        "received",
        "2024-03-25",
        "2024-03-26",
    )
    client_for(editor).post(reverse("opendata-take", args=[item.pk]), {"take": "open_data"})
    kroger.refresh_from_db()
    assert kroger.received == day("2024-03-25")
    from tracker.models import FeedPosition, OpenDataZaak

    FeedPosition.objects.update(skiptoken="")
    OpenDataZaak.objects.update(pending=True)  # every Zaak brought in line again
    assert sync_json("--from-dir", str(RECORDING))["errors"] == []
    assert not Discrepancy.objects.filter(state="open").exists()
    kroger.refresh_from_db()
    assert kroger.received == day("2024-03-25"), "the staff's choice holds"


def test_the_registry_page_shows_the_written_promise_beside_the_registry_one(replayed, viewer):
    page = client_for(viewer).get(reverse("opendata-registry"))
    text = " ".join(page.content.decode().split())
    assert "TZ202403-101" in text and "Ja, ik zal uw Kamer voor de zomer informeren" in text
    assert "nakoming zonder datum" in text
    assert "https://www.tweedekamer.nl/kamerstukken/detail?id=2024D14000&amp;did=2024D14000" in text
    only_open = client_for(viewer).get(reverse("opendata-registry"), {"status": "Afgedaan"}).content.decode()
    assert "TZ202402-050" in only_open and "TZ202403-101" not in only_open


def test_the_question_set_page_links_to_the_kamer_by_zaak_and_document_number(replayed, viewer):
    kroger = question_set("kroger")
    page = client_for(viewer).get(reverse("questionset-detail", args=[kroger.pk])).content.decode()
    assert 'href="https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2024Z04101"' in page
    assert 'href="https://www.tweedekamer.nl/kamerstukken/detail?id=2024D11002&amp;did=2024D11002"' in page
