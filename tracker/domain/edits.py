"""The one write path for what staff change.

Every staff edit — a review page's action, an admin save (inlines
included), a bulk action, accepting what the parser now says, taking a value
from the open data — comes through this module: ``correct`` for any field,
``add`` for a record staff create, ``accept_parser_value``, and the staff
verbs ``set_status``, ``redate``, ``confirm`` and ``decide_suggestion``. In one
transaction, with the record locked, each:

* records a Correction (field, the parser's value, the new value, who, why)
  for each changed field the parser produces (``PARSER_FIELDS``), so a later
  ingest keeps the staff's value and only notes what the parser says then;
* records a StatusChange where the lifecycle moves: a commitment's status,
  evidence or confirmation, a suggestion decided, a due date moved (REDATED:
  a commitment's due date, a question set's answer due date), a set's
  answer received or postponement;
* recomputes what derives from the stored values: a question set's term and
  answer due date, and its postponement from the first notice staff record;
  a commitment's review date when it has no due date; and
  ``overdue_since`` of what the edit touched, for ``today``, by the same rule
  the lists and flag_overdue use (the querysets' ``overdue(on=...)``).

Nothing else writes a field staff can correct. ``tracker/domain/lifecycle.py``
holds the recording verbs that ingest and the jobs call themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from documents.models import Document
from tracker.domain import corrections, lifecycle
from tracker.domain.identity import sentence_hash
from tracker.models import (
    Answer,
    Commitment,
    Correction,
    FulfilmentSuggestion,
    Office,
    Person,
    Postponement,
    Question,
    QuestionSet,
    Request,
    StatusChange,
)
from tracker.rules import answer_term
from tracker.rules.review_date import review_date_for

LifecycleError = lifecycle.LifecycleError
Event = StatusChange.Event

#: fields of each model whose value comes from the parser: staff changes to them become Corrections
#: (tracker/ingest applies a new paper's values through corrections.apply_parser_value, which keeps these)
PARSER_FIELDS: dict[type[models.Model], frozenset[str]] = {
    QuestionSet: frozenset(
        {
            "kind",
            "subject",
            "vergaderjaar",
            "aanhangsel_number",
            "submitted",
            "received",
            "first_received",
            "postponed_on",
        }
    ),
    Commitment: frozenset(
        {
            "sentence",
            "actor",
            "actor_office",
            "deadline_text",
            "due_date",
            "due_precision",
            "review_date",
            "request",
            "answer",
        }
    ),
    Question: frozenset({"label", "text", "party", "position"}),
    Answer: frozenset({"label", "text", "position", "nader"}),
    Request: frozenset({"text", "reply"}),
    Document: frozenset(
        {"kind", "identifier", "title", "vergaderjaar", "aanhangsel_number", "dossier", "number", "date"}
    ),
    Person: frozenset({"name", "initials"}),
    Office: frozenset({"title", "ministry"}),
}

#: fields derived from others: never set by hand, always recomputed here
DERIVED_FIELDS: dict[type[models.Model], frozenset[str]] = {
    QuestionSet: frozenset({"term_due", "answer_due", "overdue_since"}),
    Commitment: frozenset({"overdue_since", "sentence_hash", "search_text"}),
}

#: a commitment's lifecycle: these move through lifecycle.set_status / confirm, each a StatusChange
COMMITMENT_MOVES = frozenset({"status", "evidence", "lapsed_reason", "closed_on", "confirmed"})

ACCEPTED_NOTE = "waarde van de parser overgenomen"


def parser_fields(model: type[models.Model]) -> frozenset[str]:
    """Fields of ``model`` the parser sets (none for a model it does not correct-track)."""
    return PARSER_FIELDS.get(model, frozenset())


# ---------------------------------------------------------------- the service


@transaction.atomic
def correct(
    obj: models.Model, changes: dict[str, Any], *, by=None, why: str = "", today: dt.date | None = None
) -> list[Correction]:
    """Staff set ``changes`` (field name → new value: a value, a model
    instance or its pk) on stored ``obj``; ``why`` is their reason.

    ``obj`` may carry unsaved values (an admin form's instance): the stored
    row is read again, locked, and only ``changes`` are written. A
    commitment's status goes through the lifecycle (``evidence``,
    ``lapsed_reason`` and ``closed_on`` in the same changes go with it);
    a suggestion's ``state`` decides it. Returns the Corrections written."""
    today = today or timezone.localdate()
    _lock(obj)
    changes = _normalized(obj, changes)
    moves = {name: changes.pop(name) for name in list(changes) if _is_move(obj, name)}
    written = _write(obj, changes, by=by, why=why, today=today, record=True)
    if isinstance(obj, Commitment):
        _move_commitment(obj, moves, by=by, why=why, today=today)
    elif isinstance(obj, FulfilmentSuggestion) and "state" in moves:
        accept = {FulfilmentSuggestion.State.CONFIRMED: True, FulfilmentSuggestion.State.REJECTED: False}.get(
            moves["state"]
        )
        lifecycle.decide_suggestion(obj, accept, by=by, note=why, on=today)
    _follow(obj, by=by, why=why, today=today)
    _refresh_overdue(_touched(obj, changes), today)
    return written


