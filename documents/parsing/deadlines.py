"""Deadline phrases in ministers' commitments, and the due dates they resolve to.

Source: DOMAIN.md, "Deadline phrases" (the suggested reading of each phrase)
and "Recesses of the Tweede Kamer" (via :mod:`documents.parsing.calendar`).
Every phrase resolves relative to the paper's own date; a clerk may correct
any single due date in the tracker.

Two public functions:

- :func:`find_deadline` finds the deadline phrase in a sentence, as written
  ("voor de zomer", "op 3 februari a.s.", "op korte termijn");
- :func:`resolve_deadline` turns a phrase into a :class:`Deadline` (due date
  and precision: "day" | "month" | "season" | "none").

Guarantees (tested): neither function raises on arbitrary text; a paper
without a date gives no due date for relative phrases (explicit dates with a
year still resolve); a phrase naming no past date (no "jl.", no past year)
never resolves to a day before the paper's date.

Choices beyond DOMAIN.md's table, each marked "(our reading)" below, keep to
the same principle: the latest day that still honours the phrase.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from documents.parsing.calendar import Calendar, default_calendar, prinsjesdag
from documents.parsing.dates import MONTHS, make_date

DAY, MONTH, SEASON, NONE = "day", "month", "season", "none"


@dataclass(frozen=True)
class Deadline:
    """A resolved deadline: ``due_date`` (None when the phrase names no
    computable day) and how exact it is."""

    due_date: dt.date | None
    precision: str = NONE  # day | month | season | none


NO_DEADLINE = Deadline(None, NONE)

# --------------------------------------------------------------------------
# Building blocks of the patterns. White space between words may be any run
# of white space (phrases are broken across lines in PDF text).
_ = r"\s+"
_MONTHS_FULL = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
_YEAR = r"(?:19|20)\d\d"
_VOOR = r"(?:voor|vóór)"
_NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "twintig": 20,
    "dertig": 30,
}
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_UITERLIJK = r"(?:uiterlijk" + _ + r"|ten\s+laatste" + _ + r")?"
#: "in het (komende)", "dit", "komend", "het komende" before a season; the alternation stays open
#: so each season adds its own last choices ("voor het", "na het", none) before its name
_THIS_COMING = (
    r"(?:in" + _ + r"het" + _ + r"(?:komende" + _ + r")?|dit" + _ + r"|komend" + _ + r"|het" + _ + r"komende" + _
)
_THIS_NEXT_YEAR = r"(?:dit|volgend|komend|het\s+komende|het\s+volgende|het)" + _ + r"jaar"
_YEARISH = r"(?:" + _YEAR + r"|" + _THIS_NEXT_YEAR + r")"


def _rx(pattern: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + pattern + r"(?![\w-])", re.IGNORECASE)


@dataclass
class _Ctx:
    """What a resolver may use: the match, the paper's date, the calendar."""

    m: re.Match
    paper: dt.date | None
    cal: Calendar

    def g(self, name: str) -> str | None:
        try:
            v = self.m.group(name)
        except IndexError:
            return None
        return v.lower() if v else None


Resolver = Callable[[_Ctx], Deadline | None]


@dataclass(frozen=True)
class _Pattern:
    name: str
    rx: re.Pattern
    resolve: Resolver
    #: a past date ("jl."): not a deadline, skipped by find_deadline
    past: bool = False


# --------------------------------------------------------------------------
# Helpers


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    return dt.date(y, m, min(d.day, _month_end(y, m).day))


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _year_of(ctx: _Ctx, group: str = "year") -> tuple[int | None, bool]:
    """(year, named): a written year ("2021", "volgend jaar" → paper year + 1)
    and whether the phrase named one. Relative years need the paper's date."""
    raw = ctx.g(group)
    if not raw:
        return None, False
    raw = re.sub(r"\s+", " ", raw)
    if raw.isdigit():
        return int(raw), True
    if ctx.paper is None:
        return None, True
    if raw.startswith(("volgend", "komend", "het komende", "het volgende")):
        return ctx.paper.year + 1, True
    return ctx.paper.year, True  # "dit jaar", "het jaar"


