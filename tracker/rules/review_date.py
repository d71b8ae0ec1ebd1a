"""The review date of a commitment without a due date.

Source: DOMAIN.md, "Deadline phrases": a promise "op korte termijn", "zo
spoedig mogelijk" or tied to an undated event gets no due date from the
parser; the tracker gives it a review date a configurable period
(``DEFAULT_REVIEW_WEEKS``, 6 by default) after the paper's own date, or after
ingest when the paper has no date. Staff may set another date in the admin;
the rule only fills an empty one.

One rule, two forms: ``review_date_for`` for a single commitment (ingest,
records) and ``review_date_expression`` for the set-based UPDATE in
``tracker.jobs.flag_overdue.flag_overdue``. Both read the same setting.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import DateField, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from tracker.domain.sql import AddDays


def review_weeks() -> int:
    return settings.DEFAULT_REVIEW_WEEKS


def review_date_for(paper_date: dt.date | None, created: dt.datetime | dt.date | None = None) -> dt.date:
    """``DEFAULT_REVIEW_WEEKS`` after ``paper_date``, else after ``created``
    (the moment of ingest, a datetime taken as a local date), else after today."""
    start = paper_date
    if start is None:
        if isinstance(created, dt.datetime):
            start = timezone.localdate(created) if timezone.is_aware(created) else created.date()
        elif isinstance(created, dt.date):
            start = created
        else:
            start = timezone.localdate()
    return start + dt.timedelta(weeks=review_weeks())


def review_date_expression():
    """The same rule as a database expression over Commitment rows:
    COALESCE(paper date, local date of created_at) + DEFAULT_REVIEW_WEEKS."""
    from documents.models import Document

    paper_date = Subquery(
        Document.objects.filter(pk=OuterRef("source_document_id")).values("date")[:1], output_field=DateField()
    )
    start = Coalesce(paper_date, TruncDate("created_at"), output_field=DateField())
    return AddDays(start, 7 * review_weeks())
