"""The issue's acceptance: a logged-in reviewer on the five seed papers (SQLite and PostgreSQL)."""

import re

import pytest
from django.urls import reverse

from tests.pages.test_lists import csv_rows
from tracker.domain.search import normalize
from tracker.models import Commitment, QuestionSet

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client, seeded):
    response = client.get(reverse("commitment-list"))
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_commitments_show_the_seeds_commitments(reviewer, seeded):
    live = Commitment.objects.live()
    assert live.exists(), "the seeds yield commitments (documents/parsing/extract/commitments.py)"
    response = reviewer.get(reverse("commitment-list"))
    assert response.status_code == 200
    assert response.context["paginator"].count == live.count()
    first = response.context["object_list"][0]
    assert f'href="{reverse("commitment-detail", args=[first.pk])}"' in response.content.decode()


def test_q_videoboodschap_lists_only_matching_rows(reviewer, seeded):
    response = reviewer.get(reverse("commitment-list") + "?q=videoboodschap")
    found = list(response.context["paginator"].object_list)
    assert found, "the letter of 17 September 2020 promises a video message"
    for c in found:
        subject = c.answer.question_set.subject if c.answer_id else ""
        assert re.search(r"(^|[^a-z0-9])videoboodschap", normalize(c.sentence + " " + subject)), c.sentence
    assert len(found) < Commitment.objects.live().count()


def test_status_open(reviewer, seeded):
    response = reviewer.get(reverse("commitment-list") + "?status=open")
    assert response.status_code == 200
    assert response.context["paginator"].count == Commitment.objects.live().filter(status="open").count() > 0


def test_csv_export_of_a_search(reviewer, seeded):
    response = reviewer.get(reverse("commitment-list") + "?q=videoboodschap&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    table = csv_rows(response)
    assert ";" in response.content.decode().splitlines()[0]
    assert len(table) - 1 == reviewer.get(reverse("commitment-list") + "?q=videoboodschap").context["paginator"].count
    assert all("videoboodschap" in row[1].lower() or "videoboodschap" in row[12].lower() for row in table[1:])


def test_questions_and_the_chechnya_search(reviewer, seeded):
    response = reviewer.get(reverse("questionset-list") + "?status=")
    assert response.status_code == 200
    assert response.context["paginator"].count == QuestionSet.objects.count()
    response = reviewer.get(reverse("questionset-list") + "?q=Tsjetsjeni")
    found = list(response.context["object_list"])
    assert [qs.subject for qs in found] == ["het vervolgen, martelen en vermoorden van LHBTI’s in Tsjetsjenië"]


def test_stats(reviewer, seeded):
    response = reviewer.get(reverse("stats"))
    assert response.status_code == 200
    assert "Buitenlandse Zaken" in response.content.decode()


def test_every_seed_page_renders(reviewer, seeded):
    from documents.models import Document

    for d in Document.objects.all():
        assert reviewer.get(reverse("document-detail", args=[d.pk])).status_code == 200
    for qs in QuestionSet.objects.all():
        assert reviewer.get(reverse("questionset-detail", args=[qs.pk])).status_code == 200
    for c in Commitment.objects.all():
        response = reviewer.get(reverse("commitment-detail", args=[c.pk]))
        assert response.status_code == 200
    found = sum(
        reviewer.get(reverse("commitment-detail", args=[c.pk])).context["highlight"].found
        for c in Commitment.objects.all()
    )
    assert found >= 0.9 * Commitment.objects.count(), "the sentence is found in its paper's text"
