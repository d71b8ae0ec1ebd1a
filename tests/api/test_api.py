"""/api/v1/: the records as JSON, filtered like the list pages, with the pages' counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tracker.api.pagination import CountedPaginator
from tracker.models import Commitment, Ministry, Office, Party, QuestionSet

pytestmark = pytest.mark.django_db


def api(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def commitment_queries() -> list[str]:
    bz = Ministry.objects.get(name="Buitenlandse Zaken").pk
    office = Office.objects.get(title="Minister van Buitenlandse Zaken").pk
    pvda = Party.objects.get(name="PvdA").pk
    return [
        "",
        "status=",
        "status=open",
        "status=overdue",
        "status=to_confirm",
        f"ministry={bz}",
        f"office={office}",
        f"party={pvda}",
        "dossier=32 735",
        "has_deadline=true",
        "has_deadline=false",
        "due_from=2021-01-01&due_to=2021-12-31",
        "q=Wit-Rusland",
        f"q=mensenrechten&ministry={bz}&sort=-due",
        "sort=ministry",
    ]


def question_set_queries() -> list[str]:
    bz = Ministry.objects.get(name="Buitenlandse Zaken").pk
    pvda = Party.objects.get(name="PvdA").pk
    return [
        "",
        "status=",
        "status=open",
        "status=overdue",
        "status=answered_late",
        "status=answered_on_time",
        "kind=written_consultation",
        f"ministry={bz}",
        f"party={pvda}",
        "q=Belarus",
        "q=Ploumen",
        "submitted_from=2021-01-01",
        "sort=-due",
    ]


@pytest.mark.parametrize(
    "page, endpoint, queries",
    [
        ("/commitments/", "/api/v1/commitments/", commitment_queries),
        ("/questions/", "/api/v1/question-sets/", question_set_queries),
    ],
)
def test_the_api_answers_the_same_rows_and_count_as_the_page_for_the_same_filters(
    papers, reader, page, endpoint, queries
):
    for query in queries():
        shown = reader.get(f"{page}?{query}&page=1")
        assert shown.status_code == 200, query
        answered = api(reader, f"{endpoint}?{query}")
        assert set(answered) == {"count", "next", "previous", "results"}
        assert answered["count"] == shown.context["paginator"].count, query
        assert [r["id"] for r in answered["results"]] == [o.pk for o in shown.context["object_list"]], query
        assert answered["count"] == shown.context["filter"].qs.count(), query


def test_the_counts_are_the_papers_own(papers, reader, client, key):
    """A hand count of the papers: three sets (Tsjetsjenië answered late, Belarus open, the consultation
    open), five commitments with a date, one of them in Kamerstuk 32 735, nr. 100."""
    assert api(reader, "/api/v1/question-sets/?status=")["count"] == 3
    assert api(reader, "/api/v1/question-sets/?status=answered_late")["count"] == 1
    assert api(reader, "/api/v1/question-sets/?status=open&q=Belarus")["count"] == 1
    assert api(reader, "/api/v1/commitments/?has_deadline=true")["count"] == 5
    assert api(reader, "/api/v1/commitments/?dossier=32735&has_deadline=true")["count"] == 1
    # no filter at all: what needs action, as the page opens; the key and the page size are no filters
    assert api(reader, "/api/v1/question-sets/")["count"] == 2
    assert api(client, f"/api/v1/question-sets/?token={key}")["count"] == 2
    assert api(client, f"/api/v1/question-sets/?token={key}&page_size=50")["count"] == 2


def test_next_and_previous_walk_every_row_once(papers, reader):
    total = Commitment.objects.live().count()
    seen, url, pages = [], "http://testserver/api/v1/commitments/?page_size=7&status=open", 0
    while url:
        page = api(reader, url.removeprefix("http://testserver"))
        assert page["count"] == total
        seen += [r["id"] for r in page["results"]]
        pages += 1
        if pages > 1:
            assert "page_size=7" in page["previous"] and "status=open" in page["previous"]
        url = page["next"]
    assert pages == -(-total // 7) and len(seen) == len(set(seen)) == total
    first = api(reader, "/api/v1/commitments/?page_size=7&status=open")
    assert first["previous"] is None
    assert api(reader, "/api/v1/commitments/?page_size=7&status=open&page=2")["previous"] == (
        "http://testserver/api/v1/commitments/?page_size=7&status=open"
    )
    assert api(reader, "/api/v1/commitments/?page=last&page_size=7")["next"] is None


def test_past_the_pages_count_limit_the_api_counts_exactly(papers, reader, monkeypatch):
    """The list pages stop counting at 2,000 rows; a program reading every page needs the true number."""
    monkeypatch.setattr(CountedPaginator, "COUNT_LIMIT", 10)
    total = Commitment.objects.live().count()
    assert total > 10
    last = api(reader, f"/api/v1/commitments/?status=&page_size=10&page={-(-total // 10)}")
    assert last["count"] == total and last["next"] is None
    every = list(Commitment.objects.live().order_by("due_date", "id").values_list("pk", flat=True))
    assert [r["id"] for r in last["results"]] == every[10 * (-(-total // 10) - 1) :]


def test_a_filter_value_the_list_refuses_answers_400_naming_the_parameter(papers, reader):
    assert api(reader, "/api/v1/commitments/?status=late", 400) == {
        "status": ["Selecteer een geldige keuze. late is geen beschikbare keuze."]
    }
    assert set(api(reader, "/api/v1/question-sets/?ministry=999999", 400)) == {"ministry"}
    api(reader, "/api/v1/commitments/?page=99", 404)


def test_a_commitment_as_json(papers, reader, settings):
    settings.SITE_URL = "https://tracker.example.nl"
    c = Commitment.objects.get(deadline_text="op 3 februari a.s.")
    listed = next(r for r in api(reader, "/api/v1/commitments/?dossier=32735")["results"] if r["id"] == c.pk)
    detail = api(reader, f"/api/v1/commitments/{c.pk}/")
    assert {k: detail[k] for k in listed} == listed
    assert detail["url"] == f"http://testserver/api/v1/commitments/{c.pk}/"
    assert detail["page_url"] == f"https://tracker.example.nl/commitments/{c.pk}/"
    assert (detail["status"], detail["status_label"], detail["due_date"], detail["due_precision_label"]) == (
        "open",
        "Openstaand",
        "2014-02-03",
        "Dag",
    )
    assert detail["office"]["ministry"]["name"] == "Buitenlandse Zaken"
    assert detail["source_document"]["label"] == "Kamerstuk 32 735, nr. 100"
    assert detail["days_overdue"] == (timezone.localdate() - dt.date(2014, 2, 3)).days
    assert (detail["lapsed_reason"], detail["evidence"]) == ("", None)


def test_a_question_set_as_json_with_its_questions(papers, reader):
    qs = QuestionSet.objects.get(subject="de ontwikkelingen in Belarus")
    detail = api(reader, f"/api/v1/question-sets/{qs.pk}/")
    assert (detail["submitted"], detail["term_due"], detail["answer_due"], detail["postponed_on"]) == (
        "2021-01-19",
        "2021-02-09",
        "2021-03-02",
        "2021-02-08",
    )
    assert detail["askers"] == [{"name": "Ploumen", "party": "PvdA"}]
    assert [o["title"] for o in detail["addressed_to"]] == ["Minister van Buitenlandse Zaken"]
    assert detail["received"] is None and detail["answers"] == []
    assert [q["label"] for q in detail["questions"]][:3] == ["1", "2", "3"]
    assert detail["postponements"][0]["date"] == "2021-02-08"
    assert detail["postponements"][0]["expected"] == "2021-03-01"


def test_a_retired_commitment_keeps_its_address_but_leaves_the_list(papers, reader):
    c = Commitment.objects.get(deadline_text="in april 2021")
    Commitment.objects.filter(pk=c.pk).update(retired=True)
    assert api(reader, f"/api/v1/commitments/{c.pk}/")["retired"] is True
    assert c.pk not in [r["id"] for r in api(reader, "/api/v1/commitments/?has_deadline=true")["results"]]


@pytest.mark.parametrize("endpoint", ["/api/v1/commitments/", "/api/v1/question-sets/"])
def test_a_page_runs_a_fixed_number_of_queries_whatever_its_size(
    papers, reader, client, key, endpoint, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        api(reader, f"{endpoint}?page_size=1")
    with django_assert_num_queries(len(one.captured_queries)):
        api(reader, f"{endpoint}?page_size=100")
    bz = Ministry.objects.get(name="Buitenlandse Zaken").pk
    for url in (f"{endpoint}?page_size=100&ministry={bz}&status=open&sort=-due", f"{endpoint}?token={key}"):
        with django_assert_max_num_queries(15):
            api(client if "token" in url else reader, url)
    pk = (Commitment if "commitments" in endpoint else QuestionSet).objects.first().pk
    with django_assert_max_num_queries(15):
        api(reader, f"{endpoint}{pk}/")
