"""The answer term and overdue, as of a day (DOMAIN.md; querysets and rules/answer_term.py)."""

import datetime as dt

import pytest

from tests.factories import CommitmentFactory, DocumentFactory, QuestionSetFactory
from tracker.models import Commitment, QuestionSet
from tracker.rules.review_date import review_date_for

pytestmark = pytest.mark.django_db


def overdue_on(day):
    return set(QuestionSet.objects.overdue(on=day))


def test_a_question_set_submitted_on_19_january_2021_is_overdue_from_10_february():
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19))
    assert qs.term_due == qs.answer_due == dt.date(2021, 2, 9)
    assert qs not in overdue_on(dt.date(2021, 2, 9))
    assert qs in overdue_on(dt.date(2021, 2, 10))
    assert qs.days_overdue(dt.date(2021, 2, 10)) == 1
    assert qs.days_overdue(dt.date(2021, 3, 1)) == 20


def test_a_set_answered_on_15_february_is_overdue_as_of_14_february_and_not_as_of_16_february():
    qs = QuestionSetFactory(submitted=dt.date(2019, 1, 22), received=dt.date(2019, 2, 15))
    assert qs in overdue_on(dt.date(2019, 2, 14))
    assert qs.days_overdue(dt.date(2019, 2, 14)) == 2
    assert qs not in overdue_on(dt.date(2019, 2, 16))
    assert qs.days_overdue(dt.date(2019, 2, 16)) is None


def test_a_postponement_notice_counts_from_its_own_date():
    # term 9 February; a notice dated 12 February buys three more weeks: due 2 March
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19), postponed_on=dt.date(2021, 2, 12))
    assert qs.answer_due == dt.date(2021, 3, 2)
    assert qs in overdue_on(dt.date(2021, 2, 11)), "before the notice the plain term applied"
    assert qs not in overdue_on(dt.date(2021, 2, 12))
    assert qs not in overdue_on(dt.date(2021, 3, 2))
    assert qs in overdue_on(dt.date(2021, 3, 3))
    assert qs.days_overdue(dt.date(2021, 3, 3)) == 1


def test_a_set_not_yet_submitted_on_the_day_is_not_overdue():
    qs = QuestionSetFactory(submitted=dt.date(2021, 1, 19))
    assert qs not in overdue_on(dt.date(2021, 1, 18))


def test_a_commitment_due_3_february_2014_is_26_days_overdue_on_1_march_and_not_once_fulfilled():
    letter = DocumentFactory(kind="letter", date=dt.date(2014, 1, 23))
    c = CommitmentFactory(source_document=letter, due_date=dt.date(2014, 2, 3))
    assert c in Commitment.objects.overdue(on=dt.date(2014, 3, 1))
    assert c.days_overdue(dt.date(2014, 3, 1)) == 26
    assert c not in Commitment.objects.overdue(on=dt.date(2014, 2, 3))
    c.status, c.closed_on = "fulfilled", dt.date(2014, 2, 20)
    c.save()
    assert c in Commitment.objects.overdue(on=dt.date(2014, 2, 19))
    assert c not in Commitment.objects.overdue(on=dt.date(2014, 3, 1))


def test_a_commitment_due_within_fourteen_days():
    c = CommitmentFactory(source_document=DocumentFactory(date=dt.date(2021, 2, 1)), due_date=dt.date(2021, 3, 15))
    assert c in Commitment.objects.due_within(14, on=dt.date(2021, 3, 1))
    assert c not in Commitment.objects.due_within(13, on=dt.date(2021, 3, 1))


def test_a_review_date_is_six_weeks_after_the_paper_or_after_ingest():
    assert review_date_for(dt.date(2021, 3, 8), None) == dt.date(2021, 4, 19)
    created = dt.datetime(2021, 3, 31, 23, 30, tzinfo=dt.UTC)  # 1 April in Amsterdam
    assert review_date_for(None, created) == dt.date(2021, 5, 13)
