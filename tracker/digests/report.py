"""What goes in a subscriber's digest.

The report is built once per run (``build_report(today)``: a fixed number of
queries, select_related / prefetch_related, never one per row) and then cut
per subscriber (``Report.for_subscription``) in Python. Rendering it is
render.py's; sending it delivery.py's.

Subscriber filters: an item is in a subscriber's digest when it matches
every filter the subscriber set (none set = everything):

* ministries: a question set by the ministries of the offices it is
  addressed to, a commitment by the ministry of its actor's office; with
  this filter an item is listed only under the chosen ministries;
* parties: a question set by the parties of its askers (as they sat then),
  a commitment by the askers of the question set it answers (a commitment
  from a letter has no party and does not match a party filter);
* dossiers: a commitment by its source document's dossier number, a
  question set by the dossier of its question or answer document (Kamer-
  vragen normally have none, so a dossier filter keeps them out). Numbers
  compare without spaces: "32 735" = "32735".

Items whose office has no ministry are grouped under "Onbekend ministerie".

A ministry's section lists its first ``ITEMS_PER_SECTION`` items of each
kind (most overdue first) and then "en nog N" with a link to the review page
that lists them all, filtered as the subscriber's digest is: a mail is read,
a list is worked through. Uncut, a digest at the large benchmark scale was
over 1 MB of text per mail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import ngettext

from documents.parsing.dossiers import compact as compact_dossier
from tracker.digests.schedule import iso_week, previous_week
from tracker.models import Asker, Commitment, DigestSubscription, Ministry, Office, Party, QuestionSet
from tracker.rules.answer_term import due_on

UNKNOWN_MINISTRY = "Onbekend ministerie"
#: a section of a ministry lists this many items, then links to the review
#: page with all of them: a mail is read, a list is worked through (at the
#: large benchmark scale an uncut digest was over 1 MB of text)
ITEMS_PER_SECTION = 25
DUE_SOON_DAYS = 14


# ---------------------------------------------------------------- the report


@dataclass
class Item:
    """One line of the digest, with what the subscriber filters look at."""

    kind: str  # "answer" | "commitment"
    id: int
    title: str
    url: str
    ministries: list[str]
    parties: set[str] = field(default_factory=set)
    dossiers: set[str] = field(default_factory=set)
    askers: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    actor: str = ""
    document: str = ""
    submitted: dt.date | None = None
    due: dt.date | None = None
    received: dt.date | None = None
    days_overdue: int | None = None
    days_left: int | None = None
    confirmed: bool = True

    def matches(self, ministries: frozenset[str], parties: frozenset[str], dossiers: frozenset[str]) -> bool:
        if ministries and ministries.isdisjoint(self.ministries):
            return False
        if parties and parties.isdisjoint(self.parties):
            return False
        if dossiers and dossiers.isdisjoint(self.dossiers):
            return False
        return True


@dataclass
class MinistryGroup:
    """One ministry's part of a digest: per section its first ``ITEMS_PER_SECTION``
    items, how many there are in all (``total``) and, when some are left out,
    how many (``more``) and the address of the list with all of them (``rest``)."""

    name: str
    overdue_answers: list[Item] = field(default_factory=list)
    overdue_commitments: list[Item] = field(default_factory=list)
    due_commitments: list[Item] = field(default_factory=list)
    received_answers: list[Item] = field(default_factory=list)
    total: dict = field(default_factory=dict)
    more: dict = field(default_factory=dict)
    rest: dict = field(default_factory=dict)

    SECTIONS = ("overdue_answers", "overdue_commitments", "due_commitments", "received_answers")

    def cut(self, list_url) -> None:
        """Keep the first items of each section; ``list_url(section)`` names the rest."""
        for section in self.SECTIONS:
            items = getattr(self, section)
            self.total[section] = len(items)
            if len(items) > ITEMS_PER_SECTION:
                setattr(self, section, items[:ITEMS_PER_SECTION])
                self.more[section] = len(items) - ITEMS_PER_SECTION
                self.rest[section] = list_url(section)


@dataclass
class Digest:
    today: dt.date
    week: str
    groups: list[MinistryGroup]
    counts: dict
    received_from: dt.date
    received_to: dt.date
    #: the subscriber filters it was cut with (ministries, parties, dossiers): digests with the
    #: same filters are the same digest, rendered once (render.py)
    filters: tuple = (frozenset(), frozenset(), frozenset())

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())

    #: what the subject and the summary count, most pressing first: (section, one, many)
    SUMMARY = (
        ("overdue_answers", "{n} antwoord te laat", "{n} antwoorden te laat"),
        ("overdue_commitments", "{n} toezegging verlopen", "{n} toezeggingen verlopen"),
        ("due_commitments", "{n} toezegging verloopt binnenkort", "{n} toezeggingen verlopen binnenkort"),
        ("received_answers", "{n} antwoord ontvangen", "{n} antwoorden ontvangen"),
    )

    @property
    def summary(self) -> list[str]:
        """ "3 antwoorden te laat", "2 toezeggingen verlopen", …: the counts that are not zero."""
        return [
            ngettext(one, many, self.counts.get(section, 0)).format(n=self.counts.get(section, 0))
            for section, one, many in self.SUMMARY
            if self.counts.get(section)
        ]

    @property
    def summary_line(self) -> str:
        return ", ".join(self.summary) if self.summary else "niets te melden"


@dataclass
class Report:
    """Everything a digest for ``today`` can contain, before any filter."""

    today: dt.date
    overdue_answers: list[Item]
    overdue_commitments: list[Item]
    due_commitments: list[Item]
    received_answers: list[Item]
    received_from: dt.date
    received_to: dt.date
    _digests: dict = field(default_factory=dict, repr=False, compare=False)
    #: ministry and party ids by name, for the links to the lists
    ids: dict = field(default_factory=lambda: {"ministries": {}, "parties": {}}, repr=False, compare=False)

    def for_subscription(self, sub: DigestSubscription) -> Digest:
        """The digest for ``sub``'s filters; subscribers with the same filters
        share one Digest object (and so one rendering, render.py)."""
        # sub.ministries / sub.parties are prefetched by the job
        ministries = frozenset(m.name for m in sub.ministries.all())
        parties = frozenset(p.name for p in sub.parties.all())
        dossiers = frozenset(compact_dossier(d) for d in (sub.dossiers or []) if compact_dossier(str(d)))
        key = (ministries, parties, dossiers)
        if key not in self._digests:
            self._digests[key] = self.digest(ministries, parties, dossiers)
        return self._digests[key]

    def digest(self, ministries=frozenset(), parties=frozenset(), dossiers=frozenset()) -> Digest:
        groups: dict[str, MinistryGroup] = {}
        counts = {}
        for section in MinistryGroup.SECTIONS:
            chosen = [i for i in getattr(self, section) if i.matches(ministries, parties, dossiers)]
            counts[section] = len(chosen)
            for item in chosen:
                for name in item.ministries:
                    if ministries and name not in ministries:
                        continue
                    getattr(groups.setdefault(name, MinistryGroup(name)), section).append(item)
        ordered = sorted(groups.values(), key=lambda g: (g.name == UNKNOWN_MINISTRY, g.name.lower()))
        for group in ordered:
            group.cut(lambda section, g=group: self.list_url(section, g.name, parties, dossiers))
        return Digest(
            today=self.today,
            week=iso_week(self.today),
            groups=ordered,
            counts=counts,
            received_from=self.received_from,
            received_to=self.received_to,
            filters=(ministries, parties, dossiers),
        )

    def list_url(self, section: str, ministry: str, parties=frozenset(), dossiers=frozenset()) -> str:
        """The review page listing all of a section's items for ``ministry`` (and
        the subscriber's party or dossier, where the list filters on one)."""
        if section == "overdue_answers":
            name, query = "questionset-list", {"status": "overdue"}
        elif section == "received_answers":
            name, query = "questionset-list", {"sort": "-received"}
        elif section == "overdue_commitments":
            name, query = "commitment-list", {"status": "overdue"}
        else:
            name, query = (
                "commitment-list",
                {
                    "status": "open",
                    "due_from": self.today.isoformat(),
                    "due_to": (self.today + dt.timedelta(days=DUE_SOON_DAYS)).isoformat(),
                    "sort": "due",
                },
            )
        if ministry in self.ids["ministries"]:
            query["ministry"] = self.ids["ministries"][ministry]
        if len(parties) == 1 and next(iter(parties)) in self.ids["parties"]:
            query["party"] = self.ids["parties"][next(iter(parties))]
        if name == "commitment-list" and len(dossiers) == 1:
            query["dossier"] = next(iter(dossiers))
        return f"{settings.SITE_URL}{reverse(name)}?{urlencode(query)}"


