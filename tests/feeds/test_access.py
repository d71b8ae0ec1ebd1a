"""Feeds and API answer a signed-in user or a feed key; the key opens nothing else."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.test import Client
from django.utils import timezone

from tracker.feeds import tokens
from tracker.feeds.access import REFUSED
from tracker.models import Commitment, FeedToken

pytestmark = pytest.mark.django_db

FEEDS_AND_API = [
    "/feeds/deadlines.ics",
    "/feeds/deadlines.ics?kind=commitments",
    "/feeds/overdue.atom",
    "/api/v1/",
    "/api/v1/commitments/",
    "/api/v1/question-sets/",
]


def read(client: Client, url: str, key: str | None = None):
    if key is not None:
        url += ("&" if "?" in url else "?") + f"token={key}"
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body.decode()


def test_a_signed_in_user_reads_feeds_and_api(papers, reader):
    assert {url: read(reader, url)[0] for url in FEEDS_AND_API} == dict.fromkeys(FEEDS_AND_API, 200)


def test_the_owner_of_a_key_reads_feeds_and_api_without_logging_in(papers, client, key):
    answers = {url: read(client, url, key) for url in FEEDS_AND_API}
    assert {url: status for url, (status, _) in answers.items()} == dict.fromkeys(FEEDS_AND_API, 200)
    for url in ("/feeds/deadlines.ics", "/feeds/overdue.atom", "/api/v1/"):
        assert key not in answers[url][1], url
    # an API list repeats it only in the links to the next and previous pages, for the reader to follow
    page = json.loads(read(client, "/api/v1/commitments/?page=2&page_size=2", key)[1])
    assert f"token={key}" in page["next"] and f"token={key}" in page["previous"]
    assert key not in json.dumps(page["results"])


def test_anyone_else_is_refused_and_told_nothing(papers, client, key):
    wrong = key[:-1] + ("A" if key[-1] != "A" else "B")
    sentence = Commitment.objects.get(deadline_text="op 3 februari a.s.").sentence
    for url in [*FEEDS_AND_API, "/api/v1/commitments/1/", "/api/v1/question-sets/1/", "/feeds/deadlines.ics?kind=x"]:
        for given in (None, wrong, ""):
            status, body = read(client, url, given)
            assert status == 401, (url, given)
            assert sentence[:30] not in body and "Belarus" not in body
            assert REFUSED in body or "Authenticatiegegevens zijn niet opgegeven." in body, body


def test_an_inactive_users_key_is_refused(client, key, viewer):
    viewer.is_active = False
    viewer.save()
    assert read(client, "/feeds/deadlines.ics", key)[0] == 401


def test_a_key_opens_no_page(papers, client, key):
    pk = Commitment.objects.first().pk
    for url in [
        "/",
        "/commitments/",
        "/questions/",
        "/documents/",
        "/stats/",
        "/feeds/",
        f"/commitments/{pk}/",
        "/digests/preview/",
        "/documents/upload/",
    ]:
        response = client.get(f"{url}?token={key}")
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url


def test_a_key_opens_no_admin(client, admin_user):
    admin_key = tokens.renew(admin_user)
    assert read(client, "/api/v1/commitments/", admin_key)[0] == 200
    for url in ("/admin/", "/admin/tracker/commitment/", "/admin/tracker/commitment/1/change/"):
        response = client.get(f"{url}?token={admin_key}")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_the_key_is_stored_only_as_its_sha256(key, viewer):
    token = FeedToken.objects.get(user=viewer)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {token.key_hash, str(token)}


def test_a_new_key_ends_the_old_one(client, key, viewer):
    new = tokens.renew(viewer)
    assert new != key
    assert read(client, "/feeds/deadlines.ics", key)[0] == 401
    assert read(client, "/feeds/deadlines.ics", new)[0] == 200
    assert FeedToken.objects.filter(user=viewer).count() == 1


def test_a_key_records_the_day_it_was_last_used(client, key, viewer):
    assert FeedToken.objects.get(user=viewer).last_used_on is None
    read(client, "/api/v1/", key)
    assert FeedToken.objects.get(user=viewer).last_used_on == timezone.localdate()


def test_a_feed_is_private_to_its_reader(client, key):
    response = client.get(f"/feeds/deadlines.ics?token={key}")
    assert "private" in response["Cache-Control"]


def test_the_feeds_only_read(reader, client, key):
    for url in ("/feeds/deadlines.ics", "/feeds/overdue.atom"):
        assert reader.post(url).status_code == 405
    assert reader.post("/api/v1/commitments/").status_code == 405
    assert client.delete(f"/api/v1/commitments/1/?token={key}").status_code == 405
