"""What staff corrected, for the records one paper touches.

Two rules, kept here once:

* staff win, always: a field staff corrected (an active Correction) keeps the
  staff's value and the parser's new value is only noted beside it
  (``tracker.domain.corrections.apply_parser_value``). Every parser value
  ingest writes onto a stored record goes through ``CorrectionBook.apply``,
  which reads a record's corrections once for the paper.
* a record is found again by what the paper says: identity compares the
  paper with the parser's value of a corrected field (``parser_value``,
  ``parser_says``), never with the staff's.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tracker.domain.corrections import apply_parser_value
from tracker.ingest.rows import is_new
from tracker.models import Correction


def parser_value(correction: Correction) -> str:
    """What the parser said last for a corrected field (as text): what it says now, else what it said first."""
    return correction.parser_now or correction.parser_value


def parser_value_sql(alias: str) -> str:
    """``parser_value`` in SQL, for the Correction table under ``alias``."""
    return f"COALESCE(NULLIF({alias}.parser_now, ''), {alias}.parser_value)"


class CorrectionBook:
    """The active Corrections of the stored records one paper touches, read
    once per record (one query for many records of a kind)."""

    def __init__(self) -> None:
        self._active: dict[tuple[type, int], dict[str, Correction]] = {}

    def load(self, objs: Iterable[models.Model]) -> None:
        """Read the corrections of stored ``objs`` not read yet (one query per model)."""
        wanted: dict[type, list[int]] = {}
        for obj in objs:
            key = (type(obj), obj.pk)
            if not is_new(obj) and key not in self._active:
                self._active[key] = {}
                wanted.setdefault(type(obj), []).append(obj.pk)
        for model, ids in wanted.items():
            rows = Correction.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id__in=ids, active=True
            )
            for c in rows:
                self._active[(model, c.object_id)][c.field] = c

    def of(self, obj: models.Model) -> dict[str, Correction]:
        if is_new(obj):
            return {}
        self.load([obj])
        return self._active[(type(obj), obj.pk)]

    def fields(self, obj: models.Model) -> set[str]:
        """The fields of ``obj`` staff corrected."""
        return set(self.of(obj))

    def parser_says(self, obj: models.Model, field: str, stored):
        """What the parser said for ``field`` of ``obj``: ``stored`` unless staff corrected it."""
        correction = self.of(obj).get(field)
        return stored if correction is None else parser_value(correction)

    def apply(self, obj: models.Model, values: dict) -> list[str]:
        """Set the parser's ``values`` on ``obj``, except where staff corrected
        the field (there the parser's value is noted beside the correction).
        A related record is set by its id. Returns the fields that changed."""
        corrected_fields = self.fields(obj)
        return [
            name
            for name, value in values.items()
            if apply_parser_value(obj, name, value.pk if isinstance(value, models.Model) else value, corrected_fields)
        ]


def retire(obj: models.Model, corrections: CorrectionBook, parent_set: models.Model | None = None) -> None:
    """A record gone from the new version is retired; one staff corrected or
    confirmed is kept and flagged for review instead (itself, or its set)."""
    touched = bool(corrections.fields(obj)) or getattr(obj, "confirmed", False)
    if touched:
        if hasattr(obj, "needs_review"):
            obj.needs_review = True
            obj.save(update_fields=["needs_review"])
        elif parent_set is not None:
            parent_set.needs_review = True
            parent_set.save(update_fields=["needs_review"])
        return
    obj.retired = True
    obj.save(update_fields=["retired"])
