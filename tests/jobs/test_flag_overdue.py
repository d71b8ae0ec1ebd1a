"""flag_overdue: what became overdue, recorded once, set-based."""

import datetime as dt

import pytest
from django.core.management import call_command

from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.domain import lifecycle
from tracker.jobs import flag_overdue as jobs
from tracker.models import Commitment, JobRun, QuestionSet, StatusChange

pytestmark = pytest.mark.django_db


def overdue_events(obj):
    return list(obj.status_changes.filter(event="overdue").values_list("on", flat=True))


def test_the_belarus_questions_became_overdue_on_10_february_even_when_first_flagged_on_1_march(belarus):
    run = jobs.flag_overdue(dt.date(2021, 3, 1))
    belarus.refresh_from_db()
    assert belarus.overdue_since == dt.date(2021, 2, 10)
    assert overdue_events(belarus) == [dt.date(2021, 2, 10)]
    assert run.status == "done" and run.name == "flag_overdue" and run.day == dt.date(2021, 3, 1)
    assert run.details["question_sets_overdue"] == 1
    assert run.details["question_sets_flagged"] == 1


def test_flag_overdue_twice_records_one_status_change_per_item(belarus, coc_meeting):
    first = jobs.flag_overdue(dt.date(2021, 3, 1))
    second = jobs.flag_overdue(dt.date(2021, 3, 1))
    third = jobs.flag_overdue(dt.date(2021, 3, 2))
    assert overdue_events(belarus) == [dt.date(2021, 2, 10)]
    assert overdue_events(coc_meeting) == [dt.date(2014, 2, 4)]
    assert StatusChange.objects.filter(event="overdue").count() == 2
    assert first.details["question_sets_flagged"] == first.details["commitments_flagged"] == 1
    assert second.details["question_sets_flagged"] == second.details["commitments_flagged"] == 0
    assert second.changed == third.changed == 0
    assert JobRun.objects.filter(name="flag_overdue").count() == 3


def test_flag_overdue_clears_overdue_since_once_the_answer_is_in(belarus):
    jobs.flag_overdue(dt.date(2021, 3, 1))
    run = jobs.flag_overdue(dt.date(2021, 3, 9))  # answered 8 March
    belarus.refresh_from_db()
    assert belarus.overdue_since is None
    assert run.details["question_sets_overdue_since_cleared"] == 1
    assert overdue_events(belarus) == [dt.date(2021, 2, 10)], "the history keeps when it became overdue"


def test_a_fulfilled_or_redated_commitment_is_no_longer_overdue(coc_meeting):
    other = CommitmentFactory(source_document=DocumentFactory(date=dt.date(2014, 1, 10)), due_date=dt.date(2014, 2, 1))
    jobs.flag_overdue(dt.date(2014, 3, 1))
    assert Commitment.objects.filter(overdue_since__isnull=False).count() == 2
    lifecycle.set_status(coc_meeting, "fulfilled", on=dt.date(2014, 2, 28))
    Commitment.objects.filter(pk=other.pk).update(due_date=dt.date(2014, 4, 1))  # re-dated behind the job's back
    run = jobs.flag_overdue(dt.date(2014, 3, 1))
    assert Commitment.objects.filter(overdue_since__isnull=False).count() == 0
    assert run.details["commitments_overdue_since_cleared"] == 2
    run = jobs.flag_overdue(dt.date(2014, 4, 5))
    other.refresh_from_db()
    assert other.overdue_since == dt.date(2014, 4, 2)
    assert overdue_events(other) == [dt.date(2014, 2, 2), dt.date(2014, 4, 2)], "both overdue periods in the history"


def test_a_commitment_fulfilled_later_is_flagged_for_a_day_before_and_cleared_for_a_day_after():
    c = CommitmentFactory(source_document=DocumentFactory(date=dt.date(2014, 1, 10)), due_date=dt.date(2014, 2, 1))
    lifecycle.set_status(c, "fulfilled", on=dt.date(2014, 3, 10))
    run = jobs.flag_overdue(dt.date(2014, 3, 1))  # --today in the past: still open that day
    c.refresh_from_db()
    assert c.overdue_since == dt.date(2014, 2, 2) and run.details["commitments_flagged"] == 1
    run = jobs.flag_overdue(dt.date(2014, 3, 11))
    c.refresh_from_db()
    assert c.overdue_since is None and run.details["commitments_overdue_since_cleared"] == 1
    assert overdue_events(c) == [dt.date(2014, 2, 2)]


def test_a_postponement_moves_overdue_since_to_the_new_term():
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19))
    jobs.flag_overdue(dt.date(2021, 2, 11))
    qs.postponed_on = dt.date(2021, 2, 12)
    qs.compute_due_dates()
    qs.save()
    jobs.flag_overdue(dt.date(2021, 2, 15))
    qs.refresh_from_db()
    assert qs.overdue_since is None
    jobs.flag_overdue(dt.date(2021, 3, 5))
    qs.refresh_from_db()
    assert qs.overdue_since == dt.date(2021, 3, 3)
    assert overdue_events(qs) == [dt.date(2021, 2, 10), dt.date(2021, 3, 3)]


def test_flag_overdue_does_not_loop_per_item_in_sql(django_assert_max_num_queries, foreign_affairs):
    for i in range(30):
        QuestionSetFactory(submitted=dt.date(2021, 1, 1) + dt.timedelta(days=i))
        CommitmentFactory(
            source_document=DocumentFactory(date=dt.date(2020, 12, 1)),
            due_date=dt.date(2021, 1, 1) + dt.timedelta(days=i),
        )
        CommitmentFactory(source_document=DocumentFactory(date=dt.date(2020, 12, 1)), due_date=None)
    with django_assert_max_num_queries(25):
        run = jobs.flag_overdue(dt.date(2021, 3, 1))
    assert run.details["question_sets_flagged"] == 30
    assert run.details["commitments_flagged"] == 30
    assert run.details["review_dates_set"] == 30


def test_commitments_without_a_due_date_get_a_review_date_six_weeks_after_their_paper():
    dated = CommitmentFactory(source_document=DocumentFactory(date=dt.date(2021, 3, 8)), due_date=None)
    undated = CommitmentFactory(source_document=DocumentFactory(date=None), due_date=None)
    kept = CommitmentFactory(
        source_document=DocumentFactory(date=dt.date(2021, 3, 8)), due_date=None, review_date=dt.date(2021, 3, 20)
    )
    run = jobs.flag_overdue(dt.date(2021, 3, 9))
    assert run.details["review_dates_set"] == 2
    for c in (dated, undated, kept):
        c.refresh_from_db()
    assert dated.review_date == dt.date(2021, 4, 19)
    from django.utils import timezone

    assert undated.review_date == timezone.localdate(undated.created_at) + dt.timedelta(weeks=6)
    assert kept.review_date == dt.date(2021, 3, 20), "a date staff set is left alone"


def test_the_flag_overdue_command_takes_a_day(belarus, capsys):
    call_command("flag_overdue", "--today", "2021-03-01")
    assert "flag_overdue voor 2021-03-01" in capsys.readouterr().out
    belarus.refresh_from_db()
    assert belarus.overdue_since == dt.date(2021, 2, 10)
    assert QuestionSet.objects.filter(overdue_since__isnull=False).count() == 1
