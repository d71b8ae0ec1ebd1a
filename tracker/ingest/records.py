"""ParsedDocument → tracker records (question sets, questions, answers,
postponements, commitments, requests, references), upserted by natural keys.

Rules kept here, once:
- a field staff corrected (an active Correction) is never overwritten; the new
  parser value is stored beside the correction (tracker.domain.corrections);
- records that vanished from a new version are retired, unless staff confirmed
  or corrected them: then they are kept and flagged for review;
- a commitment staff deleted as a false find (DismissedFind) does not return;
- a notice attaches to the set it concerns, an answer to its stored set (or
  creates it); a reference resolves to a stored paper, now or when it arrives.
"""
from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import SequenceMatcher
from typing import Iterable, Optional

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from documents.models import Document
from documents.parsing.model import ParsedDocument

from tracker.domain import commitment_index

from tracker.domain import lifecycle
from tracker.domain.corrections import apply_parser_value, corrected_fields, corrected_fields_many
from tracker.domain.identity import label_numbers, normalize_sentence, sentence_hash, similarity
from tracker.models import (
    Answer, Asker, Commitment, DismissedFind, FulfilmentStatement, FulfilmentSuggestion, MinisterRole, Ministry,
    Office, Party, Person, Postponement, Question, QuestionSet, Reference, Request, StatusChange,
)
from tracker.rules.posts import ministry_for_post
from tracker.rules.review_date import review_date_for

# Re-dating cues: a later letter saying the promise cannot be kept on time.
REDATE_CUE = re.compile(
    r"niet mogelijk gebleken|later dan (?:toegezegd|voorzien|gepland)|vertraging|uitgesteld|"
    r"meer tijd (?:nodig|vergt)|niet (?:eerder|tijdig) (?:dan|kunnen|mogelijk)|ik verwacht u",
    re.IGNORECASE,
)


# --- people, parties, offices ------------------------------------------------

#: lookups made while one paper is stored (one transaction): an office named
#: in the header, the addressees and every commitment is fetched once
_memo: ContextVar[Optional[dict]] = ContextVar("records_memo", default=None)


#: people, parties and offices known to a run of many papers (``lookups()``):
#: a paper's lookups join it when its transaction commits, never before (a
#: rolled-back paper's new rows do not exist)
_run: ContextVar[Optional[dict]] = ContextVar("records_run", default=None)
SHARED_KINDS = ("office", "person", "party")


@contextmanager
def lookups():
    """Share people, parties and offices between the papers stored inside
    (``ingest_paths`` does): a run of 1,000 papers by the same ministers and
    members looks each up once, not once a paper."""
    if _run.get() is not None:
        yield
        return
    token = _run.set({})
    try:
        yield
    finally:
        _run.reset(token)


def begin_lookups() -> None:
    """``lookups()`` for the rest of this process (a worker that stores papers until it ends)."""
    if _run.get() is None:
        _run.set({})


def knows_lookups() -> bool:
    """True inside ``lookups()`` once a committed paper taught it something."""
    return bool(_run.get())


def forget_lookups() -> None:
    """Drop what the current run knows (a row it knew was deleted meanwhile)."""
    run = _run.get()
    if run is not None:
        run.clear()


def _share_on_commit(memo: dict) -> None:
    run = _run.get()
    if run is None:
        return
    shared = {key: value for key, value in memo.items() if key[0] in SHARED_KINDS and value is not None}
    transaction.on_commit(lambda: run.update(shared))


def _memoized(kind: str, key: str, fetch):
    memo = _memo.get()
    if memo is None:
        return fetch()
    if (kind, key) not in memo:
        run = _run.get()
        known = run.get((kind, key)) if run is not None else None
        memo[(kind, key)] = known if known is not None else fetch()
    return memo[(kind, key)]

def ministry_of(office_title: str) -> Optional[str]:
    """"Minister van Buitenlandse Zaken" → "Buitenlandse Zaken"; a post named
    "Minister voor X" by the table in tracker/rules/posts.py (staff correct it)."""
    m = re.match(r"(?:Minister|Staatssecretaris)\s+van\s+(.+)$", office_title or "", re.I)
    if m:
        return m.group(1).strip()
    return ministry_for_post(office_title)


def get_office(title: Optional[str]) -> Optional[Office]:
    title = re.sub(r"\s+", " ", (title or "")).strip()
    if not title:
        return None
    title = title[0].upper() + title[1:]
    return _memoized("office", title, lambda: _fetch_office(title))


def _fetch_office(title: str) -> Office:
    office, created = Office.objects.get_or_create(title=title)
    if created or office.ministry_id is None:
        name = ministry_of(title)
        if name:
            office.ministry, _ = Ministry.objects.get_or_create(name=name)
            office.save(update_fields=["ministry"])
    return office


def get_person(name: Optional[str]) -> Optional[Person]:
    name = re.sub(r"\s+", " ", (name or "")).strip()
    if not name:
        return None
    return _memoized("person", name, lambda: _fetch_person(name))


def _split_name(name: str) -> tuple[str, str]:
    """"J.A.M. Hendriks" → ("J.A.M.", "Hendriks"): a person is stored by surname."""
    m = re.match(r"^((?:[A-Z][a-z]?\.)+)\s*(.+)$", name)
    return (m.group(1), m.group(2)) if m else ("", name)


