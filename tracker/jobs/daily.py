"""The scheduled jobs as plain functions: Celery tasks (tracker/jobs/tasks.py),
management commands and tests call these, in-process.

``flag_overdue(today)``
    Records what is overdue as of ``today`` (the rules are the querysets'
    ``overdue(on=day)``), set-based: one query per step, never one per item.

    * one StatusChange(event="overdue", on=<the day it became overdue>) per
      item and overdue period; the day is the due date as it stood on
      ``today`` plus one day (a set due on 9 February became overdue on 10
      February), also on the first run over old data, so history reads
      "te laat sinds". Inserted with ``bulk_create(ignore_conflicts=True)``
      against the unique partial constraint ``statuschange_overdue_once``, so
      two workers at once, or a second run, insert nothing twice;
    * ``overdue_since`` set to that day in one UPDATE where it is empty or
      stale (a postponement notice or a re-dating moved the due date), and
      cleared in one UPDATE for items no longer overdue that day (answered,
      fulfilled, lapsed, re-dated, postponed);
    * commitments without a due date get a review date (rules/review_date.py)
      in one UPDATE.

    ``overdue_since`` describes the day the job last ran for: running it for
    a day in the past (``--today 2019-02-14``) sets it as of that day, and the
    next run for today puts it right again. The pages ask the querysets for
    any day; ``overdue_since`` only makes the "overdue now" list fast.

``send_digests(today, now=None, force=False)``
    The weekly digest (STYLE.md: healthchecks' compare-and-set claims,
    extended with a lease so a failed send is retried, not lost):

    * due: the digest for the ISO week of ``today`` goes out from Monday
      ``DIGEST_HOUR``:00 Europe/Amsterdam of that week on (beat runs the task
      hourly; a later run in the week catches up a missed Monday). With
      ``--today`` the week of that day is sent, its content as of that day;
    * each active subscriber at most once per ISO week: a DigestDelivery row
      per (subscription, week) (unique), claimed with
      ``UPDATE … SET claimed_at=now, claim_token=X WHERE id=… AND sent_at IS
      NULL AND (claimed_at IS NULL OR claimed_at < now - lease)``; only the
      worker whose UPDATE changed exactly one row sends;
    * ``sent_at`` is set only after the mail backend accepted the message; a
      failure clears the claim and records ``last_error`` (``attempts``
      counts every claim), so the next run retries. A worker that dies
      between sending and marking leaves a claim that expires after
      ``DIGEST_LEASE_SECONDS``; the next run then sends again (at least once
      in that one case, exactly once otherwise);
    * nothing to report and not ``send_empty``: no mail and no delivery row,
      so a later run in the same week that does find something sends it then
      (still at most once that week);
    * ``force=True`` (``send_digests --force``): send now to every active
      subscriber, even before Monday ``DIGEST_HOUR`` and even when this week's
      digest was already sent (a resend after a broken template, say). It
      still claims each row, so two forced runs at once do not both send,
      and it still skips an empty digest unless the subscriber wants those.

``TRACKER_UNSAFE_NO_CLAIM=1`` in the environment replaces the claim by a
plain read-then-send: only the test that proves the claim is needed
(tests/jobs/test_concurrency.py) sets it. Never set it anywhere else.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Case, DateField, Exists, F, OuterRef, Q, When
from django.utils import timezone

from tracker.models import Commitment, DigestDelivery, DigestSubscription, JobRun, QuestionSet, StatusChange
from tracker.rules.review_date import review_date_expression
from tracker.domain.sql import AddDays

log = logging.getLogger(__name__)

UNSAFE_NO_CLAIM_ENV = "TRACKER_UNSAFE_NO_CLAIM"
INSERT_BATCH = 1000


# ---------------------------------------------------------------- flag_overdue

def question_set_due_expression(on: dt.date):
    """The answer due date as it stood on ``on`` (rules/answer_term.due_on):
    a postponement notice counts from its own date."""
    return Case(When(postponed_on__lte=on, then=F("answer_due")), default=F("term_due"), output_field=DateField())


def question_set_became_overdue_expression(on: dt.date):
    return AddDays(question_set_due_expression(on), 1)


def commitment_became_overdue_expression():
    return AddDays(F("due_date"), 1)


def flag_overdue(today: dt.date | None = None) -> JobRun:
    today = today or timezone.localdate()
    run = JobRun.objects.create(name="flag_overdue", day=today)
    try:
        with transaction.atomic():
            details = {}
            details.update(_flag(run, today, QuestionSet, QuestionSet.objects.overdue(on=today),
                                 question_set_became_overdue_expression(today), "question_sets"))
            details.update(_flag(run, today, Commitment, Commitment.objects.overdue(on=today),
                                 commitment_became_overdue_expression(), "commitments"))
            details["review_dates_set"] = set_review_dates()
    except Exception as exc:
        _finish(run, JobRun.Status.FAILED, error=f"{type(exc).__name__}: {exc}")
        raise
    changed = sum(v for k, v in details.items() if not k.endswith("_overdue"))
    return _finish(run, JobRun.Status.DONE, details=details, changed=changed)


def _flag(run: JobRun, today: dt.date, model, overdue, became, label: str) -> dict:
    ct = ContentType.objects.get_for_model(model)
    # only the overdue items with no record of this overdue period yet are read and become
    # StatusChange objects (a daily run builds a handful, not one per overdue item:
    # BENCHMARKS.md). The unique constraint still catches a second worker inserting the same
    # rows meanwhile.
    recorded = StatusChange.objects.filter(content_type=ct, object_id=OuterRef("pk"), event=StatusChange.Event.OVERDUE,
                                           on=OuterRef("became"))
    rows = (overdue.annotate(became=became).filter(~Exists(recorded))
            .order_by("pk").values_list("pk", "became"))
    batch = []
    for pk, on in rows.iterator(chunk_size=INSERT_BATCH):
        batch.append(StatusChange(content_type=ct, object_id=pk, event=StatusChange.Event.OVERDUE, on=on,
                                  old_value="", new_value="te laat", job=run,
                                  note=f"te laat sinds {on.isoformat()} (vastgesteld voor {today.isoformat()})"))
        if len(batch) >= INSERT_BATCH:
            StatusChange.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    if batch:
        StatusChange.objects.bulk_create(batch, ignore_conflicts=True)
    # the rows this run inserted (a conflict inserted nothing and names no job)
    flagged = StatusChange.objects.filter(job=run, content_type=ct, event=StatusChange.Event.OVERDUE).count()
    since_set = (model.objects.filter(pk__in=overdue.values("pk"))
                 .filter(Q(overdue_since__isnull=True) | ~Q(overdue_since=became))
                 .update(overdue_since=became))
    since_cleared = (model.objects.filter(overdue_since__isnull=False).exclude(pk__in=overdue.values("pk"))
                     .update(overdue_since=None))
    # now exactly the overdue items have overdue_since set: counted from its partial index, not by
    # evaluating the rule once more (the updates above ran in this same transaction)
    n_overdue = model.objects.filter(overdue_since__isnull=False).count()
    return {f"{label}_overdue": n_overdue, f"{label}_flagged": flagged,
            f"{label}_overdue_since_set": since_set, f"{label}_overdue_since_cleared": since_cleared}


def set_review_dates() -> int:
    """Commitments without a due date and without a review date get one (rules/review_date.py)."""
    return (Commitment.objects.filter(due_date__isnull=True, review_date__isnull=True)
            .update(review_date=review_date_expression()))


def _finish(run: JobRun, status: str, *, details: dict | None = None, changed: int = 0, error: str = "") -> JobRun:
    run.status = status
    run.finished_at = timezone.now()
    if details is not None:
        run.details = {**run.details, **details}
    run.changed = changed
    run.error = error[:5000]
    run.save(update_fields=["status", "finished_at", "details", "changed", "error"])
    return run


# ---------------------------------------------------------------- send_digests

def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.isoweekday() - 1)


def digest_due_at(day: dt.date) -> dt.datetime:
    """Monday ``DIGEST_HOUR``:00 local time (Europe/Amsterdam) of the ISO week of ``day``."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return dt.datetime.combine(week_monday(day), dt.time(settings.DIGEST_HOUR), tzinfo=tz)


