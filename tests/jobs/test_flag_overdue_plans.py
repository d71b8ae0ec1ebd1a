"""flag_overdue reads the overdue items (and the ones flagged before), not every set or
commitment: at 1,000,000 sets the daily run is a few index ranges, where the per-row loop
reads every row (BENCHMARKS.md).

Two thousand sets answered and two thousand commitments fulfilled, all long past their due
date, next to the Belarus questions and the COC meeting: each statement of the job may read
a handful of rows, not the four thousand. PostgreSQL is told to avoid sequential scans (with
a few rows it would scan anyway); it still takes one where no index serves a condition.

For a day long past (``--today 2014-03-01``) the job reads what was answered or kept after
that day too: the rule asks for it, and such a run is rare."""

import datetime as dt
import json

import pytest
from django.db import connection

from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.jobs import flag_overdue as job
from tracker.models import Commitment, QuestionSet, StatusChange

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
DAY = dt.date(2021, 3, 1)
PAST = 2000
FEW = 10


@pytest.fixture
def years_of_kept_promises(belarus, coc_meeting):
    letter = DocumentFactory(kind="letter", date=dt.date(2015, 1, 5))
    sets = [
        QuestionSetFactory.build(
            submitted=dt.date(2015, 1, 5) + dt.timedelta(days=i % 1500),
            received=dt.date(2015, 2, 20) + dt.timedelta(days=i % 1500),
        )
        for i in range(PAST)
    ]
    for qs in sets:
        qs.compute_due_dates()
    QuestionSet.objects.bulk_create(sets)
    Commitment.objects.bulk_create(
        CommitmentFactory.build(
            source_document=letter,
            actor_office=None,
            status="fulfilled",
            due_date=dt.date(2015, 2, 1) + dt.timedelta(days=i % 1500),
            closed_on=dt.date(2015, 6, 1) + dt.timedelta(days=i % 1500),
        )
        for i in range(PAST)
    )
    CommitmentFactory(
        source_document=letter, due_date=dt.date(2021, 2, 1), status="fulfilled", closed_on=dt.date(2021, 3, 4)
    )  # fulfilled after DAY: overdue on DAY
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tracker_questionset")
        cursor.execute("ANALYZE tracker_commitment")
        cursor.execute("SET LOCAL enable_seqscan = off")


def rows_read(queryset, table: str) -> int:
    """Rows of ``table`` the plan touched: returned by its scans, or read and then filtered out.
    Unordered, as the job's statements are (its UPDATEs have no ORDER BY)."""
    [plan] = json.loads(queryset.order_by().explain(format="json", analyze=True))

    def walk(node):
        own = 0
        if node.get("Relation Name") == table:
            assert not node["Node Type"].startswith("Seq Scan"), f"a scan of every row of {table}"
            own = (
                node["Actual Rows"]
                + node.get("Rows Removed by Filter", 0)
                + node.get("Rows Removed by Index Recheck", 0)
            ) * node["Actual Loops"]
        return own + sum(walk(child) for child in node.get("Plans", []))

    return walk(plan["Plan"])


@pytest.mark.parametrize(
    "rule, table", [(job.overdue_question_sets, "tracker_questionset"), (job.overdue_commitments, "tracker_commitment")]
)
def test_the_overdue_items_are_read_and_the_ones_answered_or_kept_are_not(years_of_kept_promises, rule, table):
    assert len(rule(DAY)) == (2 if table == "tracker_commitment" else 1)
    assert rows_read(rule(DAY), table) <= FEW


@pytest.mark.parametrize(
    "model, rule, table",
    [
        (QuestionSet, job.overdue_question_sets, "tracker_questionset"),
        (Commitment, job.overdue_commitments, "tracker_commitment"),
    ],
)
def test_the_items_no_longer_overdue_are_found_among_the_flagged_ones(years_of_kept_promises, model, rule, table):
    job.flag_overdue(DAY)
    cleared = model.objects.filter(overdue_since__isnull=False).exclude(pk__in=rule(dt.date(2021, 3, 9)).values("pk"))
    assert rows_read(cleared, table) <= FEW


def test_the_commitments_waiting_for_a_review_date_are_read_from_their_own_index(years_of_kept_promises):
    assert rows_read(job.waiting_for_review_date(), "tracker_commitment") == 0


def test_the_index_ranges_pick_what_the_rule_picks(years_of_kept_promises):
    for day in (DAY, dt.date(2021, 3, 4), dt.date(2015, 3, 1), dt.date(2014, 3, 1)):
        assert set(job.overdue_commitments(day)) == set(Commitment.objects.overdue(on=day))
        assert set(job.overdue_question_sets(day)) == set(QuestionSet.objects.overdue(on=day))


def history_rows_planned() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'tracker_statuschange'")
        return cursor.fetchone()[0]


def test_a_run_that_records_many_overdue_periods_refreshes_the_statistics_of_the_history(
    belarus, coc_meeting, monkeypatch
):
    """After the first run over old data the history table is no longer the nearly empty table
    PostgreSQL last analysed; planned as such, the next run compared every overdue item with
    every record (BENCHMARKS.md). A run that records many periods analyses it."""
    monkeypatch.setattr(job, "REFRESH_STATISTICS_AFTER", 2)
    before = history_rows_planned()
    job.flag_overdue(dt.date(2014, 3, 1))  # the COC meeting: one period, below the mark
    assert history_rows_planned() == before
    QuestionSetFactory(submitted=dt.date(2021, 1, 20))
    job.flag_overdue(DAY)  # Belarus and the set of 20 January: two (the COC meeting's is recorded)
    assert history_rows_planned() == 3 == StatusChange.objects.filter(event="overdue").count()
