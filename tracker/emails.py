"""Mail: ``make_message(name, to, ctx)`` from three templates (healthchecks'
hc/lib/emails.py shape), and the weekly digest.

The digest is built once per run (``build_report(today)``: a fixed number of
queries, select_related / prefetch_related, never one per row) and then cut
per subscriber (``Report.for_subscription``) in Python.

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
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from .models import Asker, Commitment, DigestSubscription, Office, QuestionSet
from .rules.answer_term import due_on

UNKNOWN_MINISTRY = "Onbekend ministerie"
DUE_SOON_DAYS = 14
UNSUBSCRIBE_SALT = "tracker.digest.unsubscribe"


# ---------------------------------------------------------------- make_message

def render_parts(name: str, ctx: dict) -> tuple[str, str, str]:
    """``templates/emails/<name>-subject.txt``, ``<name>.txt`` and ``<name>.html``
    rendered: (subject, text, html). The HTML template escapes everything
    (Django's autoescape); the text templates switch it off."""
    ctx = {"SITE_URL": settings.SITE_URL, **ctx}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", ctx).split())
    return subject, render_to_string(f"emails/{name}.txt", ctx), render_to_string(f"emails/{name}.html", ctx)


def make_message(name: str, to: str, ctx: dict, headers: dict | None = None, connection=None) -> EmailMultiAlternatives:
    """One message with a text and an HTML part from the three templates of ``name``."""
    subject, text, html = render_parts(name, ctx)
    return message_from_parts(subject, text, html, to, ctx.get("unsubscribe_url"), headers, connection)


def message_from_parts(subject: str, text: str, html: str, to: str, unsubscribe: str | None = None,
                       headers: dict | None = None, connection=None) -> EmailMultiAlternatives:
    headers = dict(headers or {})
    if unsubscribe:
        # RFC 2369 + RFC 8058 one-click: the mail client POSTs to this URL
        headers.setdefault("List-Unsubscribe", f"<{unsubscribe}>")
        headers.setdefault("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
    headers.setdefault("Auto-Submitted", "auto-generated")
    msg = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers,
                                 connection=connection)
    msg.attach_alternative(html, "text/html")
    return msg


# ---------------------------------------------------------------- unsubscribe

def unsubscribe_token(sub: DigestSubscription) -> str:
    return signing.dumps({"id": sub.pk, "email": sub.email}, salt=UNSUBSCRIBE_SALT)


def subscription_for_token(token: str) -> DigestSubscription | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return DigestSubscription.objects.filter(pk=data.get("id"), email=data.get("email")).first()


def unsubscribe_url(sub: DigestSubscription) -> str:
    return settings.SITE_URL + reverse("digest-unsubscribe", args=[unsubscribe_token(sub)])


# ---------------------------------------------------------------- the report

def normalize_dossier(number: str) -> str:
    return re.sub(r"\s+", "", number or "")


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

    def matches(self, ministries: set[str], parties: set[str], dossiers: set[str]) -> bool:
        if ministries and not ministries & set(self.ministries):
            return False
        if parties and not parties & self.parties:
            return False
        if dossiers and not dossiers & self.dossiers:
            return False
        return True


@dataclass
class MinistryGroup:
    name: str
    overdue_answers: list[Item] = field(default_factory=list)
    overdue_commitments: list[Item] = field(default_factory=list)
    due_commitments: list[Item] = field(default_factory=list)
    received_answers: list[Item] = field(default_factory=list)

    SECTIONS = ("overdue_answers", "overdue_commitments", "due_commitments", "received_answers")


@dataclass
class Digest:
    today: dt.date
    week: str
    groups: list[MinistryGroup]
    counts: dict
    received_from: dt.date
    received_to: dt.date

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())


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

    def for_subscription(self, sub: DigestSubscription) -> Digest:
        """The digest for ``sub``'s filters; subscribers with the same filters
        share one Digest object (and so one rendering, ``digest_message``)."""
        # sub.ministries / sub.parties are prefetched by the job
        ministries = frozenset(m.name for m in sub.ministries.all())
        parties = frozenset(p.name for p in sub.parties.all())
        dossiers = frozenset(normalize_dossier(d) for d in (sub.dossiers or []) if normalize_dossier(str(d)))
        key = (ministries, parties, dossiers)
        if key not in self._digests:
            self._digests[key] = self.digest(ministries, parties, dossiers)
        return self._digests[key]

    def digest(self, ministries=frozenset(), parties=frozenset(), dossiers=frozenset()) -> Digest:
        from .jobs import iso_week

        groups: dict[str, MinistryGroup] = {}
        counts = {}
        for section in MinistryGroup.SECTIONS:
            chosen = [i for i in getattr(self, section) if i.matches(set(ministries), set(parties), set(dossiers))]
            counts[section] = len(chosen)
            for item in chosen:
                for name in item.ministries:
                    if ministries and name not in ministries:
                        continue
                    getattr(groups.setdefault(name, MinistryGroup(name)), section).append(item)
        ordered = sorted(groups.values(), key=lambda g: (g.name == UNKNOWN_MINISTRY, g.name.lower()))
        return Digest(today=self.today, week=iso_week(self.today), groups=ordered, counts=counts,
                      received_from=self.received_from, received_to=self.received_to)


