"""Statistics over time (/stats/trends/): per ministry, per post or per
minister, and per cabinet or per year.

For each group and period: the written-question sets asked, the share of
the answered ones answered within the term, the median days to an answer,
how many got a postponement notice, how many are overdue now; the
commitments made, kept (fulfilled, also partly), overdue now and lapsed.

Which period a record belongs to: a question set by the day it was asked, a
commitment by the date of the paper that made it. Which group: a set by the
ministries and posts it was addressed to and the minister who answered it
(the answer's first signatory); a commitment by the post that made it and
the first signatory of its paper. A record with no known group counts under
"Onbekend". The rules (late, overdue) are the querysets'; this module only
counts, with a fixed number of queries whatever the size of the data.
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import FilteredRelation, Q

from tracker.models import Cabinet, Commitment, MinisterRole, QuestionSet

UNKNOWN = "Onbekend"

#: how a record is grouped: the choices of the page's "per" selector
GROUPINGS = {"ministry": "ministerie", "office": "ambt", "minister": "bewindspersoon"}
#: how time is cut
PERIODS = {"cabinet": "kabinet", "year": "jaar"}

_ANSWERING = (MinisterRole.Role.ANSWERER, MinisterRole.Role.SIGNATORY)


@dataclass(frozen=True)
class Period:
    key: str  # "Rutte III" or "2021"
    label: str  # "Rutte III (26 oktober 2017 – 10 januari 2022)" is the template's; this is the name
    start: dt.date
    end: dt.date | None  # exclusive; None: still running


@dataclass
class Cell:
    """One group in one period."""

    asked: int = 0
    answered: int = 0
    on_time: int = 0
    postponed: int = 0
    overdue_now: int = 0
    days_to_answer: list[int] = field(default_factory=list, repr=False)
    commitments_made: int = 0
    commitments_kept: int = 0
    commitments_overdue: int = 0
    commitments_lapsed: int = 0

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.answered) if self.answered else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days_to_answer) if self.days_to_answer else None

    def add(self, other: Cell) -> None:
        for name in (
            "asked",
            "answered",
            "on_time",
            "postponed",
            "overdue_now",
            "commitments_made",
            "commitments_kept",
            "commitments_overdue",
            "commitments_lapsed",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days_to_answer.extend(other.days_to_answer)


@dataclass
class Trends:
    today: dt.date
    grouping: str
    per: str
    periods: list[Period]
    groups: list[str]
    cells: dict[tuple[str, str], Cell]  # (group, period key) → Cell
    totals: dict[str, Cell]  # period key → all groups together (a set addressed to two ministries counts once)

    def cell(self, group: str, period: str) -> Cell:
        return self.cells.get((group, period)) or Cell()

    def rows(self) -> Iterable[tuple[str, Period, Cell]]:
        """(group, period, cell) for every combination with something in it, groups by name, periods in order."""
        for group in self.groups:
            for period in self.periods:
                cell = self.cells.get((group, period.key))
                if cell is not None:
                    yield group, period, cell


def cabinet_periods() -> list[Period]:
    """The cabinets staff keep (ParliamentaryRecess's sibling: data, not code), each until the next starts."""
    cabinets = list(Cabinet.objects.order_by("start"))
    periods = []
    for i, cab in enumerate(cabinets):
        following = cabinets[i + 1].start if i + 1 < len(cabinets) else None
        end = min(d for d in (cab.end, following) if d) if (cab.end or following) else None
        periods.append(Period(cab.name, cab.name, cab.start, end))
    return periods


def year_periods(first: int, last: int) -> list[Period]:
    return [Period(str(y), str(y), dt.date(y, 1, 1), dt.date(y + 1, 1, 1)) for y in range(first, last + 1)]


class _Finder:
    """The period a day falls in (binary search over the starts)."""

    def __init__(self, periods: list[Period]):
        self.periods = periods
        self.starts = [p.start for p in periods]

    def __call__(self, day: dt.date | None) -> Period | None:
        if day is None:
            return None
        i = bisect.bisect_right(self.starts, day) - 1
        if i < 0:
            return None
        period = self.periods[i]
        return period if period.end is None or day < period.end else None


def build(today: dt.date, grouping: str = "ministry", per: str = "cabinet") -> Trends:
    if grouping not in GROUPINGS:
        raise ValueError(f"onbekende groepering {grouping!r}")
    if per not in PERIODS:
        raise ValueError(f"onbekende periode {per!r}")
    sets = _question_sets(today, grouping)
    commitments = _commitments(today, grouping)
    if per == "cabinet":
        periods = cabinet_periods()
    else:
        days = [s["submitted"] for s in sets.values() if s["submitted"]] + [
            c["date"] for c in commitments.values() if c["date"]
        ]
        periods = year_periods(min(days).year, max(days).year) if days else []
    find = _Finder(periods)
    cells: dict[tuple[str, str], Cell] = {}
    totals: dict[str, Cell] = {}

    def targets(groups: set[str], period: Period) -> list[Cell]:
        out = [cells.setdefault((g, period.key), Cell()) for g in (groups or {UNKNOWN})]
        out.append(totals.setdefault(period.key, Cell()))
        return out

    for entry in sets.values():
        period = find(entry["submitted"])
        if period is None:
            continue
        for cell in targets(entry["groups"], period):
            cell.asked += 1
            cell.postponed += entry["postponed"]
            cell.overdue_now += entry["overdue"]
            if entry["received"] is not None and entry["received"] <= today:
                cell.answered += 1
                cell.on_time += not entry["late"]
                cell.days_to_answer.append((entry["received"] - entry["submitted"]).days)
    for entry in commitments.values():
        period = find(entry["date"])
        if period is None:
            continue
        for cell in targets(entry["groups"], period):
            cell.commitments_made += 1
            cell.commitments_kept += entry["status"] in (
                Commitment.Status.FULFILLED,
                Commitment.Status.PARTIALLY_FULFILLED,
            )
            cell.commitments_lapsed += entry["status"] == Commitment.Status.LAPSED
            cell.commitments_overdue += entry["overdue"]
    groups = sorted({g for g, _ in cells}, key=lambda g: (g == UNKNOWN, g.lower()))
    used = {p for _, p in cells}
    return Trends(
        today=today,
        grouping=grouping,
        per=per,
        periods=[p for p in periods if p.key in used],
        groups=groups,
        cells=cells,
        totals=totals,
    )


def _question_sets(today: dt.date, grouping: str) -> dict[int, dict]:
    late = set(QuestionSet.objects.answered_late().values_list("pk", flat=True))
    overdue = set(QuestionSet.objects.overdue(on=today).values_list("pk", flat=True))
    qs = QuestionSet.objects.written().filter(submitted__isnull=False, submitted__lte=today)
    if grouping == "ministry":
        group = "addressed_to__ministry__name"
    elif grouping == "office":
        group = "addressed_to__title"
    else:
        qs = qs.annotate(
            answering=FilteredRelation(
                "answer_document__minister_roles",
                condition=Q(
                    answer_document__minister_roles__role__in=_ANSWERING, answer_document__minister_roles__position=0
                ),
            )
        )
        group = "answering__person__name"
    out: dict[int, dict] = {}
    for pk, submitted, received, postponed_on, name in qs.values_list(
        "pk", "submitted", "received", "postponed_on", group
    ).order_by():
        entry = out.setdefault(
            pk,
            {
                "submitted": submitted,
                "received": received,
                "groups": set(),
                "postponed": postponed_on is not None,
                "late": pk in late,
                "overdue": pk in overdue,
            },
        )
        if name:
            entry["groups"].add(name)
    return out


def _commitments(today: dt.date, grouping: str) -> dict[int, dict]:
    overdue = set(Commitment.objects.overdue(on=today).values_list("pk", flat=True))
    qs = Commitment.objects.live().filter(source_document__date__isnull=False, source_document__date__lte=today)
    if grouping == "ministry":
        group = "actor_office__ministry__name"
    elif grouping == "office":
        group = "actor_office__title"
    else:
        qs = qs.annotate(
            signing=FilteredRelation(
                "source_document__minister_roles",
                condition=Q(
                    source_document__minister_roles__role__in=_ANSWERING, source_document__minister_roles__position=0
                ),
            )
        )
        group = "signing__person__name"
    out: dict[int, dict] = {}
    for pk, date, status, name in qs.values_list("pk", "source_document__date", "status", group).order_by():
        entry = out.setdefault(pk, {"date": date, "status": status, "groups": set(), "overdue": pk in overdue})
        if name:
            entry["groups"].add(name)
    return out


CSV_HEADER = [
    "groep",
    "periode",
    "vragensets gesteld",
    "beantwoord",
    "binnen de termijn",
    "binnen de termijn (%)",
    "mediaan dagen tot antwoord",
    "uitgesteld",
    "nu te laat",
    "toezeggingen gedaan",
    "nagekomen",
    "nu te laat (toezeggingen)",
    "vervallen",
]


def csv_rows(trends: Trends) -> Iterable[list]:
    for group, period, cell in trends.rows():
        yield [
            group,
            period.key,
            cell.asked,
            cell.answered,
            cell.on_time,
            "" if cell.on_time_percent is None else cell.on_time_percent,
            "" if cell.median_days is None else cell.median_days,
            cell.postponed,
            cell.overdue_now,
            cell.commitments_made,
            cell.commitments_kept,
            cell.commitments_overdue,
            cell.commitments_lapsed,
        ]
