"""Each paper links to its official publication and offers its source file."""

from __future__ import annotations

import pytest

from documents.models import Document, official_identifier


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ah-tk-20232024-1949", "", "", "", ""), "ah-tk-20232024-1949"),
        (("", "35 300 V", "12", "", ""), "kst-35300-V-12"),
        (("", "21 501-02", "2734", "", ""), "kst-21501-02-2734"),
        (("", "32 735", "312", "", ""), "kst-32735-312"),
        (("", "", "", "2020-2021", "1949"), "ah-tk-20202021-1949"),
        (("", "", "", "", ""), ""),
    ],
)
def test_the_official_identifier_is_given_or_built_from_the_numbers(args, expected):
    assert official_identifier(*args) == expected


def test_the_document_page_links_the_publication_and_the_file(reviewer, seeded):
    doc = Document.objects.exclude(dossier="").first()
    page = reviewer.get(f"/documents/{doc.pk}/").content.decode()
    assert f"https://zoek.officielebekendmakingen.nl/kst-{doc.dossier.replace(' ', '')}-{doc.number}.html" in page
    assert f"/documents/{doc.pk}/bestand/" in page


def test_the_source_file_downloads_as_it_was_ingested(reviewer, seeded):
    doc = Document.objects.first()
    response = reviewer.get(f"/documents/{doc.pk}/bestand/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert doc.source_name in response["Content-Disposition"]
    doc.file.open("rb")
    assert b"".join(response.streaming_content) == doc.file.read()


def test_the_source_file_needs_a_login(client, seeded):
    doc = Document.objects.first()
    assert client.get(f"/documents/{doc.pk}/bestand/").status_code == 302


def test_a_paper_without_a_stored_file_says_so(reviewer, db):
    doc = Document.objects.create(source_name="geplakt.txt", content_hash="x" * 64)
    assert reviewer.get(f"/documents/{doc.pk}/bestand/").status_code == 404


def test_each_paper_says_where_it_came_from(reviewer, seeded):
    doc = Document.objects.order_by("pk").first()
    assert doc.get_origin_display() == "Ingelezen uit een map"
    assert doc.origin_detail.endswith("documents/samples")
    page = reviewer.get(f"/documents/{doc.pk}/").content.decode()
    assert "Ingelezen uit een map" in page


def test_an_uploaded_paper_names_who_uploaded_it(editor_client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import SAMPLES

    settings.MEDIA_ROOT = tmp_path
    settings.CELERY_BROKER_URL = ""
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    response = editor_client.post(
        "/documents/upload/", {"files": [SimpleUploadedFile(sample.name, sample.read_bytes())]}, follow=True
    )
    assert response.status_code == 200
    doc = Document.objects.get()
    assert doc.origin == "upload" and doc.origin_detail == "door redacteur"
