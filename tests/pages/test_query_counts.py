"""List pages run the same number of queries for 5 rows as for 50."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CommitmentFactory, DocumentFactory, OfficeFactory, QuestionSetFactory
from tracker.models import Answer

pytestmark = pytest.mark.django_db


def make_commitments(n):
    for i in range(n):
        qs = QuestionSetFactory(askers=[(f"Lid {i}", "PvdA")], offices=[OfficeFactory()])
        doc = DocumentFactory()
        answer = Answer.objects.create(question_set=qs, document=doc, label="1", text="…")
        CommitmentFactory(answer=answer, source_document=doc, due_date=dt.date(2021, 1, 1) + dt.timedelta(days=i))


def make_sets(n):
    for i in range(n):
        QuestionSetFactory(askers=[(f"Lid {i}", "PvdA"), (f"Lid {i}b", "SP")], offices=[OfficeFactory()])


def make_documents(n):
    for _i in range(n):
        CommitmentFactory(source_document=DocumentFactory(parse_warnings=["w"]))


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "make, url",
    [
        (make_commitments, reverse("commitment-list")),
        (make_commitments, reverse("commitment-list") + "?q=zaak&status=open&sort=-due"),
        (make_commitments, reverse("commitment-list") + "?format=csv"),
        (make_sets, reverse("questionset-list")),
        (make_sets, reverse("questionset-list") + "?status=overdue&q=onderwerp"),
        (make_sets, reverse("questionset-list") + "?format=csv"),
        (make_documents, reverse("document-list")),
        (make_sets, reverse("stats")),
    ],
)
def test_same_number_of_queries_for_5_and_50_rows(reviewer, django_assert_num_queries, make, url):
    make(5)
    few = count(reviewer, url)
    make(45)
    with django_assert_num_queries(few):
        response = reviewer.get(url)
    assert response.status_code == 200
    if "paginator" in (response.context or {}) and "?" not in url:
        assert response.context["paginator"].count >= 50