def unsafe_no_claim() -> bool:
    return os.environ.get(UNSAFE_NO_CLAIM_ENV) == "1"


def claim(delivery_id: int, *, force: bool = False) -> str | None:
    """Compare-and-set: take the delivery row if nobody holds a live lease on
    it (and, unless forced, it was not sent yet). Returns the claim token, or
    None when another worker has it or it was sent already."""
    now = timezone.now()
    token = uuid.uuid4().hex
    if unsafe_no_claim():  # test-only: act on the earlier read of "not sent yet", as if there were no claim
        return token
    lease = dt.timedelta(seconds=settings.DIGEST_LEASE_SECONDS)
    rows = DigestDelivery.objects.filter(pk=delivery_id).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - lease))
    if not force:
        rows = rows.filter(sent_at__isnull=True)
    changed = rows.update(claimed_at=now, claim_token=token, attempts=F("attempts") + 1)
    return token if changed == 1 else None


def mark_sent(delivery_id: int, token: str) -> bool:
    rows = DigestDelivery.objects.filter(pk=delivery_id)
    if not unsafe_no_claim():
        rows = rows.filter(claim_token=token)
    changed = rows.update(sent_at=timezone.now(), claimed_at=None, claim_token="", last_error="")
    if changed != 1:
        log.warning("digest delivery %s: sent, but the claim had expired and passed to another worker", delivery_id)
    return changed == 1