def question_sets_with_people():
    return (QuestionSet.objects.select_related("question_document", "answer_document")
            .prefetch_related(Prefetch("askers", queryset=Asker.objects.select_related("person", "party")),
                              Prefetch("addressed_to", queryset=Office.objects.select_related("ministry"))))


def _answer_item(qs: QuestionSet, today: dt.date) -> Item:
    askers = list(qs.askers.all())
    offices = list(qs.addressed_to.all())
    ministries = sorted({o.ministry.name for o in offices if o.ministry_id}) or [UNKNOWN_MINISTRY]
    dossiers = {normalize_dossier(d.dossier) for d in (qs.question_document, qs.answer_document) if d and d.dossier}
    return Item(
        kind="answer", id=qs.pk, title=qs.subject or f"Vragenset {qs.pk}",
        url=f"{settings.SITE_URL}/questions/{qs.pk}/", ministries=ministries,
        parties={a.party.name for a in askers if a.party_id}, dossiers=dossiers,
        askers=[str(a) for a in askers], offices=[o.title for o in offices],
        submitted=qs.submitted, due=due_on(qs.submitted, qs.postponed_on, today), received=qs.received,
        days_overdue=qs.days_overdue(today),
    )


def commitments_with_sources():
    return (Commitment.objects.select_related("actor_office__ministry", "source_document", "answer__question_set")
            .prefetch_related(Prefetch("answer__question_set__askers", queryset=Asker.objects.select_related("party"))))


def _commitment_item(c: Commitment, today: dt.date) -> Item:
    office = c.actor_office
    ministries = [office.ministry.name] if office and office.ministry_id else [UNKNOWN_MINISTRY]
    parties = set()
    if c.answer_id:
        parties = {a.party.name for a in c.answer.question_set.askers.all() if a.party_id}
    doc = c.source_document
    return Item(
        kind="commitment", id=c.pk, title=c.sentence, url=f"{settings.SITE_URL}/commitments/{c.pk}/",
        ministries=ministries, parties=parties,
        dossiers={normalize_dossier(doc.dossier)} if doc.dossier else set(),
        actor=c.actor or (office.title if office else ""), document=doc.label, due=c.due_date,
        days_overdue=c.days_overdue(today),
        days_left=(c.due_date - today).days if c.due_date and c.due_date >= today else None,
        confirmed=c.confirmed or not c.to_confirm,
    )


def build_report(today: dt.date) -> Report:
    """Overdue answers and commitments as of ``today``, commitments due in
    the next 14 days, and answers received in the previous ISO week (Monday
    to Sunday before the week of ``today``, so consecutive digests neither
    skip nor repeat a day, whichever day of the week one is sent)."""
    from .jobs import week_monday

    monday = week_monday(today)
    received_from, received_to = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    overdue_sets = sorted((_answer_item(qs, today) for qs in question_sets_with_people().overdue(on=today)),
                          key=lambda i: (-(i.days_overdue or 0), i.id))
    received = [_answer_item(qs, today) for qs in question_sets_with_people().written()
                .filter(received__gte=received_from, received__lte=min(received_to, today)).order_by("received", "pk")]
    overdue_c = sorted((_commitment_item(c, today) for c in commitments_with_sources().overdue(on=today)),
                       key=lambda i: (-(i.days_overdue or 0), i.id))
    due_c = [_commitment_item(c, today) for c in commitments_with_sources().due_within(DUE_SOON_DAYS, on=today)
             .order_by("due_date", "pk")]
    return Report(today=today, overdue_answers=overdue_sets, overdue_commitments=overdue_c, due_commitments=due_c,
                  received_answers=received, received_from=received_from, received_to=received_to)


#: stands in for the subscriber's unsubscribe link while a digest is rendered once for
#: every subscriber with the same filters (only URL-safe characters: HTML escaping leaves it as is)
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/digest-placeholder/"


def digest_message(sub: DigestSubscription, digest: Digest, connection=None) -> EmailMultiAlternatives:
    """The digest mail for ``sub``. The templates are rendered once per Digest
    (subscribers with the same filters share one, ``Report.for_subscription``)
    with a placeholder for the one per-subscriber part, the unsubscribe link,
    which is put in afterwards: rendering ~1,000 items twice per subscriber
    was a minute per 1,000 subscribers (BENCHMARKS.md). So the digest
    templates get no ``subscription``: anything else per subscriber would
    need its own rendering."""
    rendered = getattr(digest, "_rendered", None)
    if rendered is None:
        year, week, _ = digest.today.isocalendar()
        ctx = {"digest": digest, "week_number": week, "year": year, "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
               "due_soon_days": DUE_SOON_DAYS}
        rendered = digest._rendered = render_parts("digest", ctx)
    url = unsubscribe_url(sub)
    subject, text, html = rendered
    return message_from_parts(subject.replace(UNSUBSCRIBE_PLACEHOLDER, url), text.replace(UNSUBSCRIBE_PLACEHOLDER, url),
                              html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(url)), sub.email, url,
                              connection=connection)