def _fetch_person(name: str) -> Person:
    initials, surname = _split_name(name)
    person, created = Person.objects.get_or_create(name=surname, defaults={"initials": initials})
    if initials and not person.initials:
        person.initials = initials
        person.save(update_fields=["initials"])
    return person


def get_party(name: Optional[str]) -> Optional[Party]:
    name = (name or "").strip()
    if not name:
        return None
    return _memoized("party", name, lambda: Party.objects.get_or_create(name=name)[0])


def preload_people(parsed: ParsedDocument) -> None:
    """The paper's stored people and parties in one query each, for get_person
    and get_party (a get_or_create each was two to four round trips a name).
    New ones, and people whose initials are still to be filled in, are left
    to get_person."""
    memo, run = _memo.get(), _run.get() or {}
    if memo is None:
        return
    wanted: dict[str, tuple[str, str]] = {}
    for raw in [a.name for a in parsed.askers] + [m.name for m in parsed.ministers]:
        name = re.sub(r"\s+", " ", (raw or "")).strip()
        if name and ("person", name) not in memo and ("person", name) not in run:
            wanted[name] = _split_name(name)
    if wanted:
        found = {p.name: p for p in Person.objects.filter(name__in={surname for _, surname in wanted.values()})}
        for name, (initials, surname) in wanted.items():
            person = found.get(surname)
            if person is not None and (person.initials or not initials):
                memo[("person", name)] = person
    parties = {(a.party or "").strip() for a in parsed.askers} - {""}
    parties = {p for p in parties if ("party", p) not in memo and ("party", p) not in run}
    if parties:
        for party in Party.objects.filter(name__in=parties):
            memo[("party", party.name)] = party


def note_memberships(pairs: list[tuple[Person, Optional[Party]]], on: Optional[dt.date]) -> None:
    """Remember that each person sat for their party on ``on`` (party over
    time): one query for what is known, one insert for what is new."""
    from tracker.models import Membership

    pairs = [(person, party) for person, party in pairs if party is not None]
    if not pairs:
        return
    known: dict[tuple[int, int], Membership] = {}
    for row in Membership.objects.filter(person__in={p.pk for p, _ in pairs}, party__in={q.pk for _, q in pairs}):
        known.setdefault((row.person_id, row.party_id), row)
    new = []
    for person, party in pairs:
        row = known.get((person.pk, party.pk))
        if row is None:
            row = known[(person.pk, party.pk)] = Membership(person=person, party=party, start=on, end=on)
            new.append(row)
            continue
        if on and row.pk:
            changed = False
            if row.start is None or on < row.start:
                row.start, changed = on, True
            if row.end is not None and on > row.end:
                row.end, changed = on, True
            if changed:
                row.save(update_fields=["start", "end"])
    Membership.objects.bulk_create(new)


# --- the entry point -----------------------------------------------------------

def store(doc: Document, parsed: ParsedDocument, question_set: Optional[QuestionSet] = None,
          new: bool = False, looked_up: bool = False) -> None:
    """Store what ``parsed`` says about ``doc`` (inside the caller's
    transaction). ``new``: ``doc`` was inserted just now, so nothing hangs
    from it yet. ``looked_up``: find_stored_version already looked for this
    paper's set and found ``question_set`` (or none), so it is not looked up
    twice."""
    token = _memo.set({"new": new})
    try:
        if looked_up:
            _remember(("question_set", doc.pk), question_set)
        preload_people(parsed)
        with commitment_index.batch():
            _store(doc, parsed)
        _share_on_commit(_memo.get())
    finally:
        _memo.reset(token)


def _is_new() -> bool:
    return bool((_memo.get() or {}).get("new"))


def _known_set(doc: Document, parsed: ParsedDocument) -> Optional[QuestionSet]:
    memo = _memo.get() or {}
    key = ("question_set", doc.pk)
    if key in memo:
        return memo[key]
    return find_question_set(doc, parsed)


def _store(doc: Document, parsed: ParsedDocument) -> None:
    roles = store_minister_roles(doc, parsed)
    store_references(doc, parsed)
    store_fulfilment_statements(doc, parsed)
    answer_by_label: dict[str, Answer] = {}
    qs = None
    if parsed.kind in ("written_questions", "written_consultation"):
        qs = store_question_set(doc, parsed)
        _remember(("subject", doc.pk), qs.subject if qs else None)
        known = _remembered(("answers", doc.pk))
        answer_by_label = known if known is not None else (
            {a.label: a for a in qs.answers.filter(document=doc)} if qs else {})
    elif parsed.kind == "notice":
        store_notice(doc, parsed)
    store_commitments(doc, parsed, answer_by_label, roles)
    if parsed.kind in ("written_questions", "written_consultation") and qs:
        store_requests(doc, parsed, qs, answer_by_label, roles)
    # bulk writes send no signals: the commitments' search text and parties for all this paper touched
    # (a new paper without commitments, of a new set or none, touched none)
    new_set = qs is None or _remembered(("new_set", qs.pk))
    if _is_new():  # its commitments are the ones it made; an older set's may list new askers
        commitment_index.touch(fresh=[c.pk for c in _made_here()], question_sets=[] if new_set else [qs.pk])
    else:
        commitment_index.touch(documents=[doc.pk], question_sets=[qs.pk] if qs else [])
    suggest_fulfilments_by(doc)
    suggest_fulfilments_for(doc)


