"""Question sets: finding the stored set a paper is about, and storing its
askers, addressees, questions, answers and requests.

A set is found by its Aanhangsel number, by a "Zie ook" paper, by the paper
itself, or by askers and the submitted date the paper prints (with a subject
that shares words). Identity is matched on what papers say: a set whose
submitted date or subject staff corrected is compared by the parser's value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q

from documents.models import Document
from documents.parsing.model import ParsedDocument
from tracker.domain import commitment_index
from tracker.domain.identity import label_numbers, similarity
from tracker.ingest.corrected import parser_value_sql, retire
from tracker.ingest.people import get_office, get_party, get_person, note_memberships
from tracker.ingest.rows import is_new
from tracker.ingest.unit import UnitOfWork
from tracker.models import (
    Answer,
    Asker,
    Correction,
    Office,
    Person,
    Postponement,
    Question,
    QuestionSet,
    Request,
    StatusChange,
)

#: a paper and a stored set of the same day and askers are one set only when their subjects share
#: this share of their words (identity.similarity): members often send several sets on one day
SAME_SUBJECT = 0.3

WRITTEN_KINDS = ("written_questions", "written_consultation")


def _label(number: str) -> str:
    return re.sub(r"\s+", " ", number).strip()


# --- finding the stored set ------------------------------------------------------------------


def _answered_in(doc: Document) -> Q:
    """The sets with an answer in ``doc``, as a list of ids read first: an OR
    over the answers join cannot use an index and scanned every set
    (BENCHMARKS.md: 20 ms a lookup at 20,000 sets); the ids keep it an
    index lookup on each column."""
    return Q(pk__in=list(Answer.objects.filter(document=doc).values_list("question_set_id", flat=True).distinct()))


def find_question_set(doc: Document | None, parsed: ParsedDocument) -> QuestionSet | None:
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
            qs = sets.filter(
                Q(pk__in=list(postponed)) | Q(answer_document=other) | _answered_in(other) | Q(question_document=other)
            ).first()
            if qs:
                return qs
    if parsed.submitted:
        return _asked_on_the_day(parsed)
    return None


def _asked_on_the_day(parsed: ParsedDocument) -> QuestionSet | None:
    """The set submitted on the paper's date by the same members (or by no
    member the tracker knows) about the same subject. One statement, written
    out (the ORM took ~6 ms of CPU to build it, more than the database took to
    answer it): the date and the subject as the parser read them for each
    stored set, the askers compared in the database (a day has ~140 sets at
    1,000,000)."""
    names = sorted({a.name.strip().lower() for a in parsed.askers if a.name})
    q, day, sets = connection.ops.quote_name, parsed.submitted, QuestionSet._meta.db_table
    asker, person, correction = (q(m._meta.db_table) for m in (Asker, Person, Correction))
    ct = ContentType.objects.get_for_model(QuestionSet).pk
    said = parser_value_sql("c")
    same = (
        (
            f"EXISTS (SELECT 1 FROM {asker} k JOIN {person} p ON p.id = k.person_id WHERE k.question_set_id = s.id "
            f"AND LOWER(p.name) IN ({', '.join(['%s'] * len(names))}))"
        )
        if names
        else "FALSE"
    )
    sql = (
        f"SELECT s.*, {same} AS same_askers, "
        f"(SELECT {said} FROM {correction} c WHERE c.content_type_id = %s AND c.object_id = s.id "
        f"AND c.field = 'subject' AND c.active LIMIT 1) AS parser_subject "
        f"FROM {q(sets)} s WHERE s.kind = 'written_questions' AND s.id IN ("
        f"SELECT d.id FROM {q(sets)} d WHERE d.submitted = %s AND NOT EXISTS (SELECT 1 FROM {correction} c "
        f"WHERE c.content_type_id = %s AND c.object_id = d.id AND c.field = 'submitted' AND c.active) "
        f"UNION SELECT c.object_id FROM {correction} c WHERE c.content_type_id = %s AND c.field = 'submitted' "
        f"AND c.active AND {said} = %s)"
        + (f" AND ({same} OR NOT EXISTS (SELECT 1 FROM {asker} k WHERE k.question_set_id = s.id))" if names else "")
        + " ORDER BY s.submitted DESC, s.id DESC"
    )
    params = [*names, ct, day, ct, ct, day.isoformat(), *names]
    best, best_score = None, 0.0
    for c in QuestionSet.objects.raw(sql, params):
        subject = c.subject if c.parser_subject is None else c.parser_subject
        same_subject = similarity(subject, parsed.title or "")
        if subject and parsed.title and same_subject < SAME_SUBJECT:
            continue  # the same members, another set of the same day
        score = (1.0 if c.same_askers else 0.0) + same_subject
        if score > best_score:
            best, best_score = c, score
    return best if best is not None and best_score >= 0.5 else None


# --- storing the set --------------------------------------------------------------------------


def store_question_set(unit: UnitOfWork) -> QuestionSet:
    doc, parsed = unit.doc, unit.parsed
    qs = unit.question_set if unit.set_looked_up else find_question_set(doc, parsed)
    created = qs is None
    if created:
        qs = QuestionSet(kind="written_consultation" if parsed.kind == "written_consultation" else "written_questions")
    values = {"subject": (parsed.title or qs.subject or "")[:5000]}
    if parsed.submitted:
        values["submitted"] = parsed.submitted
    if parsed.kind == "written_questions" and parsed.answers and doc.aanhangsel_number and not qs.aanhangsel_number:
        values["vergaderjaar"] = doc.vergaderjaar
        values["aanhangsel_number"] = doc.aanhangsel_number
    unit.corrections.apply(qs, values)
    if parsed.answers:
        if not parsed.nader or qs.answer_document_id is None:
            qs.answer_document = doc
    elif qs.question_document_id is None:
        qs.question_document = doc
    if created and parsed.answers:  # every answer is in this paper: known before the set is written
        qs.first_received, qs.received = _answered_on(doc, parsed)
    qs.compute_due_dates()
    if created:
        unit.rows.add(qs)
    else:
        qs.save()
    if created and qs.received:
        unit.record(qs, StatusChange.Event.ANSWERED, qs.received, on=qs.received)
    unit.question_set, unit.new_set, unit.subject = qs, created, qs.subject

    store_asked(unit, qs, new_set=created)
    if not parsed.addressed_to and parsed.answers and (created or not qs.addressed_to.exists()):
        address(unit, qs, unit.ministers_offices, new_set=created)  # answer papers without "aan de …": their offices

    store_questions(unit, qs, keep_missing=bool(parsed.answers) and parsed.nader)
    store_answers(unit, qs)
    if not created:
        update_answered(unit, qs)
    return qs


def address(unit: UnitOfWork, qs: QuestionSet, offices: Iterable[Office], new_set: bool) -> None:
    """The offices the set is addressed to (a new set's with the paper's new rows)."""
    offices = list(offices)
    if new_set:  # nothing to compare with
        through = QuestionSet.addressed_to.through
        unit.rows.extend(through(questionset_id=qs.pk, office_id=pk) for pk in dict.fromkeys(o.pk for o in offices))
    else:
        qs.addressed_to.set(offices)


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


def _answered_on(doc: Document, parsed: ParsedDocument) -> tuple[dt.date | None, dt.date | None]:
    """(first received, received) of a new set whose answers are all in ``doc``:
    update_answered's rule without the queries (a partial answer leaves it open)."""
    questions = [_label(q.number) for q in parsed.questions]
    covers = answered_by(questions)
    covered = set().union(*(covers(_label(a.number)) for a in parsed.answers))
    unanswered = bool(set(questions) - covered)
    unanswered = unanswered or parsed.partial and not parsed.nader
    day = doc.date or parsed.received
    return day, (None if unanswered else day)


