"""flag_overdue(today): records what is overdue as of ``today`` (the rules are
the querysets' ``overdue(on=day)``), set-based: one query per step, never one
per item.

* one StatusChange(event="overdue", on=<the day it became overdue>) per item
  and overdue period; the day is the due date as it stood on ``today`` plus
  one day (a set due on 9 February became overdue on 10 February), also on
  the first run over old data, so history reads "te laat sinds". Inserted
  with ``bulk_create(ignore_conflicts=True)`` against the unique partial
  constraint ``statuschange_overdue_once``, so two workers at once, or a
  second run, insert nothing twice;
* ``overdue_since`` set to that day in one UPDATE where it is empty or stale
  (a postponement notice or a re-dating moved the due date), and cleared in
  one UPDATE for items no longer overdue that day (answered, fulfilled,
  lapsed, re-dated, postponed);
* commitments without a due date get a review date (rules/review_date.py) in
  one UPDATE.

``overdue_since`` describes the day the job last ran for: running it for a
day in the past (``--today 2019-02-14``) sets it as of that day, and the next
run for today puts it right again. The pages ask the querysets for any day;
``overdue_since`` only makes the "overdue now" list fast.

What it reads: the items overdue that day, as index ranges (the unanswered
sets and those answered after the day; the open commitments due before it
and those closed after it), and the items flagged before (the
``overdue_since`` partial indexes) — never the answered sets and kept
commitments, which are nearly all of them (BENCHMARKS.md: at 1,000,000 sets
the daily run reads some thousands of index entries and writes what changed
that day). It does not rely on what the last run saw: an item ingested today
from an old paper, or re-dated, re-opened or un-answered by staff, is found
by the same ranges, so the result is the rule's for that day whatever
happened since. A run for a day long past also reads what was answered or
kept after that day, as the rule asks.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, DateField, Exists, F, OuterRef, Q, When
from django.utils import timezone

from tracker.domain.sql import AddDays
from tracker.jobs import runs
from tracker.models import Commitment, JobRun, QuestionSet, StatusChange
from tracker.rules.review_date import review_date_expression

INSERT_BATCH = 1000
#: a run that records this many overdue periods or more (the first run over old data, a day
#: after a long pause) refreshes PostgreSQL's statistics of the history table it filled. Planned
#: as the nearly empty table it was, the next run's "not recorded yet" anti-join compared every
#: overdue item with every record: 1.6 s instead of 10 ms at 1,000,000 sets (BENCHMARKS.md).
#: Autovacuum would refresh them too, but only at its next round.
REFRESH_STATISTICS_AFTER = 1000


def question_set_due_expression(on: dt.date):
    """The answer due date as it stood on ``on`` (rules/answer_term.due_on):
    a postponement notice counts from its own date."""
    return Case(When(postponed_on__lte=on, then=F("answer_due")), default=F("term_due"), output_field=DateField())


def question_set_became_overdue_expression(on: dt.date):
    return AddDays(question_set_due_expression(on), 1)


def commitment_became_overdue_expression():
    return AddDays(F("due_date"), 1)


def overdue_question_sets(today: dt.date):
    """The rule (QuestionSetQuerySet.overdue) as it stands: ``received IS NULL OR received >
    today`` is two ranges of ``qs_received_idx``, the unanswered sets and those answered after
    the day, so the job never reads the answered ones."""
    return QuestionSet.objects.overdue(on=today)


def overdue_commitments(today: dt.date):
    """The rule (CommitmentQuerySet.overdue) with what it implies spelled out for the planner:
    a commitment not closed by ``today`` is open (a closed one has a ``closed_on``, constraint
    ``commitment_closed_has_date``) or was closed after it. So the overdue commitments are two
    index ranges, the open ones due before today (``commitment_open_due_idx``) and those closed
    after today (``commitment_closed_on_idx``, empty for today), instead of a scan of every
    commitment with a due date."""
    return Commitment.objects.overdue(on=today).filter(Q(status=Commitment.Status.OPEN) | Q(closed_on__gt=today))


def flag_overdue(today: dt.date | None = None) -> JobRun:
    today = today or timezone.localdate()
    run = runs.start("flag_overdue", today)
    try:
        with transaction.atomic():
            details = {}
            details.update(
                _flag(
                    run,
                    today,
                    QuestionSet,
                    overdue_question_sets(today),
                    question_set_became_overdue_expression(today),
                    "question_sets",
                )
            )
            details.update(
                _flag(
                    run,
                    today,
                    Commitment,
                    overdue_commitments(today),
                    commitment_became_overdue_expression(),
                    "commitments",
                )
            )
            details["review_dates_set"] = set_review_dates()
    except Exception as exc:
        runs.failed(run, exc)
        raise
    if details["question_sets_flagged"] + details["commitments_flagged"] >= REFRESH_STATISTICS_AFTER:
        refresh_statistics()
    changed = sum(v for k, v in details.items() if not k.endswith("_overdue"))
    return runs.finish(run, JobRun.Status.DONE, details=details, changed=changed)


def refresh_statistics() -> None:
    """PostgreSQL's ANALYZE of the history table (SQLite plans without statistics)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {StatusChange._meta.db_table}")