def release(delivery_id: int, token: str, error: str) -> None:
    """A failed send: give the row back so the next run retries it."""
    DigestDelivery.objects.filter(pk=delivery_id, claim_token=token).update(
        claimed_at=None, claim_token="", last_error=error[:2000])


@dataclass
class DigestOutcome:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    claimed_elsewhere: list[str] = field(default_factory=list)

    def as_details(self) -> dict:
        return {k: len(v) for k, v in self.__dict__.items()} | {"failed_to": self.failed}


def send_digests(today: dt.date | None = None, now: dt.datetime | None = None, force: bool = False,
                 connection=None) -> JobRun:
    from tracker.digests import report as emails
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    week = iso_week(today)
    due_at = digest_due_at(today)
    run = JobRun.objects.create(name="send_digests", day=today,
                                details={"week": week, "due_at": due_at.isoformat(), "force": force})
    if not force and now < due_at:
        return _finish(run, JobRun.Status.DONE, details={"not_due_yet": True})
    outcome = DigestOutcome()
    try:
        subscriptions = list(DigestSubscription.objects.filter(active=True)
                             .prefetch_related("ministries", "parties").order_by("email", "pk"))
        report = emails.build_report(today)
        todo = []
        for sub in subscriptions:
            digest = report.for_subscription(sub)
            if digest.empty and not sub.send_empty:
                outcome.empty.append(sub.email)
            else:
                todo.append((sub, digest))
        DigestDelivery.objects.bulk_create([DigestDelivery(subscription=sub, week=week) for sub, _ in todo],
                                           ignore_conflicts=True)
        deliveries = DigestDelivery.objects.filter(week=week, subscription__in=[sub for sub, _ in todo])
        if not force:
            deliveries = deliveries.filter(sent_at__isnull=True)
        pending = dict(deliveries.values_list("subscription_id", "pk"))
        connection = connection or get_connection()
        for sub, digest in todo:
            delivery_id = pending.get(sub.pk)
            if delivery_id is None:
                outcome.already_sent.append(sub.email)
                continue
            token = claim(delivery_id, force=force)
            if token is None:
                outcome.claimed_elsewhere.append(sub.email)
                continue
            try:
                message = emails.digest_message(sub, digest, connection=connection)
                if connection.send_messages([message]) != 1:
                    raise RuntimeError("de mailserver nam het bericht niet aan")
            except Exception as exc:  # noqa: BLE001 - any failure of one digest must release its claim
                log.warning("digest to %s for %s failed: %s", sub.email, week, exc)
                release(delivery_id, token, f"{type(exc).__name__}: {exc}")
                outcome.failed.append(sub.email)
                connection.close()  # a broken SMTP session: the next send opens a new one
                continue
            mark_sent(delivery_id, token)
            outcome.sent.append(sub.email)
        connection.close()
    except Exception as exc:
        _finish(run, JobRun.Status.FAILED, details=outcome.as_details(), error=f"{type(exc).__name__}: {exc}")
        raise
    return _finish(run, JobRun.Status.FAILED if outcome.failed else JobRun.Status.DONE,
                   details=outcome.as_details(), changed=len(outcome.sent),
                   error="; ".join(outcome.failed) and f"niet verstuurd aan: {', '.join(outcome.failed)}")