@transaction.atomic
def add(obj: models.Model, *, by=None, why: str = "", today: dt.date | None = None) -> models.Model:
    """A record staff create (the admin's add form or an inline's new row):
    stored with what derives from it. Nothing of it to correct: no parser said it."""
    today = today or timezone.localdate()
    if isinstance(obj, Commitment) and not obj.sentence_hash:
        obj.sentence_hash = sentence_hash(obj.sentence)
    _derive(obj, today)
    obj.save()
    _follow(obj, by=by, why=why, today=today)
    _refresh_overdue(_touched(obj, {}), today)
    return obj


@transaction.atomic
def accept_parser_value(correction: Correction, *, by=None, why: str = "", today: dt.date | None = None) -> None:
    """Staff take what the parser now says: the correction ends, the field
    gets the parser's value, the lifecycle records the move and derived state
    follows (a set's ``submitted`` accepted → its due dates and overdue state)."""
    today = today or timezone.localdate()
    correction.active = False
    correction.save(update_fields=["active"])
    obj = correction.subject
    if obj is None:  # the record is gone: nothing takes the value
        return
    _lock(obj)
    field = _field(obj, correction.field)
    value = field.to_python(correction.parser_now) if correction.parser_now != "" else None
    if value is None and not field.null:
        value = ""
    changes = _normalized(obj, {correction.field: value})
    note = f"{ACCEPTED_NOTE}: {why}" if why else ACCEPTED_NOTE
    _write(obj, changes, by=by, why=note, today=today, record=False)
    _refresh_overdue(_touched(obj, changes), today)


# ---------------------------------------------------------------- staff verbs


def set_status(
    c: Commitment,
    status: str,
    *,
    by=None,
    evidence: Document | None = None,
    why: str = "",
    today: dt.date | None = None,
) -> Commitment:
    """A new status (fulfilled with its evidence, lapsed with ``why`` as the reason, open again)."""
    changes: dict[str, Any] = {"status": status}
    if evidence is not None:
        changes["evidence"] = evidence
    if status == Commitment.Status.LAPSED:
        changes["lapsed_reason"] = why
    correct(c, changes, by=by, why=why, today=today)
    return c


def redate(
    c: Commitment,
    due_date: dt.date | None,
    *,
    by=None,
    why: str = "",
    precision: str | None = None,
    today: dt.date | None = None,
) -> Commitment:
    """Staff give a commitment another due date (None: no due date): a
    Correction, so a new version of its paper keeps it, and a REDATED event."""
    if precision is None:
        precision = Commitment.Precision.DAY if due_date else Commitment.Precision.NONE
    correct(c, {"due_date": due_date, "due_precision": precision}, by=by, why=why, today=today)
    return c


def confirm(c: Commitment, *, by=None, why: str = "", today: dt.date | None = None) -> Commitment:
    """Staff confirm that the parser's find is a commitment."""
    correct(c, {"confirmed": True}, by=by, why=why, today=today)
    return c