def store_asked(unit: UnitOfWork, qs: QuestionSet, new_set: bool = False) -> None:
    """Who asked and to whom, where the paper says so."""
    parsed = unit.parsed
    if parsed.askers:
        store_askers(unit, qs, new_set)
    if parsed.addressed_to:
        address(unit, qs, [o for o in (get_office(unit, t) for t in parsed.addressed_to) if o], new_set)


def store_askers(unit: UnitOfWork, qs: QuestionSet, new_set: bool = False) -> None:
    parsed = unit.parsed
    existing = {} if new_set else {a.person_id: a for a in qs.askers.all()}
    seen, new, changed_party, moved = [], [], [], []
    for i, a in enumerate(parsed.askers):
        person = get_person(unit, a.name)
        if person is None or person.pk in seen:
            continue
        party = get_party(unit, a.party)
        row = existing.get(person.pk)
        party_changed = row is None or row.party_id != (party.pk if party else None)
        if row is None:
            new.append(Asker(question_set=qs, person=person, party=party, position=i))
        elif party_changed or row.position != i:
            moved.append((row, {"party": party, "position": i}))
        if party_changed:  # the party this member sat for then
            changed_party.append((person, party))
        seen.append(person.pk)
    unit.corrections.load(row for row, _ in moved)
    for row, values in moved:
        if unit.corrections.apply(row, values):
            row.save(update_fields=["party", "position"])
    unit.rows.extend(new)
    unit.askers = [*new, *(row for person, row in existing.items() if person in seen)]
    if new and not new_set:  # bulk writes send no signals: the set's commitments list their askers' parties
        commitment_index.touch(question_sets=[qs.pk])
    note_memberships(unit, changed_party, parsed.submitted)
    if set(existing) - set(seen):
        qs.askers.exclude(person_id__in=seen).delete()


