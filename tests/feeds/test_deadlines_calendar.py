"""/feeds/deadlines.ics: the open deadlines of real papers in a calendar a clerk subscribes to."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from icalendar import Calendar

from tests.admin_forms import change_form_data
from tests.conftest import seed
from tracker.domain import lifecycle
from tracker.models import Commitment, Ministry, QuestionSet

pytestmark = pytest.mark.django_db

#: what the papers promise or ask, with the date each deadline falls on
EXPECTED = {
    ("Antwoord uiterlijk: de ontwikkelingen in Belarus", dt.date(2021, 3, 2)),
    ("op 3 februari a.s.", dt.date(2014, 2, 3)),  # Kamerstuk 32 735, nr. 100: the talk with the COC
    ("op 18 september 2020", dt.date(2020, 9, 18)),  # the consultation: a statement in the Human Rights Council
    ("uiterlijk 1 maart 2021", dt.date(2021, 3, 1)),  # the Belarus postponement notice
    ("in maart 2021", dt.date(2021, 3, 31)),
    ("in april 2021", dt.date(2021, 4, 30)),
}


def calendar(client, query: str = "") -> Calendar:
    response = client.get(f"/feeds/deadlines.ics{query}")
    assert response.status_code == 200, response
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(b"".join(response.streaming_content))


def events(cal: Calendar) -> dict[str, object]:
    """The VEVENTs by UID."""
    found = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(found) == len(cal.walk("VEVENT")), "a UID twice"
    return found


def what_and_when(cal: Calendar) -> set[tuple[str, dt.date]]:
    """Each event as (its question set's summary, or its commitment's deadline phrase; its day)."""
    out = set()
    for e in cal.walk("VEVENT"):
        summary = str(e["SUMMARY"])
        if summary.startswith("Toezegging: "):
            commitment = Commitment.objects.get(pk=int(str(e["UID"]).split("@")[0].removeprefix("toezegging-")))
            out.add((commitment.deadline_text, e.start))
        else:
            out.add((summary, e.start))
    return out


def commitment(deadline_text: str) -> Commitment:
    return Commitment.objects.get(deadline_text=deadline_text)


def belarus() -> QuestionSet:
    return QuestionSet.objects.get(subject="de ontwikkelingen in Belarus")


def test_the_calendar_validates_and_holds_one_all_day_event_per_open_deadline(papers, reader):
    cal = calendar(reader)
    assert cal["VERSION"] == "2.0" and cal["METHOD"] == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Termijnen toezeggingen en Kamervragen"
    assert what_and_when(cal) == EXPECTED
    for e in cal.walk("VEVENT"):
        assert type(e.start) is dt.date and e.end == e.start + dt.timedelta(days=1), "all day, on the due date"
        assert e["TRANSP"] == "TRANSPARENT"


def test_an_event_says_in_dutch_what_is_due_and_links_the_record(papers, reader, settings):
    settings.SITE_URL = "https://tracker.example.nl"
    c = commitment("op 3 februari a.s.")
    qs = belarus()
    found = events(calendar(reader))

    promise = found[f"toezegging-{c.pk}@tracker.example.nl"]
    assert str(promise["SUMMARY"]).startswith("Toezegging: Om desalniettemin zo goed mogelijk recht te doen")
    text = str(promise["DESCRIPTION"])
    assert "Termijn: op 3 februari a.s. (uiterlijk maandag 3 februari 2014)" in text
    assert "Ministerie: Buitenlandse Zaken" in text
    assert "Bron: Kamerstuk 32 735, nr. 100 van 23 januari 2014" in text
    assert str(promise["URL"]) == f"https://tracker.example.nl/commitments/{c.pk}/"
    assert promise["LAST-MODIFIED"].dt == c.updated_at.replace(microsecond=0)

    answer = found[f"vragenset-{qs.pk}@tracker.example.nl"]
    assert str(answer["SUMMARY"]) == "Antwoord uiterlijk: de ontwikkelingen in Belarus"
    text = str(answer["DESCRIPTION"])
    assert "Vragen van: Ploumen (PvdA)" in text
    assert "Gericht aan: Minister van Buitenlandse Zaken" in text
    assert "Ingezonden: dinsdag 19 januari 2021" in text
    assert "Uitstel gemeld op maandag 8 februari 2021: drie weken extra" in text
    assert str(answer["URL"]) == f"https://tracker.example.nl/questions/{qs.pk}/"


def test_a_due_date_corrected_in_the_admin_moves_the_event_and_keeps_its_uid(papers, reader, client, admin_user):
    c = commitment("in april 2021")
    uid = f"toezegging-{c.pk}@127.0.0.1"
    before = events(calendar(reader))
    assert before[uid].start == dt.date(2021, 4, 30)

    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{c.pk}/change/"
    with time_machine.travel(timezone.now() + dt.timedelta(hours=1)):
        response = client.post(url, change_form_data(client, url, due_date="2021-04-15"))
    assert response.status_code == 302

    after = events(calendar(reader))
    assert set(after) == set(before), "the same events: a calendar moves one, it adds none"
    assert after[uid].start == dt.date(2021, 4, 15)
    assert after[uid]["LAST-MODIFIED"].dt > before[uid]["LAST-MODIFIED"].dt


def test_a_submitted_date_corrected_in_the_admin_moves_the_answer_deadline(papers, reader, client, admin_user):
    qs = belarus()
    client.force_login(admin_user)
    url = f"/admin/tracker/questionset/{qs.pk}/change/"
    response = client.post(url, change_form_data(client, url, submitted="2021-01-26"))
    assert response.status_code == 302
    assert events(calendar(reader))[f"vragenset-{qs.pk}@127.0.0.1"].start == dt.date(2021, 3, 9)


def test_kind_narrows_the_calendar_to_one_list(papers, reader):
    commitments = calendar(reader, "?kind=commitments")
    assert str(commitments["X-WR-CALNAME"]) == "Termijnen toezeggingen"
    assert what_and_when(commitments) == {e for e in EXPECTED if not e[0].startswith("Antwoord")}
    questions = calendar(reader, "?kind=questions")
    assert what_and_when(questions) == {("Antwoord uiterlijk: de ontwikkelingen in Belarus", dt.date(2021, 3, 2))}


def test_the_list_filters_narrow_the_calendar(papers, reader):
    bz = Ministry.objects.get(name="Buitenlandse Zaken").pk
    assert what_and_when(calendar(reader, f"?kind=commitments&ministry={bz}")) == {
        ("op 3 februari a.s.", dt.date(2014, 2, 3)),
        ("uiterlijk 1 maart 2021", dt.date(2021, 3, 1)),
    }
    assert {
        d for _, d in what_and_when(calendar(reader, "?kind=commitments&due_from=2021-03-01&due_to=2021-03-31"))
    } == {
        dt.date(2021, 3, 1),
        dt.date(2021, 3, 31),
    }
    assert what_and_when(calendar(reader, "?kind=commitments&dossier=32735")) == {
        ("op 3 februari a.s.", dt.date(2014, 2, 3))
    }
    assert what_and_when(calendar(reader, "?kind=questions&q=Belarus")) == {
        ("Antwoord uiterlijk: de ontwikkelingen in Belarus", dt.date(2021, 3, 2))
    }
    assert what_and_when(calendar(reader, "?kind=questions&q=Tsjetsjeni%C3%AB")) == set()


def test_a_clerk_subscribes_to_the_open_commitments_of_vws(papers, reader, client, admin_user):
    """The Minister van VWS promised to raise it with NOC*NSF; staff give the promise a date in the admin."""
    vws = Ministry.objects.get(name="VWS")
    promise = Commitment.objects.get(actor_office__ministry=vws)
    feed = f"?kind=commitments&ministry={vws.pk}&status=open"
    assert what_and_when(calendar(reader, feed)) == set(), "no date yet, nothing in the calendar"

    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{promise.pk}/change/"
    assert client.post(url, change_form_data(client, url, due_date="2014-02-07")).status_code == 302

    cal = calendar(reader, feed)
    assert str(cal["X-WR-CALNAME"]) == "Termijnen toezeggingen, Status: Openstaand, Ministerie: VWS"
    assert [(str(e["UID"]), e.start) for e in cal.walk("VEVENT")] == [
        (f"toezegging-{promise.pk}@127.0.0.1", dt.date(2014, 2, 7))
    ]


def test_a_filter_both_lists_know_narrows_both_without_kind(papers, reader):
    bz = Ministry.objects.get(name="Buitenlandse Zaken").pk
    assert what_and_when(calendar(reader, f"?ministry={bz}")) == {
        ("Antwoord uiterlijk: de ontwikkelingen in Belarus", dt.date(2021, 3, 2)),
        ("op 3 februari a.s.", dt.date(2014, 2, 3)),
        ("uiterlijk 1 maart 2021", dt.date(2021, 3, 1)),
    }


@pytest.mark.parametrize(
    "query, message",
    [
        ("?dossier=32735", "dossier hoort bij één lijst: geef ook kind=commitments of kind=questions mee."),
        ("?kind=letters", "kind=letters bestaat niet: kies kind=commitments of kind=questions."),
        ("?kind=commitments&status=answered_late", "status: Selecteer een geldige keuze."),
        ("?kind=questions&ministry=999999", "ministry: Selecteer een geldige keuze."),
    ],
)
def test_a_filter_the_calendar_cannot_apply_is_refused_with_the_reason(papers, reader, query, message):
    response = reader.get(f"/feeds/deadlines.ics{query}")
    assert response.status_code == 400
    assert response.content.decode().startswith(message)


def test_a_fulfilled_promise_and_an_answered_set_leave_the_calendar(papers, reader, editor):
    from tracker.ingest.run import ingest_paths

    lifecycle.set_status(commitment("in maart 2021"), Commitment.Status.FULFILLED, by=editor, on=dt.date(2021, 3, 20))
    assert ingest_paths([seed("002")]).to_json()["failed"] == []  # the Belarus answer arrives
    assert belarus().received == dt.date(2021, 3, 8)
    assert what_and_when(calendar(reader)) == EXPECTED - {
        ("in maart 2021", dt.date(2021, 3, 31)),
        ("Antwoord uiterlijk: de ontwikkelingen in Belarus", dt.date(2021, 3, 2)),
    }
