"""A question set known only from the open data runs its answer term from the day it was
asked: overdue after 21 days, 42 after a postponement notice, and in the digest like any set."""

import pytest

from tracker.digests.report import build_report
from tracker.models import QuestionSet

from .conftest import day, question_set

pytestmark = pytest.mark.django_db


def overdue_on(text: str) -> set[str]:
    numbers = {}
    for qs in QuestionSet.objects.overdue(on=day(text)):
        numbers[qs.pk] = qs.open_data_zaken.get().number
    return set(numbers.values())


def test_a_set_known_only_from_the_open_data_is_overdue_after_21_days(replayed):
    omtzigt = question_set("omtzigt")
    assert omtzigt.question_document is None and omtzigt.answer_document is None, "no paper of it was ever read"
    assert omtzigt.term_due == day("2024-04-01")
    assert "2024Z04512" not in overdue_on("2024-04-01")
    assert "2024Z04512" in overdue_on("2024-04-02")


def test_after_a_postponement_notice_it_is_overdue_after_42_days(replayed):
    assert "2024Z04250" not in overdue_on("2024-04-02"), "postponed on 27 March: 42 days"
    assert "2024Z04250" not in overdue_on("2024-04-18")
    assert "2024Z04250" in overdue_on("2024-04-19")


def test_an_answer_after_the_deadline_was_overdue_until_it_came(replayed):
    assert "2024Z04399" in overdue_on("2024-04-14")
    assert "2024Z04399" not in overdue_on("2024-04-15")


def test_sets_known_from_the_open_data_appear_in_the_digest(replayed):
    report = build_report(day("2024-04-22"))
    overdue = {item.id: item for item in report.overdue_answers}
    omtzigt, dobbe = question_set("omtzigt"), question_set("dobbe")
    assert omtzigt.pk in overdue and dobbe.pk in overdue
    assert overdue[omtzigt.pk].ministries == ["Financiën"] and overdue[omtzigt.pk].askers == ["Omtzigt (NSC)"]
    assert overdue[omtzigt.pk].days_overdue == 21 and overdue[dobbe.pk].days_overdue == 4
    digest = report.digest()
    assert "Financiën" in [group.name for group in digest.groups]
