"""The numbers behind /stats/: per ministry and per office (the minister's
post), how many written-question sets came in, the share answered within
the term, the median days to an answer and how many are overdue now; open
and overdue commitments per ministry.

The rules are the querysets' (answered_late, overdue(on=day)); this module
only counts. A fixed number of queries whatever the size of the data: the
sets with their addressees in one, the late and overdue ids in one each,
the commitment counts grouped in the database.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.db.models import Count

from tracker.models import Commitment, QuestionSet

UNKNOWN = "Onbekend"


@dataclass
class Row:
    name: str
    received: int = 0  # sets addressed (asked)
    answered: int = 0
    on_time: int = 0
    overdue_now: int = 0
    days_to_answer: list[int] = field(default_factory=list, repr=False)

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.answered if self.answered else None

    @property
    def on_time_percent(self) -> int | None:
        share = self.on_time_share
        return None if share is None else round(share * 100)

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days_to_answer) if self.days_to_answer else None


@dataclass
class CommitmentRow:
    name: str
    open: int = 0
    overdue: int = 0


@dataclass
class Stats:
    today: dt.date
    per_ministry: list[Row]
    per_office: list[Row]
    commitments: list[CommitmentRow]


def _sorted(rows: dict) -> list:
    return sorted(rows.values(), key=lambda r: (r.name == UNKNOWN, r.name.lower()))


def question_stats(today: dt.date) -> tuple[list[Row], list[Row]]:
    late = set(QuestionSet.objects.answered_late().values_list("pk", flat=True))
    overdue = set(QuestionSet.objects.overdue(on=today).values_list("pk", flat=True))
    rows = (
        QuestionSet.objects.written()
        .filter(submitted__lte=today)
        .values_list("pk", "addressed_to__ministry__name", "addressed_to__title", "submitted", "received")
    )
    sets: dict[int, dict] = {}
    for pk, ministry, office, submitted, received in rows:
        entry = sets.setdefault(
            pk, {"ministries": set(), "offices": set(), "submitted": submitted, "received": received}
        )
        if ministry:
            entry["ministries"].add(ministry)
        if office:
            entry["offices"].add(office)
    per_ministry: dict[str, Row] = {}
    per_office: dict[str, Row] = {}
    for pk, entry in sets.items():
        # a set addressed to two offices of one ministry counts once there; "Onbekend" only when none is known
        for table, names in ((per_ministry, entry["ministries"]), (per_office, entry["offices"])):
            for name in names or {UNKNOWN}:
                row = table.setdefault(name, Row(name))
                row.received += 1
                received, submitted = entry["received"], entry["submitted"]
                if received is not None and received <= today:
                    row.answered += 1
                    row.on_time += pk not in late
                    if submitted is not None:
                        row.days_to_answer.append((received - submitted).days)
                row.overdue_now += pk in overdue
    return _sorted(per_ministry), _sorted(per_office)


def commitment_stats(today: dt.date) -> list[CommitmentRow]:
    rows: dict[str, CommitmentRow] = {}
    key = "actor_office__ministry__name"
    for item in Commitment.objects.open().values(key).annotate(n=Count("pk")).order_by():
        name = item[key] or UNKNOWN
        rows.setdefault(name, CommitmentRow(name)).open += item["n"]
    for item in Commitment.objects.overdue(on=today).values(key).annotate(n=Count("pk")).order_by():
        name = item[key] or UNKNOWN
        rows.setdefault(name, CommitmentRow(name)).overdue += item["n"]
    return _sorted(rows)


def build(today: dt.date) -> Stats:
    per_ministry, per_office = question_stats(today)
    return Stats(today=today, per_ministry=per_ministry, per_office=per_office, commitments=commitment_stats(today))


# ---------------------------------------------------------------- chart


@dataclass
class Bar:
    label: str
    value: float
    text: str
    y: int
    width: float


@dataclass
class BarChart:
    """Geometry of a horizontal bar chart; templates/tracker/_bar_chart.svg draws it."""

    title: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int
    plot_width: int


def bar_chart(
    title: str, items: list[tuple[str, float, str]], *, maximum: float | None = None, text_width: int = 240
) -> BarChart:
    """``items``: (label, value, text shown at the bar's end, ``text_width`` wide)."""
    label_width, plot_width, bar_height, gap = 260, 360, 22, 10
    top = max((v for _, v, _ in items), default=0)
    maximum = maximum or top or 1
    bars = [
        Bar(label, value, text, y=i * (bar_height + gap), width=round(plot_width * value / maximum, 1))
        for i, (label, value, text) in enumerate(items)
    ]
    height = max(len(bars) * (bar_height + gap), bar_height + gap)
    return BarChart(
        title=title,
        bars=bars,
        width=label_width + plot_width + text_width,
        height=height,
        label_width=label_width,
        bar_height=bar_height,
        plot_width=plot_width,
    )