def _first_on_or_after(paper: dt.date, make: Callable[[int], dt.date | None]) -> dt.date | None:
    """The first ``make(year)`` on or after the paper's date ("the first such
    date after the paper", DOMAIN.md)."""
    for year in range(paper.year - 1, paper.year + 9):
        d = make(year)
        if d is not None and d >= paper:
            return d
    return None


def _dated(
    ctx: _Ctx, make: Callable[[int], dt.date | None], precision: str, year_group: str = "year"
) -> Deadline | None:
    """``make(year)`` for a written year, else the first one on or after the paper."""
    year, named = _year_of(ctx, year_group)
    if year is not None:
        d = make(year)
        if d is not None and ctx.paper is not None and not (ctx.g(year_group) or "").isdigit() and d < ctx.paper:
            # "dit jaar" but that day has passed: keep to the paper's date
            d = _first_on_or_after(ctx.paper, make)
        return Deadline(d, precision) if d else None
    if named or ctx.paper is None:
        return None
    d = _first_on_or_after(ctx.paper, make)
    return Deadline(d, precision) if d else None


# --------------------------------------------------------------------------
# Resolvers, one per reading in DOMAIN.md's table.


def _explicit_date(ctx: _Ctx) -> Deadline | None:
    """An explicit date, "uiterlijk 30 april", "op 3 februari a.s.", "14 januari
    jl.": that day; without a year the first such date on or after the paper
    ("a.s.": the next; "jl.": the last such date before it). "voor 1 april
    2020" is the day before: 31 March 2020 (DOMAIN.md)."""
    month = MONTHS.get(ctx.g("month") or "")
    day = int(ctx.g("day") or 0)
    if not month:
        return None
    before = bool(ctx.g("before"))
    shift = dt.timedelta(days=1 if before else 0)
    rel = (ctx.g("rel") or "").replace(" ", "")
    given_year = ctx.g("year")
    if given_year:
        d = make_date(day, month, int(given_year))
        return Deadline(d - shift, DAY) if d else None
    if ctx.paper is None:
        return None
    if rel.startswith("j"):  # jl., jongstleden: the last such day up to the paper
        for year in (ctx.paper.year, ctx.paper.year - 1, ctx.paper.year - 2, ctx.paper.year - 4):
            d = make_date(day, month, year)
            if d is not None and d <= ctx.paper:
                return Deadline(d - shift, DAY)
        return None
    d = _first_on_or_after(ctx.paper + shift, lambda y: make_date(day, month, y))
    return Deadline(d - shift, DAY) if d else None


def _month(ctx: _Ctx) -> Deadline | None:
    """ "in januari 2017" / "eind oktober" / "uiterlijk in mei": the last day of
    that month; without a year the first such month on or after the paper
    (DOMAIN.md). "voor september" is the last day of August; "begin
    oktober" the 10th and "medio oktober" the 15th (our reading)."""
    month = MONTHS.get(ctx.g("month") or "")
    if not month:
        return None
    how = re.sub(r"\s+", " ", ctx.g("how") or "in")
    if how.startswith(("voor het", "vóór het", "voor eind", "vóór eind")):
        make = lambda y: _month_end(y, month)  # noqa: E731 "voor (het) eind(e) (van) mei"
    elif how in ("voor", "vóór"):
        make = lambda y: dt.date(y, month, 1) - dt.timedelta(days=1)  # noqa: E731
    elif how == "begin":
        make = lambda y: dt.date(y, month, 10)  # noqa: E731
    elif how in ("medio", "half", "halverwege", "midden"):
        make = lambda y: dt.date(y, month, 15)  # noqa: E731
    else:
        make = lambda y: _month_end(y, month)  # noqa: E731
    return _dated(ctx, make, MONTH)


