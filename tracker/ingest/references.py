"""The papers a paper cites ("Kamerstuk 32 735, nr. 312"), resolved to stored
papers now or when they arrive."""

from __future__ import annotations

from django.db.models import Q

from documents.models import Document
from tracker.ingest.unit import UnitOfWork
from tracker.models import Reference


def store_references(unit: UnitOfWork) -> None:
    doc, parsed = unit.doc, unit.parsed
    wanted = {
        (r.dossier, str(r.number))
        for r in parsed.references
        if not (r.dossier == doc.dossier and str(r.number) == doc.number)
    }
    existing = {} if unit.new else {(r.dossier, r.number): r for r in doc.references.all()}
    gone = [existing[key].pk for key in set(existing) - wanted]
    if gone:
        Reference.objects.filter(pk__in=gone).delete()
    new = wanted - set(existing)
    targets: dict[tuple[str, str], int] = {}
    if new:
        cited = Q()
        for dossier, number in new:
            cited |= Q(dossier=dossier, number=number)
        targets = {
            (d.dossier, d.number): d.pk
            for d in Document.objects.filter(cited).exclude(pk=doc.pk).only("pk", "dossier", "number")
        }
        unit.rows.extend(
            Reference(source_document=doc, dossier=d, number=n, target_id=targets.get((d, n))) for d, n in sorted(new)
        )
    if unit.new:
        unit.cited = set(targets.values())
    if doc.dossier and doc.number:
        resolve_citations_of(unit)


def resolve_citations_of(unit: UnitOfWork) -> None:
    """Papers that cited this one before it arrived now point at it. For a new
    paper these are all the papers that cite it (``unit.citing``)."""
    doc = unit.doc
    waiting = Reference.objects.filter(dossier=doc.dossier, number=doc.number, target__isnull=True).exclude(
        source_document=doc
    )
    if not unit.new:
        waiting.update(target=doc)
        return
    rows = list(waiting.values_list("pk", "source_document_id"))
    if rows:
        Reference.objects.filter(pk__in=[pk for pk, _ in rows]).update(target=doc)
    unit.citing = sorted({source for _, source in rows})


def cited_by(doc: Document) -> set[int]:
    """The stored papers ``doc`` cites, as the database has them."""
    return set(doc.references.exclude(target=None).values_list("target_id", flat=True))
