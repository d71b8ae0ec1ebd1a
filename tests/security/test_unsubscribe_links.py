"""Unsubscribe links expire (a year) and do only what they say: an old link
unsubscribes nobody and offers a fresh one; a token for another action or
another address unsubscribes nobody."""

import datetime as dt

import pytest
import time_machine
from django.core import mail, signing
from django.core.cache import cache

from tests.jobs.conftest import subscribe
from tracker.digests import unsubscribe as unsubscribing

pytestmark = pytest.mark.django_db

MAILED = dt.datetime(2021, 3, 1, 8, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def path(url):
    return url.removeprefix("http://127.0.0.1:8000")


def test_unsubscribe_link_1000_days_old_unsubscribes_nobody(client):
    sub = subscribe("staff@example.org")
    with time_machine.travel(MAILED, tick=False):
        url = path(unsubscribing.unsubscribe_url(sub))
    with time_machine.travel(MAILED + dt.timedelta(days=1000), tick=False):
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    sub.refresh_from_db()
    assert sub.active


def test_expired_unsubscribe_link_offers_a_fresh_link_by_mail_that_works(client):
    sub = subscribe("staff@example.org")
    with time_machine.travel(MAILED, tick=False):
        url = path(unsubscribing.unsubscribe_url(sub))
    with time_machine.travel(MAILED + dt.timedelta(days=400), tick=False):
        offer = client.get(url).content.decode()
        assert 'name="action" value="resend"' in offer
        response = client.post(url, {"action": "resend"})
        assert "nieuwe afmeldlink gestuurd" in response.content.decode()
        client.post(url, {"action": "resend"})  # asking again within the hour sends nothing more
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["staff@example.org"]
        sub.refresh_from_db()
        assert sub.active  # asking for a fresh link unsubscribes nobody
        fresh = next(word for word in mail.outbox[0].body.split() if "/digests/unsubscribe/" in word)
        assert client.post(path(fresh)).status_code == 200
    sub.refresh_from_db()
    assert not sub.active


def test_unsubscribe_link_within_a_year_still_works(client):
    sub = subscribe("staff@example.org")
    with time_machine.travel(MAILED, tick=False):
        url = path(unsubscribing.unsubscribe_url(sub))
    with time_machine.travel(MAILED + dt.timedelta(days=360), tick=False):
        assert client.post(url).status_code == 200
    sub.refresh_from_db()
    assert not sub.active


def test_signed_token_for_another_action_does_not_unsubscribe(client):
    sub = subscribe("staff@example.org")
    token = signing.dumps({"id": sub.pk, "email": sub.email, "do": "resend"}, salt=unsubscribing.UNSUBSCRIBE_SALT)
    assert client.post(f"/digests/unsubscribe/{token}/").status_code == 400
    sub.refresh_from_db()
    assert sub.active


def test_unsubscribe_link_only_unsubscribes_the_address_it_was_mailed_to(client):
    sub = subscribe("staff@example.org")
    other = subscribe("other@example.org")
    client.post(path(unsubscribing.unsubscribe_url(sub)))
    sub.refresh_from_db()
    other.refresh_from_db()
    assert not sub.active and other.active
