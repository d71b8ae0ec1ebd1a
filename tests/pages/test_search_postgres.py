"""PostgreSQL: the search function and its trigram indexes (migrations 0003_pages_search and
0005_commitment_index: the commitment's kept search text has its own)."""

import pytest
from django.db import connection

from tests.factories import CommitmentFactory
from tracker.models import Commitment
from tracker.review.filters import CommitmentFilter

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_function_and_the_indexes_exist():
    with connection.cursor() as cur:
        cur.execute("SELECT tracker_search_text('Tsjetsjenië ÉÉN')")
        assert cur.fetchone()[0] == "tsjetsjenie een"
        cur.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_search_idx' ORDER BY 1")
        assert [r[0] for r in cur.fetchall()] == [
            "commitment_text_search_idx",
            "person_name_search_idx",
            "questionset_subject_search_idx",
        ]


def test_the_search_can_use_the_trigram_index():
    for i in range(200):
        CommitmentFactory(sentence=f"Ik zal de Kamer over zaak {i} informeren.")
    CommitmentFactory(sentence="Ik zal via een videoboodschap spreken.")
    qs = CommitmentFilter({"q": "videoboodschap"}, queryset=Commitment.objects.all()).qs
    with connection.cursor() as cur:
        cur.execute("ANALYZE tracker_commitment")
        cur.execute("SET LOCAL enable_seqscan = off")
        sql, params = qs.query.sql_with_params()
        cur.execute("EXPLAIN " + sql, params)
        plan = "\n".join(r[0] for r in cur.fetchall())
    assert "commitment_text_search_idx" in plan, plan
    assert [c.sentence for c in qs] == ["Ik zal via een videoboodschap spreken."]


def test_the_migration_is_reversible(django_db_blocker):
    """Unapplying 0003 drops the function and indexes; applying it again restores them."""
    from django.core.management import call_command

    call_command("migrate", "tracker", "0002", verbosity=0)
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_proc WHERE proname = 'tracker_search_text'")
        assert cur.fetchone()[0] == 0
    call_command("migrate", "tracker", verbosity=0)
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_proc WHERE proname = 'tracker_search_text'")
        assert cur.fetchone()[0] == 1
