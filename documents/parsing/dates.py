"""Dutch dates in running text.

Candidates are found with our own patterns (whole-text ``search_dates`` is
slow and reads words such as "Zo" as dates). A candidate with the month in
words is read by our own table and checked against the calendar (dateparser
gave the same answer at 5 ms a call, a third of a whole parse: BENCHMARKS.md);
a numeric candidate ("15-02-2019") is read by dateparser in day-month-year
order. "jl." (jongstleden) and "a.s." (aanstaande) are
resolved against the paper's own date: the last / next such day.

The patterns accept the parts of a date broken across lines ("15\\nfebruari
2019") and doubled openings as they occur in extracted text ("(ontvangen
(ontvangen 7 juni 2024)"): :func:`labelled_date` reads the date after a
label such as "ingezonden" or "ontvangen".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    # abbreviations seen in papers
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_NAMES = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_MONTH_ALT = MONTH_NAMES + "|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec"

#: "22 januari 2019", "1 april", "14 januari jl.", "3 februari a.s."; the parts
#: may be broken across lines (white space of any kind between them).
DATE_RE = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:e|ste|de)?\s+(?P<month>" + _MONTH_ALT + r")\b\.?"
    r"(?:\s+(?P<year>(?:19|20)\d\d)\b)?"
    r"(?:\s*(?P<rel>jl\.?|j\.l\.|a\.s\.?|aanstaande|jongstleden))?",
    re.IGNORECASE,
)
NUMERIC_RE = re.compile(r"\b(?P<day>[0-3]?\d)[-/](?P<month>[01]?\d)[-/](?P<year>(?:19|20)\d\d)\b")


@lru_cache(maxsize=4096)
def read_numeric(candidate: str) -> dt.date | None:
    """A numeric candidate ("15-02-2019", "15/2/2019") read by dateparser in
    Dutch day-month-year order; None when it is no real date."""
    import dateparser  # slow to import; only numeric dates need it

    parsed = dateparser.parse(
        candidate,
        languages=["nl"],
        settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def make_date(day: int, month: int, year: int) -> dt.date | None:
    """A real calendar date, or None ("31 februari" is not one)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _resolve(day: int, month: int, year: int | None, rel: str | None, reference: dt.date | None) -> dt.date | None:
    if year is not None:
        return make_date(day, month, year)
    if reference is None:
        return None
    rel = (rel or "").lower().replace(" ", "")
    past = rel.startswith("j")
    for y in (reference.year, reference.year - 1) if past else (reference.year, reference.year + 1):
        d = make_date(day, month, y)
        if d is None:
            continue
        if past and d <= reference:
            return d
        if not past and d >= reference:
            return d
    return None


def iter_dates(text: str, reference: dt.date | None = None) -> Iterator[tuple[re.Match, dt.date]]:
    """Every date in ``text`` with its match; dates without a year need ``reference``."""
    if not text:
        return
    for m in DATE_RE.finditer(text):
        month = MONTHS.get(m.group("month").lower().rstrip("."))
        if not month:
            continue
        year = int(m.group("year")) if m.group("year") else None
        d = _resolve(int(m.group("day")), month, year, m.group("rel"), reference)
        if d is not None:
            yield m, d


def read_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """The first date in ``text`` (never raises)."""
    if not text or not isinstance(text, str):
        return None
    try:
        for _m, d in iter_dates(text, reference):
            return d
        m = NUMERIC_RE.search(text)
        if m:
            return read_numeric(m.group(0))
    except Exception:
        return None
    return None


def labelled_date(text: str, label: str, reference: dt.date | None = None) -> dt.date | None:
    """The date after ``label`` ("ingezonden", "ontvangen"), tolerating a
    doubled opening ("(ontvangen (ontvangen 7 juni 2024)") and line breaks."""
    if not text:
        return None
    for m in re.finditer(r"\b" + label + r"\b", text, re.IGNORECASE):
        tail = text[m.end() : m.end() + 80]
        tail = re.sub(r"^(?:\s*[:(]?\s*\(?\s*" + label + r"\b)+", "", tail, flags=re.IGNORECASE)
        tail = re.sub(r"^\s*(?:op|d\.d\.|:)?\s*", "", tail)
        dm = DATE_RE.match(tail) or NUMERIC_RE.match(tail)
        if dm:
            d = read_date(dm.group(0), reference)
            if d:
                return d
    return None
