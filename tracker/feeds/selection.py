"""Which records a feed carries: the list pages' own filters
(tracker/review/filters.py) over the feed's base rows, so ``ministry=…&status=open``
means in a feed what it means on the list page.

``?kind=commitments`` or ``?kind=questions`` picks one list, and then that
list's filter parameters apply. Without ``kind`` a feed carries both lists,
and a parameter applies to both, as each list takes it; a parameter that
only one list has (``dossier``, ``due_from``, …) needs ``kind``, and the
feed says so instead of quietly filtering one half.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db.models import Model, QuerySet
from django.http import QueryDict
from django.utils import formats

from tracker.feeds.tokens import PARAMETER as TOKEN
from tracker.review.filters import CommitmentFilter, QuestionSetFilter

COMMITMENTS = "commitments"
QUESTIONS = "questions"
FILTERS = {COMMITMENTS: CommitmentFilter, QUESTIONS: QuestionSetFilter}
LABELS = {COMMITMENTS: "toezeggingen", QUESTIONS: "Kamervragen"}
#: parameters of the feed itself, never passed to a list's filters
OWN = ("kind", TOKEN, "page", "page_size", "format")


class BadFilter(ValueError):
    """A parameter the feed cannot apply; the message says which and why, in Dutch."""


@dataclass
class Selection:
    """The filtered rows per list (``kind`` → queryset) and what was asked, in words."""

    rows: dict[str, QuerySet] = field(default_factory=dict)
    described: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        lists = " en ".join(LABELS[kind] for kind in self.rows)
        return ", ".join([f"Termijnen {lists}", *self.described])


def filter_params(params: QueryDict) -> QueryDict:
    """The list filters in ``params``. A list page asked without filters opens on what needs
    action (DayFilterSet); a feed asked without ``status`` carries every open item: a
    subscription means what its address says, whatever the pages open on."""
    data = params.copy()
    for name in OWN:
        data.pop(name, None)
    data.setdefault("status", "")
    return data


def kinds_asked(params: QueryDict) -> list[str]:
    kind = params.get("kind", "")
    if not kind:
        return list(FILTERS)
    if kind not in FILTERS:
        raise BadFilter(f"kind={kind} bestaat niet: kies kind={COMMITMENTS} of kind={QUESTIONS}.")
    return [kind]


def select(params: QueryDict, bases: dict[str, QuerySet], today: dt.date) -> Selection:
    """``bases[kind]`` narrowed by the list filters in ``params``; BadFilter for what cannot apply."""
    kinds = kinds_asked(params)
    data = filter_params(params)
    if len(kinds) > 1:
        shared = set.intersection(*(set(FILTERS[kind].base_filters) for kind in kinds))
        known = set.union(*(set(FILTERS[kind].base_filters) for kind in kinds))
        single = sorted(name for name in data if name in known and name not in shared)
        if single:
            raise BadFilter(
                f"{', '.join(single)} hoort bij één lijst: geef ook kind={COMMITMENTS} of kind={QUESTIONS} mee."
            )
    selection = Selection()
    for kind in kinds:
        filterset = FILTERS[kind](data, queryset=bases[kind], today=today)
        if not filterset.is_valid():
            raise BadFilter(" ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.form.errors.items()))
        selection.rows[kind] = filterset.qs
        for words in describe(filterset.form):
            if words not in selection.described:
                selection.described.append(words)
    return selection


def describe(form: forms.Form) -> list[str]:
    """The filters in use, as "Label: value" in Dutch (the calendar's name says what it holds)."""
    out = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", [], ()) or name == "sort":
            continue
        bound = form.fields[name]
        if isinstance(value, Model):
            shown = str(value)
        elif isinstance(value, dt.date):
            shown = formats.date_format(value, "j F Y")
        elif isinstance(value, bool):
            shown = "ja" if value else "nee"
        elif isinstance(bound, forms.ChoiceField):
            shown = str(dict(bound.choices).get(value, value))
        else:
            shown = str(value)
        out.append(f"{bound.label}: {shown}")
    return out
