"""The lifecycle of a commitment: every change is one StatusChange row.

Statuses follow the official registries (DOMAIN.md): openstaand (open),
deels voldaan (partially fulfilled), voldaan (fulfilled), vervallen (lapsed,
with a reason). Overdue is not a status: it is derived for a day
(CommitmentQuerySet.overdue).

These verbs record the move; they are what ingest and the jobs call. Staff
reach them only through tracker/domain/edits.py, which adds the Correction,
the reason and the derived state (due dates, overdue) in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from tracker.models import Commitment, FulfilmentSuggestion, StatusChange


class LifecycleError(ValueError):
    pass


def log(obj, event: str, old="", new="", *, by=None, job=None, on=None, evidence=None, note="") -> StatusChange:
    return StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        event=event,
        old_value=_text(old),
        new_value=_text(new),
        by=by,
        job=job,
        on=on,
        evidence=evidence,
        note=note[:2000],
    )


def _text(v) -> str:
    if v is None:
        return ""
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


@transaction.atomic
def set_status(
    c: Commitment,
    status: str,
    *,
    by=None,
    evidence=None,
    reason: str = "",
    on: dt.date | None = None,
    job=None,
    note: str | None = None,
) -> Commitment:
    """``reason``: why a commitment lapsed (kept on it); ``note``: the
    history's remark, the reason when not given. A new reason for a lapsed
    commitment, or new evidence, is a move too."""
    if status not in Commitment.Status.values:
        raise LifecycleError(f"onbekende status {status!r}")
    if status == Commitment.Status.LAPSED and not reason.strip():
        raise LifecycleError("een vervallen toezegging heeft een reden nodig")
    on = on or timezone.localdate()
    old = c.status
    new_reason = status == Commitment.Status.LAPSED and reason != c.lapsed_reason
    if old == status and (evidence is None or evidence == c.evidence) and not new_reason:
        return c
    c.status = status
    if status == Commitment.Status.OPEN:
        c.closed_on = None
    else:
        c.closed_on = evidence.date if evidence is not None and evidence.date else on
    if evidence is not None:
        c.evidence = evidence
    if status == Commitment.Status.LAPSED:
        c.lapsed_reason = reason
    c.save(update_fields=["status", "closed_on", "evidence", "lapsed_reason", "updated_at"])
    log(
        c,
        StatusChange.Event.STATUS,
        old,
        status,
        by=by,
        job=job,
        on=c.closed_on or on,
        evidence=evidence,
        note=reason if note is None else note,
    )
    return c


@transaction.atomic
def redate(
    c: Commitment,
    due_date: dt.date | None,
    *,
    by=None,
    evidence=None,
    deadline_text: str | None = None,
    precision: str | None = None,
    note: str = "",
) -> Commitment:
    """A new due date (a letter re-dating the promise, or staff): the history keeps both."""
    old = c.due_date
    if old == due_date:
        return c
    c.due_date = due_date
    if deadline_text is not None:
        c.deadline_text = deadline_text
    if precision is not None:
        c.due_precision = precision
    c.overdue_since = None
    c.save(update_fields=["due_date", "deadline_text", "due_precision", "overdue_since", "updated_at"])
    log(
        c,
        StatusChange.Event.REDATED,
        old,
        due_date,
        by=by,
        evidence=evidence,
        note=note,
        on=evidence.date if evidence is not None else None,
    )
    return c


@transaction.atomic
def confirm(c: Commitment, *, by=None, confirmed: bool = True, note: str = "") -> Commitment:
    """Staff confirm the find is a commitment (or, ``confirmed=False``, take that back)."""
    if c.confirmed != confirmed:
        c.confirmed = confirmed
        c.save(update_fields=["confirmed", "updated_at"])
        log(
            c,
            StatusChange.Event.CONFIRMED,
            "" if confirmed else "bevestigd",
            "bevestigd" if confirmed else "niet bevestigd",
            by=by,
            note=note,
        )
    return c


@transaction.atomic
def decide_suggestion(
    s: FulfilmentSuggestion, accept: bool | None, *, by=None, note: str = "", on: dt.date | None = None
) -> FulfilmentSuggestion:
    """Staff confirm (the commitment is fulfilled, with that evidence) or
    reject a suggestion; ``accept=None`` puts it back to suggested (the
    commitment's status stays as it is)."""
    old = s.get_state_display()
    s.state = {
        True: FulfilmentSuggestion.State.CONFIRMED,
        False: FulfilmentSuggestion.State.REJECTED,
        None: FulfilmentSuggestion.State.SUGGESTED,
    }[accept]
    s.save(update_fields=["state"])
    log(
        s.commitment,
        StatusChange.Event.SUGGESTION,
        "" if accept is not None else old,
        f"{s.get_state_display()}: {s.document}",
        by=by,
        evidence=s.document,
        note=note,
    )
    if accept:
        set_status(s.commitment, Commitment.Status.FULFILLED, by=by, evidence=s.document, on=on, note=note)
    return s