def store_minister_roles(doc: Document, parsed: ParsedDocument) -> dict[str, Optional[Office]]:
    if not _is_new():
        doc.minister_roles.all().delete()
    answering: Optional[Office] = None
    rows = []
    for i, m in enumerate(parsed.ministers):
        office = get_office(m.office)
        rows.append(MinisterRole(document=doc, person=get_person(m.name), office=office, role=m.role, position=i))
        if m.role in ("answerer", "signatory") and answering is None:
            answering = office
    MinisterRole.objects.bulk_create(rows)
    _remember(("offices", doc.pk), {r.office_id for r in rows if r.office_id})
    return {"answering": answering}


def _remember(key, value) -> None:
    """Keep what this paper just wrote (its roles, references, statements, questions, answers)
    for the steps after, so they need not read it back."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def _remembered(key):
    return (_memo.get() or {}).get(key)


def store_references(doc: Document, parsed: ParsedDocument) -> None:
    wanted = {(r.dossier, str(r.number)) for r in parsed.references
              if not (r.dossier == doc.dossier and str(r.number) == doc.number)}
    existing = {} if _is_new() else {(r.dossier, r.number): r for r in doc.references.all()}
    for key in set(existing) - wanted:
        existing[key].delete()
    new = wanted - set(existing)
    targets = {}
    if new:
        cited = Q()
        for dossier, number in new:
            cited |= Q(dossier=dossier, number=number)
        targets = {(d.dossier, d.number): d.pk for d in Document.objects.filter(cited).exclude(pk=doc.pk)
                   .only("pk", "dossier", "number")}
        Reference.objects.bulk_create([Reference(source_document=doc, dossier=d, number=n,
                                                 target_id=targets.get((d, n))) for d, n in sorted(new)])
    if _is_new():
        _remember(("cited", doc.pk), set(targets.values()))
    if doc.dossier and doc.number:
        # papers that cited this one before it arrived
        Reference.objects.filter(dossier=doc.dossier, number=doc.number, target__isnull=True).exclude(
            source_document=doc).update(target=doc)


def store_fulfilment_statements(doc: Document, parsed: ParsedDocument) -> None:
    if not _is_new():
        doc.fulfilment_statements.all().delete()
    FulfilmentStatement.objects.bulk_create(
        [FulfilmentStatement(document=doc, text=f.text) for f in parsed.fulfilments])
    _remember(("statements", doc.pk), [f.text for f in parsed.fulfilments])


# --- question sets ---------------------------------------------------------------

def _surnames(parsed: ParsedDocument) -> set[str]:
    return {a.name.strip().lower() for a in parsed.askers if a.name}


def find_stored_version(parsed: ParsedDocument) -> tuple[Optional[Document], Optional[QuestionSet]]:
    """A stored paper this one is a new version of, for papers without a
    number of their own (text copied without its header): the same set's
    question or answer paper, the same notice, the same dated letter. Also
    the question set found on the way (for ``store``)."""
    if parsed.kind in ("written_questions", "notice"):
        qs = find_question_set(None, parsed)
        if qs is None:
            return None, None
        if parsed.kind == "notice":
            p = qs.postponements.filter(date=parsed.date).select_related("document").first()
            return (p.document if p else None), qs
        if parsed.answers:
            answer_doc = qs.answer_document
            same_day = answer_doc is not None and answer_doc.date == parsed.date
            return (answer_doc if same_day else None), qs
        return qs.question_document, qs
    if parsed.kind == "letter" and parsed.date and parsed.title:
        return Document.objects.filter(kind="letter", date=parsed.date, title=parsed.title).first(), None
    return None, None


def _answered_in(doc: Document) -> Q:
    """The sets with an answer in ``doc``, as a list of ids read first: an OR
    over the answers join cannot use an index and scanned every set
    (BENCHMARKS.md: 20 ms a lookup at 20,000 sets); the ids keep it an
    index lookup on each column."""
    return Q(pk__in=list(Answer.objects.filter(document=doc).values_list("question_set_id", flat=True).distinct()))


#: a paper and a stored set of the same day and askers are one set only when their subjects share
#: this share of their words (identity.similarity): members often send several sets on one day
SAME_SUBJECT = 0.3


def find_question_set(doc: Optional[Document], parsed: ParsedDocument) -> Optional[QuestionSet]:
    """The set this paper is about: by Aanhangsel number, by a "Zie ook"
    paper (its notice or earlier answer), by the paper itself, or by askers +
    submitted date (+ subject)."""
    sets = QuestionSet.objects.all()
    if doc is not None and doc.pk:
        if parsed.kind == "written_consultation":
            return sets.filter(Q(question_document=doc) | Q(answer_document=doc)).first()
        qs = sets.filter(Q(question_document=doc) | Q(answer_document=doc) | _answered_in(doc)).first()
        if qs:
            return qs
    elif parsed.kind == "written_consultation":
        return None
    doc_vj = doc.vergaderjaar if doc is not None else parsed.vergaderjaar
    doc_nr = doc.aanhangsel_number if doc is not None else (parsed.number if not parsed.dossier else None)
    if parsed.kind == "written_questions" and doc_nr and parsed.answers:
        qs = sets.filter(vergaderjaar=doc_vj or "", aanhangsel_number=doc_nr).first()
        if qs:
            return qs
    for see in parsed.see_also:
        other = Document.objects.filter(vergaderjaar=see.vergaderjaar, aanhangsel_number=see.number).first()
        if other:
            postponed = Postponement.objects.filter(document=other).values_list("question_set_id", flat=True)
            qs = sets.filter(Q(pk__in=list(postponed)) | Q(answer_document=other) | _answered_in(other)
                             | Q(question_document=other)).first()
            if qs:
                return qs
    if parsed.submitted:
        names = _surnames(parsed)
        candidates = list(sets.filter(kind="written_questions", submitted=parsed.submitted))
        askers: dict[int, set[str]] = {c.pk: set() for c in candidates}
        if candidates:
            for set_id, name in Asker.objects.filter(question_set__in=list(askers)).values_list(
                    "question_set_id", "person__name"):
                askers[set_id].add(name.lower())
        best, best_score = None, 0.0
        for c in candidates:
            theirs = askers[c.pk]
            if names and theirs and not (names & theirs):
                continue
            same_subject = similarity(c.subject, parsed.title or "")
            if c.subject and parsed.title and same_subject < SAME_SUBJECT:
                continue  # the same members, another set of the same day
            score = (1.0 if names & theirs else 0.0) + same_subject
            if score > best_score:
                best, best_score = c, score
        if best is not None and best_score >= 0.5:
            return best
    return None


def _set_fields(obj, values: dict, corrected: set[str]) -> list[str]:
    changed = []
    for field, value in values.items():
        if apply_parser_value(obj, field, value, corrected):
            changed.append(field)
    return changed


def store_question_set(doc: Document, parsed: ParsedDocument) -> Optional[QuestionSet]:
    qs = _known_set(doc, parsed)
    created = qs is None
    if created:
        qs = QuestionSet(kind="written_consultation" if parsed.kind == "written_consultation" else "written_questions")
    corrected = corrected_fields(qs)
    values = {"subject": (parsed.title or qs.subject or "")[:5000]}
    if parsed.submitted:
        values["submitted"] = parsed.submitted
    if parsed.kind == "written_questions" and parsed.answers and doc.aanhangsel_number and not qs.aanhangsel_number:
        values["vergaderjaar"] = doc.vergaderjaar
        values["aanhangsel_number"] = doc.aanhangsel_number
    _set_fields(qs, values, corrected)
    if parsed.answers:
        if not parsed.nader or qs.answer_document_id is None:
            qs.answer_document = doc
    elif qs.question_document_id is None:
        qs.question_document = doc
    if created and parsed.answers:  # every answer is in this paper: known before the set is written
        qs.first_received, qs.received = _answered_on(doc, parsed)
    qs.compute_due_dates()
    qs.save()
    if created and qs.received:
        lifecycle.log(qs, StatusChange.Event.ANSWERED, "", qs.received, on=qs.received, evidence=doc)

    store_asked(qs, parsed, new_set=created)
    if not parsed.addressed_to and parsed.answers and not qs.addressed_to.exists():
        # answer papers without "aan de …": the answering offices
        qs.addressed_to.set([r.office for r in doc.minister_roles.all() if r.office_id])

    questions = store_questions(qs, parsed, keep_missing=bool(parsed.answers) and parsed.nader, new_set=created)
    _remember(("questions", qs.pk), questions)  # for store_requests: no second look at what was just written
    _remember(("new_set", qs.pk), created)
    store_answers(qs, doc, parsed, questions)
    if not created:
        update_answered(qs, doc, parsed, corrected)
    return qs


def _labels(numbers: Iterable[str]) -> list[str]:
    return [re.sub(r"\s+", " ", n).strip() for n in numbers]


def answered_by(question_labels: Iterable[str]):
    """The rule linking an answer to the questions it covers: its own label
    ("2") and the numbers its label names ("2 en 3"; a number belongs to the
    first question that has it). Returns answer label → question labels."""
    labels = list(question_labels)
    by_number: dict[str, str] = {}
    for label in labels:
        for n in label_numbers(label):
            by_number.setdefault(n, label)

    def covers(answer_label: str) -> set[str]:
        covered = {by_number[n] for n in label_numbers(answer_label) if n in by_number}
        return covered | ({answer_label} if answer_label in labels else set())
    return covers


def _answered_on(doc: Document, parsed: ParsedDocument) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """(first received, received) of a new set whose answers are all in ``doc``:
    update_answered's rule without the queries (a partial answer leaves it open)."""
    questions = _labels(q.number for q in parsed.questions)
    covers = answered_by(questions)
    covered = set().union(*(covers(label) for label in _labels(a.number for a in parsed.answers)))
    unanswered = bool(set(questions) - covered)
    unanswered = unanswered or parsed.partial and not parsed.nader
    day = doc.date or parsed.received
    return day, (None if unanswered else day)