def _year_end(ctx: _Ctx) -> Deadline | None:
    """ "eind 2021", "voor het einde van het jaar", "dit najaar", "in het najaar
    (van 2021)": the day before the Christmas recess of that year (DOMAIN.md);
    once that day has passed, 31 December (our reading)."""

    def make(year: int) -> dt.date:
        d = ctx.cal.recess("kerstreces", year).start - dt.timedelta(days=1)
        if ctx.paper is not None and d < ctx.paper <= dt.date(year, 12, 31) and not (ctx.g("year") or "").isdigit():
            return dt.date(year, 12, 31)
        return d

    return _dated(ctx, make, SEASON)


def _year_begin(ctx: _Ctx) -> Deadline | None:
    """ "begin 2021", "begin volgend jaar": 31 March (DOMAIN.md)."""
    return _dated(ctx, lambda y: dt.date(y, 3, 31), SEASON)


def _year_middle(ctx: _Ctx) -> Deadline | None:
    """ "medio 2021", "halverwege volgend jaar": 30 June (DOMAIN.md)."""
    return _dated(ctx, lambda y: dt.date(y, 6, 30), SEASON)


def _in_year(ctx: _Ctx) -> Deadline | None:
    """ "in 2021", "in de loop van 2021", "uiterlijk in 2021": 31 December of
    that year (our reading: the last day the phrase still honours)."""
    return _dated(ctx, lambda y: dt.date(y, 12, 31), SEASON)


_QUARTER_END = {
    "eerste": (3, 31),
    "1e": (3, 31),
    "1": (3, 31),
    "tweede": (6, 30),
    "2e": (6, 30),
    "2": (6, 30),
    "derde": (9, 30),
    "3e": (9, 30),
    "3": (9, 30),
    "vierde": (12, 31),
    "4e": (12, 31),
    "4": (12, 31),
    "laatste": (12, 31),
}


def _quarter(ctx: _Ctx) -> Deadline | None:
    """ "in het eerste kwartaal van 2021" → 31 March (DOMAIN.md); the other
    quarters end 30 June, 30 September, 31 December. "Q1 2021" likewise.
    Without a year: the first such quarter end on or after the paper."""
    end = _QUARTER_END.get(ctx.g("q") or "")
    if end is None:
        return None
    month, day = end
    return _dated(ctx, lambda y: dt.date(y, month, day), SEASON)


def _half(ctx: _Ctx) -> Deadline | None:
    """ "in de eerste helft van 2021" → 30 June; "tweede helft" → 31 December
    (our reading, as "medio" and "eind")."""
    which = ctx.g("h") or ""
    md = (6, 30) if which in ("eerste", "1e") else (12, 31)
    return _dated(ctx, lambda y: dt.date(y, *md), SEASON)


def _half_month(ctx: _Ctx) -> Deadline | None:
    """ "in de tweede helft van oktober 2013" → 31 October 2013; "de eerste
    helft van maart" → 15 March (DOMAIN.md: the end of that half); without a
    year the first such month on or after the paper."""
    month = MONTHS.get((ctx.g("month") or "").lower())
    if not month:
        return None
    first = (ctx.g("h") or "") in ("eerste", "1e")
    return _dated(ctx, lambda y: dt.date(y, month, 15) if first else _month_end(y, month), DAY)


def _before_recess(kind: str) -> Resolver:
    def resolve(ctx: _Ctx) -> Deadline | None:
        return _dated(ctx, lambda y: ctx.cal.recess(kind, y).start - dt.timedelta(days=1), SEASON)

    resolve.__doc__ = (
        f'The day before the next {kind} (DOMAIN.md: "voor de zomer", "voor het '
        f'zomerreces", "in het voorjaar" = before the meireces).'
    )
    return resolve


def _after_summer(ctx: _Ctx) -> Deadline | None:
    """ "na de zomer", "na het zomerreces": the start of the autumn recess
    (DOMAIN.md): the first herfstreces beginning on or after the paper."""
    return _dated(ctx, lambda y: ctx.cal.recess("herfstreces", y).start, SEASON)


def _during_summer(ctx: _Ctx) -> Deadline | None:
    """ "in de zomer", "deze zomer", "tijdens het zomerreces": the last day of
    the summer recess (our reading)."""
    return _dated(ctx, lambda y: ctx.cal.recess("zomerreces", y).end, SEASON)


