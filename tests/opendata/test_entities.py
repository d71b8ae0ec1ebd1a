"""Entity bodies and feed pages as the SyncFeed writes them (NOTES.md §3, §4): prefixes,
dates in three forms, tombstones, the registry's sentinel date."""

import datetime as dt

import pytest
from lxml import etree

from tracker.opendata.entities import Deleted, Toezegging, Zaak, aanhangsel_number, amsterdam_day, parse_entity
from tracker.opendata.feed import FeedError, parse_page

TK = "http://www.tweedekamer.nl/xsd/tkData/v1-0"


def entity(xml: str):
    return parse_entity(etree.fromstring(xml))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-04T23:00:00Z", dt.date(2024, 3, 5)),  # UTC: the next day in Amsterdam
        ("2019-04-02T08:39:12.3700000Z", dt.date(2019, 4, 2)),  # seven decimals
        ("2024-07-01T00:00:00+02:00", dt.date(2024, 7, 1)),
        ("2019-06-28T23:59:41.5570000", dt.date(2019, 6, 28)),  # naive: local time
        ("0001-01-01T00:00:00Z", None),  # the registry's "no date"
        ("", None),
    ],
)
def test_a_day_is_the_day_in_amsterdam(value, expected):
    assert amsterdam_day(value) == expected


def test_a_zaak_with_the_tk_prefix():
    z = entity(
        f'<zaak xmlns="{TK}" xmlns:tk="{TK}" id="ABC-1" tk:bijgewerkt="2024-03-05T10:12:40.55+01:00" '
        f'tk:verwijderd="false"><nummer>2024Z06427</nummer><soort>Schriftelijke vragen</soort>'
        f"<gestartOp>2024-04-11T00:00:00+02:00</gestartOp><afgedaan>true</afgedaan></zaak>"
    )
    assert isinstance(z, Zaak)
    assert (z.guid, z.number, z.started_on, z.closed) == ("abc-1", "2024Z06427", dt.date(2024, 4, 11), True)
    assert z.changed_at.utcoffset() == dt.timedelta(hours=1)


def test_a_toezegging_with_the_ns1_prefix_and_repeated_letters():
    t = entity(
        '<ns1:toezegging xmlns:ns1="urn:unknown" id="T-1" ns1:bijgewerkt="2024-03-21T11:00:00+01:00" '
        'ns1:verwijderd="false"><ns1:nummer>TZ202403-101</ns1:nummer><ns1:status>Deels Afgedaan</ns1:status>'
        "<ns1:datumNakoming>0001-01-01T00:00:00Z</ns1:datumNakoming>"
        "<ns1:kamerbriefNakoming>2024D1</ns1:kamerbriefNakoming><ns1:kamerbriefNakoming>2024D2</ns1:kamerbriefNakoming>"
        "</ns1:toezegging>"
    )
    assert isinstance(t, Toezegging)
    assert (t.number, t.status, t.due_on, t.letters) == ("TZ202403-101", "Deels Afgedaan", None, ("2024D1", "2024D2"))


def test_an_unprefixed_tombstone_with_an_empty_body():
    d = entity(f'<document xmlns="{TK}" id="D-9" verwijderd="True" bijgewerkt="2019-06-28T23:59:41.5570000"/>')
    assert d == Deleted("document", "d-9", d.changed_at) and d.changed_at.tzinfo is not None


def test_an_entity_kind_the_tracker_does_not_read_is_left_alone():
    assert entity(f'<persoon xmlns="{TK}" id="P-1" verwijderd="false"><achternaam>Agema</achternaam></persoon>') is None


@pytest.mark.parametrize(
    "raw, vergaderjaar, expected",
    [
        ("202320241949", "2023-2024", "1949"),
        ("201620170011", "2016-2017", "11"),
        ("1500", "2023-2024", "1500"),
        ("", "", ""),
    ],
)
def test_the_aanhangsel_number_as_the_paper_prints_it(raw, vergaderjaar, expected):
    assert aanhangsel_number(raw, vergaderjaar) == expected


def test_a_broken_page_is_refused_naming_the_page_and_the_entry():
    page = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Z-1</title><content type="application/xml">'
        b'<zaak xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="Z-1"><gestartOp>morgen</gestartOp></zaak>'
        b"</content></entry></feed>"
    )
    with pytest.raises(FeedError, match=r"^Feed\?category=Zaak: entry 1 \(z-1\): geen datum/tijd: 'morgen'"):
        parse_page(page, "Feed?category=Zaak")
    with pytest.raises(FeedError, match="geen XML"):
        parse_page(b"<feed", "Feed?category=Zaak")
