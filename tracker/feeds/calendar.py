"""The deadlines as iCalendar (RFC 5545, written with the icalendar library):
one all-day VEVENT per open item on its due date.

* question sets: the answer deadline (``answer_due``, three weeks, six after
  a postponement notice) of every set not yet answered;
* commitments: the due date of every open commitment still in its paper.

Each event keeps its UID for as long as the record exists
(``toezegging-<id>@<host>``, ``vragenset-<id>@<host>``), so a calendar that
reads the feed again moves an event whose date was corrected instead of
adding a second one; LAST-MODIFIED and DTSTAMP are the record's
``updated_at``. Events are written one by one as the rows are read
(``stream``): a broad feed never sits in memory whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import formats
from icalendar import Calendar, Event

from tracker.feeds.records import page_url, without_text
from tracker.feeds.selection import COMMITMENTS, QUESTIONS, Selection
from tracker.models import Asker, Commitment, Office, QuestionSet

PRODID = "-//Kamervragen en toezeggingen//Termijnen//NL"
#: how often a calendar client should read the feed again
REFRESH = dt.timedelta(hours=6)
CHUNK = 1000
SUMMARY_CHARS = 90


def bases() -> dict[str, QuerySet]:
    """The rows a deadline feed starts from, before the list filters narrow them."""
    commitments = (
        Commitment.objects.open()
        .filter(due_date__isnull=False)
        .select_related("source_document", "actor_office__ministry", "answer__question_set")
        .defer(*without_text("source_document"), "answer__text", "search_text")
    )
    question_sets = (
        QuestionSet.objects.open()
        .filter(answer_due__isnull=False)
        .select_related("question_document")
        .defer(*without_text("question_document"))
        .prefetch_related(
            Prefetch("askers", queryset=Asker.objects.select_related("person", "party")),
            Prefetch("addressed_to", queryset=Office.objects.select_related("ministry")),
        )
    )
    return {COMMITMENTS: commitments, QUESTIONS: question_sets}


def nl_day(day: dt.date) -> str:
    return formats.date_format(day, "l j F Y")


def short(text: str, limit: int = SUMMARY_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "tracker"


def uid(prefix: str, pk: int) -> str:
    return f"{prefix}-{pk}@{host()}"


def _event(*, uid: str, day: dt.date, summary: str, lines: list[str], url: str, updated: dt.datetime, category: str):
    return Event.new(
        uid=uid,
        start=day,
        end=day + dt.timedelta(days=1),
        summary=summary,
        description="\n".join([*(line for line in lines if line), url]),
        url=url,
        last_modified=updated,
        stamp=updated,
        categories=[category],
        transparency="TRANSPARENT",  # a deadline takes no time in the agenda
    )


def commitment_event(c: Commitment) -> Event:
    doc = c.source_document
    office = c.actor_office
    due = nl_day(c.due_date)
    return _event(
        uid=uid("toezegging", c.pk),
        day=c.due_date,
        summary=f"Toezegging: {short(c.sentence)}",
        lines=[
            c.sentence,
            "",
            f"Termijn: {c.deadline_text} (uiterlijk {due})" if c.deadline_text else f"Uiterlijk: {due}",
            f"Toegezegd door: {c.actor or (office.title if office else '')}" if c.actor or office else "",
            f"Ministerie: {office.ministry.name}" if office and office.ministry_id else "",
            f"Bron: {doc.label}" + (f" van {formats.date_format(doc.date, 'j F Y')}" if doc.date else ""),
            f"Naar aanleiding van vragen over: {short(c.answer.question_set.subject, 200)}"
            if c.answer_id and c.answer.question_set.subject
            else "",
            "Nog te bevestigen door de redactie." if c.to_confirm else "",
        ],
        url=page_url("commitment-detail", c.pk),
        updated=c.updated_at,
        category="Toezegging",
    )


def question_set_event(qs: QuestionSet) -> Event:
    offices = list(qs.addressed_to.all())
    askers = ", ".join(str(a) for a in qs.askers.all())
    ministries = sorted({o.ministry.name for o in offices if o.ministry_id})
    subject = qs.subject or "(geen onderwerp)"
    return _event(
        uid=uid("vragenset", qs.pk),
        day=qs.answer_due,
        summary=f"Antwoord uiterlijk: {short(subject)}",
        lines=[
            f"{qs.get_kind_display()} over {subject}",
            "",
            f"Vragen van: {askers}" if askers else "",
            f"Gericht aan: {', '.join(o.title for o in offices)}" if offices else "",
            f"Ministerie: {', '.join(ministries)}" if ministries else "",
            f"Ingezonden: {nl_day(qs.submitted)}" if qs.submitted else "",
            f"Uitstel gemeld op {nl_day(qs.postponed_on)}: drie weken extra" if qs.postponed_on else "",
            f"Antwoord uiterlijk: {nl_day(qs.answer_due)}",
            f"Vragen: {qs.question_document.label}" if qs.question_document_id else "",
        ],
        url=page_url("questionset-detail", qs.pk),
        updated=qs.updated_at,
        category="Kamervragen",
    )


EVENTS = {COMMITMENTS: commitment_event, QUESTIONS: question_set_event}


def calendar_head(selection: Selection) -> Calendar:
    return Calendar.new(
        prodid=PRODID,
        name=selection.title,
        description=selection.title,
        method="PUBLISH",
        calscale="GREGORIAN",
        refresh_interval=REFRESH,
        # one calendar per choice of filters: the same feed address keeps its calendar id
        uid=f"termijnen-{hashlib.sha256(selection.title.encode()).hexdigest()[:16]}@{host()}",
    )


def stream(selection: Selection) -> Iterator[bytes]:
    """The calendar as bytes, event by event: the head, each row's VEVENT, the end."""
    end = b"END:VCALENDAR\r\n"
    yield calendar_head(selection).to_ical().removesuffix(end)
    for kind, rows in selection.rows.items():
        make = EVENTS[kind]
        for row in rows.order_by("pk").iterator(chunk_size=CHUNK):
            yield make(row).to_ical()
    yield end