def question_sets_with_people():
    """Question sets with their askers (person, party) as ``asker_list`` and the
    offices they are addressed to (ministry) as ``office_list``: plain lists
    (``to_attr``), as Django's default prefetch builds a queryset per set for
    ``.all()``, most of the prefetch time for ~6,000 sets at large scale."""
    return QuestionSet.objects.select_related("question_document", "answer_document").prefetch_related(
        Prefetch("askers", queryset=Asker.objects.select_related("person", "party"), to_attr="asker_list"),
        Prefetch("addressed_to", queryset=Office.objects.select_related("ministry"), to_attr="office_list"),
    )


def _answer_item(qs: QuestionSet, today: dt.date) -> Item:
    askers = qs.asker_list
    offices = qs.office_list
    ministries = sorted({o.ministry.name for o in offices if o.ministry_id}) or [UNKNOWN_MINISTRY]
    dossiers = {compact_dossier(d.dossier) for d in (qs.question_document, qs.answer_document) if d and d.dossier}
    return Item(
        kind="answer",
        id=qs.pk,
        title=qs.subject or f"Vragenset {qs.pk}",
        url=f"{settings.SITE_URL}/questions/{qs.pk}/",
        ministries=ministries,
        parties={a.party.name for a in askers if a.party_id},
        dossiers=dossiers,
        askers=[str(a) for a in askers],
        offices=[o.title for o in offices],
        submitted=qs.submitted,
        due=due_on(qs.submitted, qs.postponed_on, today),
        received=qs.received,
        days_overdue=qs.days_overdue(today),
    )


