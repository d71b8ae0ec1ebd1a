"""The answer term of written questions.

Source: Reglement van Orde van de Tweede Kamer (art. 12.3 / 12.4 in the 2022
text): answers within three weeks; a minister who cannot must say so with
reasons, which buys three more weeks. The Kamer's Monday list "Niet op tijd
beantwoorde Kamervragen" counts exactly so: due = submitted + 21 days, or
submitted + 21 + 21 once a postponement notice is known (DOMAIN.md). A later
date named in a notice is recorded on the Postponement and shown, not trusted.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings


def term_due(submitted: dt.date | None) -> dt.date | None:
    if submitted is None:
        return None
    return submitted + dt.timedelta(days=settings.ANSWER_TERM_DAYS)


def answer_due(submitted: dt.date | None, postponed: bool) -> dt.date | None:
    due = term_due(submitted)
    if due is None or not postponed:
        return due
    return due + dt.timedelta(days=settings.POSTPONEMENT_DAYS)


def due_on(submitted: dt.date | None, postponed_on: dt.date | None, on: dt.date) -> dt.date | None:
    """The due date as it stood on ``on``: a notice counts from its own date."""
    return answer_due(submitted, postponed=postponed_on is not None and postponed_on <= on)


def days_overdue(submitted, postponed_on, received, on: dt.date) -> int | None:
    """Days past the term as of ``on``; None when not overdue that day.
    A set answered on 15 February is overdue as of 14 February, not as of 16."""
    due = due_on(submitted, postponed_on, on)
    if due is None or due >= on:
        return None
    if received is not None and received <= on:
        return None
    return (on - due).days


def days_late(submitted, postponed_on, received) -> int | None:
    """How late an answered set came in (None when on time or unanswered)."""
    if received is None:
        return None
    due = due_on(submitted, postponed_on, received)
    if due is None or received <= due:
        return None
    return (received - due).days
