"""The schema: migrations complete, recesses loaded, constraints in the database."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from documents.models import Document
from tracker.models import Commitment, ParliamentaryRecess

pytestmark = pytest.mark.django_db


def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_the_recess_table_of_domain_md_is_loaded():
    summer = ParliamentaryRecess.objects.get(kind="zomerreces", year=2024)
    assert (summer.start, summer.end) == (dt.date(2024, 7, 5), dt.date(2024, 9, 2))
    assert ParliamentaryRecess.objects.count() == 8


def test_an_aanhangsel_number_is_unique_within_its_vergaderjaar():
    Document.objects.create(source_name="a", content_hash="a" * 64, vergaderjaar="2023-2024", aanhangsel_number="1949")
    Document.objects.create(source_name="b", content_hash="b" * 64, vergaderjaar="2022-2023", aanhangsel_number="1949")
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(
            source_name="c", content_hash="c" * 64, vergaderjaar="2023-2024", aanhangsel_number="1949"
        )


def test_a_kamerstuk_is_unique_by_dossier_and_number():
    Document.objects.create(source_name="a", content_hash="a" * 64, dossier="32 735", number="312")
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(source_name="b", content_hash="b" * 64, dossier="32 735", number="312")


def test_a_commitment_status_outside_the_registry_statuses_is_refused():
    doc = Document.objects.create(source_name="a", content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(source_document=doc, sentence="x", sentence_hash="x", status="misschien")


def test_a_closed_commitment_carries_the_day_it_closed():
    doc = Document.objects.create(source_name="a", content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(source_document=doc, sentence="x", sentence_hash="x", status="fulfilled")