def _within(ctx: _Ctx) -> Deadline | None:
    """ "binnen drie weken", "binnen een maand", "binnen twee maanden": the
    paper's date plus that period (DOMAIN.md); "een half jaar" is six months."""
    if ctx.paper is None:
        return None
    unit = ctx.g("unit") or ""
    if ctx.g("half"):
        return Deadline(_add_months(ctx.paper, 6), DAY)
    n = _number(ctx.g("n") or "")
    if n is None or n > 1000:
        return None
    try:
        if unit.startswith("werkdag"):
            d, left = ctx.paper, n
            while left:
                d += dt.timedelta(days=1)
                left -= d.weekday() < 5
            return Deadline(d, DAY)
        if unit.startswith("dag"):
            return Deadline(ctx.paper + dt.timedelta(days=n), DAY)
        if unit.startswith("week") or unit.startswith("weken"):
            return Deadline(ctx.paper + dt.timedelta(weeks=n), DAY)
        if unit.startswith("maand"):
            return Deadline(_add_months(ctx.paper, n), DAY)
        if unit.startswith("jaar") or unit.startswith("jaren"):
            return Deadline(_add_months(ctx.paper, 12 * n), DAY)
    except (OverflowError, ValueError):
        return None
    return None


def _before_prinsjesdag(ctx: _Ctx) -> Deadline | None:
    """ "voor Prinsjesdag": the day before the third Tuesday of September
    (DOMAIN.md)."""
    return _dated(ctx, lambda y: prinsjesdag(y) - dt.timedelta(days=1), DAY)


def _prinsjesdag(ctx: _Ctx) -> Deadline | None:
    """ "bij de begroting", "op Prinsjesdag", "bij de Miljoenennota":
    Prinsjesdag (DOMAIN.md). "de begroting voor 2022" is presented on
    Prinsjesdag 2021 (our reading)."""
    budget_year = ctx.g("byear")
    if budget_year:
        return Deadline(prinsjesdag(int(budget_year) - 1), DAY)
    return _dated(ctx, prinsjesdag, DAY)


def _voorjaarsnota(ctx: _Ctx) -> Deadline | None:
    """ "bij de Voorjaarsnota": 1 June (DOMAIN.md); the Voorjaarsnota is sent
    before 1 June, so its precision is a month."""
    return _dated(ctx, lambda y: dt.date(y, 6, 1), MONTH)


def _no_date(ctx: _Ctx) -> Deadline | None:
    """ "op korte termijn", "zo spoedig mogelijk", a deadline tied to an undated
    event ("na ontvangst van het advies"): no due date (DOMAIN.md); the
    tracker gives such a commitment a review date."""
    return NO_DEADLINE


# --------------------------------------------------------------------------
# The patterns. At one position the longest match wins, so "voor eind 2021"
# beats "eind 2021".

_YEAR_GROUP = r"(?P<year>" + _YEARISH + r")"
_OPT_YEAR = r"(?:" + _ + r"(?:van" + _ + r")?" + _YEAR_GROUP + r")?"
_OPT_NUM_YEAR = r"(?:" + _ + r"(?:van" + _ + r")?(?P<year>" + _YEAR + r"))?"

PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "explicit_date",
        _rx(
            r"(?:(?:uiterlijk|ten\s+laatste|op|per|tot(?:\s+en\s+met)?|t/m|rond|omstreeks|vanaf)" + _ + r")?"
            r"(?:(?P<before>" + _VOOR + r")" + _ + r")?"
            r"(?:" + _WEEKDAY + _ + r")?"
            r"(?P<day>[0-3]?\d)(?:e|ste|de)?" + _ + r"(?P<month>" + _MONTHS_FULL + r")"
            r"(?:" + _ + r"(?P<year>" + _YEAR + r"))?"
            r"(?:" + _ + r"(?P<rel>a\.s\.|aanstaande|aanst\.))?"
        ),
        _explicit_date,
    ),
    _Pattern(
        "past_date",
        _rx(
            r"(?:(?:op|van|d\.d\.)" + _ + r")?(?:" + _WEEKDAY + _ + r")?"
            r"(?P<day>[0-3]?\d)(?:e|ste|de)?" + _ + r"(?P<month>" + _MONTHS_FULL + r")"
            r"\s*(?P<rel>jl\.|j\.l\.|jongstleden)"
        ),
        _explicit_date,
        past=True,
    ),
    _Pattern(
        "month",
        _rx(
            _UITERLIJK + r"(?P<how>in|eind|einde|begin|medio|half|halverwege|midden"
            r"|" + _VOOR + r"(?:" + _ + r"(?:het" + _ + r")?(?:eind|einde)(?:" + _ + r"van)?)?"
            r"|(?:in" + _ + r")?de" + _ + r"loop" + _ + r"van|(?:aan" + _ + r")?het" + _ + r"(?:eind|einde)"
            r"(?:"
            + _
            + r"van)?|(?:in"
            + _
            + r")?de"
            + _
            + r"maand)"
            + _
            + r"(?P<month>"
            + _MONTHS_FULL
            + r")"
            + _OPT_NUM_YEAR
        ),
        _month,
    ),
    _Pattern(
        "month_uiterlijk",
        _rx(r"(?:uiterlijk|ten\s+laatste)" + _ + r"(?P<month>" + _MONTHS_FULL + r")" + _OPT_NUM_YEAR),
        _month,
    ),
    _Pattern(
        "year_end",
        _rx(
            _UITERLIJK + r"(?:" + _VOOR + _ + r"|tegen" + _ + r")?(?:(?:het|de)" + _ + r")?(?:eind|einde|afloop)"
            r"(?:" + _ + r"van)?" + _ + _YEAR_GROUP
        ),
        _year_end,
    ),
    _Pattern(
        "year_end_this",
        _rx(
            _UITERLIJK + r"(?:" + _VOOR + _ + r"het" + _ + r"jaareinde|" + _VOOR + _ + r"de" + _ + r"jaarwisseling|"
            r"(?:in|gedurende)" + _ + r"(?:dit|het)" + _ + r"(?:kalender)?jaar|(?P<year>dit" + _ + r"jaar))"
        ),
        _year_end,
    ),
    _Pattern(
        "autumn",
        _rx(_UITERLIJK + _THIS_COMING + r"|(?:" + _VOOR + r"|na)" + _ + r"het" + _ + r"|)najaar" + _OPT_YEAR),
        _year_end,
    ),
    _Pattern(
        "year_begin",
        _rx(
            _UITERLIJK
            + r"(?:"
            + _VOOR
            + _
            + r")?(?:begin|aan"
            + _
            + r"het"
            + _
            + r"begin"
            + _
            + r"van|in"
            + _
            + r"het"
            + _
            + r"begin"
            + _
            + r"van|(?:het|de)"
            + _
            + r"start"
            + _
            + r"van|begin"
            + _
            + r"van)"
            + _
            + _YEAR_GROUP
        ),
        _year_begin,
    ),
    _Pattern(
        "year_middle",
        _rx(
            _UITERLIJK
            + r"(?:"
            + _VOOR
            + _
            + r")?(?:medio|halverwege|(?:in"
            + _
            + r")?(?:het"
            + _
            + r")?midden"
            + _
            + r"van)"
            + _
            + _YEAR_GROUP
        ),
        _year_middle,
    ),
    _Pattern(
        "in_year",
        _rx(
            _UITERLIJK
            + r"(?:in|(?:in"
            + _
            + r")?de"
            + _
            + r"loop"
            + _
            + r"van|gedurende|nog"
            + _
            + r"in)"
            + _
            + r"(?P<year>"
            + _YEAR
            + r"|volgend"
            + _
            + r"jaar|komend"
            + _
            + r"jaar|het"
            + _
            + r"komende"
            + _
            + r"jaar)"
            r"(?!" + _ + r"(?:" + _MONTHS_FULL + r"))"
        ),
        _in_year,
    ),
    _Pattern(
        "quarter",
        _rx(
            _UITERLIJK + r"(?:(?:in|" + _VOOR + r"|tijdens|gedurende)" + _ + r")?(?:(?:het|de)" + _ + r")?"
            r"(?:(?:eind|einde)" + _ + r"van" + _ + r"het" + _ + r")?"
            r"(?P<q>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e)" + _ + r"kwartaal" + _OPT_YEAR
        ),
        _quarter,
    ),
    _Pattern(
        "quarter_q",
        _rx(
            _UITERLIJK + r"(?:(?:in|" + _VOOR + r"|tijdens)" + _ + r")?(?:het" + _ + r")?Q(?P<q>[1-4])"
            r"(?:" + _ + r"(?:van" + _ + r")?(?P<year>" + _YEAR + r"))?"
        ),
        _quarter,
    ),
    _Pattern(
        "half_month",
        _rx(
            _UITERLIJK
            + r"(?:(?:in|"
            + _VOOR
            + r"|tijdens|gedurende)"
            + _
            + r")?de"
            + _
            + r"(?P<h>eerste|tweede|1e|2e)"
            + _
            + r"helft"
            + _
            + r"van"
            + _
            + r"(?P<month>"
            + _MONTHS_FULL
            + r")"
            + _OPT_NUM_YEAR
        ),
        _half_month,
    ),
    _Pattern(
        "event_date",
        _rx(
            r"(?:(?:ruim|kort|ruimschoots)"
            + _
            + r")?(?P<before>"
            + _VOOR
            + r")"
            + _
            + r"(?:het|de)"
            + _
            + r"[^.;()]{3,80}?\((?P<day>[0-3]?\d)"
            + _
            + r"(?P<month>"
            + _MONTHS_FULL
            + r")(?:"
            + _
            + r"(?P<year>"
            + _YEAR
            + r"))?\)"
        ),
        _explicit_date,
    ),
    _Pattern(
        "half_year",
        _rx(
            _UITERLIJK
            + r"(?:in|"
            + _VOOR
            + r"|tijdens|gedurende)?"
            + r"\s*de"
            + _
            + r"(?P<h>eerste|tweede|1e|2e)"
            + _
            + r"(?:helft|jaarhelft)"
            + _OPT_YEAR
        ),
        _half,
    ),
    _Pattern(
        "before_summer",
        _rx(
            _UITERLIJK
            + r"(?:"
            + _VOOR
            + r"|voorafgaand"
            + _
            + r"aan|ruim"
            + _
            + _VOOR
            + r")"
            + _
            + r"(?:de"
            + _
            + r"zomer(?:reces|vakantie)?|het"
            + _
            + r"(?:zomerreces|zomerrecess))"
            + _OPT_YEAR
        ),
        _before_recess("zomerreces"),
    ),
    _Pattern(
        "after_summer",
        _rx(
            r"(?:(?:direct|kort|meteen)"
            + _
            + r")?na"
            + _
            + r"(?:de"
            + _
            + r"zomer(?:reces|vakantie)?|het"
            + _
            + r"zomerreces)"
            + _OPT_YEAR
        ),
        _after_summer,
    ),
    _Pattern(
        "during_summer",
        _rx(
            r"(?:in"
            + _
            + r"de"
            + _
            + r"zomer|deze"
            + _
            + r"zomer|komende"
            + _
            + r"zomer|(?:tijdens|in)"
            + _
            + r"het"
            + _
            + r"zomerreces)"
            + _OPT_YEAR
        ),
        _during_summer,
    ),
    _Pattern(
        "spring",
        _rx(_UITERLIJK + _THIS_COMING + r"|" + _VOOR + _ + r"het" + _ + r"|)voorjaar" + _OPT_YEAR + r"(?!s?nota)"),
        _before_recess("meireces"),
    ),
    _Pattern(
        "before_christmas",
        _rx(
            _UITERLIJK
            + _VOOR
            + _
            + r"(?:het"
            + _
            + r"kerstreces|de"
            + _
            + r"kerst(?:vakantie|dagen)?|kerst|het"
            + _
            + r"reces"
            + _
            + r"rond"
            + _
            + r"de"
            + _
            + r"jaarwisseling)"
            + _OPT_YEAR
        ),
        _before_recess("kerstreces"),
    ),
    _Pattern(
        "before_autumn_recess",
        _rx(_UITERLIJK + _VOOR + _ + r"het" + _ + r"herfstreces" + _OPT_YEAR),
        _before_recess("herfstreces"),
    ),
    _Pattern(
        "before_spring_recess",
        _rx(_UITERLIJK + _VOOR + _ + r"het" + _ + r"(?:voorjaarsreces|krokusreces)" + _OPT_YEAR),
        _before_recess("voorjaarsreces"),
    ),
    _Pattern(
        "before_may_recess",
        _rx(_UITERLIJK + _VOOR + _ + r"het" + _ + r"meireces" + _OPT_YEAR),
        _before_recess("meireces"),
    ),
    _Pattern(
        "within",
        _rx(
            r"(?:(?:uiterlijk"
            + _
            + r")?binnen|over|na)"
            + _
            + r"(?:de"
            + _
            + r"|een"
            + _
            + r"periode"
            + _
            + r"van"
            + _
            + r")?(?:komende"
            + _
            + r")?"
            r"(?:(?P<half>(?:een"
            + _
            + r")?(?:half"
            + _
            + r"jaar|halfjaar))|(?P<n>"
            + _NUMBER
            + r")"
            + _
            + r"(?P<unit>werkdagen|dagen|dag|weken|week|maanden|maand|jaren|jaar))"
        ),
        _within,
    ),
    _Pattern("before_prinsjesdag", _rx(_UITERLIJK + _VOOR + _ + r"Prinsjesdag" + _OPT_NUM_YEAR), _before_prinsjesdag),
    _Pattern(
        "prinsjesdag",
        _rx(
            r"(?:(?:op|met|rond|bij)"
            + _
            + r"Prinsjesdag"
            + _OPT_NUM_YEAR
            + r"|(?:bij|in|met)"
            + _
            + r"de"
            + _
            + r"(?:ontwerp)?(?:begroting|Miljoenennota)(?:"
            + _
            + r"(?:voor|van)"
            + _
            + r"(?P<byear>"
            + _YEAR
            + r"))?)"
        ),
        _prinsjesdag,
    ),
    _Pattern(
        "voorjaarsnota", _rx(r"(?:bij|in|met)" + _ + r"de" + _ + r"Voorjaarsnota" + _OPT_NUM_YEAR), _voorjaarsnota
    ),
    _Pattern(
        "no_date",
        _rx(
            r"(?:op"
            + _
            + r"(?:zeer"
            + _
            + r")?korte"
            + _
            + r"termijn|zo"
            + _
            + r"(?:spoedig|snel)"
            + _
            + r"(?:als"
            + _
            + r")?mogelijk|zo"
            + _
            + r"(?:spoedig|snel)"
            + _
            + r"als"
            + _
            + r"dat"
            + _
            + r"kan"
            r"|binnenkort|spoedig|te" + _ + r"zijner" + _ + r"tijd|op" + _ + r"termijn"
            r"|(?:na|zodra|nadat)"
            + _
            + r"(?:ontvangst|afronding|vaststelling|publicatie|oplevering|afloop)"
            + _
            + r"van"
            + _
            + r"(?:het|de|dit|deze)"
            + _
            + r"[\w-]+"
            r"|in" + _ + r"de" + _ + r"komende" + _ + r"(?:periode|tijd|maanden|weken|jaren)"
            r"|rond"
            + _
            + r"de"
            + _
            + r"(?:zomer|jaarwisseling|kerst)|(?:in|voor|na|tijdens)"
            + _
            + r"de"
            + _
            + r"winter"
            r"|(?:in"
            + _
            + r")?de"
            + _
            + r"loop"
            + _
            + r"van"
            + _
            + r"(?:het|dit|dit"
            + _
            + r"kalender|volgend)"
            + _
            + r"jaar|in"
            + _
            + r"het"
            + _
            + r"nieuwe"
            + _
            + r"jaar|na"
            + _
            + r"de"
            + _
            + r"verkiezingen"
            r"|(?:voor|vóór|bij|tijdens)"
            + _
            + r"de"
            + _
            + r"(?:begrotingsbehandeling|behandeling"
            + _
            + r"van"
            + _
            + r"de"
            + _
            + r"begroting))"
        ),
        _no_date,
    ),
)


