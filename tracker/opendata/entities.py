"""SyncFeed entity bodies → plain dataclasses (lxml; no Django).

Shapes (../shared/opendata/NOTES.md §3, §4, §7): one element named after the
entity in lowerCamel (``zaak``, ``zaakActor``, ``document``, ``toezegging``)
with attributes ``id``, ``tk:bijgewerkt``, ``tk:verwijderd`` (and
``tk:contentType`` / ``tk:contentLength`` for a downloadable Document),
fields as child elements, relations as ``<zaak ref="GUID"/>``.

Read by local name only: Toezegging comes with the prefix ``ns1:`` whose
binding was never observed, and unprefixed ``verwijderd="True"`` occurs.
Dates come with +01:00/+02:00, with ``Z`` and seven decimals, or naive;
a day is the day in Europe/Amsterdam (a naive value is taken as local time),
and ``0001-01-01`` means no date. Unknown Soort or Status values are kept as
they are: the value lists change over time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from lxml import etree

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NO_DATE = dt.date(1, 1, 1)


class EntityError(ValueError):
    """A body that is no entity of the SyncFeed."""


@dataclass(frozen=True)
class Zaak:
    guid: str
    number: str
    soort: str
    subject: str
    title: str
    started_on: dt.date | None
    vergaderjaar: str
    status: str
    closed: bool
    changed_at: dt.datetime | None


@dataclass(frozen=True)
class ZaakActor:
    guid: str
    zaak_guid: str
    name: str
    fraction: str
    function: str
    relation: str
    changed_at: dt.datetime | None


@dataclass(frozen=True)
class Document:
    guid: str
    zaak_guids: tuple[str, ...]
    number: str
    soort: str
    subject: str
    date: dt.date | None
    received_on: dt.date | None
    vergaderjaar: str
    aanhangsel_number: str
    content_type: str
    content_length: int | None
    changed_at: dt.datetime | None


@dataclass(frozen=True)
class Toezegging:
    guid: str
    number: str
    text: str
    status: str
    due_on: dt.date | None
    made_on: dt.date | None
    ministry: str
    minister: str
    function: str
    activity_number: str
    letters: tuple[str, ...]
    changed_at: dt.datetime | None


@dataclass(frozen=True)
class Deleted:
    """A tombstone: ``tk:verwijderd="true"``, the body may be empty."""

    kind: str  # "zaak" | "zaakactor" | "document" | "toezegging" | another entity's name, lower case
    guid: str
    changed_at: dt.datetime | None


Entity = Zaak | ZaakActor | Document | Toezegging | Deleted


# ------------------------------------------------------------------ values

_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def moment(text: str | None) -> dt.datetime | None:
    """An ISO date-time as the API writes it (offset, ``Z`` with seven decimals, or naive); None for none."""
    text = (text or "").strip()
    if not text:
        return None
    text = _FRACTION.sub(r"\1", text.replace("Z", "+00:00"), count=1)
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise EntityError(f"geen datum/tijd: {text!r}") from None
    return value


def amsterdam_day(text: str | None) -> dt.date | None:
    """The day in Europe/Amsterdam of a date-time; a naive value is local; 0001-01-01 is no date."""
    value = moment(text)
    if value is None:
        return None
    if value.tzinfo is not None and value.year > 1:
        value = value.astimezone(AMSTERDAM)
    day = value.date()
    return None if day == NO_DATE else day


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A naive ``tk:bijgewerkt`` read as Amsterdam time, for a DateTimeField."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=AMSTERDAM)


def local_name(node) -> str:
    return etree.QName(node).localname


def _attr(el, name: str) -> str:
    for key, value in el.attrib.items():
        if etree.QName(key).localname == name:
            return value
    return ""


def _fields(el) -> dict[str, str]:
    """Child element text by local name (the first of each), white space folded."""
    out: dict[str, str] = {}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        if name not in out:
            out[name] = re.sub(r"\s+", " ", child.text or "").strip()
    return out


def _all(el, name: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", c.text or "").strip()
        for c in el
        if isinstance(c.tag, str) and local_name(c) == name and (c.text or "").strip()
    ]


def _refs(el, name: str) -> tuple[str, ...]:
    return tuple(_attr(c, "ref") for c in el if isinstance(c.tag, str) and local_name(c) == name and _attr(c, "ref"))


def _truth(value: str) -> bool:
    return value.strip().lower() in ("true", "1")


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def aanhangsel_number(raw: str, vergaderjaar: str) -> str:
    """The Aanhangsel number as the paper prints it: the digits after the
    vergaderjaar when the data prefixes it (tkapi's "last 4 digits"), leading
    zeros off ("202320241949" → "1949", "0011" → "11")."""
    digits = re.sub(r"\D", "", raw or "")
    year = re.sub(r"\D", "", vergaderjaar or "")
    if year and digits.startswith(year) and len(digits) > len(year):
        digits = digits[len(year) :]
    elif len(digits) > 4:
        digits = digits[-4:]
    return digits.lstrip("0")


# ------------------------------------------------------------------ entities


def parse_entity(el) -> Entity | None:
    """One entity element (the child of an entry's ``<content>``); None for a kind the tracker does not read."""
    kind = local_name(el).lower()
    guid = _attr(el, "id").strip().lower()
    if not guid:
        raise EntityError(f"<{local_name(el)}> zonder id")
    changed_at = aware(moment(_attr(el, "bijgewerkt")))
    if _truth(_attr(el, "verwijderd")):
        return Deleted(kind, guid, changed_at)
    f = _fields(el)
    if kind == "zaak":
        return Zaak(
            guid=guid,
            number=f.get("nummer", ""),
            soort=f.get("soort", ""),
            subject=f.get("onderwerp", ""),
            title=f.get("titel", ""),
            started_on=amsterdam_day(f.get("gestartOp")),
            vergaderjaar=f.get("vergaderjaar", ""),
            status=f.get("status", ""),
            closed=_truth(f.get("afgedaan", "")),
            changed_at=changed_at,
        )
    if kind == "zaakactor":
        zaak = _refs(el, "zaak")
        return ZaakActor(
            guid=guid,
            zaak_guid=zaak[0].lower() if zaak else "",
            name=f.get("actorNaam", ""),
            fraction=f.get("actorFractie", "") or f.get("actorAfkorting", ""),
            function=f.get("functie", ""),
            relation=f.get("relatie", ""),
            changed_at=changed_at,
        )
    if kind == "document":
        vergaderjaar = f.get("vergaderjaar", "")
        return Document(
            guid=guid,
            zaak_guids=tuple(r.lower() for r in _refs(el, "zaak")),
            number=f.get("documentNummer", ""),
            soort=f.get("soort", ""),
            subject=f.get("onderwerp", "") or f.get("titel", ""),
            date=amsterdam_day(f.get("datum")),
            received_on=amsterdam_day(f.get("datumOntvangst")),
            vergaderjaar=vergaderjaar,
            aanhangsel_number=aanhangsel_number(f.get("aanhangselnummer", ""), vergaderjaar),
            content_type=_attr(el, "contentType") or f.get("contentType", ""),
            content_length=_int(_attr(el, "contentLength") or f.get("contentLength", "")),
            changed_at=changed_at,
        )
    if kind == "toezegging":
        return Toezegging(
            guid=guid,
            number=f.get("nummer", ""),
            text=f.get("tekst", ""),
            status=f.get("status", ""),
            due_on=amsterdam_day(f.get("datumNakoming")),
            made_on=amsterdam_day(f.get("aanmaakdatum")),
            ministry=f.get("ministerie", ""),
            minister=f.get("naam", ""),
            function=f.get("functie", ""),
            activity_number=f.get("activiteitNummer", ""),
            letters=tuple(dict.fromkeys(_all(el, "kamerbriefNakoming"))),
            changed_at=changed_at,
        )
    return None


def parse_entity_bytes(data: bytes, source: str) -> Entity | None:
    """An entity body as ``SyncFeed/2.0/Entiteiten/<id>`` serves it (the element itself, or an
    Atom entry/feed holding it in ``<content>``)."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise EntityError(f"{source}: geen XML: {exc}") from None
    if local_name(root) in ("feed", "entry"):
        content = root.find(".//{http://www.w3.org/2005/Atom}content")
        children = [c for c in content if isinstance(c.tag, str)] if content is not None else []
        if not children:
            raise EntityError(f"{source}: geen entiteit in <content>")
        root = children[0]
    try:
        return parse_entity(root)
    except EntityError as exc:
        raise EntityError(f"{source}: {exc}") from None
