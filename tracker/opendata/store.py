"""Entities from the feed → the open data's own tables, upserted by Id.

Kept: Zaken of Soort "Schriftelijke vragen" asked on or after the sync's
first day; their actors who asked (Indiener, Medeindiener) and whom
(Gericht aan); their Documents of the kinds that matter (the questions,
the answers, a postponement notice); every Toezegging (the registry is
small: 6,452 rows in 2026). An actor or document whose Zaak is not known
(yet: the categories are separate streams) is kept while it is recent,
so a Zaak arriving later finds it.

A record the feed sends again with the same content (the Kamer re-touches
records in bulk: 25,806 Documents on one day in 2024) is "unchanged" and
not written. A tombstone (``tk:verwijderd``) marks the record deleted; its
Zaak is brought in line afterwards (tracker/opendata/link.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.db import models
from django.utils import timezone

from tracker.models import OpenDataActor, OpenDataDocument, OpenDataZaak, RegistryCommitment
from tracker.opendata.entities import Deleted, Document, Entity, Toezegging, Zaak, ZaakActor

QUESTIONS = "Schriftelijke vragen"
ASKED_BY = ("Indiener", "Medeindiener")
ASKED_OF = "Gericht aan"
ACTOR_RELATIONS = {*ASKED_BY, ASKED_OF}
ANSWER = "Antwoord schriftelijke vragen"
LATER_ANSWER = "Antwoord schriftelijke vragen (nader)"
POSTPONEMENT = "Mededeling (uitstel antwoord)"
PAPER_SOORTEN = {QUESTIONS, ANSWER, LATER_ANSWER, POSTPONEMENT}
#: an actor or document whose Zaak is not known is kept this long (its Zaak may come in a later run)
ORPHAN_DAYS = 30
MODELS = {
    "zaak": OpenDataZaak,
    "zaakactor": OpenDataActor,
    "document": OpenDataDocument,
    "toezegging": RegistryCommitment,
}


class PageStore:
    """One page's entities stored (inside the caller's transaction): rows looked up in one
    query per table, outcomes counted, the Zaken to bring in line and the registry rows
    touched remembered for after the commit."""

    def __init__(self, since: dt.date):
        self.since = since
        self.recent = timezone.now() - dt.timedelta(days=ORPHAN_DAYS)
        self.counts: Counter = Counter()
        self._registry: list[RegistryCommitment] = []
        self._pending: set[str] = set()

    @property
    def touched_registry(self) -> set[int]:
        return {r.pk for r in self._registry}

    def store(self, entities: Iterable[Entity], enclosures: dict[str, str] | None = None) -> None:
        """``enclosures``: the file address each entry's ``<link rel="enclosure">`` gives, by Id."""
        entities = list(entities)
        self.enclosures = enclosures or {}
        self.rows = {kind: {} for kind in MODELS}
        for kind, model in MODELS.items():
            guids = {e.guid for e in entities if _kind(e) == kind}
            if guids:
                self.rows[kind] = {r.guid: r for r in model.objects.filter(guid__in=guids)}
        refs = {e.zaak_guid for e in entities if isinstance(e, ZaakActor)}
        refs |= {g for e in entities if isinstance(e, Document) for g in e.zaak_guids}
        self.known_zaken = set(OpenDataZaak.objects.filter(guid__in=refs, deleted=False).values_list("guid", flat=True))
        self.known_zaken |= {e.guid for e in entities if isinstance(e, Zaak) and e.soort == QUESTIONS}
        for entity in entities:
            outcome = self._one(entity)
            if outcome:
                self.counts[outcome] += 1
        for kind, model in MODELS.items():  # the new rows in one insert per table
            model.objects.bulk_create([row for row in self.rows[kind].values() if row._state.adding])
        if self._pending:
            OpenDataZaak.objects.filter(guid__in=self._pending, pending=False).update(pending=True)

    def _one(self, entity: Entity) -> str | None:
        if isinstance(entity, Deleted):
            return self._delete(entity)
        if isinstance(entity, Zaak):
            return self._zaak(entity)
        if isinstance(entity, ZaakActor):
            return self._actor(entity)
        if isinstance(entity, Document):
            return self._document(entity)
        if isinstance(entity, Toezegging):
            return self._toezegging(entity)
        return None

    # ------------------------------------------------------------ kinds

    def _zaak(self, z: Zaak) -> str | None:
        row = self.rows["zaak"].get(z.guid)
        if row is None and (z.soort != QUESTIONS or (z.started_on and z.started_on < self.since)):
            return None
        values = {
            "number": z.number[:20],
            "soort": z.soort[:100],
            "subject": z.subject,
            "title": z.title,
            "started_on": z.started_on,
            "vergaderjaar": z.vergaderjaar[:9],
            "status": z.status[:100],
            "closed": z.closed,
            "deleted": z.soort != QUESTIONS,
        }  # a Zaak that is no longer one is gone
        outcome = _upsert(OpenDataZaak, self.rows["zaak"], z.guid, values, z.changed_at)
        if outcome != "unchanged":
            self._pending.add(z.guid)
        return outcome

    def _actor(self, a: ZaakActor) -> str | None:
        row = self.rows["zaakactor"].get(a.guid)
        if row is None and (a.relation not in ACTOR_RELATIONS or not self._wanted(a.zaak_guid, a.changed_at)):
            return None
        values = {
            "zaak_guid": a.zaak_guid,
            "name": a.name[:250],
            "fraction": a.fraction[:250],
            "function": a.function[:250],
            "relation": a.relation[:60],
            "deleted": False,
        }
        outcome = _upsert(OpenDataActor, self.rows["zaakactor"], a.guid, values, a.changed_at)
        if outcome != "unchanged":
            self._pending.update({a.zaak_guid, row.zaak_guid if row else ""} - {""})
        return outcome

    def _document(self, d: Document) -> str | None:
        row = self.rows["document"].get(d.guid)
        zaak = next((g for g in d.zaak_guids if g in self.known_zaken), d.zaak_guids[0] if d.zaak_guids else "")
        if row is None and (d.soort not in PAPER_SOORTEN or not self._wanted(zaak, d.changed_at)):
            return None
        values = {
            "zaak_guid": zaak,
            "number": d.number[:20],
            "soort": d.soort[:100],
            "subject": d.subject,
            "date": d.date,
            "received_on": d.received_on,
            "vergaderjaar": d.vergaderjaar[:9],
            "aanhangsel_number": d.aanhangsel_number[:20],
            "content_type": d.content_type[:100],
            "content_length": d.content_length,
            "file_url": self.enclosures.get(d.guid, "")[:300],
            "deleted": False,
        }
        file_changed = (
            row is None
            or row.deleted
            or any(getattr(row, f) != values[f] for f in ("number", "content_type", "content_length"))
        )
        extra = {"paper": OpenDataDocument.Paper.TO_FETCH, "paper_error": ""} if file_changed else {}
        outcome = _upsert(OpenDataDocument, self.rows["document"], d.guid, values, d.changed_at, extra)
        if outcome != "unchanged":
            self._pending.update({zaak, row.zaak_guid if row else ""} - {""})
        return outcome

    def _toezegging(self, t: Toezegging) -> str:
        values = {
            "number": t.number[:30],
            "text": t.text,
            "status": t.status[:40],
            "due_on": t.due_on,
            "made_on": t.made_on,
            "ministry": t.ministry[:250],
            "minister": t.minister[:250],
            "function": t.function[:250],
            "activity_number": t.activity_number[:30],
            "letters": list(t.letters),
            "deleted": False,
        }
        outcome = _upsert(RegistryCommitment, self.rows["toezegging"], t.guid, values, t.changed_at)
        if outcome != "unchanged":
            self._registry.append(self.rows["toezegging"][t.guid])
        return outcome

    def _delete(self, d: Deleted) -> str | None:
        model = MODELS.get(d.kind)
        if model is None:
            return None
        row = self.rows[d.kind].get(d.guid)
        if row is None:
            return None  # never kept: nothing to delete
        if row.deleted or _older(d.changed_at, row):
            return "unchanged"
        row.deleted = True
        row.changed_at = d.changed_at or row.changed_at
        if not row._state.adding:  # a row new in this page is inserted at its end
            row.save(update_fields=["deleted", "changed_at"])
        if isinstance(row, OpenDataZaak):
            self._pending.add(row.guid)
        elif isinstance(row, (OpenDataActor, OpenDataDocument)) and row.zaak_guid:
            self._pending.add(row.zaak_guid)
        elif isinstance(row, RegistryCommitment):
            self._registry.append(row)
        return "deleted"

    def _wanted(self, zaak_guid: str, changed_at: dt.datetime | None) -> bool:
        """A record of a known Zaak, or one changed so recently that its Zaak may still come
        (the Zaak stream was read before this one, up to a moment ago)."""
        return zaak_guid in self.known_zaken or (changed_at is not None and changed_at >= self.recent)


def _kind(entity: Entity) -> str:
    return entity.kind if isinstance(entity, Deleted) else type(entity).__name__.lower()


def _older(changed_at: dt.datetime | None, row) -> bool:
    """An older version than the one stored (a replayed feed, or the same record twice on the way)."""
    return changed_at is not None and row.changed_at is not None and changed_at < row.changed_at


def _upsert(
    model: type[models.Model], rows: dict, guid: str, values: dict, changed_at, extra: dict | None = None
) -> str:
    """created | updated | unchanged; a row is written only when its content changed, and never
    with an older version than the one stored."""
    row = rows.get(guid)
    if row is None:  # inserted with the page's other new rows (PageStore.store)
        rows[guid] = model(guid=guid, changed_at=changed_at, **values, **(extra or {}))
        return "created"
    if _older(changed_at, row):
        return "unchanged"
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not changed:
        return "unchanged"
    for name in changed:
        setattr(row, name, values[name])
    for name, value in (extra or {}).items():
        setattr(row, name, value)
    if changed_at is not None:
        row.changed_at = changed_at
    if isinstance(row, OpenDataZaak):
        row.pending = True
    if not row._state.adding:
        row.save()
    return "updated"
