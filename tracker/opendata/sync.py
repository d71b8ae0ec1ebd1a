"""One run of the sync, as a unit, with its report.

Per category (Zaak, ZaakActor, Document, Toezegging, in that order: actors
and documents find their Zaak) the SyncFeed is read from the stored
skiptoken on, page by page; each page is stored in one transaction together
with the feed position after it, so a run that stops (offline, a bad page)
keeps every page it committed and nothing of the page it was reading, and
the next run resumes after the last committed entry. Then the Zaken whose
records changed are brought in line (tracker/opendata/link.py) and the
registry commitments that changed are matched with written ones.

Every step is idempotent: a second run, or the same entries sent again,
changes nothing and reports them "unchanged".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from tracker.models import FeedPosition, OpenDataActor, OpenDataDocument, OpenDataZaak
from tracker.opendata import link, reconcile
from tracker.opendata.client import Client, OpenDataError
from tracker.opendata.feed import Page
from tracker.opendata.replay import FolderTransport
from tracker.opendata.store import ORPHAN_DAYS, PageStore

CATEGORIES = ("Zaak", "ZaakActor", "Document", "Toezegging")
OUTCOMES = {
    "stored": "created",
    "created": "created",
    "updated": "updated",
    "unchanged": "unchanged",
    "deleted": "deleted",
}


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    pages: int = 0
    errors: list[dict] = field(default_factory=list)
    failed: str = ""  # the one line that stopped the run

    def count(self, outcome: str, n: int = 1) -> None:
        name = OUTCOMES[outcome]
        setattr(self, name, getattr(self, name) + n)

    def error(self, source: str, error: str) -> None:
        self.errors.append({"source": source, "error": error})

    def to_json(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "errors": list(self.errors),
        }


def first_day(since: dt.date | None = None) -> dt.date:
    """How far back question sets are taken: ``since`` when given, else what the first sync
    chose (stored with the feed positions), else OPENDATA_SINCE."""
    if since is not None:
        return since
    stored = FeedPosition.objects.exclude(since__isnull=True).values_list("since", flat=True).first()
    if stored is not None:
        return stored
    try:
        return dt.date.fromisoformat(settings.OPENDATA_SINCE)
    except ValueError:
        raise ImproperlyConfigured(f"OPENDATA_SINCE={settings.OPENDATA_SINCE!r} is no date (use YYYY-MM-DD)") from None


def make_client(from_dir: str | Path | None = None) -> Client:
    """The live client, or one reading a recorded folder (no pause, no retries: a file is there or not)."""
    if from_dir is not None:
        return Client(transport=FolderTransport(from_dir), pause=0, retries=0)
    url = settings.OPENDATA_SYNCFEED_URL
    if not url.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"OPENDATA_SYNCFEED_URL={url!r} is geen http(s)-adres")
    return Client()


def sync(
    client: Client, since: dt.date | None = None, progress: Callable[[str, Page], None] | None = None
) -> SyncReport:
    """Read every category from its stored position, then bring the changed Zaken in line."""
    report = SyncReport()
    day = first_day(since)
    registry: set[int] = set()
    try:
        for category in CATEGORIES:
            registry |= read_category(client, category, day, report, progress)
    except OpenDataError as exc:
        report.failed = str(exc)
        report.error(exc.source or "open data", str(exc))
        return report
    link.bring_in_line(client, report.count, report.error)
    reconcile.match_registry(registry)
    forget_orphans()
    return report


def read_category(
    client: Client,
    category: str,
    since: dt.date,
    report: SyncReport,
    progress: Callable[[str, Page], None] | None = None,
) -> set[int]:
    """The category's pages from its position on, each stored with the position after it."""
    position, _ = FeedPosition.objects.get_or_create(category=category)
    url = client.feed_page_url(category, position.skiptoken)
    registry: set[int] = set()
    while url:
        page = client.page(url)
        entities = []
        for entry in page.entries:
            entity = entry.entity if entry.has_content else client.entity(entry.guid)
            if entity is not None:
                entities.append(entity)
        with transaction.atomic():
            store = PageStore(since)
            store.store(entities, {e.guid: e.enclosure for e in page.entries if e.enclosure})
            after = page.position_after
            if after and after != position.skiptoken or position.since != since:
                position.skiptoken = after or position.skiptoken
                position.since = since
                position.save()
        for outcome, n in store.counts.items():
            report.count(outcome, n)
        registry |= store.touched_registry
        report.pages += 1
        if progress:
            progress(category, page)
        url = page.next_url if page.next_url and page.entries and page.next_url != url else ""
    return registry


def forget_orphans() -> None:
    """Actors and documents kept for a Zaak that never came (another kind, or older than the sync's first day)."""
    cutoff = timezone.now() - dt.timedelta(days=ORPHAN_DAYS)
    zaken = OpenDataZaak.objects.values("guid")
    OpenDataActor.objects.filter(changed_at__lt=cutoff).exclude(zaak_guid__in=zaken).delete()
    OpenDataDocument.objects.filter(changed_at__lt=cutoff, document__isnull=True).exclude(zaak_guid__in=zaken).delete()


def run(
    from_dir: str | Path | None = None,
    since: dt.date | None = None,
    progress: Callable[[str, Page], None] | None = None,
) -> SyncReport:
    with make_client(from_dir) as client:
        return sync(client, since, progress)