def store_questions(unit: UnitOfWork, qs: QuestionSet, keep_missing: bool) -> None:
    parsed = unit.parsed
    existing = {} if unit.new_set else {q.label: q for q in qs.questions.all()}
    unit.corrections.load(existing.values())
    out: dict[str, Question] = {}
    new: list[Question] = []
    for i, pq in enumerate(parsed.questions):
        label = _label(pq.number)
        q = existing.get(label)
        if q is None:
            q = Question(question_set=qs, label=label, position=i, text=pq.text, party=pq.party or "")
            new.append(q)
        else:
            changed = unit.corrections.apply(q, {"text": pq.text, "party": pq.party or "", "position": i})
            if q.retired:
                q.retired, changed = False, changed + ["retired"]
            if changed:
                q.save()
        out[label] = q
    unit.rows.extend(new)
    if parsed.questions and not keep_missing:
        for label, q in existing.items():
            if label not in out and not q.retired:
                retire(q, unit.corrections, parent_set=qs)
    unit.questions = out | {k: v for k, v in existing.items() if k not in out}


def store_answers(unit: UnitOfWork, qs: QuestionSet) -> None:
    """Answers by label; each linked to the questions its label names ("2 en 3")."""
    doc, parsed, questions = unit.doc, unit.parsed, unit.questions
    existing = (
        {} if unit.new else {a.label: a for a in Answer.objects.filter(document=doc).prefetch_related("questions")}
    )
    unit.corrections.load(existing.values())
    covers = answered_by(questions)
    wanted_links: dict[str, set[int]] = {}
    new: list[Answer] = []
    for i, pa in enumerate(parsed.answers):
        label = _label(pa.number)
        a = existing.get(label)
        if a is None:
            new.append(Answer(question_set=qs, document=doc, label=label, position=i, text=pa.text, nader=parsed.nader))
        else:
            changed = unit.corrections.apply(a, {"text": pa.text, "position": i, "nader": parsed.nader})
            if a.retired:
                a.retired, changed = False, changed + ["retired"]
            if changed:
                a.save()
        wanted_links[label] = {questions[q].pk for q in covers(label)}
    unit.rows.extend(new)
    Link = Answer.questions.through
    unit.rows.extend(Link(answer_id=a.pk, question_id=q) for a in new for q in sorted(wanted_links[a.label]))
    links = []
    for a in (existing[label] for label in wanted_links if label in existing):
        have = {q.pk for q in a.questions.all()}
        want = wanted_links[a.label]
        if have != want:
            if have:
                Link.objects.filter(answer_id=a.pk).exclude(question_id__in=want).delete()
            links += [Link(answer_id=a.pk, question_id=q) for q in want - have]
    Link.objects.bulk_create(links, ignore_conflicts=True)
    for label, a in existing.items():
        if label not in wanted_links and not a.retired:
            retire(a, unit.corrections, parent_set=qs)
    unit.answers = {**existing, **{a.label: a for a in new}}


def update_answered(unit: UnitOfWork, qs: QuestionSet) -> None:
    """A set is answered when every question has an answer (a partial answer
    leaves the rest open; a "nader" answer completes them)."""
    parsed = unit.parsed
    if not parsed.answers:
        return
    unit.rows.flush()  # the paper's questions, answers and links are read back
    live_questions = qs.questions.filter(retired=False)
    unanswered = live_questions.filter(answers__isnull=True).exists() or parsed.partial and not parsed.nader
    answered_dates = list(
        Answer.objects.filter(question_set=qs, retired=False).values_list("document__date", flat=True)
    )
    answered_dates = [d for d in answered_dates if d]
    first = min(answered_dates) if answered_dates else parsed.received
    received = None if unanswered else (max(answered_dates) if answered_dates else parsed.received)
    before = qs.received
    changed = unit.corrections.apply(qs, {"first_received": first, "received": received})
    if changed:
        qs.save()
        if "received" in changed and qs.received and not before:
            unit.record(qs, StatusChange.Event.ANSWERED, qs.received, on=qs.received)


# --- requests -----------------------------------------------------------------------------------


def store_requests(unit: UnitOfWork, qs: QuestionSet) -> list[tuple[Request, bool, Answer | None]]:
    """The paper's requests ("Bent u bereid …?"), on their questions. Returns
    the ones answered yes or partly, with whether the request is new and the
    answer that replies to it: each is a commitment
    (``tracker.ingest.commitments.commitments_from_requests``)."""
    parsed = unit.parsed
    by_number: dict[str, Answer] = {}
    for label, a in unit.answers.items():
        for n in label_numbers(label):
            by_number.setdefault(n, a)
    asked = [(pr, unit.questions[pr.question_number]) for pr in parsed.requests if pr.question_number in unit.questions]
    stored = (
        {}
        if unit.new_set
        else {r.question_id: r for r in Request.objects.filter(question__in=[q.pk for _, q in asked])}
    )
    unit.corrections.load(stored.values())
    answered, new = [], []
    for pr, q in asked:
        req = stored.get(q.pk)
        req_new = req is None
        if req_new:
            req = stored[q.pk] = Request(question=q, text=pr.text, reply=pr.reply)
            new.append(req)
        elif unit.corrections.apply(req, {"text": pr.text, "reply": pr.reply}):
            if not is_new(req):
                req.save()
        if req.reply in ("yes", "partial") and parsed.answers:
            answer = unit.answers.get(pr.question_number) or next(
                (by_number[n] for n in label_numbers(pr.question_number) if n in by_number), None
            )
            answered.append((req, req_new, answer))
    unit.rows.extend(new)
    return answered
