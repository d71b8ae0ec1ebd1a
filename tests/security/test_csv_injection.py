"""CSV formula injection: a paper's text that starts like a formula must reach
Excel as plain text (OWASP: a leading quote), still readable."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory

pytestmark = pytest.mark.django_db

ATTACKS = [
    '=HYPERLINK("http://evil.example","klik")',
    "+31 20 123",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def table(response):
    body = response.content.decode("utf-8")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))


def cells(response):
    return [cell for row in table(response)[1:] for cell in row]


@pytest.mark.parametrize("attack", ATTACKS)
def test_csv_cell_starting_with_a_formula_character_is_inert(reviewer, attack):
    CommitmentFactory(sentence=attack)
    exported = cells(reviewer.get(reverse("commitment-list") + "?format=csv"))
    assert "'" + attack in exported
    assert attack not in exported


def test_csv_cell_starting_with_equals_is_inert(reviewer):
    CommitmentFactory(sentence="=1+1 toezegging")
    QuestionSetFactory(subject="=1+1 onderwerp")
    DocumentFactory(title="=1+1 titel", source_name="=1+1.txt")
    for name in ("commitment-list", "questionset-list", "document-list"):
        exported = cells(reviewer.get(reverse(name) + "?format=csv"))
        live = [c for c in exported if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert live == [], (name, live)
        assert any(c.startswith("'=1+1") for c in exported), name


def test_ordinary_cells_and_numbers_are_exported_unchanged(reviewer):
    c = CommitmentFactory(sentence="Ik zal uw Kamer informeren.")
    rows = table(reviewer.get(reverse("commitment-list") + "?format=csv"))
    assert rows[1][0] == str(c.pk) and rows[1][1] == "Ik zal uw Kamer informeren."
