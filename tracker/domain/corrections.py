"""Recording what staff corrected, and keeping it through every ingest.

One rule in one place: the one write path (tracker/domain/edits.py) calls
``record`` when staff change a field the parser produces; ``tracker.ingest``
calls ``apply_parser_value`` when a new version of a paper says something for
a field, which never overwrites a corrected value but stores the new parser
value beside the correction.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tracker.models import Correction


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def record(obj: models.Model, field: str, parser_value, new_value, user=None, why: str = "") -> Correction:
    """Staff set ``field`` of ``obj`` to ``new_value`` (``why``: their reason).
    The first correction keeps the parser's value; a later one keeps that
    original value too."""
    ct = ContentType.objects.get_for_model(obj)
    existing = Correction.objects.filter(content_type=ct, object_id=obj.pk, field=field, active=True).first()
    parser_now = ""
    if existing:
        existing.active = False
        existing.save(update_fields=["active"])
        parser_value, parser_now = existing.parser_value, existing.parser_now
    return Correction.objects.create(
        content_type=ct,
        object_id=obj.pk,
        field=field,
        parser_value=as_text(parser_value),
        corrected_value=as_text(new_value),
        parser_now=parser_now,
        by=user,
        why=why,
    )


def corrected_fields(obj: models.Model) -> set[str]:
    if obj.pk is None:
        return set()
    ct = ContentType.objects.get_for_model(obj)
    rows = Correction.objects.filter(content_type=ct, object_id=obj.pk, active=True)
    return set(rows.values_list("field", flat=True))


def corrected_fields_many(objs) -> dict[int, set[str]]:
    """``corrected_fields`` for many records of one model, in one query."""
    objs = [o for o in objs if o.pk is not None]
    if not objs:
        return {}
    ct = ContentType.objects.get_for_model(objs[0])
    out: dict[int, set[str]] = {o.pk: set() for o in objs}
    for pk, field in Correction.objects.filter(content_type=ct, object_id__in=list(out), active=True).values_list(
        "object_id", "field"
    ):
        out[pk].add(field)
    return out


def apply_parser_value(obj: models.Model, field: str, value, corrected: set[str]) -> bool:
    """Set ``field`` from the parser unless staff corrected it; then only note
    what the parser now says. Returns True when ``obj`` changed."""
    if field in corrected:
        ct = ContentType.objects.get_for_model(obj)
        Correction.objects.filter(content_type=ct, object_id=obj.pk, field=field, active=True).update(
            parser_now=as_text(value)
        )
        return False
    attname = obj._meta.get_field(field).attname  # type: ignore[union-attr]  # a concrete field by name
    current = getattr(obj, attname)
    if current != value:
        setattr(obj, attname, value)
        return True
    return False
