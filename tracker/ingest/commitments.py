"""Commitments: the promises a paper states, the requests its answers grant,
and the earlier promises a later letter re-dates.

A commitment's key within its paper is the hash of the sentence the parser
read (``identity.sentence_hash``), kept when staff correct the sentence; an
edited sentence in a new version is matched with what the parser read
before, never with the staff's wording. A commitment staff deleted as a
false find (DismissedFind) does not return. A new paper's commitments are
inserted in one statement, their requests already set.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tracker.domain import commitment_index, lifecycle
from tracker.domain.identity import normalize_sentence, sentence_hash, similarity
from tracker.ingest.corrected import retire
from tracker.ingest.people import get_office, office_held
from tracker.ingest.rows import is_new
from tracker.ingest.unit import UnitOfWork
from tracker.models import Answer, Commitment, DismissedFind, Office, QuestionSet, Request, StatusChange
from tracker.rules.review_date import review_date_for

# Re-dating cues: a later letter saying the promise cannot be kept on time.
REDATE_CUE = re.compile(
    r"niet mogelijk gebleken|later dan (?:toegezegd|voorzien|gepland)|vertraging|uitgesteld|"
    r"meer tijd (?:nodig|vergt)|niet (?:eerder|tijdig) (?:dan|kunnen|mogelijk)|ik verwacht u",
    re.IGNORECASE,
)

#: a sentence this close to a stored one in the same answer is the same
#: commitment, edited in a new version (difflib ratio of the normalized text)
SAME_SENTENCE = 0.85

#: "Minister Blok", "Staatssecretaris Van Dam", "de Minister-President Rutte": a post and a surname
_NAMED_MINISTER = re.compile(
    r"(?:[Dd]e\s+)?(?P<post>Minister(?:-President)?|Staatssecretaris)\s+"
    r"(?!van\b|voor\b)(?P<name>(?:(?:van|de|der|den|ter|ten|in\s+'t)\s+)*[A-Z][\w'’-]+"
    r"(?:\s+(?:van|de|der|den)?\s*[A-Z][\w'’-]+)?)"
)


def _actor_office(unit: UnitOfWork, actor: str | None) -> Office | None:
    """The office a commitment's actor holds: an office by title as written
    ("Minister van VWS"); a minister named in the sentence ("Minister Blok
    zal ...") → the office that person held at the paper's date, from the
    papers the tracker already has; else the answering minister's."""
    actor = re.sub(r"\s+", " ", actor or "").strip()
    named = _NAMED_MINISTER.fullmatch(actor)
    if named:
        key = (named.group("name"), named.group("post"))
        if key not in unit.held:
            unit.held[key] = office_held(*key, unit.doc.date)
        return unit.held[key] or unit.answering
    if actor and re.match(r"(Minister|Staatssecretaris)", actor):
        return get_office(unit, actor)
    return unit.answering


def _closest(text: str, candidates: dict[str, str]) -> str | None:
    """The key of the candidate sentence closest to ``text``, if close enough."""
    norm = normalize_sentence(text)
    best, best_ratio = None, SAME_SENTENCE
    for key, other in candidates.items():
        ratio = SequenceMatcher(None, norm, normalize_sentence(other), autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = key, ratio
    return best


def _search_text(unit: UnitOfWork, c: Commitment) -> str:
    """A new commitment's search text, as the commitment index computes it (no update after the insert)."""
    return commitment_index.text_for(c.sentence, unit.subject if c.answer_id is not None else None)


def _new(unit: UnitOfWork, key: str, values: dict) -> Commitment:
    """A commitment of this paper, inserted with the others by ``save_made``."""
    c = Commitment(source_document=unit.doc, sentence_hash=key, **values)
    c.search_text = _search_text(unit, c)
    unit.made.append(c)
    unit.commitments.append(c)
    return c


#: what a re-dating letter sets on an earlier promise (redates_earlier_commitment)
DATE_FIELDS = ("due_date", "deadline_text", "due_precision")


def redated_elsewhere(unit: UnitOfWork, commitments) -> set[int]:
    """The ids of ``commitments`` whose date another paper set: a StatusChange "redated" with that
    paper as evidence. One query, none for a new paper."""
    ids = [c.pk for c in commitments if c.pk]
    if not ids:
        return set()
    events = StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(Commitment),
        object_id__in=ids,
        event=StatusChange.Event.REDATED,
        evidence__isnull=False,
    ).exclude(evidence=unit.doc)
    return set(events.values_list("object_id", flat=True))


def store_commitments(unit: UnitOfWork) -> None:
    """The promises the parser found, matched to the paper's stored ones by sentence."""
    doc, parsed = unit.doc, unit.parsed
    if unit.new:
        dismissed, existing = {}, {}
    else:
        dismissed = dict(DismissedFind.objects.filter(document=doc, kind="commitment").values_list("key", "text"))
        existing = {
            c.sentence_hash: c
            for c in doc.commitments.exclude(rule__startswith="request_answered_")
            .select_related("answer")
            .order_by("pk")
        }
        unit.corrections.load(existing.values())
    unit.dismissed = set(dismissed)
    unit.commitments = list(existing.values())
    held_by_later_letter = redated_elsewhere(unit, existing.values())
    parsed_keys = {sentence_hash(p.text) for p in parsed.commitments}
    seen: set[str] = set()
    today = timezone.localdate()
    for pc in parsed.commitments:
        key = sentence_hash(pc.text)
        if key in dismissed or key in seen or _closest(pc.text, dismissed):
            continue
        if key not in existing:
            # an edited sentence in a new version updates its record instead of adding one: compared
            # with the sentence the parser read before (staff may have corrected the stored one)
            same_answer = {
                k: unit.corrections.parser_says(c, "sentence", c.sentence)
                for k, c in existing.items()
                if k not in seen
                and k not in parsed_keys
                and (c.answer.label if c.answer else None) == (pc.answer_number or None)
            }
            match = _closest(pc.text, same_answer)
            if match:
                c = existing.pop(match)
                c.sentence_hash = key
                existing[key] = c
        seen.add(key)
        if redates_earlier_commitment(unit, pc):
            continue
        answer = unit.answers.get(pc.answer_number or "")
        values = {
            "sentence": pc.text,
            "actor": (pc.actor or "")[:250],
            "actor_office": _actor_office(unit, pc.actor),
            "deadline_text": (pc.deadline_text or "")[:250],
            "due_date": pc.due_date,
            "due_precision": pc.precision or "none",
            "answer": answer,
        }
        c = existing.get(key)
        if c is None:
            c = _new(unit, key, {**values, "rule": pc.rule[:60], "confidence": pc.confidence})
            c.review_date = None if c.due_date else review_date_for(doc.date, today)
            continue
        corrected_fields = unit.corrections.fields(c)
        if c.pk in held_by_later_letter:
            # another paper re-dated this promise (lifecycle.redate, evidence in the history): its date stands
            values = {k: v for k, v in values.items() if k not in DATE_FIELDS}
        changed = unit.corrections.apply(c, values)
        c.rule, c.confidence = pc.rule[:60], pc.confidence
        if c.retired:
            c.retired = False
        if c.due_date is None and c.review_date is None and "review_date" not in corrected_fields:
            c.review_date = review_date_for(doc.date, today)
        if changed and "due_date" in changed and c.due_date:
            c.overdue_since = None
        c.save()
    for key, c in existing.items():
        if key not in seen and not c.retired:
            retire(c, unit.corrections)


def commitments_from_requests(unit: UnitOfWork, answered: list[tuple[Request, bool, Answer | None]]) -> None:
    """A request answered yes (or partly) is a commitment (ANNOTATION.md): the
    promise the answer itself states, where the parser found one, else one
    made from the request. A request that has a commitment (also one from an
    earlier answer paper of the set) keeps it."""
    if not answered:
        return
    doc = unit.doc
    older = [req.pk for req, req_new, _ in answered if not req_new]
    kept = set(Commitment.objects.filter(request__in=older).values_list("request_id", flat=True)) if older else set()
    today = timezone.localdate()
    for req, _req_new, answer in answered:
        if req.pk in kept or any(c.request_id == req.pk for c in unit.commitments):
            continue
        stated = next(
            (
                c
                for c in unit.commitments
                if answer is not None
                and c.answer_id == answer.pk
                and c.request_id is None
                and not c.rule.startswith("request_answered_")
            ),
            None,
        )
        if stated is not None:
            stated.request = req
            if not is_new(stated):
                stated.save(update_fields=["request", "updated_at"])
            continue
        key = sentence_hash(req.text)
        if key in unit.dismissed:
            continue
        office = unit.answering
        # a plain "Ja" is a sure yes; a yes read from the wording, or a partial yes, waits for staff to confirm
        plain_yes = req.reply == "yes" and answer is not None and re.match(r"\s*Ja\b", answer.text)
        confidence = 0.8 if plain_yes else (0.65 if req.reply == "yes" else 0.6)
        found = {
            "sentence": req.text,
            "answer": answer,
            "request": req,
            "actor": office.title if office else "",
            "actor_office": office,
            "review_date": review_date_for(doc.date, today),
        }
        how = {"rule": "request_answered_" + req.reply, "confidence": confidence, "retired": False}
        same = next((c for c in unit.commitments if c.sentence_hash == key), None)
        if same is None and not unit.new:
            same = Commitment.objects.filter(source_document=doc, sentence_hash=key).first()
        if same is None:
            _new(unit, key, {**found, **how})
            continue
        unit.corrections.apply(same, found)
        for name, value in how.items():
            setattr(same, name, value)
        if is_new(same):
            same.search_text = _search_text(unit, same)
        else:
            same.save()


def save_made(unit: UnitOfWork, qs: QuestionSet | None) -> None:
    """Write the paper's new commitments with its other new rows (no signals),
    and have the commitment index refreshed for what the paper touched
    (``qs``: the set whose answers the paper holds)."""
    unit.rows.extend(unit.made)
    answering = [c for c in unit.made if c.answer_id is not None]
    if unit.new and unit.new_set:
        # the set and all its askers are this paper's: its promises list their parties (as
        # commitment_index.refresh would) with the paper's rows; their search text is set already
        parties = sorted({a.party_id for a in unit.askers if a.party_id is not None})
        through = Commitment.asker_parties.through
        unit.rows.extend(through(commitment_id=c.pk, party_id=p) for c in answering for p in parties)
        answering = []
    unit.rows.flush()  # everything the paper made: read back by the index and the fulfilment suggestions
    if unit.new:  # its commitments are the ones it made; an older set's may list new askers
        commitment_index.touch(
            fresh=[c.pk for c in answering], question_sets=[] if qs is None or unit.new_set else [qs.pk]
        )
    else:
        commitment_index.touch(documents=[unit.doc.pk], question_sets=[qs.pk] if qs else [])


# --- re-dating ------------------------------------------------------------------------------------


def _redate_candidates(unit: UnitOfWork) -> list[Commitment]:
    """Open promises of other papers this letter may re-date: those of the papers it cites, else any made before it."""
    if unit.redate_candidates is None:
        doc = unit.doc
        cited = (
            unit.cited
            if unit.cited is not None
            else set(doc.references.exclude(target=None).values_list("target_id", flat=True))
        )
        rows = Commitment.objects.open().exclude(source_document=doc).select_related("source_document")
        if cited:
            rows = rows.filter(source_document__in=cited)
        else:
            rows = rows.filter(source_document__date__lt=doc.date) if doc.date else rows.none()
        unit.redate_candidates = list(rows)
    return unit.redate_candidates


def redates_earlier_commitment(unit: UnitOfWork, pc) -> bool:
    """ "Het is niet mogelijk gebleken … Ik verwacht u de brief uiterlijk 30 april
    te doen toekomen": a later paper re-dates an open promise it cites (or,
    without a citation, one of similar wording by the same actor). The history
    keeps both dates (lifecycle.redate)."""
    parsed = unit.parsed
    if parsed.kind != "letter" or not pc.due_date or not REDATE_CUE.search(parsed.body or ""):
        return False
    best, best_score = None, 0.0
    for c in _redate_candidates(unit):
        score = similarity(c.sentence, pc.text) + similarity(c.sentence, parsed.title or "") * 0.5
        if score > best_score:
            best, best_score = c, score
    if best is None or best_score < 0.3:
        return False
    if best.due_date != pc.due_date and "due_date" not in unit.corrections.fields(best):
        lifecycle.redate(
            best,
            pc.due_date,
            evidence=unit.doc,
            deadline_text=pc.deadline_text or "",
            precision=pc.precision or None,
            note=pc.text[:500],
        )
    return True