def decide_suggestion(
    s: FulfilmentSuggestion, accept: bool, *, by=None, why: str = "", today: dt.date | None = None
) -> FulfilmentSuggestion:
    """Staff confirm a suggested fulfilment (the commitment is fulfilled, with
    that paper as evidence) or reject it (it is not suggested again)."""
    state = FulfilmentSuggestion.State.CONFIRMED if accept else FulfilmentSuggestion.State.REJECTED
    correct(s, {"state": state}, by=by, why=why, today=today)
    return s


# ---------------------------------------------------------------- the steps


def _field(obj: models.Model, name: str) -> models.Field:
    """The concrete field ``name`` of ``obj`` (a relation from elsewhere is none of its fields)."""
    field = obj._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.concrete or field.many_to_many or field.primary_key:
        raise ValueError(f"{type(obj).__name__}.{name}: geen veld dat hier kan worden gewijzigd")
    return field


def _lock(obj: models.Model) -> None:
    """Read the stored row again, locked until the transaction ends: old
    values are the stored ones, and two edits of one record queue."""
    if obj.pk is None:
        raise ValueError(f"{obj._meta.verbose_name}: nog niet opgeslagen; gebruik edits.add")
    obj.refresh_from_db(from_queryset=type(obj)._default_manager.select_for_update())


def _normalized(obj: models.Model, changes: dict[str, Any]) -> dict[str, Any]:
    """Field name → the value to store (a pk for a relation), only those that differ from the stored row."""
    out = {}
    derived = DERIVED_FIELDS.get(type(obj), frozenset())
    for name, value in changes.items():
        field = _field(obj, name)
        if name in derived:
            raise ValueError(f"{type(obj).__name__}.{name} wordt afgeleid, niet ingevuld")
        if isinstance(field, models.ForeignKey):
            value = value.pk if isinstance(value, models.Model) else value
            value = None if value in (None, "") else field.target_field.to_python(value)
        else:
            value = field.to_python(value)
        if value != getattr(obj, field.attname):
            out[name] = value
    return out


def _is_move(obj: models.Model, name: str) -> bool:
    if isinstance(obj, Commitment):
        return name in COMMITMENT_MOVES
    return isinstance(obj, FulfilmentSuggestion) and name == "state"


def _write(
    obj: models.Model, changes: dict[str, Any], *, by, why: str, today: dt.date, record: bool
) -> list[Correction]:
    """Set ``changes`` (Corrections for the parser's fields when ``record``),
    derive, save what changed, and log the dates that moved."""
    if not changes:
        return []
    before = _dates(obj)
    written = []
    for name, value in changes.items():
        field = _field(obj, name)
        if record and name in parser_fields(type(obj)):
            written.append(corrections.record(obj, name, getattr(obj, field.attname), value, by, why=why))
        setattr(obj, field.attname, value)
    derived = _derive(obj, today)
    update = [_field(obj, n).attname for n in changes] + derived
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        update.append("updated_at")
    obj.save(update_fields=update)
    _log_dates(obj, before, by=by, why=why)
    return written


def _derive(obj: models.Model, today: dt.date) -> list[str]:
    """Recompute what derives from ``obj``'s own values; the names of the fields that changed."""
    changed = []
    if isinstance(obj, QuestionSet):
        old = (obj.term_due, obj.answer_due)
        obj.compute_due_dates()
        if (obj.term_due, obj.answer_due) != old:
            changed += ["term_due", "answer_due"]
    elif isinstance(obj, Commitment) and obj.due_date is None and obj.review_date is None:
        paper_date = Document.objects.filter(pk=obj.source_document_id).values_list("date", flat=True).first()
        obj.review_date = review_date_for(paper_date, obj.created_at or today)
        changed.append("review_date")
    return changed


def _dates(obj: models.Model) -> dict[str, Any]:
    if isinstance(obj, QuestionSet):
        return {"answer_due": obj.answer_due, "received": obj.received, "postponed_on": obj.postponed_on}
    if isinstance(obj, Commitment):
        return {"due_date": obj.due_date}
    return {}