def _candidates(text: str) -> list[tuple[int, int, _Pattern, re.Match]]:
    found = []
    for p in PATTERNS:
        for m in p.rx.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), p, m))
    found.sort(key=lambda t: (t[0], t[1]))
    # drop candidates inside an earlier, longer one
    kept, end = [], -1
    for start, neg_len, p, m in found:
        if start < end:
            continue
        kept.append((start, neg_len, p, m))
        end = start - neg_len
    return kept


def find_deadline(sentence: str | None) -> str | None:
    """The deadline phrase of ``sentence`` as written ("voor de zomer", "op
    3 februari a.s.", "op korte termijn"), or None. The first phrase in the
    sentence wins; a past date ("14 januari jl.") is never a deadline. White
    space inside the phrase is folded to single spaces."""
    if not sentence or not isinstance(sentence, str):
        return None
    try:
        vague = None
        for _s, _n, p, m in _candidates(sentence[:20000]):
            if p.past:
                continue
            if p.name != "explicit_date" and re.search(
                r"\b(?:vanaf|sinds|vanuit)\s+$", sentence[max(0, m.start() - 12) : m.start()], re.I
            ):
                continue  # "vanaf dit jaar": where a series starts, not a deadline
            if p.name == "explicit_date" and re.search(
                r"\b(?:d\.\s?d\.?|van|gedateerd|dd)\s*$", sentence[max(0, m.start() - 12) : m.start()], re.I
            ):
                continue  # "de brief van 4 februari 2009", "d.d. 2 mei 2011": a paper cited, not a deadline
            phrase = re.sub(r"\s+", " ", m.group(0)).strip()
            if p.name != "no_date":
                return phrase
            # "op korte termijn, in ieder geval ruim voor ... (1 december 2023)": the dated phrase wins
            vague = vague or phrase
        if vague:
            return vague
    except (re.error, RecursionError):  # pragma: no cover - defensive
        return None
    return None


