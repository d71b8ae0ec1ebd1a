"""People, parties, memberships, offices and the ministers of a paper.

Each is looked up once for the paper, and once for the run (``unit.run``):
the run's finds are read first, this paper's finds are kept in ``unit.found``
and join the run when the paper commits.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.db.models import Q

from tracker.ingest.unit import UnitOfWork
from tracker.models import Membership, MinisterRole, Ministry, Office, Party, Person
from tracker.rules.posts import ministry_for_post


def _spaced(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def ministry_of(office_title: str) -> str | None:
    """ "Minister van Buitenlandse Zaken" → "Buitenlandse Zaken"; a post named
    "Minister voor X" by the table in tracker/rules/posts.py (staff correct it)."""
    m = re.match(r"(?:Minister|Staatssecretaris)\s+van\s+(.+)$", office_title or "", re.I)
    if m:
        return m.group(1).strip()
    return ministry_for_post(office_title)


def _known(unit: UnitOfWork, kind: str, key: str):
    return getattr(unit.found, kind).get(key) or getattr(unit.run, kind).get(key)


def _office_title(title: str | None) -> str:
    title = _spaced(title)
    return title[0].upper() + title[1:] if title else ""


def _cached(unit: UnitOfWork, kind: str, key: str, fetch):
    """The row of ``key`` as the paper or the run knows it, else fetched (and known to the paper from now)."""
    if not key:
        return None
    row = _known(unit, kind, key)
    if row is None:
        row = getattr(unit.found, kind)[key] = fetch(key)
    return row


def get_office(unit: UnitOfWork, title: str | None) -> Office | None:
    return _cached(unit, "offices", _office_title(title), _fetch_office)


def office_titled(title: str | None) -> Office | None:
    """The office of this title, made when new (with its ministry), outside a paper."""
    title = _office_title(title)
    return _fetch_office(title) if title else None


def _fetch_office(title: str) -> Office:
    office, created = Office.objects.get_or_create(title=title)
    if created or office.ministry_id is None:
        name = ministry_of(title)
        if name:
            office.ministry, _ = Ministry.objects.get_or_create(name=name)
            office.save(update_fields=["ministry"])
    return office


def split_name(name: str) -> tuple[str, str]:
    """ "J.A.M. Hendriks" → ("J.A.M.", "Hendriks"): a person is stored by surname."""
    m = re.match(r"^((?:[A-Z][a-z]?\.)+)\s*(.+)$", name)
    return (m.group(1), m.group(2)) if m else ("", name)


def _usable(unit: UnitOfWork, name: str) -> Person | None:
    """The person ``name`` is, as the paper or the run knows them (by surname), unless
    the name gives initials the stored person still lacks."""
    initials, surname = split_name(name)
    person = _known(unit, "people", surname)
    return person if person is not None and (person.initials or not initials) else None


def get_person(unit: UnitOfWork, name: str | None) -> Person | None:
    name = _spaced(name)
    if not name:
        return None
    person = _usable(unit, name)
    if person is None:
        person = _fetch_person(name)
        unit.found.people[person.name] = person
    return person


def person_named(name: str | None) -> Person | None:
    """The person of this name ("S.C. Kröger": by surname), made when new, outside a paper."""
    name = _spaced(name)
    return _fetch_person(name) if name else None


def _fetch_person(name: str) -> Person:
    initials, surname = split_name(name)
    person, _ = Person.objects.get_or_create(name=surname, defaults={"initials": initials})
    if initials and not person.initials:
        person.initials = initials
        person.save(update_fields=["initials"])
    return person


def get_party(unit: UnitOfWork, name: str | None) -> Party | None:
    return _cached(unit, "parties", (name or "").strip(), party_named)


def party_named(name: str | None) -> Party | None:
    """The party of this name, made when new, outside a paper."""
    name = (name or "").strip()
    return Party.objects.get_or_create(name=name)[0] if name else None


def preload_people(unit: UnitOfWork) -> None:
    """The paper's people the run does not know yet, and the party memberships
    of its askers, in one query (a get_or_create each was two to four round
    trips a name, and the memberships one more). New people, and people
    whose initials are still to be filled in, are left to get_person; its
    parties the run does not know yet in one query more."""
    parsed = unit.parsed
    names = [_spaced(raw) for raw in [a.name for a in parsed.askers] + [m.name for m in parsed.ministers]]
    surnames = {split_name(name)[1] for name in names if name and _usable(unit, name) is None}
    surnames |= {
        split_name(_spaced(a.name))[1]
        for a in parsed.askers
        if _spaced(a.name) and (a.party or "").strip() and not _membership_known(unit, a, parsed.submitted)
    }
    if surnames:
        for person, membership in _people_and_memberships(sorted(surnames)):
            unit.found.people[person.name] = person
            unit.memberships_read.add(person.pk)
            if membership is not None:
                unit.found.memberships.setdefault((person.pk, membership.party_id), membership)
    parties = {(a.party or "").strip() for a in parsed.askers} - {""}
    parties = {p for p in parties if _known(unit, "parties", p) is None}
    if parties:
        for party in Party.objects.filter(name__in=parties):
            unit.found.parties[party.name] = party


def _people_and_memberships(surnames: list[str]) -> list[tuple[Person, Membership | None]]:
    """The people stored by these surnames, each with each of their memberships (or None)."""
    q = connection.ops.quote_name
    person, membership = q(Person._meta.db_table), q(Membership._meta.db_table)
    sql = (
        f"SELECT p.id, p.name, p.initials, m.id, m.party_id, m.{q('start')}, m.{q('end')} FROM {person} p "
        f"LEFT JOIN {membership} m ON m.person_id = p.id WHERE p.name IN ({', '.join(['%s'] * len(surnames))}) "
        "ORDER BY p.id, m.id"
    )
    out = []
    with connection.cursor() as cursor:
        cursor.execute(sql, surnames)
        for pk, name, initials, m_pk, party_id, start, end in cursor.fetchall():
            p = Person(pk=pk, name=name, initials=initials)
            p._state.adding, p._state.db = False, connection.alias
            m = None
            if m_pk is not None:
                m = Membership(pk=m_pk, person_id=pk, party_id=party_id, start=start, end=end)
                m._state.adding, m._state.db = False, connection.alias
            out.append((p, m))
    return out


def _membership_known(unit: UnitOfWork, asker, on: dt.date | None) -> bool:
    """The run knows that this asker sat for their party on ``on``."""
    person, party = _usable(unit, _spaced(asker.name)), _known(unit, "parties", asker.party.strip())
    row = _known(unit, "memberships", (person.pk, party.pk)) if person and party else None
    return row is not None and _covers(row, on)


def _covers(row: Membership, on: dt.date | None) -> bool:
    """``row`` already says the person sat for the party on ``on``."""
    if on is None:
        return True
    return row.start is not None and row.start <= on and (row.end is None or on <= row.end)


def note_memberships(unit: UnitOfWork, pairs: list[tuple[Person, Party | None]], on: dt.date | None) -> None:
    """Remember that each person sat for their party on ``on`` (party over
    time): from the memberships the run knows or ``preload_people`` read,
    else one query for what is stored; new ones with the paper's rows."""
    pairs = [(person, party) for person, party in pairs if party is not None]
    pairs = [
        (person, party)
        for person, party in pairs
        if not ((row := _known(unit, "memberships", (person.pk, party.pk))) and _covers(row, on))
    ]
    if not pairs:
        return
    unread = [(p, q) for p, q in pairs if p.pk not in unit.memberships_read]
    known: dict[tuple[int, int], Membership] = {}
    if unread:
        for row in Membership.objects.filter(person__in={p.pk for p, _ in unread}, party__in={q.pk for _, q in unread}):
            known.setdefault((row.person_id, row.party_id), row)
    new = []
    for person, party in pairs:
        key = (person.pk, party.pk)
        row = unit.found.memberships.get(key) if person.pk in unit.memberships_read else known.get(key)
        if row is None:
            row = Membership(person=person, party=party, start=on, end=on)
            new.append(row)
        elif on:
            changed = False
            if row.start is None or on < row.start:
                row.start, changed = on, True
            if row.end is not None and on > row.end:
                row.end, changed = on, True
            if changed:
                unit.rows.change(row, ["start", "end"])
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
        rows.append(MinisterRole(document=doc, person=get_person(unit, m.name), office=office, role=m.role, position=i))
        if m.role in ("answerer", "signatory") and unit.answering is None:
            unit.answering = office
    unit.rows.extend(rows)
    unit.ministers_offices = [r.office for r in rows if r.office_id]


def office_held(surname: str, post: str, when: dt.date | None) -> Office | None:
    """The office of the ``post`` ("Minister", "Staatssecretaris") that the
    person named ``surname`` held nearest to ``when``, as the stored papers'
    answerers and signatories show it; None when no paper shows it."""
    surname = _spaced(surname)
    rows = (
        MinisterRole.objects.filter(
            Q(person__name__iexact=surname) | Q(person__name__iendswith=" " + surname),
            office__isnull=False,
            office__title__istartswith=post,
        )
        .order_by("-document__date")
        .values_list("office_id", "document__date")
    )
    best, best_gap = None, None
    for office_id, date in rows:
        gap = abs((date - when).days) if (date and when) else 10**6
        if best_gap is None or gap < best_gap:
            best, best_gap = office_id, gap
    return Office.objects.filter(pk=best).first() if best else None
