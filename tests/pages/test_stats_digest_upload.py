"""/stats/, /digests/preview/ and /documents/upload/."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from tests.conftest import seed
from tests.factories import CommitmentFactory, MinistryFactory, OfficeFactory, QuestionSetFactory
from tracker.domain import stats
from tracker.models import DigestSubscription, JobRun

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = dt.timedelta(days=1)


@pytest.fixture
def data():
    bz = OfficeFactory(title="Minister van Buitenlandse Zaken")
    bhos = OfficeFactory(title="Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")
    jv = OfficeFactory(
        title="Minister van Justitie en Veiligheid", ministry=MinistryFactory(name="Justitie en Veiligheid")
    )
    # Buitenlandse Zaken: one on time (10 days), one late (30 days), one overdue now; one set to two BZ offices
    QuestionSetFactory(submitted=dt.date(2021, 1, 1), received=dt.date(2021, 1, 11), offices=[bz, bhos])
    QuestionSetFactory(submitted=dt.date(2021, 2, 1), received=dt.date(2021, 3, 3), offices=[bz])
    QuestionSetFactory(submitted=TODAY - 40 * DAY, offices=[bz])
    QuestionSetFactory(submitted=dt.date(2021, 1, 1), received=dt.date(2021, 1, 5), offices=[jv])
    CommitmentFactory(actor_office=bz, due_date=TODAY - DAY)
    CommitmentFactory(actor_office=bz, due_date=TODAY + DAY)
    CommitmentFactory(actor_office=jv, status="fulfilled", closed_on=TODAY)
    return {"bz": bz, "jv": jv}


def test_stats_per_ministry_and_office(data):
    s = stats.build(TODAY)
    bz = next(r for r in s.per_ministry if r.name == "Buitenlandse Zaken")
    assert (bz.received, bz.answered, bz.on_time, bz.overdue_now) == (3, 2, 1, 1)
    assert bz.on_time_percent == 50
    assert bz.median_days == 20
    jv = next(r for r in s.per_ministry if r.name == "Justitie en Veiligheid")
    assert (jv.received, jv.on_time_percent, jv.median_days) == (1, 100, 4)
    bhos = next(r for r in s.per_office if r.name.startswith("Minister voor Buitenlandse Handel"))
    assert (bhos.received, bhos.on_time) == (1, 1)
    assert {(r.name, r.open, r.overdue) for r in s.commitments} == {("Buitenlandse Zaken", 2, 1)}


def test_stats_page_draws_svg_charts_on_the_server(reviewer, data):
    response = reviewer.get(reverse("stats"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") == 2
    assert 'role="img"' in html and "<title" in html
    assert "Buitenlandse Zaken: 50%" in html
    assert "Justitie en Veiligheid" in html


def test_stats_page_without_data(reviewer):
    assert reviewer.get(reverse("stats")).status_code == 200


def test_digest_preview_uses_the_users_subscription(reviewer, viewer, data):
    html = reviewer.get(reverse("digest-preview")).content.decode()
    assert "U heeft geen abonnement" in html
    assert '<h2 id="g1">Buitenlandse Zaken</h2>' in html
    assert "Kamervragen over de termijn" in html and "Toezeggingen over de termijn" in html
    sub = DigestSubscription.objects.create(email=viewer.email, user=viewer)
    sub.ministries.add(data["jv"].ministry)  # nothing overdue or due there
    html = reviewer.get(reverse("digest-preview")).content.decode()
    assert "Volgens uw abonnement" in html and "Justitie en Veiligheid" in html
    assert "Buitenlandse Zaken" not in html
    assert "Er is deze week niets te melden." in html


def test_an_editor_uploads_papers_and_gets_the_ingest_report(editor_client, settings):
    settings.CELERY_BROKER_URL = ""
    files = [
        SimpleUploadedFile("belarus.txt", seed("003").read_bytes(), content_type="text/plain"),
        SimpleUploadedFile("chechnya.txt", seed("002").read_bytes(), content_type="text/plain"),
        SimpleUploadedFile("notes.doc", b"nope", content_type="application/msword"),
    ]
    response = editor_client.post(reverse("document-upload"), {"files": files}, follow=True)
    assert response.status_code == 200
    run = JobRun.objects.get(name="ingest_upload")
    assert run.status == "done"
    report = run.details["report"]
    assert (report["stored"], report["updated"], report["unchanged"], len(report["failed"])) == (2, 0, 0, 1)
    assert Document.objects.count() == 2
    html = response.content.decode()
    assert "2 opgeslagen, 0 bijgewerkt, 0 ongewijzigd, 1 mislukt" in html
    assert "onbekend bestandstype" in html
    # again: the same report as the command, "unchanged"
    editor_client.post(reverse("document-upload"), {"files": [SimpleUploadedFile("b.txt", seed("003").read_bytes())]})
    assert JobRun.objects.filter(name="ingest_upload").latest("pk").details["report"]["unchanged"] == 1


def test_with_a_broker_the_upload_goes_to_celery(editor_client, settings, monkeypatch):
    from tracker.ingest import uploads as upload_tasks
    from tracker.review import views

    settings.CELERY_BROKER_URL = "redis://example.invalid:6379/0"
    sent = []
    monkeypatch.setattr(views.ingest_upload, "delay", lambda run_id: sent.append(run_id))
    response = editor_client.post(
        reverse("document-upload"), {"files": [SimpleUploadedFile("b.txt", seed("003").read_bytes())]}, follow=True
    )
    run = JobRun.objects.get(name="ingest_upload")
    assert sent == [run.pk]
    assert run.status == "running"
    assert (upload_tasks.upload_dir(run.pk) / run.details["files"][0]).exists()
    assert "in de wachtrij" in response.content.decode()
    assert '<meta http-equiv="refresh"' in response.content.decode()
    result = upload_tasks.ingest_upload.run(run.pk)  # what the worker runs
    assert result["report"]["stored"] == 1
    assert not upload_tasks.upload_dir(run.pk).exists()


def test_upload_refuses_a_file_over_the_limit(editor_client, settings):
    settings.MAX_DOCUMENT_BYTES = 10
    response = editor_client.post(reverse("document-upload"), {"files": [SimpleUploadedFile("b.txt", b"x" * 11)]})
    assert response.status_code == 200
    assert "Te groot" in response.content.decode()
    assert not JobRun.objects.exists()


def test_the_upload_form_has_a_label_and_multiple(editor_client):
    html = editor_client.get(reverse("document-upload")).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "multiple" in html
    assert '<label for="id_files">' in html
