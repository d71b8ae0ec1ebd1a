"""One SyncFeed page (Atom 1.0) → its entries and where the feed goes on.

Shape (../shared/opendata/NOTES.md §3, §7): ``<feed>`` with ``<link rel="next"
href="…/Feed?skiptoken=N&category=X">`` while more data exists (on the last
page a ``rel="resume"`` link was seen); each ``<entry>`` has the entity GUID
as ``<title>``, ``<updated>``, a ``<link rel="enclosure">`` for a file, its
own ``<link rel="next">`` (the skiptoken of the entry after it: tkconv
stores it with the entry) and the entity body in ``<content>``, or no body
when the feed was asked for ``content=external`` (then the sync fetches
``Entiteiten/<id>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from tracker.opendata.entities import Entity, EntityError, local_name, parse_entity

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedError(ValueError):
    """A page that is no SyncFeed page."""


@dataclass
class Entry:
    guid: str
    entity: Entity | None
    has_content: bool
    enclosure: str = ""
    next_token: str = ""


@dataclass
class Page:
    source: str
    entries: list[Entry] = field(default_factory=list)
    next_url: str = ""
    next_token: str = ""
    resume_token: str = ""

    @property
    def position_after(self) -> str:
        """The skiptoken to resume from once this page is committed ("" when the page does not say)."""
        if self.next_token:
            return self.next_token
        last = next((e.next_token for e in reversed(self.entries) if e.next_token), "")
        return last or self.resume_token


def skiptoken(url: str) -> str:
    """The ``skiptoken`` of a feed URL ("" when it has none)."""
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:
        return ""
    return (query.get("skiptoken") or [""])[-1]


def _links(el) -> dict[str, str]:
    return {link.get("rel", ""): link.get("href", "") for link in el.findall(f"{ATOM}link")}


def parse_page(data: bytes, source: str) -> Page:
    """The page's entries (entity bodies parsed) and its links; FeedError naming ``source`` when it is no feed."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{source}: geen XML: {exc}") from None
    if root.tag != f"{ATOM}feed":
        raise FeedError(f"{source}: geen Atom-feed maar <{local_name(root)}>")
    links = _links(root)
    page = Page(
        source=source,
        next_url=links.get("next", ""),
        next_token=skiptoken(links.get("next", "")),
        resume_token=skiptoken(links.get("resume", "")),
    )
    for i, el in enumerate(root.findall(f"{ATOM}entry"), 1):
        guid = (el.findtext(f"{ATOM}title") or "").strip().lower()
        entry_links = _links(el)
        content = el.find(f"{ATOM}content")
        bodies = [c for c in content if isinstance(c.tag, str)] if content is not None else []
        try:
            entity = parse_entity(bodies[0]) if bodies else None
        except EntityError as exc:
            raise FeedError(f"{source}: entry {i} ({guid}): {exc}") from None
        if not guid and entity is not None:
            guid = entity.guid
        if not guid:
            raise FeedError(f"{source}: entry {i} zonder id")
        page.entries.append(
            Entry(
                guid=guid,
                entity=entity,
                has_content=bool(bodies),
                enclosure=entry_links.get("enclosure", ""),
                next_token=skiptoken(entry_links.get("next", "")),
            )
        )
    return page