def store_asked(qs: QuestionSet, parsed: ParsedDocument, new_set: bool = False) -> None:
    """Who asked and to whom, where the paper says so."""
    if parsed.askers:
        store_askers(qs, parsed, new_set)
    if parsed.addressed_to:
        offices = [o for o in (get_office(t) for t in parsed.addressed_to) if o]
        if new_set:  # nothing to compare with: one insert
            through = QuestionSet.addressed_to.through
            through.objects.bulk_create([through(questionset_id=qs.pk, office_id=pk)
                                         for pk in dict.fromkeys(o.pk for o in offices)])
        else:
            qs.addressed_to.set(offices)


def store_askers(qs: QuestionSet, parsed: ParsedDocument, new_set: bool = False) -> None:
    existing = {} if new_set else {a.person_id: a for a in qs.askers.all()}
    seen, new, changed_party = [], [], []
    for i, a in enumerate(parsed.askers):
        person = get_person(a.name)
        if person is None or person.pk in seen:
            continue
        party = get_party(a.party)
        row = existing.get(person.pk)
        party_changed = row is None or row.party_id != (party.pk if party else None)
        if row is None:
            new.append(Asker(question_set=qs, person=person, party=party, position=i))
        elif party_changed or row.position != i:
            row.party, row.position = party, i
            row.save(update_fields=["party", "position"])
        if party_changed:  # the party this member sat for then
            changed_party.append((person, party))
        seen.append(person.pk)
    Asker.objects.bulk_create(new)
    if new and not new_set:  # bulk writes send no signals: the set's commitments list their askers' parties
        commitment_index.touch(question_sets=[qs.pk])
    note_memberships(changed_party, parsed.submitted)
    if set(existing) - set(seen):
        qs.askers.exclude(person_id__in=seen).delete()


