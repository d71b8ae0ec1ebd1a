"""The history of a question set or commitment as sentences: one home for
the review pages and the admin.

Two kinds of rows make it (ARCHITECTURE.md): StatusChange for the lifecycle,
Correction for what staff corrected. Each becomes an Entry with a Dutch
sentence ("Status gewijzigd van Openstaand naar Voldaan"), never a code or an
ISO date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import date_format

from documents.models import Document
from tracker.models import Commitment, Correction, FulfilmentSuggestion, Request, StatusChange

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: the stored codes of the lifecycle and the requests, by the name staff know them by
LABELS = {
    **dict(Commitment.Status.choices),
    **dict(Commitment.Precision.choices),
    **dict(Request.Reply.choices),
    **dict(FulfilmentSuggestion.State.choices),
}
JOBS = {
    "flag_overdue": "de dagelijkse controle op termijnen",
    "send_digests": "de wekelijkse digest",
    "sync_opendata": "de open-datasynchronisatie",
    "ingest_upload": "het inlezen van een upload",
}


def long_date(day: dt.date | None, weekday: bool = False) -> str:
    """ "15 februari 2019", or "vrijdag 15 februari 2019": the one date format of the pages and mails."""
    if day is None:
        return ""
    return date_format(day, "l j F Y" if weekday else "j F Y")


def shown(value: str) -> str:
    """A stored value as staff read it: a date written out, a code by its name, nothing as a dash."""
    if not value:
        return "—"
    if _ISO_DAY.match(value):
        return long_date(dt.date.fromisoformat(value))
    if value in ("True", "False"):
        return "ja" if value == "True" else "nee"
    return LABELS.get(value, value)


def dates_written_out(text: str) -> str:
    """ISO dates in a note written out: "te laat sinds 2019-02-10" → "te laat sinds 10 februari 2019"."""
    return _ISO_IN_TEXT.sub(lambda m: long_date(dt.date.fromisoformat(m.group(0))), text or "")


_ISO_IN_TEXT = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@dataclass
class Entry:
    at: dt.datetime
    on: dt.date | None
    what: str  # the event, as a sentence
    who: str
    evidence: Document | None = None
    note: str = ""
    replaced: bool = False  # a correction corrected again


def _who(user, job=None) -> str:
    if user is not None:
        return user.get_full_name() or user.get_username()
    if job is not None:
        return JOBS.get(job.name, job.name)
    return "de parser"


def _status_sentence(s: StatusChange) -> str:
    old, new = shown(s.old_value), shown(s.new_value)
    E = StatusChange.Event
    if s.event == E.STATUS:
        return f"Status gewijzigd van {old} naar {new}"
    if s.event == E.REDATED:
        if not s.new_value:
            return f"Termijn vervallen (was {old})"
        return f"Nieuwe termijn: {new}" + (f" (was {old})" if s.old_value else "")
    if s.event == E.OVERDUE:
        return f"Te laat sinds {long_date(s.on)}" if s.on else "Te laat"
    if s.event == E.CONFIRMED:
        return "Bevestigd door staf" if s.new_value != "" and s.new_value != "False" else "Bevestiging ingetrokken"
    if s.event == E.ANSWERED:
        return f"Beantwoord op {new}" if s.new_value else "Beantwoord"
    if s.event == E.POSTPONED:
        return f"Uitstel gemeld op {new}" if s.new_value else "Uitstel gemeld"
    if s.event == E.SUGGESTION:
        return f"Voorgestelde nakoming beoordeeld: {new}"
    if s.event == E.RETIRED:
        return "Niet meer in de nieuwe versie van het document"
    return f"{s.get_event_display()}: {old} → {new}"


def _field(model: type[models.Model], name: str) -> models.Field | None:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _field_value(model: type[models.Model], field_name: str, value: str) -> str:
    field = _field(model, field_name)
    if field is None:
        return shown(value)
    if value and isinstance(field, models.ForeignKey):
        target = field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target is not None else f"nr. {value}"
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, shown(value)))
    return shown(value)


def _correction_sentence(c: Correction, model: type[models.Model]) -> str:
    field = _field(model, c.field)
    label = str(field.verbose_name) if field is not None else c.field
    old, new = _field_value(model, c.field, c.parser_value), _field_value(model, c.field, c.corrected_value)
    sentence = f"{label.capitalize()} gecorrigeerd van {old} naar {new}"
    if c.active and c.parser_disagrees:
        sentence += f"; de parser zegt nu {_field_value(model, c.field, c.parser_now)}"
    return sentence


def entries(obj: models.Model) -> list[Entry]:
    """Everything that happened to ``obj``, oldest first (two queries, and one per corrected link)."""
    ct = ContentType.objects.get_for_model(obj)
    out = [
        Entry(
            s.at,
            s.on,
            _status_sentence(s),
            _who(s.by, s.job),
            s.evidence,
            "" if s.event == StatusChange.Event.OVERDUE else dates_written_out(s.note),
        )
        for s in StatusChange.objects.filter(content_type=ct, object_id=obj.pk).select_related("by", "job", "evidence")
    ]
    model = type(obj)
    out += [
        Entry(
            c.at,
            None,
            _correction_sentence(c, model),
            _who(c.by) if c.by else "staf",
            None,
            dates_written_out(c.why),
            replaced=not c.active,
        )
        for c in Correction.objects.filter(content_type=ct, object_id=obj.pk).select_related("by")
    ]
    return sorted(out, key=lambda e: e.at)