def _flag(run: JobRun, today: dt.date, model, overdue, became, label: str) -> dict:
    """Every statement reads the overdue items (index ranges, see above) or the items flagged
    before (``overdue_since`` partial index), never the whole table."""
    ct = ContentType.objects.get_for_model(model)
    # only the overdue items with no record of this overdue period yet are read and become
    # StatusChange objects (a daily run builds a handful, not one per overdue item:
    # BENCHMARKS.md). The unique constraint still catches a second worker inserting the same
    # rows meanwhile. Read in one go, not through a server-side cursor: PostgreSQL plans a
    # cursor for its first rows, and for "ORDER BY id" that was a walk of the whole primary
    # key instead of the index ranges; the rows are at most the overdue items. Inserted in id
    # order, so two workers at once take the unique index's locks in the same order.
    recorded = StatusChange.objects.filter(
        content_type=ct, object_id=OuterRef("pk"), event=StatusChange.Event.OVERDUE, on=OuterRef("became")
    )
    rows = overdue.annotate(became=became).filter(~Exists(recorded)).values_list("pk", "became")
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                content_type=ct,
                object_id=pk,
                event=StatusChange.Event.OVERDUE,
                on=on,
                old_value="",
                new_value="te laat",
                job=run,
                note=f"te laat sinds {on.isoformat()} (vastgesteld voor {today.isoformat()})",
            )
            for pk, on in sorted(rows)
        ],
        batch_size=INSERT_BATCH,
        ignore_conflicts=True,
    )
    # the rows this run inserted (a conflict inserted nothing and names no job)
    flagged = StatusChange.objects.filter(job=run, content_type=ct, event=StatusChange.Event.OVERDUE).count()
    # the overdue items whose overdue_since is empty or stale, updated where they are found (no
    # "id IN (…)" of the whole table)
    since_set = overdue.filter(Q(overdue_since__isnull=True) | ~Q(overdue_since=became)).update(overdue_since=became)
    # the items flagged before that are no longer overdue (answered, fulfilled, lapsed, re-dated,
    # postponed, retired): the flagged index, less the overdue ones
    since_cleared = (
        model.objects.filter(overdue_since__isnull=False)
        .exclude(pk__in=overdue.values("pk"))
        .update(overdue_since=None)
    )
    # now exactly the overdue items have overdue_since set: counted from its partial index, not by
    # evaluating the rule once more (the updates above ran in this same transaction)
    n_overdue = model.objects.filter(overdue_since__isnull=False).count()
    return {
        f"{label}_overdue": n_overdue,
        f"{label}_flagged": flagged,
        f"{label}_overdue_since_set": since_set,
        f"{label}_overdue_since_cleared": since_cleared,
    }


def waiting_for_review_date():
    """Commitments without a due date and without a review date: the partial index
    ``commitment_review_todo_idx`` holds exactly those (none, most days)."""
    return Commitment.objects.filter(due_date__isnull=True, review_date__isnull=True)


def set_review_dates() -> int:
    """Commitments without a due date and without a review date get one (rules/review_date.py)."""
    return waiting_for_review_date().update(review_date=review_date_expression())