def store_questions(qs: QuestionSet, parsed: ParsedDocument, keep_missing: bool,
                    new_set: bool = False) -> dict[str, Question]:
    existing = {} if new_set else {q.label: q for q in qs.questions.all()}
    corrected = corrected_fields_many(existing.values())
    out: dict[str, Question] = {}
    new: list[Question] = []
    for i, pq in enumerate(parsed.questions):
        label = re.sub(r"\s+", " ", pq.number).strip()
        q = existing.get(label)
        if q is None:
            q = Question(question_set=qs, label=label, position=i, text=pq.text, party=pq.party or "")
            new.append(q)
        else:
            changed = _set_fields(q, {"text": pq.text, "party": pq.party or "", "position": i}, corrected[q.pk])
            if q.retired:
                q.retired, changed = False, changed + ["retired"]
            if changed:
                q.save()
        out[label] = q
    Question.objects.bulk_create(new)
    if parsed.questions and not keep_missing:
        for label, q in existing.items():
            if label not in out and not q.retired:
                retire(q, qs, corrected[q.pk])
    return out | {k: v for k, v in existing.items() if k not in out}


def retire(obj, parent_set: Optional[QuestionSet] = None, corrected: Optional[set[str]] = None) -> None:
    """A record gone from the new version: retired, or kept and flagged when staff touched it."""
    corrected = corrected_fields(obj) if corrected is None else corrected
    touched = bool(corrected) or getattr(obj, "confirmed", False)
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


def store_answers(qs: QuestionSet, doc: Document, parsed: ParsedDocument, questions: dict[str, Question]) -> None:
    """Answers by label; each linked to the questions its label names ("2 en 3")."""
    existing = {} if _is_new() else {
        a.label: a for a in Answer.objects.filter(document=doc).prefetch_related("questions")}
    corrected = corrected_fields_many(existing.values())
    covers = answered_by(questions)
    wanted_links: dict[str, set[int]] = {}
    new: list[Answer] = []
    for i, pa in enumerate(parsed.answers):
        label = re.sub(r"\s+", " ", pa.number).strip()
        a = existing.get(label)
        if a is None:
            new.append(Answer(question_set=qs, document=doc, label=label, position=i, text=pa.text, nader=parsed.nader))
        else:
            changed = _set_fields(a, {"text": pa.text, "position": i, "nader": parsed.nader}, corrected[a.pk])
            if a.retired:
                a.retired, changed = False, changed + ["retired"]
            if changed:
                a.save()
        wanted_links[label] = {questions[q].pk for q in covers(label)}
    Answer.objects.bulk_create(new)
    Link = Answer.questions.through
    links = []
    for a in [*new, *(existing[label] for label in wanted_links if label in existing)]:
        have = {q.pk for q in a.questions.all()} if a.label in existing else set()
        want = wanted_links[a.label]
        if have != want:
            if have:
                Link.objects.filter(answer_id=a.pk).exclude(question_id__in=want).delete()
            links += [Link(answer_id=a.pk, question_id=q) for q in want - have]
    Link.objects.bulk_create(links, ignore_conflicts=True)
    for label, a in existing.items():
        if label not in wanted_links and not a.retired:
            retire(a, qs, corrected[a.pk])
    # this paper's answers by label, for its commitments and requests
    _remember(("answers", doc.pk), {**existing, **{a.label: a for a in new}})