#: a date that moved → the event the history shows
DATE_EVENTS = {
    "answer_due": Event.REDATED,
    "due_date": Event.REDATED,
    "received": Event.ANSWERED,
    "postponed_on": Event.POSTPONED,
}


def _log_dates(obj: models.Model, before: dict[str, Any], *, by, why: str) -> None:
    for name, old in before.items():
        new = getattr(obj, name)
        if new != old:
            lifecycle.log(
                obj,
                DATE_EVENTS[name],
                old,
                new,
                by=by,
                note=why,
                on=new if DATE_EVENTS[name] != Event.REDATED else None,
            )


def _move_commitment(c: Commitment, moves: dict[str, Any], *, by, why: str, today: dt.date) -> None:
    """Status, evidence, lapsed reason and confirmation: each move a StatusChange (lifecycle)."""
    if "confirmed" in moves:
        lifecycle.confirm(c, by=by, confirmed=bool(moves.pop("confirmed")), note=why)
    if not moves:
        return
    status = moves.get("status", c.status)
    if "evidence" in moves and moves["evidence"] is None:
        c.evidence = None  # taken away: saved with the status below
    evidence = Document.objects.get(pk=moves["evidence"]) if moves.get("evidence") else None
    if status != Commitment.Status.LAPSED and "lapsed_reason" in moves:
        c.lapsed_reason = moves["lapsed_reason"]
        c.save(update_fields=["lapsed_reason", "updated_at"])
    reason = moves.get("lapsed_reason", c.lapsed_reason) if status == Commitment.Status.LAPSED else ""
    if status == c.status and evidence is None and "evidence" in moves:
        c.save(update_fields=["evidence", "updated_at"])
        lifecycle.log(c, Event.STATUS, status, status, by=by, note=why or "bewijsstuk verwijderd")
        return
    lifecycle.set_status(
        c, status, by=by, evidence=evidence, reason=reason, note=why or reason, on=moves.get("closed_on") or today
    )


def _follow(obj: models.Model, *, by, why: str = "", today: dt.date) -> None:
    """A postponement notice staff record or change: its set is postponed from the first notice on."""
    if isinstance(obj, Postponement) and obj.date is not None:
        first = (
            obj.question_set.postponements.exclude(date__isnull=True)
            .order_by("date")
            .values_list("date", flat=True)
            .first()
        )
        correct(obj.question_set, {"postponed_on": first}, by=by, why=why, today=today)


def _touched(obj: models.Model, changes: dict[str, Any]) -> list[QuestionSet | Commitment]:
    """The records whose overdue state an edit of ``obj`` may have changed."""
    if isinstance(obj, (QuestionSet, Commitment)):
        return [obj]
    if isinstance(obj, FulfilmentSuggestion):
        return [obj.commitment]
    if isinstance(obj, Document) and "date" in changes:  # a commitment counts from its paper's date
        return list(Commitment.objects.filter(source_document=obj))
    return []


def became_overdue(obj: QuestionSet | Commitment, on: dt.date) -> dt.date | None:
    """The day ``obj`` became overdue as it stands on ``on``, or None when it
    is not overdue then: the querysets' rule asked for this one row, and the
    day after its due date as it stood on ``on`` (as flag_overdue records it)."""
    if isinstance(obj, QuestionSet):
        overdue = QuestionSet.objects.overdue(on=on)
        due = answer_term.due_on(obj.submitted, obj.postponed_on, on)
    else:
        overdue = Commitment.objects.overdue(on=on)
        due = obj.due_date
    if due is None or not overdue.filter(pk=obj.pk).exists():
        return None
    return due + dt.timedelta(days=1)


def _refresh_overdue(objs: Iterable[QuestionSet | Commitment], today: dt.date) -> None:
    for obj in objs:
        since = became_overdue(obj, today)
        if obj.overdue_since != since:
            type(obj).objects.filter(pk=obj.pk).update(overdue_since=since)
            obj.overdue_since = since