def commitments_with_sources():
    """Commitments with office, ministry, source and the set they answer, whose
    askers (party) are ``answer.question_set.asker_list`` (as above)."""
    return Commitment.objects.select_related(
        "actor_office__ministry", "source_document", "answer__question_set"
    ).prefetch_related(
        Prefetch("answer__question_set__askers", queryset=Asker.objects.select_related("party"), to_attr="asker_list")
    )


def _commitment_item(c: Commitment, today: dt.date) -> Item:
    office = c.actor_office
    ministries = [office.ministry.name] if office and office.ministry_id else [UNKNOWN_MINISTRY]
    parties = set()
    if c.answer_id:
        parties = {a.party.name for a in c.answer.question_set.asker_list if a.party_id}
    doc = c.source_document
    return Item(
        kind="commitment",
        id=c.pk,
        title=c.sentence,
        url=f"{settings.SITE_URL}/commitments/{c.pk}/",
        ministries=ministries,
        parties=parties,
        dossiers={compact_dossier(doc.dossier)} if doc.dossier else set(),
        actor=c.actor or (office.title if office else ""),
        document=doc.label,
        due=c.due_date,
        days_overdue=c.days_overdue(today),
        days_left=(c.due_date - today).days if c.due_date and c.due_date >= today else None,
        confirmed=c.confirmed or not c.to_confirm,
    )


def build_report(today: dt.date) -> Report:
    """Overdue answers and commitments as of ``today``, commitments due in
    the next 14 days, and answers received in the previous ISO week (Monday
    to Sunday before the week of ``today``, so consecutive digests neither
    skip nor repeat a day, whichever day of the week one is sent)."""
    received_from, received_to = previous_week(today)
    overdue_sets = sorted(
        (_answer_item(qs, today) for qs in question_sets_with_people().overdue(on=today)),
        key=lambda i: (-(i.days_overdue or 0), i.id),
    )
    received = [
        _answer_item(qs, today)
        for qs in question_sets_with_people()
        .written()
        .filter(received__gte=received_from, received__lte=min(received_to, today))
        .order_by("received", "pk")
    ]
    overdue_c = sorted(
        (_commitment_item(c, today) for c in commitments_with_sources().overdue(on=today)),
        key=lambda i: (-(i.days_overdue or 0), i.id),
    )
    due_c = [
        _commitment_item(c, today)
        for c in commitments_with_sources().due_within(DUE_SOON_DAYS, on=today).order_by("due_date", "pk")
    ]
    ids = {
        "ministries": dict(Ministry.objects.values_list("name", "pk")),
        "parties": dict(Party.objects.values_list("name", "pk")),
    }
    return Report(
        today=today,
        overdue_answers=overdue_sets,
        overdue_commitments=overdue_c,
        due_commitments=due_c,
        received_answers=received,
        received_from=received_from,
        received_to=received_to,
        ids=ids,
    )
