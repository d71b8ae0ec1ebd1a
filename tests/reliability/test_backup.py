"""make backup / make restore round-trip a database with corrections in it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from tests.factories import CommitmentFactory
from tracker.domain import corrections
from tracker.models import Commitment, Correction


def _round_trip(tmp_path, admin_user):
    commitment = CommitmentFactory(deadline_text="voor de zomer")
    corrections.record(commitment, "deadline_text", "voor de zomer", "voor het zomerreces", admin_user)
    target = tmp_path / "backup.file"
    call_command("backup", str(target), stdout=open("/dev/null", "w"))
    assert target.stat().st_size > 0
    Correction.objects.all().delete()
    Commitment.objects.all().delete()
    call_command("restore", str(target), stdout=open("/dev/null", "w"))
    restored = Correction.objects.get(content_type=ContentType.objects.get_for_model(Commitment))
    assert (restored.parser_value, restored.corrected_value, restored.by.username) == (
        "voor de zomer",
        "voor het zomerreces",
        admin_user.username,
    )
    assert Commitment.objects.filter(pk=commitment.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_the_corrections_on_the_configured_database(tmp_path, admin_user):
    """pg_dump/pg_restore on PostgreSQL (CI's second pass), SQLite's backup API on SQLite."""
    _round_trip(tmp_path, admin_user)