def update_answered(qs: QuestionSet, doc: Document, parsed: ParsedDocument, corrected: set[str]) -> None:
    """A set is answered when every question has an answer (a partial answer
    leaves the rest open; a "nader" answer completes them)."""
    if not parsed.answers:
        return
    live_questions = qs.questions.filter(retired=False)
    unanswered = live_questions.filter(answers__isnull=True).exists() or parsed.partial and not parsed.nader
    answered_dates = list(Answer.objects.filter(question_set=qs, retired=False).values_list(
        "document__date", flat=True))
    answered_dates = [d for d in answered_dates if d]
    first = min(answered_dates) if answered_dates else parsed.received
    received = None if unanswered else (max(answered_dates) if answered_dates else parsed.received)
    before = qs.received
    changed = _set_fields(qs, {"first_received": first, "received": received}, corrected)
    if changed:
        qs.save()
        if "received" in changed and qs.received and not before:
            lifecycle.log(qs, StatusChange.Event.ANSWERED, "", qs.received, on=qs.received, evidence=doc)


def store_notice(doc: Document, parsed: ParsedDocument) -> None:
    """A postponement notice (or "answered elsewhere") attaches to its set."""
    notice = parsed.notice
    postpones = notice is not None and notice.postpones
    qs = _known_set(doc, parsed)
    if qs is None:  # the notice came first: its set starts here, postponed by it (one write)
        qs = QuestionSet(kind="written_questions", subject=(parsed.title or "")[:5000], submitted=parsed.submitted,
                         postponed_on=(parsed.date or timezone.localdate()) if postpones else None)
        qs.compute_due_dates()
        qs.save()
        store_asked(qs, parsed, new_set=True)
        if postpones:
            Postponement.objects.create(question_set=qs, document=doc, date=parsed.date, expected=notice.expected)
            lifecycle.log(qs, StatusChange.Event.POSTPONED, "", notice.expected or "", on=parsed.date, evidence=doc)
        return
    if not postpones:
        if not _is_new():
            Postponement.objects.filter(document=doc).delete()
    else:
        if _is_new():  # nothing hangs from a new paper yet
            Postponement.objects.create(question_set=qs, document=doc, date=parsed.date, expected=notice.expected)
            created = True
        else:
            created = Postponement.objects.update_or_create(
                question_set=qs, document=doc, defaults={"date": parsed.date, "expected": notice.expected})[1]
        if created:
            lifecycle.log(qs, StatusChange.Event.POSTPONED, "", notice.expected or "", on=parsed.date, evidence=doc)
    first = qs.postponements.exclude(date__isnull=True).order_by("date").values_list("date", flat=True).first()
    if first is None and qs.postponements.exists():
        first = parsed.date or timezone.localdate()
    corrected = corrected_fields(qs)
    values = {"postponed_on": first}
    if parsed.submitted and not qs.submitted:
        values["submitted"] = parsed.submitted
    _set_fields(qs, values, corrected)
    qs.compute_due_dates()
    qs.save()


# --- requests and commitments ------------------------------------------------------

#: "Minister Blok", "Staatssecretaris Van Dam", "de Minister-President Rutte": a post and a surname
_NAMED_MINISTER = re.compile(r"(?:[Dd]e\s+)?(?P<post>Minister(?:-President)?|Staatssecretaris)\s+"
                             r"(?!van\b|voor\b)(?P<name>(?:(?:van|de|der|den|ter|ten|in\s+'t)\s+)*[A-Z][\w'’-]+"
                             r"(?:\s+(?:van|de|der|den)?\s*[A-Z][\w'’-]+)?)")


def _actor_office(actor: Optional[str], roles: dict, when: Optional[dt.date] = None) -> Optional[Office]:
    """The office a commitment's actor holds: an office by title as written
    ("Minister van VWS"); a minister named in the sentence ("Minister Blok
    zal ...") → the office that person held at the paper's date, from the
    papers the tracker already has; else the answering minister's."""
    actor = re.sub(r"\s+", " ", actor or "").strip()
    named = _NAMED_MINISTER.fullmatch(actor)
    if named:
        return office_held(named.group("name"), named.group("post"), when) or roles.get("answering")
    if actor and re.match(r"(Minister|Staatssecretaris)", actor):
        return get_office(actor)
    return roles.get("answering")


def office_held(surname: str, post: str, when: Optional[dt.date]) -> Optional[Office]:
    """The office of the ``post`` ("Minister", "Staatssecretaris") that the
    person named ``surname`` held nearest to ``when``, as the stored papers'
    answerers and signatories show it; None when no paper shows it."""
    surname = re.sub(r"\s+", " ", surname).strip()
    rows = (MinisterRole.objects
            .filter(Q(person__name__iexact=surname) | Q(person__name__iendswith=" " + surname),
                    office__isnull=False, office__title__istartswith=post)
            .order_by("-document__date").values_list("office_id", "document__date"))
    best, best_gap = None, None
    for office_id, date in rows:
        gap = abs((date - when).days) if (date and when) else 10 ** 6
        if best_gap is None or gap < best_gap:
            best, best_gap = office_id, gap
    return Office.objects.filter(pk=best).first() if best else None


def store_requests(doc: Document, parsed: ParsedDocument, qs: QuestionSet, answers: dict[str, Answer],
                   roles: dict) -> None:
    by_number = {}
    for label, a in answers.items():
        for n in label_numbers(label):
            by_number.setdefault(n, a)
    questions = _remembered(("questions", qs.pk)) or {q.label: q for q in qs.questions.all()}
    new_set = _remembered(("new_set", qs.pk))
    for pr in parsed.requests:
        q = questions.get(pr.question_number)
        if q is None:
            continue
        req = None if new_set else Request.objects.filter(question=q).first()
        req_new = req is None
        if req_new:
            req = Request.objects.create(question=q, text=pr.text, reply=pr.reply)
        else:
            if _set_fields(req, {"text": pr.text, "reply": pr.reply}, corrected_fields(req)):
                req.save()
        if req.reply in ("yes", "partial") and parsed.answers:
            answer = answers.get(pr.question_number) or next(
                (by_number[n] for n in label_numbers(pr.question_number) if n in by_number), None)
            commitment_from_request(doc, req, answer, roles, req_new=req_new)


