"""The Feeds page: the addresses to copy, the key shown once, a calendar for a chosen part of a list."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.test import Client
from icalendar import Calendar

from tracker.domain import lifecycle
from tracker.models import Commitment, FeedToken, Ministry

pytestmark = pytest.mark.django_db


def addresses(response) -> dict[str, str]:
    """The page's addresses to copy, by their label."""
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    return {
        page.xpath(f"//label[@for='{field.get('id')}']")[0].text_content(): field.text_content()
        for field in page.xpath("//textarea[@readonly]")
    }


def key_in(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def test_the_site_navigation_leads_signed_in_users_to_the_feeds(reader, client):
    assert 'href="/feeds/"' in reader.get("/commitments/").content.decode()
    assert client.get("/feeds/")["Location"].startswith("/login/")


def test_without_a_key_the_addresses_show_where_it_goes(reader):
    response = reader.get("/feeds/")
    assert "Je hebt nog geen feedsleutel." in response.content.decode()
    found = addresses(response)
    assert found["Agenda: alle termijnen (antwoorden en toezeggingen)"] == (
        "http://127.0.0.1:8000/feeds/deadlines.ics?token=JOUW-SLEUTEL"
    )
    assert found["Agenda: alleen toezeggingen"].endswith("/feeds/deadlines.ics?kind=commitments&token=JOUW-SLEUTEL")
    assert found["API: vragensets (JSON)"] == "http://127.0.0.1:8000/api/v1/question-sets/?token=JOUW-SLEUTEL"


def test_making_a_key_shows_it_once_in_every_address(reader, viewer, client):
    response = reader.post("/feeds/")
    assert "no-store" in response["Cache-Control"]
    found = addresses(response)
    key = key_in(found["Nieuw te laat (Atom)"])
    assert {key_in(url) for url in found.values()} == {key}
    assert FeedToken.objects.get(user=viewer).key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert client.get(found["Agenda: alleen Kamervragen"].removeprefix("http://127.0.0.1:8000")).status_code == 200

    again = reader.get("/feeds/")
    assert key not in again.content.decode()
    assert {key_in(url) for url in addresses(again).values()} == {"JOUW-SLEUTEL"}
    assert "Je hebt een feedsleutel sinds" in again.content.decode()


def test_a_clerk_makes_the_address_of_a_calendar_of_open_vws_commitments(papers, reader, client):
    vws = Ministry.objects.get(name="VWS").pk
    promise = Commitment.objects.get(actor_office__ministry=vws)
    lifecycle.redate(promise, dt.date(2014, 2, 7), by=None, note="staf: voor de Spelen")
    chosen = f"/feeds/?kind=commitments&ministry={vws}&status=open"
    page = reader.get(chosen)
    assert "Status: Openstaand · Ministerie: VWS" in page.content.decode()
    assert addresses(page)["Agenda met de termijnen van je selectie"] == (
        f"http://127.0.0.1:8000/feeds/deadlines.ics?kind=commitments&ministry={vws}&status=open&token=JOUW-SLEUTEL"
    )

    with_key = addresses(reader.post(chosen))["Agenda met de termijnen van je selectie"]
    subscribed = Client()  # the calendar client: no login, only the address
    response = subscribed.get(with_key.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    calendar = Calendar.from_ical(b"".join(response.streaming_content))
    assert str(calendar["X-WR-CALNAME"]) == "Termijnen toezeggingen, Status: Openstaand, Ministerie: VWS"
    assert [(str(e["UID"]), e.start) for e in calendar.walk("VEVENT")] == [
        (f"toezegging-{promise.pk}@127.0.0.1", dt.date(2014, 2, 7))
    ]


def test_a_choice_the_list_filters_refuse_shows_their_error_and_no_address(reader):
    page = reader.get("/feeds/?kind=questions&status=to_confirm")
    assert "Agenda met de termijnen van je selectie" not in page.content.decode()
    assert "Selecteer een geldige keuze." in page.content.decode()
