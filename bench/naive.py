"""The per-row reference for ``tracker.jobs.flag_overdue.flag_overdue``: the same rule
(the models' ``days_overdue``, rules/answer_term.py, rules/review_date.py),
written as the obvious ORM loop: every question set and every commitment
read as a model instance, one get_or_create and one save per row that
changes. Honest, not a straw man: rows are streamed with ``iterator()`` and
the source document comes with ``select_related`` (no N+1 on reads); what
makes it slow is the loop itself and one write per changed row.

Only the benchmark runs it (bench/measure.py), inside a transaction that is
rolled back, so the real job that follows sees the same rows."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from tracker.models import Commitment, JobRun, QuestionSet, StatusChange
from tracker.rules import answer_term
from tracker.rules.review_date import review_date_for

ONE_DAY = dt.timedelta(days=1)


def flag_overdue_naive(today: dt.date) -> dict:
    run = JobRun.objects.create(name="flag_overdue_naive", day=today)
    counts = {
        "question_sets_overdue": 0,
        "commitments_overdue": 0,
        "flagged": 0,
        "since_changed": 0,
        "review_dates_set": 0,
    }
    ct = ContentType.objects.get_for_model(QuestionSet)
    for qs in QuestionSet.objects.order_by("pk").iterator(chunk_size=2000):
        overdue = (
            qs.kind == QuestionSet.Kind.WRITTEN_QUESTIONS
            and qs.submitted is not None
            and qs.submitted <= today
            and qs.days_overdue(today) is not None
        )
        became = answer_term.due_on(qs.submitted, qs.postponed_on, today) + ONE_DAY if overdue else None
        if overdue:
            counts["question_sets_overdue"] += 1
            _record(ct, qs.pk, became, today, run, counts)
        if qs.overdue_since != became:
            qs.overdue_since = became
            qs.save(update_fields=["overdue_since"])
            counts["since_changed"] += 1

    ct = ContentType.objects.get_for_model(Commitment)
    for c in Commitment.objects.select_related("source_document").order_by("pk").iterator(chunk_size=2000):
        paper_date = c.source_document.date
        overdue = not c.retired and (paper_date is None or paper_date <= today) and c.days_overdue(today) is not None
        became = c.due_date + ONE_DAY if overdue else None
        if overdue:
            counts["commitments_overdue"] += 1
            _record(ct, c.pk, became, today, run, counts)
        fields = []
        if c.overdue_since != became:
            c.overdue_since = became
            fields.append("overdue_since")
            counts["since_changed"] += 1
        if c.due_date is None and c.review_date is None:
            c.review_date = review_date_for(paper_date, c.created_at)
            fields.append("review_date")
            counts["review_dates_set"] += 1
        if fields:
            c.save(update_fields=fields)
    return counts


def _record(ct, pk, became, today, run, counts):
    _, created = StatusChange.objects.get_or_create(
        content_type=ct,
        object_id=pk,
        event=StatusChange.Event.OVERDUE,
        on=became,
        defaults={
            "new_value": "te laat",
            "job": run,
            "note": f"te laat sinds {became.isoformat()} (vastgesteld voor {today.isoformat()})",
        },
    )
    counts["flagged"] += created
