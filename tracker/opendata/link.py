"""The open data's Zaken → question sets, their papers → the same ingest as an upload.

* A Zaak "Schriftelijke vragen" is a question set from the day it is asked
  (GestartOp, in Europe/Amsterdam), with its askers (ZaakActor Indiener /
  Medeindiener, with their fraction) and the offices it is addressed to
  (Gericht aan). So its answer term runs from then: overdue after 21 days,
  42 after a postponement notice (tracker/rules/answer_term.py), and it is
  in the digest like any set.
* Its Documents' files are fetched once each and go through
  ``tracker.ingest.run.ingest_bytes``, so a paper that arrives by sync and by
  upload is one paper (the ingest's identity rules). The set the paper lands
  in and the Zaak's set are made one: a set known only from the open data
  gives way to the paper's set (its corrections and history move along).
* Where no paper says when the set was asked, answered or postponed, the
  open data's date is the set's (never over a staff correction); where a
  paper says otherwise, the difference goes to the staff queue
  (tracker/opendata/reconcile.py).
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from documents.models import Origin
from documents.parsing.model import Asker as ParsedAsker
from documents.parsing.model import ParsedDocument
from tracker.domain import lifecycle
from tracker.domain.corrections import apply_parser_value, corrected_fields_many
from tracker.ingest.people import office_titled, party_named, person_named
from tracker.ingest.question_sets import find_question_set
from tracker.ingest.run import ingest_bytes
from tracker.models import (
    Answer,
    Asker,
    Correction,
    Discrepancy,
    OpenDataActor,
    OpenDataDocument,
    OpenDataZaak,
    Postponement,
    Question,
    QuestionSet,
    StatusChange,
)
from tracker.opendata import reconcile
from tracker.opendata.client import Client, OpenDataError
from tracker.opendata.store import ANSWER, ASKED_BY, ASKED_OF, PAPER_SOORTEN, POSTPONEMENT

#: report(outcome) for a paper ingested ("stored" | "updated" | "unchanged"), error(source, message)
Outcome = Callable[[str], None]
Error = Callable[[str, str], None]
EXTENSIONS = {
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/html": ".html",
}


#: Zaken brought in line per transaction (a batch that fails keeps its Zaken pending for the next run)
BATCH = 200


def bring_in_line(client: Client, outcome: Outcome, error: Error) -> None:
    """Every Zaak whose records changed: its set made or found, its new papers fetched and
    ingested, its dates and differences brought up to date (a batch of Zaken per transaction,
    their records read in one query per table)."""
    names = Names()
    for batch in _pending_batches():
        with transaction.atomic():
            actors: dict[str, list[OpenDataActor]] = {}
            for a in OpenDataActor.objects.filter(zaak_guid__in=[z.guid for z in batch], deleted=False).order_by(
                "name", "guid"
            ):
                actors.setdefault(a.zaak_guid, []).append(a)
            with_papers = set(
                OpenDataDocument.objects.filter(
                    zaak_guid__in=[z.guid for z in batch],
                    deleted=False,
                    document__isnull=False,
                ).values_list("zaak_guid", flat=True)
            )
            # days on which a set no Zaak has yet was asked (an upload's): only there can the ingest's rule find one
            free_days = set(
                QuestionSet.objects.filter(
                    submitted__in={z.started_on for z in batch if z.started_on},
                    kind=QuestionSet.Kind.WRITTEN_QUESTIONS,
                )
                .exclude(
                    pk__in=OpenDataZaak.objects.filter(deleted=False, question_set__isnull=False).values(
                        "question_set_id"
                    )
                )
                .values_list("submitted", flat=True)
            )
            for zaak in batch:
                ensure_question_set(
                    zaak, actors.get(zaak.guid, []), names, zaak.guid in with_papers, zaak.started_on in free_days
                )
    fetch_papers(client, outcome, error)
    for batch in _pending_batches():
        with transaction.atomic():
            live = [z for z in batch if z.question_set_id and not z.deleted]
            said = open_data_said(live)
            sets = [z.question_set for z in live]
            corrected = corrected_fields_many(sets)
            queued = set(
                Discrepancy.objects.filter(question_set__in=sets, state=Discrepancy.State.OPEN).values_list(
                    "question_set_id", flat=True
                )
            )
            for zaak in live:
                apply_open_data(zaak, said[zaak.guid], corrected[zaak.question_set_id], zaak.question_set_id in queued)
            OpenDataZaak.objects.filter(pk__in=[z.pk for z in batch]).update(pending=False)


def _pending_batches():
    last = 0
    while True:
        batch = list(
            OpenDataZaak.objects.filter(pending=True, pk__gt=last)
            .select_related("question_set__question_document", "question_set__answer_document")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            return
        yield batch
        last = batch[-1].pk


class Names:
    """People, parties and offices by name for one run (the ingest's rules: tracker.ingest.people)."""

    def __init__(self):
        self._seen: dict = {}

    def _get(self, kind: str, name: str, fetch):
        if (kind, name) not in self._seen:
            self._seen[(kind, name)] = fetch(name)
        return self._seen[(kind, name)]

    def person(self, name: str):
        return self._get("person", person_name(name), person_named)

    def party(self, name: str):
        return self._get("party", name, party_named)

    def office(self, title: str):
        return self._get("office", title, office_titled)


# ---------------------------------------------------------------- the set of a Zaak


def has_papers(qs: QuestionSet) -> bool:
    """The set holds something a paper said (its questions, answers, a notice)."""
    return bool(
        qs.question_document_id
        or qs.answer_document_id
        or Question.objects.filter(question_set=qs).exists()
        or Answer.objects.filter(question_set=qs).exists()
        or Postponement.objects.filter(question_set=qs).exists()
    )


def person_name(raw: str) -> str:
    """ "Kröger, S.C." → "S.C. Kröger" (the form the papers and get_person use)."""
    surname, comma, initials = (raw or "").partition(",")
    return f"{initials.strip()} {surname.strip()}".strip() if comma and initials.strip() else (raw or "").strip()


_ASKED = re.compile(r"^\s*vragen\s+van\s+(?:het\s+lid|de\s+leden)\b.*?\bover\s+(?P<subject>.+)$", re.I | re.S)


def subject_of(zaak: OpenDataZaak) -> str:
    """The Zaak's subject without "Vragen van het lid X aan de Y over" and "(ingezonden …)"."""
    text = re.sub(r"\s+", " ", zaak.subject or zaak.title or "").strip()
    m = _ASKED.match(text)
    if m:
        text = m.group("subject")
    text = re.sub(r"\s*\(ingezonden[^)]*\)\s*\.?$", "", text).strip()
    return text.rstrip(".").strip()


def ensure_question_set(
    zaak: OpenDataZaak, actors: list[OpenDataActor], names: Names, has_paper: bool, free_day: bool = True
) -> None:
    """The Zaak's set: found (a paper of it made one, or one of the same askers, day and subject)
    or made; who asked and whom filled in where no paper said so. A deleted Zaak takes along a set
    only the open data knew."""
    qs = zaak.question_set
    if zaak.deleted:
        if qs is not None:
            zaak.question_set = None
            zaak.save(update_fields=["question_set"])
            _drop_if_only_open_data(qs)
        return
    askers = sorted((a for a in actors if a.relation in ASKED_BY), key=lambda a: ASKED_BY.index(a.relation))
    people = [(names.person(a.name), names.party(a.fraction)) for a in askers]
    people = list({p: party for p, party in people if p is not None}.items())
    offices = list(
        dict.fromkeys(o for o in (names.office(a.function or a.name) for a in actors if a.relation == ASKED_OF) if o)
    )
    subject = subject_of(zaak)
    new = False
    if qs is None:
        qs = _known_set(zaak, subject, people, has_paper, free_day)
        if qs is None:
            qs = QuestionSet(kind=QuestionSet.Kind.WRITTEN_QUESTIONS, subject=subject[:5000], submitted=zaak.started_on)
            qs.compute_due_dates()
            qs.save()
            new = True
        zaak.question_set = qs
        zaak.save(update_fields=["question_set"])
    if not qs.subject and subject:
        qs.subject = subject[:5000]
        qs.save(update_fields=["subject", "updated_at"])
    if people and (new or not qs.askers.exists()):  # who asked, where no paper said so
        Asker.objects.bulk_create(
            [Asker(question_set=qs, person=p, party=party, position=i) for i, (p, party) in enumerate(people)]
        )
    if offices and (new or not qs.addressed_to.exists()):
        through = QuestionSet.addressed_to.through
        through.objects.bulk_create([through(questionset_id=qs.pk, office_id=o.pk) for o in offices])


def _known_set(zaak: OpenDataZaak, subject: str, people, has_paper: bool, free_day: bool) -> QuestionSet | None:
    """The set a paper of this Zaak already made, or one of the same askers, day and subject (the ingest's rule)."""
    papers = OpenDataDocument.objects.filter(zaak_guid=zaak.guid, deleted=False, document__isnull=False)
    for doc_id in papers.values_list("document_id", flat=True) if has_paper else []:
        qs = set_of_paper(doc_id)
        if qs is not None and _free(qs, zaak):
            return qs
    if zaak.started_on is None or not free_day:
        return None
    parsed = ParsedDocument(
        source=f"Zaak {zaak.number}",
        kind="written_questions",
        title=subject,
        submitted=zaak.started_on,
        askers=[ParsedAsker(p.name, party.name if party else None) for p, party in people],
    )
    qs = find_question_set(None, parsed)
    return qs if qs is not None and _free(qs, zaak) else None


def _free(qs: QuestionSet, zaak: OpenDataZaak) -> bool:
    """Not the set of another live Zaak."""
    return not OpenDataZaak.objects.filter(question_set=qs, deleted=False).exclude(pk=zaak.pk).exists()


def set_of_paper(document_id: int) -> QuestionSet | None:
    return QuestionSet.objects.filter(
        Q(question_document_id=document_id)
        | Q(answer_document_id=document_id)
        | Q(pk__in=Answer.objects.filter(document_id=document_id).values("question_set_id"))
        | Q(pk__in=Postponement.objects.filter(document_id=document_id).values("question_set_id"))
    ).first()


def _drop_if_only_open_data(qs: QuestionSet) -> None:
    """A set the open data alone knew goes with its Zaak; one a paper holds stays, for staff to look at."""
    if OpenDataZaak.objects.filter(question_set=qs, deleted=False).exists():
        return
    if has_papers(qs):
        qs.needs_review = True
        qs.save(update_fields=["needs_review", "updated_at"])
    else:
        _forget(qs)
        qs.delete()


def _forget(qs: QuestionSet) -> None:
    ct = ContentType.objects.get_for_model(QuestionSet)
    Correction.objects.filter(content_type=ct, object_id=qs.pk).delete()
    StatusChange.objects.filter(content_type=ct, object_id=qs.pk).delete()


# ---------------------------------------------------------------- papers


def fetch_papers(client: Client, outcome: Outcome, error: Error) -> None:
    """The files of documents not fetched yet, of Zaken with a set: each fetched once, ingested, joined."""
    live = OpenDataZaak.objects.filter(deleted=False, question_set__isnull=False).values("guid")
    todo = OpenDataDocument.objects.filter(
        paper=OpenDataDocument.Paper.TO_FETCH, deleted=False, soort__in=PAPER_SOORTEN, zaak_guid__in=live
    ).order_by("date", "id")
    for doc in todo:
        url = doc.file_url or client.resource_url(doc.guid)
        try:
            data = client.download(url, doc.content_length, settings.MAX_DOCUMENT_BYTES)
        except OpenDataError as exc:
            error(url, str(exc))  # left to fetch: the next run tries again
            continue
        result = ingest_bytes(
            data, url, file_name=paper_name(doc, data), origin=(Origin.OPENDATA, f"Document {doc.number}".strip())
        )
        if result.status == "failed":
            doc.paper, doc.paper_error = OpenDataDocument.Paper.FAILED, result.error[:2000]
            doc.save(update_fields=["paper", "paper_error"])
            error(url, result.error)
            continue
        outcome(result.status)
        with transaction.atomic():
            doc.document_id, doc.paper, doc.paper_error = result.document_id, OpenDataDocument.Paper.DONE, ""
            doc.save(update_fields=["document", "paper", "paper_error"])
            join(doc, error)


def paper_name(doc: OpenDataDocument, data: bytes) -> str:
    kind = doc.content_type.split(";")[0].strip().lower()
    ext = EXTENSIONS.get(kind) or mimetypes.guess_extension(kind) or ""
    if data[:5] == b"%PDF-":
        ext = ".pdf"
    return f"{doc.number or doc.guid}{ext}"


def join(doc: OpenDataDocument, error: Error) -> None:
    """The paper's set and its Zaak's set made one."""
    zaak = OpenDataZaak.objects.select_related("question_set").filter(guid=doc.zaak_guid).first()
    if zaak is None:
        return
    zaak.pending = True
    zaak.save(update_fields=["pending"])
    paper_set = set_of_paper(doc.document_id)
    ours = zaak.question_set
    if paper_set is None or paper_set == ours:
        return
    if ours is None or not has_papers(ours):
        if ours is not None:
            merge_into(ours, paper_set)
        zaak.question_set = paper_set
        zaak.save(update_fields=["question_set"])
        return
    for qs in (ours, paper_set):
        qs.needs_review = True
        qs.save(update_fields=["needs_review", "updated_at"])
    error(
        f"Zaak {zaak.number}",
        f"document {doc.number} ligt bij vragenset {paper_set.pk}, de zaak bij vragenset "
        f"{ours.pk}; beide hebben documenten: voeg ze met de hand samen",
    )


def merge_into(gone: QuestionSet, kept: QuestionSet) -> None:
    """A set only the open data knew, taken up in the set a paper made: its Zaken, its staff
    corrections (where the kept set has none for that field) and its history move along."""
    ct = ContentType.objects.get_for_model(QuestionSet)
    OpenDataZaak.objects.filter(question_set=gone).update(question_set=kept, pending=True)
    taken = set(
        Correction.objects.filter(content_type=ct, object_id=kept.pk, active=True).values_list("field", flat=True)
    )
    for c in Correction.objects.filter(content_type=ct, object_id=gone.pk, active=True).exclude(field__in=taken):
        field = QuestionSet._meta.get_field(c.field)
        setattr(kept, field.attname, field.to_python(c.corrected_value) if c.corrected_value != "" else None)
    Correction.objects.filter(content_type=ct, object_id=gone.pk).exclude(field__in=taken).update(object_id=kept.pk)
    overdue_days = StatusChange.objects.filter(content_type=ct, object_id=kept.pk, event=StatusChange.Event.OVERDUE)
    StatusChange.objects.filter(
        content_type=ct, object_id=gone.pk, event=StatusChange.Event.OVERDUE, on__in=overdue_days.values("on")
    ).delete()
    StatusChange.objects.filter(content_type=ct, object_id=gone.pk).update(object_id=kept.pk)
    _forget(gone)
    gone.delete()
    kept.compute_due_dates()
    kept.save()


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class Said:
    value: object
    source: str


FIELDS = ("submitted", "received", "postponed_on")


def open_data_said(zaken: list[OpenDataZaak]) -> dict[str, dict[str, Said]]:
    """Per Zaak (by Id), when the open data has its set asked (GestartOp), answered (its first
    answer) and postponed (its first notice): one query for all their documents."""
    docs: dict[str, list[OpenDataDocument]] = {}
    for d in OpenDataDocument.objects.filter(
        zaak_guid__in=[z.guid for z in zaken], deleted=False, soort__in=[ANSWER, POSTPONEMENT]
    ):
        docs.setdefault(d.zaak_guid, []).append(d)

    def first(rows: list[OpenDataDocument], soort: str) -> Said:
        dated = sorted(
            ((d.received_on or d.date), d.number) for d in rows if d.soort == soort and (d.received_on or d.date)
        )
        return Said(dated[0][0], f"document {dated[0][1]}") if dated else Said(None, "")

    return {
        z.guid: {
            "submitted": Said(z.started_on, f"zaak {z.number}"),
            "received": first(docs.get(z.guid, []), ANSWER),
            "postponed_on": first(docs.get(z.guid, []), POSTPONEMENT),
        }
        for z in zaken
    }


def papers_say(qs: QuestionSet) -> dict[str, Said]:
    """The same three dates as the set's papers print them (None where no paper says)."""
    docs = [d for d in (qs.question_document, qs.answer_document) if d is not None]
    notices = (
        list(Postponement.objects.filter(question_set=qs).select_related("document").order_by("date", "pk"))
        if (docs or qs.postponed_on)
        else []
    )
    submitted = Said(None, "")
    for d in docs + [p.document for p in notices]:
        day = (d.parsed or {}).get("submitted")
        if day:
            submitted = Said(_day(day), d.label)
            break
    answer = qs.answer_document
    received = (
        Said(answer.date or _day((answer.parsed or {}).get("received")), answer.label) if answer else Said(None, "")
    )
    dated = [p for p in notices if p.date]
    postponed = Said(dated[0].date, dated[0].document.label) if dated else Said(None, "")
    return {"submitted": submitted, "received": received, "postponed_on": postponed}


def _day(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else value


def apply_open_data(zaak: OpenDataZaak, said: dict[str, Said], corrected: set[str], queued: bool) -> None:
    """The open data's dates where no paper says otherwise (never over a staff correction, ``corrected``
    the set's corrected fields); the differences queued (``queued``: it has open ones already)."""
    qs = zaak.question_set
    papers = papers_say(qs)
    before = {f: getattr(qs, f) for f in FIELDS}
    for f in FIELDS:
        if papers[f].value is None:
            apply_parser_value(qs, f, said[f].value, corrected)
    if papers["received"].value is None:
        apply_parser_value(qs, "first_received", said["received"].value, corrected)
    if any(getattr(qs, f) != before[f] for f in FIELDS):
        qs.compute_due_dates()
        qs.save()
        note = f"volgens de open data ({zaak.number})"
        if qs.received and not before["received"]:
            lifecycle.log(qs, StatusChange.Event.ANSWERED, "", qs.received, on=qs.received, note=note)
        if qs.postponed_on and not before["postponed_on"]:
            lifecycle.log(qs, StatusChange.Event.POSTPONED, "", "", on=qs.postponed_on, note=note)
    reconcile.record_differences(qs, said, papers, queued)
