"""The signed unsubscribe link: GET asks, POST unsubscribes."""

import pytest

from tracker.digests import unsubscribe as unsubscribing

from .conftest import subscribe

pytestmark = pytest.mark.django_db


def test_the_unsubscribe_link_shows_a_form_on_get_and_changes_nothing(client):
    sub = subscribe("staff@example.org")
    response = client.get(unsubscribing.unsubscribe_url(sub).removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert b'<form method="post">' in response.content and b"staff@example.org" in response.content
    sub.refresh_from_db()
    assert sub.active


def test_posting_the_unsubscribe_form_deactivates_the_subscription_without_a_csrf_cookie():
    from django.test import Client

    sub = subscribe("staff@example.org")
    client = Client(enforce_csrf_checks=True)  # RFC 8058 one-click: the mail client POSTs without a cookie
    response = client.post(unsubscribing.unsubscribe_url(sub), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and b"afgemeld" in response.content
    sub.refresh_from_db()
    assert not sub.active
    again = client.get(unsubscribing.unsubscribe_url(sub))
    assert b"al afgemeld" in again.content


def test_a_tampered_or_foreign_token_unsubscribes_nobody(client):
    sub = subscribe("staff@example.org")
    other = subscribe("other@example.org")
    token = unsubscribing.unsubscribe_token(sub)
    assert client.post(f"/digests/unsubscribe/{token[:-2]}xx/").status_code == 400
    assert client.post("/digests/unsubscribe/not-a-token/").status_code == 400
    other.delete()
    sub.refresh_from_db()
    assert sub.active
