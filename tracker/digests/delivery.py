"""Sending the weekly digest: ``send_digests(today, now=None, force=False)``.

STYLE.md: healthchecks' compare-and-set claims, extended with a lease so a
failed send is retried, not lost.

* due: the digest for the ISO week of ``today`` goes out from Monday
  ``DIGEST_HOUR``:00 Europe/Amsterdam of that week on (schedule.py). With
  ``--today`` the week of that day is sent, its content as of that day;
* each active subscriber at most once per ISO week: a DigestDelivery row per
  (subscription, week) (unique), claimed with ``UPDATE … SET claimed_at=now,
  claim_token=X WHERE id=… AND sent_at IS NULL AND (claimed_at IS NULL OR
  claimed_at < now - lease)``; only the worker whose UPDATE changed exactly
  one row sends;
* ``sent_at`` is set only after the mail backend accepted the message; a
  failure clears the claim and records ``last_error`` (``attempts`` counts
  every claim), so the next run retries. A worker that dies between sending
  and marking leaves a claim that expires after ``DIGEST_LEASE_SECONDS``;
  the next run then sends again (at least once in that one case, exactly
  once otherwise);
* nothing to report and not ``send_empty``: no mail and no delivery row, so
  a later run in the same week that does find something sends it then
  (still at most once that week);
* ``force=True`` (``send_digests --force``): send now, even before Monday
  ``DIGEST_HOUR``, to every active subscriber who has no digest for the week
  yet (one whose send failed, one who subscribed after Monday's run). It
  takes the very same claim, ``sent_at IS NULL`` included: a forced run that
  could claim a row another run had just sent (its claim cleared by
  ``mark_sent``) sent that digest a second time, 6 of 8 subscribers got two
  mails with two forced runs at once. It still skips an empty digest unless
  the subscriber wants those.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone

from tracker.digests.render import DigestRenderer
from tracker.digests.report import build_report
from tracker.digests.schedule import digest_due_at, iso_week
from tracker.jobs import runs
from tracker.models import DigestDelivery, DigestSubscription, JobRun

log = logging.getLogger(__name__)


def claim(delivery_id: int) -> str | None:
    """Compare-and-set: take the delivery row if it was not sent yet and
    nobody holds a live lease on it. Returns the claim token, or None when
    another worker has it or it was sent already."""
    now = timezone.now()
    token = uuid.uuid4().hex
    lease = dt.timedelta(seconds=settings.DIGEST_LEASE_SECONDS)
    changed = (
        DigestDelivery.objects.filter(pk=delivery_id, sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - lease))
        .update(claimed_at=now, claim_token=token, attempts=F("attempts") + 1)
    )
    return token if changed == 1 else None


def mark_sent(delivery_id: int, token: str) -> bool:
    changed = DigestDelivery.objects.filter(pk=delivery_id, claim_token=token).update(
        sent_at=timezone.now(), claimed_at=None, claim_token="", last_error=""
    )
    if changed != 1:
        log.warning("digest delivery %s: sent, but the claim had expired and passed to another worker", delivery_id)
    return changed == 1


def release(delivery_id: int, token: str, error: str) -> None:
    """A failed send: give the row back so the next run retries it."""
    DigestDelivery.objects.filter(pk=delivery_id, claim_token=token).update(
        claimed_at=None, claim_token="", last_error=error[:2000]
    )


@dataclass
class DigestOutcome:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    claimed_elsewhere: list[str] = field(default_factory=list)

    def as_details(self) -> dict:
        return {k: len(v) for k, v in self.__dict__.items()} | {"failed_to": self.failed}


def send_digests(
    today: dt.date | None = None, now: dt.datetime | None = None, force: bool = False, connection=None
) -> JobRun:
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    week = iso_week(today)
    due_at = digest_due_at(today)
    run = runs.start("send_digests", today, {"week": week, "due_at": due_at.isoformat(), "force": force})
    if not force and now < due_at:
        return runs.finish(run, JobRun.Status.DONE, details={"not_due_yet": True})
    outcome = DigestOutcome()
    try:
        _send(today, week, outcome, connection or get_connection())
    except Exception as exc:
        runs.failed(run, exc, details=outcome.as_details())
        raise
    return runs.finish(
        run,
        JobRun.Status.FAILED if outcome.failed else JobRun.Status.DONE,
        details=outcome.as_details(),
        changed=len(outcome.sent),
        error="; ".join(outcome.failed) and f"niet verstuurd aan: {', '.join(outcome.failed)}",
    )


def _send(today: dt.date, week: str, outcome: DigestOutcome, connection) -> None:
    subscriptions = list(
        DigestSubscription.objects.filter(active=True).prefetch_related("ministries", "parties").order_by("email", "pk")
    )
    report = build_report(today)
    renderer = DigestRenderer(report.received_from, report.received_to)
    todo = []
    for sub in subscriptions:
        digest = report.for_subscription(sub)
        if digest.empty and not sub.send_empty:
            outcome.empty.append(sub.email)
        else:
            todo.append((sub, digest))
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(subscription=sub, week=week) for sub, _ in todo], ignore_conflicts=True
    )
    pending = dict(
        DigestDelivery.objects.filter(
            week=week, subscription__in=[sub for sub, _ in todo], sent_at__isnull=True
        ).values_list("subscription_id", "pk")
    )
    for sub, digest in todo:
        delivery_id = pending.get(sub.pk)
        if delivery_id is None:
            outcome.already_sent.append(sub.email)
            continue
        token = claim(delivery_id)
        if token is None:
            outcome.claimed_elsewhere.append(sub.email)
            continue
        try:
            message = renderer.message(sub, digest, connection=connection)
            if connection.send_messages([message]) != 1:
                raise RuntimeError("de mailserver nam het bericht niet aan")
        except Exception as exc:
            log.warning("digest to %s for %s failed: %s", sub.email, week, exc)
            release(delivery_id, token, f"{type(exc).__name__}: {exc}")
            outcome.failed.append(sub.email)
            connection.close()  # a broken SMTP session: the next send opens a new one
            continue
        mark_sent(delivery_id, token)
        outcome.sent.append(sub.email)
    connection.close()
