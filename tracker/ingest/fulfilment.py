"""Fulfilment: the sentences a paper reports promises done with, and the
suggestions that a paper keeps an earlier paper's open commitments (staff
confirm or reject them)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from documents.models import Document
from tracker.domain.identity import similarity
from tracker.ingest.references import cited_by
from tracker.ingest.unit import UnitOfWork
from tracker.models import Commitment, FulfilmentStatement, FulfilmentSuggestion, Reference, StatusChange

#: kinds of paper that can keep a promise
KEEPING_KINDS = ("letter", "written_questions", "written_consultation")


def store_fulfilment_statements(unit: UnitOfWork) -> None:
    if not unit.new:
        unit.doc.fulfilment_statements.all().delete()
    unit.rows.extend(FulfilmentStatement(document=unit.doc, text=f.text) for f in unit.parsed.fulfilments)
    unit.statements = [f.text for f in unit.parsed.fulfilments]


@dataclass
class Evidence:
    """What a stored paper offers as evidence of keeping promises."""

    cited: set[int]  # the stored papers it cites
    statements: list[str]  # its fulfilment sentences
    offices: set[int]  # the offices of its ministers

    @classmethod
    def of_unit(cls, unit: UnitOfWork) -> Evidence:
        cited = unit.cited if unit.cited is not None else cited_by(unit.doc)
        return cls(cited, unit.statements, unit.offices)

    @classmethod
    def of_stored(cls, doc: Document) -> Evidence:
        return cls(
            cited_by(doc),
            [f.text for f in doc.fulfilment_statements.all()],
            {r.office_id for r in doc.minister_roles.all() if r.office_id},
        )


def suggest_fulfilments(unit: UnitOfWork) -> None:
    """This paper may keep earlier promises; later papers citing it may keep its own."""
    suggest_fulfilments_by(unit.doc, Evidence.of_unit(unit))
    suggest_fulfilments_for(unit)


def suggest_fulfilments_by(doc: Document, evidence: Evidence) -> None:
    """Suggest stored paper ``doc`` as fulfilling open commitments made before
    it: it cites their paper (or the letter that re-dated them), says "Zoals
    toegezegd" / "voldoe ik aan", shares the actor or the wording."""
    if doc.kind not in KEEPING_KINDS or not doc.date:
        return
    cited, statements, offices = evidence.cited, evidence.statements, evidence.offices
    if not cited and not statements:
        return  # the same actor and similar wording alone (at most 0.4) never make a suggestion
    text = " ".join([doc.title, *statements])
    commitment_type = ContentType.objects.get_for_model(Commitment)
    redated_by_cited = set(
        StatusChange.objects.filter(
            event=StatusChange.Event.REDATED,
            evidence_id__in=cited,
            content_type=commitment_type,
        ).values_list("object_id", flat=True)
    )
    redated_here = StatusChange.objects.filter(
        event=StatusChange.Event.REDATED, evidence=doc, content_type=commitment_type
    ).values("object_id")
    candidates = (
        Commitment.objects.open()
        .exclude(source_document=doc)
        .exclude(pk__in=redated_here)
        .filter(
            Q(source_document__in=cited) | Q(pk__in=redated_by_cited) | Q(actor_office_id__in=offices),
            source_document__date__lt=doc.date,
        )
        .exclude(suggestions__document=doc, suggestions__state__in=["confirmed", "rejected"])
    )
    named = _named_by_statements(doc, statements)
    redated_by_named = (
        set(
            StatusChange.objects.filter(
                event=StatusChange.Event.REDATED,
                evidence_id__in=named,
                content_type=commitment_type,
            ).values_list("object_id", flat=True)
        )
        if named
        else set()
    )
    for c in candidates.select_related("source_document"):
        score, reasons = 0.0, []
        if c.source_document_id in cited or c.pk in redated_by_cited:
            score += 0.5
            reasons.append("verwijst naar het brondocument")
        if c.source_document_id in named or c.pk in redated_by_named:
            score += 0.4
            reasons.append("meldt nakoming en noemt het brondocument")
        elif statements:
            score += 0.3
            reasons.append("meldt nakoming")
        if c.actor_office_id in offices:
            score += 0.1
            reasons.append("zelfde bewindspersoon")
        sim = max(similarity(c.sentence, text), similarity(c.sentence, doc.clean_text[:3000]) * 0.5)
        if sim >= 0.3:
            score += 0.3 * sim
            reasons.append("vergelijkbare woorden")
        if score < 0.5:
            continue
        FulfilmentSuggestion.objects.update_or_create(
            commitment=c, document=doc, defaults={"score": round(min(score, 1.0), 2), "reason": ", ".join(reasons)}
        )


def _named_by_statements(doc: Document, statements: list[str]) -> set[int]:
    """The stored papers a fulfilment sentence names itself ("Daarmee voldoe ik
    aan de motie (Kamerstuk 21 501-02, nr. 1538)"): the promise it keeps."""
    from documents.parsing.extract.references import find_references

    wanted = {(r.dossier, r.number) for text in statements for r in find_references(text)}
    if not wanted:
        return set()
    q = Q()
    for dossier, number in wanted:
        q |= Q(dossier=dossier, number=number)
    return set(
        Reference.objects.filter(q, source_document=doc, target__isnull=False).values_list("target_id", flat=True)
    )


def suggest_fulfilments_for(unit: UnitOfWork) -> None:
    """Papers stored before this one that cite it may keep its promises (papers arrive in any order)."""
    doc = unit.doc
    if not (doc.date and doc.dossier and doc.number):
        return  # a reference names a dossier and number: nothing else can be cited
    if not (unit.made if unit.new else doc.commitments.exists()):
        return
    if unit.citing is not None:  # a new paper: the papers that cite it were just found
        later = Document.objects.filter(pk__in=unit.citing, date__gt=doc.date) if unit.citing else []
    else:
        later = Document.objects.filter(references__target=doc, date__gt=doc.date).distinct()
    for paper in later:
        suggest_fulfilments_by(paper, Evidence.of_stored(paper))
