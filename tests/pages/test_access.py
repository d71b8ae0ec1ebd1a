"""Every page needs a login; viewers read, editors act, CSRF on every form."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.models import Commitment, FulfilmentSuggestion, JobRun, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects():
    c = CommitmentFactory(confidence=0.5)
    qs = QuestionSetFactory()
    run = JobRun.objects.create(name="ingest_upload", day=dt.date(2024, 1, 1), details={"files": []})
    return {"commitment": c, "qs": qs, "document": c.source_document, "run": run}


def page_urls(o):
    return [
        "/",
        reverse("commitment-list"),
        reverse("commitment-list") + "?format=csv",
        reverse("commitment-detail", args=[o["commitment"].pk]),
        reverse("questionset-list"),
        reverse("questionset-list") + "?format=csv",
        reverse("questionset-detail", args=[o["qs"].pk]),
        reverse("document-list"),
        reverse("document-detail", args=[o["document"].pk]),
        reverse("document-upload"),
        reverse("upload-result", args=[o["run"].pk]),
        reverse("stats"),
        reverse("digest-preview"),
    ]


def action_urls(o):
    pk = o["commitment"].pk
    return [
        reverse(name, args=[pk])
        for name in ("commitment-status", "commitment-redate", "commitment-confirm", "commitment-suggestion")
    ]


def test_anonymous_visitors_are_sent_to_the_login_page_from_every_page(client, objects):
    for url in page_urls(objects) + action_urls(objects):
        response = client.post(url) if url in action_urls(objects) else client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login") + "?next="), url


def test_the_login_page_is_in_dutch_with_labelled_fields(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert '<label for="id_username">Gebruikersnaam</label>' in html
    assert '<label for="id_password">Wachtwoord</label>' in html
    assert "csrfmiddlewaretoken" in html


def test_logging_in_lands_on_the_commitments(client, viewer):
    response = client.post(reverse("login"), {"username": "lezer", "password": "geheim-wachtwoord-1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("commitment-list")
    assert response.status_code == 200


def test_a_viewer_reads_every_page_but_the_upload(reviewer, objects):
    for url in page_urls(objects):
        response = reviewer.get(url)
        expected = 403 if "/upload/" in url else (302 if url == "/" else 200)
        assert response.status_code == expected, url


def test_a_viewer_cannot_post_any_action(reviewer, objects):
    c = objects["commitment"]
    FulfilmentSuggestion.objects.create(commitment=c, document=DocumentFactory())
    for url in action_urls(objects):
        assert reviewer.post(url, {"status": "fulfilled", "accept": "1"}).status_code == 403, url
    assert reviewer.post(reverse("document-upload")).status_code == 403
    c.refresh_from_db()
    assert (c.status, c.confirmed) == ("open", False)
    assert not StatusChange.objects.exists()


def test_a_viewer_sees_no_action_forms(reviewer, objects):
    html = reviewer.get(reverse("commitment-detail", args=[objects["commitment"].pk])).content.decode()
    assert "Markeren als voldaan" not in html
    assert reverse("commitment-status", args=[objects["commitment"].pk]) not in html


def test_actions_need_a_csrf_token(editor, objects):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("commitment-confirm", args=[objects["commitment"].pk])
    assert client.post(url).status_code == 403
    objects["commitment"].refresh_from_db()
    assert objects["commitment"].confirmed is False


def test_every_form_on_the_detail_page_carries_a_csrf_token(editor_client, objects):
    html = editor_client.get(reverse("commitment-detail", args=[objects["commitment"].pk])).content.decode()
    assert html.count('method="post"') >= 5
    assert html.count('method="post"') == html.count("csrfmiddlewaretoken")


def test_an_admin_may_do_everything(admin_user, objects):
    client = Client()
    client.force_login(admin_user)
    for url in page_urls(objects):
        assert client.get(url).status_code in (200, 302), url
    response = client.post(reverse("commitment-confirm", args=[objects["commitment"].pk]))
    assert response.status_code == 302
    assert Commitment.objects.get().confirmed
