"""Uploads: no file is no job; a very long name keeps its extension; the report
shows each file's own name, never a path on the server."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import seed
from tracker.models import Document, JobRun

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_process(settings):
    settings.CELERY_BROKER_URL = ""


def test_upload_with_no_file_is_refused_and_creates_no_empty_job(editor_client):
    response = editor_client.post(reverse("document-upload"), {})
    assert response.status_code == 200
    assert "Kies ten minste één bestand" in response.content.decode()
    assert not JobRun.objects.exists()


def test_upload_with_an_empty_file_list_creates_no_job_marked_klaar(editor_client):
    response = editor_client.post(reverse("document-upload"), {"files": []})
    assert response.status_code == 200
    assert not JobRun.objects.filter(name="ingest_upload").exists()


def test_upload_with_a_400_character_name_keeps_its_extension(editor_client):
    name = "kamervragen-" + "x" * 388 + ".txt"
    assert len(name) == 404
    response = editor_client.post(
        reverse("document-upload"), {"files": [SimpleUploadedFile(name, seed("003").read_bytes())]}, follow=True
    )
    run = JobRun.objects.get(name="ingest_upload")
    assert run.details["report"]["stored"] == 1, run.details
    stored = run.details["files"][0]
    assert stored.endswith(".txt") and len(stored) < 200
    assert Document.objects.get().source_name.endswith(".txt")
    shown = run.details["results"][0]["source"]
    assert shown.startswith("kamervragen-xxx") and shown.endswith(".txt") and len(shown) <= 120
    assert shown in response.content.decode()


def test_upload_report_shows_no_absolute_server_paths(editor_client, settings):
    files = [SimpleUploadedFile("notes.doc", b"nope"), SimpleUploadedFile("vragen.txt", seed("002").read_bytes())]
    response = editor_client.post(reverse("document-upload"), {"files": files}, follow=True)
    html = response.content.decode()
    run = JobRun.objects.get(name="ingest_upload")
    assert run.details["report"]["failed"][0]["source"] == "notes.doc"
    assert [r["source"] for r in run.details["results"]] == ["notes.doc", "vragen.txt"]
    for secret in (str(settings.MEDIA_ROOT), str(settings.BASE_DIR), "/uploads/"):
        assert secret not in html
        assert secret not in str(run.details)
    assert "notes.doc" in html
