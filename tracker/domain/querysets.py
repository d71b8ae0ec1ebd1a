"""The rules over stored dates, as querysets: the jobs, the pages, the admin
and the digest all ask these, for any day (healthchecks' shape: a stored
deadline, evaluated for a given day, not a flag only a job keeps true)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Exists, F, OuterRef, Q

from documents.models import Document


def _days(n: int):
    return dt.timedelta(days=n)


class QuestionSetQuerySet(models.QuerySet):
    def written(self):
        return self.filter(kind="written_questions")

    def due_as_of(self, on: dt.date) -> Q:
        """Past the term on ``on``: 21 days, or 42 once a notice dated on or before ``on`` is known."""
        not_postponed_yet = Q(postponed_on__isnull=True) | Q(postponed_on__gt=on)
        postponed = Q(postponed_on__lte=on)
        return (not_postponed_yet & Q(term_due__lt=on)) | (postponed & Q(answer_due__lt=on))

    def overdue(self, on: dt.date):
        """Unanswered past the term as of ``on`` (answers dated after ``on`` do not count yet)."""
        return self.written().filter(
            self.due_as_of(on), Q(received__isnull=True) | Q(received__gt=on), submitted__lte=on
        )

    @staticmethod
    def _late() -> Q:
        """Received after the term that applied on the day of the answer."""
        late_plain = Q(postponed_on__isnull=True) | Q(postponed_on__gt=F("received"))
        return (late_plain & Q(received__gt=F("term_due"))) | (
            Q(postponed_on__lte=F("received")) & Q(received__gt=F("answer_due"))
        )

    def answered_late(self):
        """Answered after the term that applied on the day of the answer."""
        return self.written().filter(received__isnull=False).filter(self._late())

    def answered_on_time(self):
        """Answered, and not late: the negation of the same condition, not ``NOT IN (the late
        sets)``, which PostgreSQL ran as a subplan per row (minutes at 1,000,000 sets: BENCHMARKS.md)."""
        return self.written().filter(received__isnull=False).exclude(self._late())

    def open(self):
        return self.filter(received__isnull=True)

    def needing_action(self):
        """Not answered yet, overdue first, then the one due soonest: the questions list's default view.
        Ordering by the due date does both at once (an overdue set's date lies before any other's)."""
        return self.open().order_by(F("answer_due").asc(nulls_last=True), "id")


#: the "needs action" order of open commitments (see CommitmentQuerySet.needing_action)
CONFIRM_BELOW = 0.75
ACTION_BUCKET = models.Case(
    models.When(due_date__isnull=False, then=models.Value(0)),
    models.When(confirmed=False, confidence__lt=CONFIRM_BELOW, then=models.Value(1)),
    default=models.Value(2),
)
ACTION_ORDER = (ACTION_BUCKET.asc(), F("due_date").asc(), F("id").asc())


class CommitmentQuerySet(models.QuerySet):
    def live(self):
        """Not retired by a new version of its paper."""
        return self.filter(retired=False)

    def open(self):
        return self.live().filter(status="open")

    def open_on(self, on: dt.date):
        """Open on ``on``: made by then (its paper is not dated after ``on``; an
        undated paper counts as made) and not closed by then.

        "Not dated after" is an anti-join, not a join: the planner then reads
        only the papers dated after ``on`` (an index range, nearly empty for
        today) instead of hashing every document (BENCHMARKS.md)."""
        later = Document.objects.filter(pk=OuterRef("source_document_id"), date__gt=on)
        return self.live().filter(~Exists(later), Q(closed_on__isnull=True) | Q(closed_on__gt=on))

    def overdue(self, on: dt.date):
        return self.open_on(on).filter(due_date__lt=on)

    def due_within(self, days: int, on: dt.date):
        return self.open_on(on).filter(due_date__gte=on, due_date__lte=on + _days(days))

    def to_confirm(self):
        # the model is Commitment, which this module cannot import (tracker.models imports this module):
        # only at run time is the queryset bound to it
        return self.live().filter(confirmed=False, confidence__lt=CONFIRM_BELOW)

    def needing_action(self):
        """Open, in the order staff work through them: those with a due date first, overdue ones
        first among them, then the one due soonest (ordering by the date does both); then the finds
        awaiting confirmation; then the other open ones. The order reads no date but the stored
        ones, so it is the same whatever the day; the open commitments are a small share of all
        (a sort of tens of thousands at the benchmark's large scale)."""
        return self.live().filter(status="open").order_by(*ACTION_ORDER)

    def review_passed(self, on: dt.date):
        """Open, without a due date, and the day to look at it again (rules/review_date.py) has come."""
        return self.live().filter(status="open", due_date__isnull=True, review_date__lte=on)

    def with_status(self, status: str, on: dt.date):
        """The list filter's statuses: action, open, overdue, to_confirm, fulfilled, partially_fulfilled, lapsed."""
        if status == "action":
            return self.needing_action()
        if status == "overdue":
            return self.overdue(on)
        if status == "to_confirm":
            return self.to_confirm()
        return self.live().filter(status=status)
