"""The Atom feed of newly overdue items (Django's syndication framework):
the "te laat" StatusChange rows that flag_overdue records once per item and
overdue period (tracker/jobs/flag_overdue.py), question sets and commitments, the
newest first. ``?kind=`` and the list filters narrow it as they narrow the
deadline calendar (tracker/feeds/selection.py)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from tracker.domain.history import long_date
from tracker.feeds.calendar import host, short
from tracker.feeds.records import page_url, without_text
from tracker.feeds.selection import COMMITMENTS, QUESTIONS, Selection
from tracker.models import Commitment, QuestionSet, StatusChange

#: the newest this many "te laat" events
ITEMS = 100
MODELS = {COMMITMENTS: Commitment, QUESTIONS: QuestionSet}


def bases() -> dict[str, QuerySet]:
    """Every item that can have been overdue, before the list filters narrow them."""
    return {COMMITMENTS: Commitment.objects.live(), QUESTIONS: QuestionSet.objects.all()}


def newly_overdue(selection: Selection) -> list[StatusChange]:
    """The newest "te laat" events of the selected items, each with its item (``change.subject``)."""
    types = ContentType.objects.get_for_models(*MODELS.values())
    wanted = None
    for kind, rows in selection.rows.items():
        of_kind = StatusChange.objects.filter(content_type=types[MODELS[kind]])
        if selection.described:
            # a filter in use: the events of its rows (unfiltered, no join through every item)
            of_kind = of_kind.filter(object_id__in=rows.values("pk"))
        wanted = of_kind if wanted is None else wanted | of_kind
    changes = (
        (wanted if wanted is not None else StatusChange.objects.none())
        .filter(event=StatusChange.Event.OVERDUE)
        # newest recorded first, by id: the primary key's index, no sort of every event
        .order_by("-id")
        .prefetch_related(
            GenericPrefetch(
                "subject",
                [
                    Commitment.objects.select_related("source_document", "actor_office__ministry").defer(
                        *without_text("source_document"), "search_text"
                    ),
                    QuestionSet.objects.all(),
                ],
            )
        )[:ITEMS]
    )
    # an item deleted since, or a commitment retired by a new version of its paper, is no news
    return [
        change
        for change in changes
        if change.subject is not None and not (isinstance(change.subject, Commitment) and change.subject.retired)
    ]


class OverdueFeed(Feed):
    feed_type = Atom1Feed
    language = "nl"
    author_name = "Kamervragen en toezeggingen"

    def get_object(self, request, *args, **kwargs):
        return request.feed_selection

    def title(self, selection):
        return ", ".join(["Nieuw te laat: Kamervragen en toezeggingen", *selection.described])

    def subtitle(self, selection):
        return "Vragen die niet op tijd zijn beantwoord en toezeggingen waarvan de termijn is verstreken."

    def link(self):
        return settings.SITE_URL + reverse("feeds")

    def feed_url(self):
        # without the query string: the reader's key never appears in the feed
        return settings.SITE_URL + reverse("feeds-overdue")

    def feed_guid(self, selection):
        return f"tag:{host()},2024:te-laat"

    def items(self, selection):
        return newly_overdue(selection)

    def item_title(self, change):
        item = change.subject
        if isinstance(item, Commitment):
            return f"Te laat: toezegging “{short(item.sentence)}”"
        return f"Te laat: antwoord op Kamervragen over {short(item.subject or '(geen onderwerp)')}"

    def item_description(self, change):
        item = change.subject
        since = f"Te laat sinds {long_date(change.on)}." if change.on else "Te laat."
        if isinstance(item, Commitment):
            office = item.actor_office
            parts = [
                since,
                f"Uiterlijk: {long_date(item.due_date)}." if item.due_date else "",
                f"Ministerie: {office.ministry.name}." if office and office.ministry_id else "",
                f"Bron: {item.source_document.label}.",
                item.sentence,
            ]
        else:
            parts = [
                since,
                f"Ingezonden: {long_date(item.submitted)}." if item.submitted else "",
                f"Antwoord uiterlijk: {long_date(item.answer_due)}." if item.answer_due else "",
                item.subject,
            ]
        return " ".join(part for part in parts if part)

    def item_link(self, change):
        name = "commitment-detail" if isinstance(change.subject, Commitment) else "questionset-detail"
        return page_url(name, change.object_id)

    def item_guid(self, change):
        # one entry per item and overdue period: an item overdue again after a re-dating is news again
        return f"{self.item_link(change)}#te-laat-{change.on or change.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.at

    def item_updateddate(self, change):
        return change.at

    def item_categories(self, change):
        return ("Toezegging",) if isinstance(change.subject, Commitment) else ("Kamervragen",)
