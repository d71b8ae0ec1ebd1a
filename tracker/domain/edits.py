"""The one write path for what staff change.

Every staff edit — a review page's action, an admin save, a bulk action,
accepting what the parser now says, taking a value from the open data —
comes through ``correct`` (or one of the lifecycle verbs below, which it
uses). In one transaction it:

* records a Correction for each field the parser produces (so a later ingest
  keeps the staff's value and only notes what the parser says then),
* records a StatusChange where the lifecycle moves (status, due date),
* recomputes what derives from the changed values: a question set's answer
  term and due dates, the overdue state of the item on today's date.

Nothing else writes a field staff can correct.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from tracker.domain import corrections, lifecycle
from tracker.models import Commitment, Correction, QuestionSet

LifecycleError = lifecycle.LifecycleError

#: fields of each model whose value comes from the parser: staff changes to them become Corrections
PARSER_FIELDS: dict[type[models.Model], frozenset[str]] = {
    QuestionSet: frozenset({"kind", "subject", "vergaderjaar", "aanhangsel_number", "submitted", "received",
                            "first_received", "postponed_on"}),
    Commitment: frozenset({"sentence", "actor", "actor_office", "deadline_text", "due_date", "due_precision",
                           "review_date", "request", "answer"}),
}


def parser_fields(model: type[models.Model]) -> frozenset[str]:
    """Fields of ``model`` the parser sets; for models not listed, every concrete editable field."""
    if model in PARSER_FIELDS:
        return PARSER_FIELDS[model]
    return frozenset(f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key)


def _value(obj: models.Model, name: str) -> Any:
    return getattr(obj, obj._meta.get_field(name).attname)


@transaction.atomic
def correct(obj: models.Model, changes: dict[str, Any], *, by=None, why: str = "",
            today: dt.date | None = None) -> list[Correction]:
    """Staff set ``changes`` (field name → new value) on ``obj``.

    Status goes through the lifecycle (``status`` with ``evidence`` and
    ``lapsed_reason`` in the same changes when given); a due date through
    ``lifecycle.redate`` so the history shows it. Returns the Corrections
    written."""
    today = today or timezone.localdate()
    changes = dict(changes)
    written: list[Correction] = []
    status = changes.pop("status", None) if isinstance(obj, Commitment) else None
    for name, new in list(changes.items()):
        field = obj._meta.get_field(name)
        new_raw = new.pk if isinstance(new, models.Model) else new
        old_raw = _value(obj, name)
        if old_raw == new_raw:
            changes.pop(name)
            continue
        if name in parser_fields(type(obj)):
            written.append(corrections.record(obj, name, old_raw, new_raw, by))
        if isinstance(obj, Commitment) and name == "due_date":
            old_due = obj.due_date
            setattr(obj, field.attname, new_raw)
            lifecycle.log(obj, lifecycle.StatusChange.Event.REDATED, old_due, new_raw, by=by, note=why)
            continue
        setattr(obj, field.attname, new_raw)
    if changes:
        recompute(obj, today)
        obj.save()
    if status is not None and status != obj.status:
        lifecycle.set_status(obj, status, by=by, evidence=obj.evidence, reason=obj.lapsed_reason or why, on=today)
    return written


def recompute(obj: models.Model, today: dt.date) -> None:
    """What derives from stored values, for ``today``: due dates and overdue state."""
    if isinstance(obj, QuestionSet):
        obj.compute_due_dates()
        days = obj.days_overdue(today)
        obj.overdue_since = None if days is None or obj.answer_due is None else obj.answer_due + dt.timedelta(days=1)
    elif isinstance(obj, Commitment):
        days = obj.days_overdue(today) if obj.status == Commitment.Status.OPEN else None
        obj.overdue_since = None if days is None else obj.due_date + dt.timedelta(days=1)


@transaction.atomic
def accept_parser_value(correction: Correction, *, by=None) -> None:
    """Staff take what the parser now says: the field gets it, the correction ends, derived state follows."""
    obj = correction.subject
    field = obj._meta.get_field(correction.field)
    value = field.to_python(correction.parser_now) if correction.parser_now != "" else None
    if value is None and not field.null:
        value = ""
    correction.active = False
    correction.save(update_fields=["active"])
    if isinstance(obj, Commitment) and correction.field == "due_date" and obj.due_date != value:
        lifecycle.log(obj, lifecycle.StatusChange.Event.REDATED, obj.due_date, value, by=by,
                      note="waarde van de parser overgenomen")
    setattr(obj, field.attname, value)
    recompute(obj, timezone.localdate())
    obj.save()


# The lifecycle verbs, for the review pages and admin actions: one import for every edit.
set_status = lifecycle.set_status
redate = lifecycle.redate
confirm = lifecycle.confirm
decide_suggestion = lifecycle.decide_suggestion
