"""The parliamentary calendar: recesses of the Tweede Kamer and Prinsjesdag.

Source: DOMAIN.md, "Recesses of the Tweede Kamer (reces)" — the table of
known recesses (from tweedekamer.nl, "Recessen") and the exact rule for years
not listed. A listed row (or, in the tracker, a ParliamentaryRecess row
corrected by staff) wins over the rule for that recess and year.

Plain Python: the tracker builds a :class:`Calendar` from its database rows and
passes it in; :func:`default_calendar` is built from :data:`RECESS_TABLE`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

FRIDAY = 4  # date.weekday()
TUESDAY = 1

#: The recess kinds in calendar order within a year.
RECESS_KINDS = ("voorjaarsreces", "meireces", "zomerreces", "herfstreces", "kerstreces")


@dataclass(frozen=True)
class Recess:
    """One recess: ``name`` is its kind ("zomerreces"); ``start`` the first
    day (a Friday), ``end`` the last day (a Monday)."""

    name: str
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        """The year the recess begins in (the kerstreces of 2023 ends in 2024)."""
        return self.start.year


#: DOMAIN.md's table of known recesses: (name, start, end). The Django data
#: migration loads these same rows into ParliamentaryRecess.
RECESS_TABLE: tuple[tuple[str, dt.date, dt.date], ...] = (
    ("zomerreces", dt.date(2022, 7, 8), dt.date(2022, 9, 5)),
    ("meireces", dt.date(2023, 4, 21), dt.date(2023, 5, 8)),
    ("zomerreces", dt.date(2023, 7, 7), dt.date(2023, 9, 4)),
    ("herfstreces", dt.date(2023, 10, 13), dt.date(2023, 10, 23)),
    ("kerstreces", dt.date(2023, 12, 22), dt.date(2024, 1, 15)),
    ("voorjaarsreces", dt.date(2024, 2, 16), dt.date(2024, 2, 26)),
    ("meireces", dt.date(2024, 4, 26), dt.date(2024, 5, 13)),
    ("zomerreces", dt.date(2024, 7, 5), dt.date(2024, 9, 2)),
)


def _friday_between(year: int, month: int, first_day: int) -> dt.date:
    """The Friday in the seven days from ``first_day`` of ``month``."""
    d = dt.date(year, month, first_day)
    return d + dt.timedelta(days=(FRIDAY - d.weekday()) % 7)


def _last_friday_on_or_before(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=(d.weekday() - FRIDAY) % 7)


def rule_recess(kind: str, year: int) -> Recess:
    """The recess of ``kind`` in ``year`` by DOMAIN.md's exact rule for years
    not listed (each begins on a Friday and ends on a Monday):

    - voorjaarsreces: the Friday from 13 to 19 February, ends 10 days later;
    - meireces: the last Friday on or before 26 April, ends 17 days later;
    - zomerreces: the Friday from 3 to 9 July, ends 59 days later;
    - herfstreces: the Friday from 12 to 18 October, ends 10 days later;
    - kerstreces: the last Friday before 25 December, ends 24 days later.
    """
    if kind == "voorjaarsreces":
        start, length = _friday_between(year, 2, 13), 10
    elif kind == "meireces":
        start, length = _last_friday_on_or_before(dt.date(year, 4, 26)), 17
    elif kind == "zomerreces":
        start, length = _friday_between(year, 7, 3), 59
    elif kind == "herfstreces":
        start, length = _friday_between(year, 10, 12), 10
    elif kind == "kerstreces":
        start, length = _last_friday_on_or_before(dt.date(year, 12, 24)), 24
    else:
        raise ValueError(f"unknown recess kind {kind!r}; expected one of {RECESS_KINDS}")
    return Recess(kind, start, start + dt.timedelta(days=length))


def prinsjesdag(year: int) -> dt.date:
    """Prinsjesdag: the third Tuesday of September (Grondwet art. 65 and the
    Wet van 1983; DOMAIN.md "voor Prinsjesdag")."""
    first = dt.date(year, 9, 1)
    return first + dt.timedelta(days=(TUESDAY - first.weekday()) % 7 + 14)


class Calendar:
    """Recesses by kind and year: listed rows first, DOMAIN.md's rule otherwise.

    ``recesses`` are :class:`Recess` objects (or ``(name, start, end)``
    tuples); the tracker passes the rows of its ParliamentaryRecess table.
    """

    def __init__(self, recesses: Iterable = ()):
        self._listed: dict[tuple[str, int], Recess] = {}
        for r in recesses:
            if not isinstance(r, Recess):
                r = Recess(*r)
            name = r.name.strip().lower()
            if name not in RECESS_KINDS:
                raise ValueError(f"unknown recess kind {r.name!r}")
            self._listed[(name, r.start.year)] = Recess(name, r.start, r.end)

    def __repr__(self) -> str:
        return f"Calendar({len(self._listed)} listed recesses)"

    def recess(self, kind: str, year: int) -> Recess:
        """The recess of ``kind`` beginning in ``year``: the listed row if
        there is one, else the rule (:func:`rule_recess`)."""
        kind = kind.strip().lower()
        listed = self._listed.get((kind, year))
        return listed if listed is not None else rule_recess(kind, year)

    def is_listed(self, kind: str, year: int) -> bool:
        return (kind.strip().lower(), year) in self._listed

    def next_recess(self, kind: str, after: dt.date) -> Recess:
        """The first recess of ``kind`` that begins strictly after ``after``."""
        for year in (after.year - 1, after.year, after.year + 1, after.year + 2):
            r = self.recess(kind, year)
            if r.start > after:
                return r
        raise AssertionError("unreachable: a recess of every kind falls in every year")

    def next_recess_start(self, kind: str, after: dt.date) -> dt.date:
        """The first day of the first recess of ``kind`` beginning after ``after``."""
        return self.next_recess(kind, after).start

    def recesses(self, year: int) -> list[Recess]:
        """All recesses beginning in ``year``, in calendar order."""
        return [self.recess(k, year) for k in RECESS_KINDS]

    def in_recess(self, day: dt.date) -> Recess | None:
        """The recess ``day`` falls in, or None."""
        for year in (day.year - 1, day.year):
            for r in self.recesses(year):
                if r.start <= day <= r.end:
                    return r
        return None

    @staticmethod
    def prinsjesdag(year: int) -> dt.date:
        return prinsjesdag(year)

    def next_prinsjesdag(self, after: dt.date, inclusive: bool = True) -> dt.date:
        """The first Prinsjesdag on or after ``after`` (strictly after when
        ``inclusive`` is false)."""
        d = prinsjesdag(after.year)
        if d > after or (inclusive and d == after):
            return d
        return prinsjesdag(after.year + 1)


@lru_cache(maxsize=1)
def default_calendar() -> Calendar:
    """The calendar of DOMAIN.md's table, with the rule for other years."""
    return Calendar(Recess(*row) for row in RECESS_TABLE)
