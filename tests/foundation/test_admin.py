"""Staff correct what the parser read in the admin; every change is a Correction."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from documents.models import Document
from tests.admin_forms import change_form_data
from tracker.models import Commitment, Correction, QuestionSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    doc = Document.objects.create(
        source_name="brief.txt",
        content_hash="c" * 64,
        kind="letter",
        dossier="32 735",
        number="100",
        date=dt.date(2014, 1, 23),
        clean_text="<script>alert(1)</script>",
    )
    return Commitment.objects.create(
        source_document=doc,
        sentence="Ik zal uw Kamer voor de zomer informeren.",
        sentence_hash="h1",
        actor="Minister van Buitenlandse Zaken",
        deadline_text="voor de zomer",
        due_date=dt.date(2014, 7, 3),
    )


def test_changing_a_due_date_in_the_admin_records_a_correction_with_parser_value_new_value_and_user(
    client, admin_user, commitment
):
    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{commitment.pk}/change/"
    response = client.post(url, change_form_data(client, url, due_date="2014-09-01"))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    commitment.refresh_from_db()
    assert commitment.due_date == dt.date(2014, 9, 1)
    correction = Correction.objects.get(
        content_type=ContentType.objects.get_for_model(Commitment), object_id=commitment.pk
    )
    assert (correction.field, correction.parser_value, correction.corrected_value, correction.by) == (
        "due_date",
        "2014-07-03",
        "2014-09-01",
        admin_user,
    )


def test_a_second_correction_keeps_the_original_parser_value(client, admin_user, commitment):
    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{commitment.pk}/change/"
    client.post(url, change_form_data(client, url, due_date="2014-09-01"))
    client.post(url, change_form_data(client, url, due_date="2014-10-01"))
    active = Correction.objects.get(object_id=commitment.pk, active=True)
    assert (active.parser_value, active.corrected_value) == ("2014-07-03", "2014-10-01")
    assert Correction.objects.filter(object_id=commitment.pk).count() == 2


def test_the_change_page_shows_the_history(client, admin_user, commitment):
    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{commitment.pk}/change/"
    client.post(url, change_form_data(client, url, actor="het kabinet"))
    page = client.get(url).content.decode()
    assert "Actor gecorrigeerd van Minister van Buitenlandse Zaken naar het kabinet" in page


def test_changing_the_submitted_date_of_a_question_set_recomputes_its_answer_due_date(client, admin_user):
    qs = QuestionSet.objects.create(subject="Tsjetsjenië", submitted=dt.date(2019, 1, 22))
    qs.compute_due_dates()
    qs.save()
    client.force_login(admin_user)
    url = f"/admin/tracker/questionset/{qs.pk}/change/"
    response = client.post(url, change_form_data(client, url, submitted="2019-01-29"))
    assert response.status_code == 302
    qs.refresh_from_db()
    assert qs.answer_due == dt.date(2019, 2, 19)
    assert Correction.objects.get(object_id=qs.pk, field="submitted").parser_value == "2019-01-22"


@pytest.mark.parametrize(
    "model",
    [
        "document",
        "commitment",
        "questionset",
        "question",
        "answer",
        "request",
        "person",
        "party",
        "office",
        "ministry",
        "parliamentaryrecess",
        "correction",
        "statuschange",
        "jobrun",
        "digestsubscription",
        "reference",
        "fulfilmentsuggestion",
        "dismissedfind",
        "membership",
        "asker",
        "postponement",
        "ministerrole",
        "fulfilmentstatement",
        "digestdelivery",
    ],
)
def test_every_model_has_a_working_admin_list(client, admin_user, model):
    from django.contrib import admin

    registered = {m._meta.model_name for m in admin.site._registry}
    if model not in registered:
        pytest.fail(f"{model} is not in the admin")
    app = "documents" if model == "document" else "tracker"
    client.force_login(admin_user)
    assert client.get(f"/admin/{app}/{model}/").status_code == 200


def test_document_text_is_shown_escaped_in_the_admin(client, admin_user, commitment):
    client.force_login(admin_user)
    page = client.get(f"/admin/documents/document/{commitment.source_document_id}/change/").content.decode()
    assert "<script>alert(1)</script>" not in page
