"""People, parties, memberships, offices and the ministers of a paper.

Each is looked up once for the paper, and once for the run (``unit.run``):
the run's finds are read first, this paper's finds are kept in ``unit.found``
and join the run when the paper commits.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from django.db.models import Q

from tracker.ingest.unit import UnitOfWork
from tracker.models import Membership, MinisterRole, Ministry, Office, Party, Person
from tracker.rules.posts import ministry_for_post


def _spaced(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def ministry_of(office_title: str) -> Optional[str]:
    """"Minister van Buitenlandse Zaken" → "Buitenlandse Zaken"; a post named
    "Minister voor X" by the table in tracker/rules/posts.py (staff correct it)."""
    m = re.match(r"(?:Minister|Staatssecretaris)\s+van\s+(.+)$", office_title or "", re.I)
    if m:
        return m.group(1).strip()
    return ministry_for_post(office_title)


def _known(unit: UnitOfWork, kind: str, key: str):
    return getattr(unit.found, kind).get(key) or getattr(unit.run, kind).get(key)


def get_office(unit: UnitOfWork, title: Optional[str]) -> Optional[Office]:
    title = _spaced(title)
    if not title:
        return None
    title = title[0].upper() + title[1:]
    office = _known(unit, "offices", title)
    if office is None:
        office = unit.found.offices[title] = _fetch_office(title)
    return office


def _fetch_office(title: str) -> Office:
    office, created = Office.objects.get_or_create(title=title)
    if created or office.ministry_id is None:
        name = ministry_of(title)
        if name:
            office.ministry, _ = Ministry.objects.get_or_create(name=name)
            office.save(update_fields=["ministry"])
    return office


def split_name(name: str) -> tuple[str, str]:
    """"J.A.M. Hendriks" → ("J.A.M.", "Hendriks"): a person is stored by surname."""
    m = re.match(r"^((?:[A-Z][a-z]?\.)+)\s*(.+)$", name)
    return (m.group(1), m.group(2)) if m else ("", name)


def get_person(unit: UnitOfWork, name: Optional[str]) -> Optional[Person]:
    name = _spaced(name)
    if not name:
        return None
    person = _known(unit, "people", name)
    if person is None:
        person = unit.found.people[name] = _fetch_person(name)
    return person


def _fetch_person(name: str) -> Person:
    initials, surname = split_name(name)
    person, _ = Person.objects.get_or_create(name=surname, defaults={"initials": initials})
    if initials and not person.initials:
        person.initials = initials
        person.save(update_fields=["initials"])
    return person


def get_party(unit: UnitOfWork, name: Optional[str]) -> Optional[Party]:
    name = (name or "").strip()
    if not name:
        return None
    party = _known(unit, "parties", name)
    if party is None:
        party = unit.found.parties[name] = Party.objects.get_or_create(name=name)[0]
    return party


def preload_people(unit: UnitOfWork) -> None:
    """The paper's stored people and parties the run does not know yet, in one
    query each (a get_or_create each was two to four round trips a name). New
    ones, and people whose initials are still to be filled in, are left to
    get_person."""
    parsed = unit.parsed
    wanted: dict[str, tuple[str, str]] = {}
    for raw in [a.name for a in parsed.askers] + [m.name for m in parsed.ministers]:
        name = _spaced(raw)
        if name and _known(unit, "people", name) is None:
            wanted[name] = split_name(name)
    if wanted:
        found = {p.name: p for p in Person.objects.filter(name__in={surname for _, surname in wanted.values()})}
        for name, (initials, surname) in wanted.items():
            person = found.get(surname)
            if person is not None and (person.initials or not initials):
                unit.found.people[name] = person
    parties = {(a.party or "").strip() for a in parsed.askers} - {""}
    parties = {p for p in parties if _known(unit, "parties", p) is None}
    if parties:
        for party in Party.objects.filter(name__in=parties):
            unit.found.parties[party.name] = party


def _covers(row: Membership, on: Optional[dt.date]) -> bool:
    """``row`` already says the person sat for the party on ``on``."""
    if on is None:
        return True
    return row.start is not None and row.start <= on and (row.end is None or on <= row.end)


def note_memberships(unit: UnitOfWork, pairs: list[tuple[Person, Optional[Party]]], on: Optional[dt.date]) -> None:
    """Remember that each person sat for their party on ``on`` (party over
    time): nothing for what the run knows already, else one query for what
    is stored and one insert for what is new."""
    pairs = [(person, party) for person, party in pairs if party is not None]
    pairs = [(person, party) for person, party in pairs
             if not ((row := _known(unit, "memberships", (person.pk, party.pk))) and _covers(row, on))]
    if not pairs:
        return
    known: dict[tuple[int, int], Membership] = {}
    for row in Membership.objects.filter(person__in={p.pk for p, _ in pairs}, party__in={q.pk for _, q in pairs}):
        known.setdefault((row.person_id, row.party_id), row)
    new = []
    for person, party in pairs:
        key = (person.pk, party.pk)
        row = known.get(key)
        if row is None:
            row = known[key] = Membership(person=person, party=party, start=on, end=on)
            new.append(row)
        elif on:
            changed = False
            if row.start is None or on < row.start:
                row.start, changed = on, True
            if row.end is not None and on > row.end:
                row.end, changed = on, True
            if changed:
                row.save(update_fields=["start", "end"])
        unit.found.memberships[key] = row
    unit.rows.extend(new)


def store_minister_roles(unit: UnitOfWork) -> None:
    """Who answered or signed the paper; the answering office for its commitments."""
    doc = unit.doc
    if not unit.new:
        doc.minister_roles.all().delete()
    rows = []
    for i, m in enumerate(unit.parsed.ministers):
        office = get_office(unit, m.office)
        rows.append(MinisterRole(document=doc, person=get_person(unit, m.name), office=office, role=m.role,
                                 position=i))
        if m.role in ("answerer", "signatory") and unit.answering is None:
            unit.answering = office
    unit.rows.extend(rows)
    unit.ministers_offices = [r.office for r in rows if r.office_id]


def office_held(surname: str, post: str, when: Optional[dt.date]) -> Optional[Office]:
    """The office of the ``post`` ("Minister", "Staatssecretaris") that the
    person named ``surname`` held nearest to ``when``, as the stored papers'
    answerers and signatories show it; None when no paper shows it."""
    surname = _spaced(surname)
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