def resolve_deadline(phrase: str | None, paper_date: dt.date | None, calendar: Calendar | None = None) -> Deadline:
    """The due date and precision of a deadline ``phrase`` written in a paper
    dated ``paper_date`` (see the module docstring and each resolver for the
    reading, all from DOMAIN.md's table). Unknown phrases and phrases without
    a computable day give ``Deadline(None, "none")``. Never raises."""
    if not phrase or not isinstance(phrase, str):
        return NO_DEADLINE
    if paper_date is not None and isinstance(paper_date, dt.datetime):
        paper_date = paper_date.date()
    if paper_date is not None and not isinstance(paper_date, dt.date):
        paper_date = None
    cal = calendar or default_calendar()
    try:
        for _s, _n, p, m in _candidates(phrase[:20000]):
            try:
                result = p.resolve(_Ctx(m, paper_date, cal))
            except (ValueError, OverflowError, KeyError, TypeError):
                result = None
            if result is not None:
                return result
            return NO_DEADLINE
        return NO_DEADLINE
    except (re.error, RecursionError):  # pragma: no cover - defensive
        return NO_DEADLINE


def deadline_of(
    sentence: str, paper_date: dt.date | None, calendar: Calendar | None = None
) -> tuple[str | None, Deadline]:
    """:func:`find_deadline` and :func:`resolve_deadline` in one step."""
    phrase = find_deadline(sentence)
    return phrase, resolve_deadline(phrase, paper_date, calendar) if phrase else NO_DEADLINE