def _made_here() -> list[Commitment]:
    """The commitments this paper stored so far (for a new paper: all it has)."""
    memo = _memo.get()
    return memo.setdefault("made", []) if memo is not None else []


def commitment_from_request(doc: Document, req: Request, answer: Optional[Answer], roles: dict,
                            req_new: bool = False) -> None:
    """A request answered yes (or partly) is a commitment (ANNOTATION.md):
    the promise the answer itself states, where the parser found one, else
    one made from the request. For a new paper what it holds is known
    without asking the database, and so, for a request made just now, which
    commitment has it (an older request of the set may have one from an
    earlier answer)."""
    new_paper = _is_new()
    made = _made_here()
    if any(c.request_id == req.pk for c in made):
        return
    if not req_new and Commitment.objects.filter(request=req).exists():
        return
    if new_paper:
        stated = next((c for c in sorted(made, key=lambda c: c.pk) if answer is not None
                       and c.answer_id == answer.pk and c.request_id is None
                       and not c.rule.startswith("request_answered_")), None)
    else:
        stated = Commitment.objects.filter(source_document=doc, answer=answer, request__isnull=True).exclude(
            rule__startswith="request_answered_").order_by("pk").first() if answer is not None else None
    if stated is not None:
        stated.request = req
        stated.save(update_fields=["request", "updated_at"])
        return
    key = sentence_hash(req.text)
    if not new_paper and DismissedFind.objects.filter(document=doc, kind="commitment", key=key).exists():
        return
    office = roles.get("answering")
    # a plain "Ja" is a sure yes; a yes read from the wording, or a partial yes, waits for staff to confirm
    plain_yes = req.reply == "yes" and answer is not None and re.match(r"\s*Ja\b", answer.text)
    confidence = 0.8 if plain_yes else (0.65 if req.reply == "yes" else 0.6)
    values = {
        "sentence": req.text, "answer": answer, "request": req, "actor": office.title if office else "",
        "actor_office": office, "rule": "request_answered_" + req.reply, "confidence": confidence,
        "review_date": review_date_for(doc.date, timezone.localdate()), "retired": False,
    }
    if new_paper and all(c.sentence_hash != key for c in made):
        text = commitment_index.text_for(req.text, _remembered(("subject", doc.pk)))
        made.append(Commitment.objects.create(source_document=doc, sentence_hash=key, search_text=text, **values))
    else:
        Commitment.objects.update_or_create(source_document=doc, sentence_hash=key, defaults=values)


#: a sentence this close to a stored one in the same answer is the same
#: commitment, edited in a new version (difflib ratio of the normalized text)
SAME_SENTENCE = 0.85


