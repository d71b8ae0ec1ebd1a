"""/feeds/overdue.atom: what the daily check found newly overdue, newest first, in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from tracker.jobs.flag_overdue import flag_overdue
from tracker.models import Commitment, Ministry, QuestionSet

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, query: str = "") -> list[dict]:
    response = client.get(f"/feeds/overdue.atom{query}")
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        {
            "title": e.findtext(f"{ATOM}title"),
            "link": e.find(f"{ATOM}link").get("href"),
            "id": e.findtext(f"{ATOM}id"),
            "summary": e.findtext(f"{ATOM}summary"),
        }
        for e in feed.iter(f"{ATOM}entry")
    ]


def test_the_feed_is_empty_until_the_daily_check_finds_something_overdue(papers, reader):
    assert entries(reader) == []


def test_the_feed_lists_what_flag_overdue_found_newly_overdue_newest_first(papers, reader, settings):
    settings.SITE_URL = "https://tracker.example.nl"
    belarus = QuestionSet.objects.get(subject="de ontwikkelingen in Belarus")
    in_march = Commitment.objects.get(deadline_text="in maart 2021")
    flag_overdue(dt.date(2021, 3, 10))
    first = entries(reader)
    assert {e["title"] for e in first} == {
        "Te laat: antwoord op Kamervragen over de ontwikkelingen in Belarus",
        "Te laat: toezegging “Om desalniettemin zo goed mogelijk recht te doen aan het verzoek van de Kamer, zal op 3 f…”",
        "Te laat: toezegging “Zo spreekt het Koninkrijk op 18 september 2020 in de VN-Mensenrechtenraad een statement u…”",
        "Te laat: toezegging “Ik streef ernaar de vragen zo spoedig mogelijk, maar uiterlijk 1 maart 2021, te beantwoor…”",
    }
    answer = next(e for e in first if "Belarus" in e["title"])
    assert answer["link"] == f"https://tracker.example.nl/questions/{belarus.pk}/"
    assert answer["summary"].startswith(
        "Te laat sinds 3 maart 2021. Ingezonden: 19 januari 2021. Antwoord uiterlijk: 2 maart 2021."
    )

    flag_overdue(dt.date(2021, 4, 2))
    second = entries(reader)
    assert second[0]["link"] == f"https://tracker.example.nl/commitments/{in_march.pk}/", "the newest first"
    assert second[0]["summary"].startswith("Te laat sinds 1 april 2021. Uiterlijk: 31 maart 2021.")
    assert second[1:] == first


def test_an_item_overdue_again_after_a_new_date_is_a_new_entry(papers, reader, editor):
    from tracker.domain import lifecycle

    promise = Commitment.objects.get(deadline_text="in maart 2021")
    flag_overdue(dt.date(2021, 4, 2))
    lifecycle.redate(promise, dt.date(2021, 5, 1), by=editor, note="nieuwe brief")
    flag_overdue(dt.date(2021, 5, 3))
    ids = [e["id"] for e in entries(reader) if e["link"].endswith(f"/commitments/{promise.pk}/")]
    assert ids == [
        f"http://127.0.0.1:8000/commitments/{promise.pk}/#te-laat-2021-05-02",
        f"http://127.0.0.1:8000/commitments/{promise.pk}/#te-laat-2021-04-01",
    ]


def test_kind_and_the_list_filters_narrow_the_feed(papers, reader):
    flag_overdue(dt.date(2021, 3, 10))
    bz = Ministry.objects.get(name="Buitenlandse Zaken").pk
    assert {e["title"][:40] for e in entries(reader, "?kind=questions")} == {"Te laat: antwoord op Kamervragen over de"}
    assert len(entries(reader, "?kind=commitments")) == 3
    assert len(entries(reader, f"?kind=commitments&ministry={bz}")) == 2
    assert len(entries(reader, f"?ministry={bz}")) == 3
    assert reader.get("/feeds/overdue.atom?kind=commitments&status=late").status_code == 400


def test_the_feed_never_repeats_the_key_it_was_read_with(papers, client, key):
    flag_overdue(dt.date(2021, 3, 10))
    response = client.get(f"/feeds/overdue.atom?token={key}")
    assert response.status_code == 200
    assert key not in response.content.decode()
    self_link = etree.fromstring(response.content).find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://127.0.0.1:8000/feeds/overdue.atom"