def _closest(text: str, candidates: dict[str, str]) -> Optional[str]:
    """The key of the candidate sentence closest to ``text``, if close enough."""
    norm = normalize_sentence(text)
    best, best_ratio = None, SAME_SENTENCE
    for key, other in candidates.items():
        ratio = SequenceMatcher(None, norm, normalize_sentence(other), autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = key, ratio
    return best


def store_commitments(doc: Document, parsed: ParsedDocument, answers: dict[str, Answer], roles: dict) -> None:
    if _is_new():
        dismissed, existing = {}, {}
    else:
        dismissed = dict(DismissedFind.objects.filter(document=doc, kind="commitment").values_list("key", "text"))
        existing = {c.sentence_hash: c for c in doc.commitments.exclude(rule__startswith="request_answered_")
                    .select_related("answer")}
    parsed_keys = {sentence_hash(p.text) for p in parsed.commitments}
    seen, new = set(), []
    for pc in parsed.commitments:
        key = sentence_hash(pc.text)
        if key in dismissed or key in seen or _closest(pc.text, dismissed):
            continue
        if key not in existing:
            # an edited sentence in a new version updates its record instead of adding one
            same_answer = {k: c.sentence for k, c in existing.items() if k not in seen and k not in parsed_keys
                           and (c.answer.label if c.answer else None) == (pc.answer_number or None)}
            match = _closest(pc.text, same_answer)
            if match:
                c = existing.pop(match)
                c.sentence_hash = key
                existing[key] = c
        seen.add(key)
        if redates_earlier_commitment(doc, parsed, pc):
            continue
        answer = answers.get(pc.answer_number or "")
        values = {
            "sentence": pc.text, "actor": (pc.actor or "")[:250], "actor_office": _actor_office(pc.actor, roles, doc.date),
            "deadline_text": (pc.deadline_text or "")[:250], "due_date": pc.due_date,
            "due_precision": pc.precision or "none", "answer": answer,
        }
        c = existing.get(key)
        if c is None:
            c = Commitment(source_document=doc, sentence_hash=key, rule=pc.rule[:60], confidence=pc.confidence)
            for field, value in values.items():
                setattr(c, field, value)
            c.review_date = None if c.due_date else review_date_for(doc.date, timezone.localdate())
            # its search text now (no update after the insert); its askers' parties once the paper is stored
            c.search_text = commitment_index.text_for(c.sentence, _remembered(("subject", doc.pk)) if answer else None)
            new.append(c)
            continue
        corrected = corrected_fields(c)
        changed = _set_fields(c, values, corrected)
        c.rule, c.confidence = pc.rule[:60], pc.confidence
        if c.retired:
            c.retired = False
        if c.due_date is None and c.review_date is None and "review_date" not in corrected:
            c.review_date = review_date_for(doc.date, timezone.localdate())
        if changed and "due_date" in changed and c.due_date:
            c.overdue_since = None
        c.save()
    # one insert (no signals: records.store refreshes the commitment index for this paper)
    _made_here().extend(Commitment.objects.bulk_create(new))
    for key, c in existing.items():
        if key not in seen and not c.retired:
            retire(c)


# --- re-dating and fulfilment ---------------------------------------------------------

def _cited_documents(doc: Document) -> list[Document]:
    return [r.target for r in doc.references.select_related("target") if r.target_id]


def _candidate_commitments(doc: Document) -> Iterable[Commitment]:
    cited = _cited_documents(doc)
    rows = Commitment.objects.open().exclude(source_document=doc).select_related("source_document")
    if cited:
        return rows.filter(source_document__in=cited)
    return rows.filter(source_document__date__lt=doc.date) if doc.date else rows.none()


def redates_earlier_commitment(doc: Document, parsed: ParsedDocument, pc) -> bool:
    """"Het is niet mogelijk gebleken … Ik verwacht u de brief uiterlijk 30 april
    te doen toekomen": a later paper re-dates an open promise it cites (or,
    without a citation, one of similar wording by the same actor). The history
    keeps both dates (lifecycle.redate)."""
    if parsed.kind != "letter" or not pc.due_date or not REDATE_CUE.search(parsed.body or ""):
        return False
    best, best_score = None, 0.0
    for c in _candidate_commitments(doc):
        score = similarity(c.sentence, pc.text) + similarity(c.sentence, parsed.title or "") * 0.5
        if score > best_score:
            best, best_score = c, score
    if best is None or best_score < 0.3:
        return False
    if best.due_date != pc.due_date and "due_date" not in corrected_fields(best):
        lifecycle.redate(best, pc.due_date, evidence=doc, deadline_text=pc.deadline_text or "",
                         precision=pc.precision or None, note=pc.text[:500])
    return True


def suggest_fulfilments_by(doc: Document) -> None:
    """Suggest stored paper ``doc`` as fulfilling open commitments made before
    it: it cites their paper (or the letter that re-dated them), says "Zoals
    toegezegd" / "voldoe ik aan", shares the actor or the wording."""
    if doc.kind not in ("letter", "written_questions", "written_consultation") or not doc.date:
        return
    cited = _remembered(("cited", doc.pk))
    if cited is None:
        cited = set(r.target_id for r in doc.references.all() if r.target_id)
    statements = _remembered(("statements", doc.pk))
    if statements is None:
        statements = [f.text for f in doc.fulfilment_statements.all()]
    if not cited and not statements:
        return  # the same actor and similar wording alone (at most 0.4) never make a suggestion
    offices = _remembered(("offices", doc.pk))
    if offices is None:
        offices = {r.office_id for r in doc.minister_roles.all() if r.office_id}
    text = " ".join([doc.title, *statements])
    commitment_type = ContentType.objects.get_for_model(Commitment)
    redated_by_cited = set(StatusChange.objects.filter(
        event=StatusChange.Event.REDATED, evidence_id__in=cited, content_type=commitment_type,
    ).values_list("object_id", flat=True))
    redated_here = StatusChange.objects.filter(event=StatusChange.Event.REDATED, evidence=doc,
                                               content_type=commitment_type).values("object_id")
    candidates = Commitment.objects.open().exclude(source_document=doc).exclude(pk__in=redated_here).filter(
        Q(source_document__in=cited) | Q(pk__in=redated_by_cited) | Q(actor_office_id__in=offices),
        source_document__date__lt=doc.date,
    ).exclude(suggestions__document=doc, suggestions__state__in=["confirmed", "rejected"])
    named = _named_by_statements(doc, statements)
    redated_by_named = set(StatusChange.objects.filter(
        event=StatusChange.Event.REDATED, evidence_id__in=named, content_type=commitment_type,
    ).values_list("object_id", flat=True)) if named else set()
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
            commitment=c, document=doc, defaults={"score": round(min(score, 1.0), 2), "reason": ", ".join(reasons)})


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
    return set(Reference.objects.filter(q, source_document=doc, target__isnull=False)
               .values_list("target_id", flat=True))


def suggest_fulfilments_for(doc: Document) -> None:
    """Papers stored before ``doc`` that cite it may keep its promises (papers arrive in any order)."""
    if not (doc.date and doc.dossier and doc.number):
        return  # a reference names a dossier and number: nothing else can be cited
    if not (_made_here() if _is_new() else doc.commitments.exists()):
        return
    for later in Document.objects.filter(references__target=doc, date__gt=doc.date).distinct():
        suggest_fulfilments_by(later)
