"""What the commitment list searches and filters on, kept on the commitment.

The list finds a commitment by words in its sentence *or in the subject of
the question set it answers*, and by the party of that set's askers. Asked
through the joins (commitment → answer → set → askers), both conditions made
PostgreSQL visit every commitment and count through a million sets: 0.8–2.1 s
a page (BENCHMARKS.md). So each commitment keeps, derived from its sources:

* ``search_text``: the searchable form of its sentence and its set's subject
  (``search.normalize``, the form the query's words take too, so both
  databases agree), one column with one trigram index (migration 0005);
* ``asker_parties``: the parties its set's askers sat for.

Derived data only, never edited: ``refresh(...)`` recomputes it for a scope
(one read, one update of what changed, and the parties in two set-based
statements); a paper's new commitments get their text as they are inserted
(``text_for``), so only their parties are added. Every save through the ORM keeps it (the
signals below: the admin, the review pages, the lifecycle); ``tracker.ingest.run.store``
writes in bulk, which sends no signals, so it runs inside ``batch()`` and
refreshes once per paper for everything it touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypedDict

from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tracker.domain.search import normalize
from tracker.models import Answer, Asker, Commitment, QuestionSet

#: rows read and written at a time when everything is refreshed
CHUNK = 2_000


def text_for(sentence: str, subject: str | None) -> str:
    """A commitment's search text: its sentence and the subject of the set it answers, normalized."""
    return f"{normalize(sentence or '')} {normalize(subject or '')}".rstrip()


class _Scope(TypedDict):
    """What ``refresh`` is asked to recompute (its keyword arguments)."""

    commitments: set[int]
    question_sets: set[int]
    documents: set[int]
    fresh: set[int]


#: inside ``batch()``: the scope to refresh when it ends, else None
_pending: ContextVar[_Scope | None] = ContextVar("commitment_index_pending", default=None)


def _ids(commitments: set[int], question_sets: set[int], documents: set[int]) -> list[int]:
    """The commitments in scope, one indexed lookup per kind (an OR of the three over the
    answers join made PostgreSQL scan every commitment: 11 ms a paper at 6,000)."""
    ids = set(commitments)
    if question_sets:
        ids.update(Commitment.objects.filter(answer__question_set__in=list(question_sets)).values_list("pk", flat=True))
    if documents:
        ids.update(Commitment.objects.filter(source_document__in=list(documents)).values_list("pk", flat=True))
    return sorted(ids)


def refresh(
    commitments: Iterable[int] = (),
    question_sets: Iterable[int] = (),
    documents: Iterable[int] = (),
    everything: bool = False,
    fresh: Iterable[int] = (),
) -> None:
    """Recompute the derived columns of the commitments named, of those that
    answer the question sets named and of those found in the documents named
    (or of every commitment). ``fresh``: commitments just inserted, which have
    no parties listed yet."""
    fresh = set(fresh)
    # the commitments in scope; None: every one
    ids = None if everything else _ids(set(commitments) | fresh, set(question_sets), set(documents))
    if ids == []:
        return
    rows = Commitment.objects.all() if ids is None else Commitment.objects.filter(pk__in=sorted(set(ids) - fresh))
    stale = []
    for pk, sentence, subject, current in (
        rows.order_by("pk")
        .values_list("pk", "sentence", "answer__question_set__subject", "search_text")
        .iterator(chunk_size=CHUNK)
    ):
        text = text_for(sentence, subject)
        if text != current:
            stale.append(Commitment(pk=pk, search_text=text))
        if len(stale) >= CHUNK:
            Commitment.objects.bulk_update(stale, ["search_text"])
            stale = []
    Commitment.objects.bulk_update(stale, ["search_text"])

    through = Commitment.asker_parties.through
    if ids is None:
        through.objects.all().delete()
    elif set(ids) - fresh:
        through.objects.filter(commitment_id__in=[pk for pk in ids if pk not in fresh]).delete()
    table, c, a = (
        connection.ops.quote_name(n) for n in (through._meta.db_table, Commitment._meta.db_table, Answer._meta.db_table)
    )
    asker = connection.ops.quote_name(Asker._meta.db_table)
    where, params = ("", []) if ids is None else (f"AND c.id IN ({', '.join(['%s'] * len(ids))})", ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (commitment_id, party_id) "
            f"SELECT DISTINCT c.id, k.party_id FROM {c} c JOIN {a} a ON a.id = c.answer_id "
            f"JOIN {asker} k ON k.question_set_id = a.question_set_id WHERE k.party_id IS NOT NULL {where}",
            params,
        )


@contextmanager
def batch():
    """Collect the refreshes asked for inside (by ``touch`` or a signal) and do
    them once at the end (not on an exception: the transaction is rolled back)."""
    if _pending.get() is not None:  # nested: the outer batch refreshes
        yield
        return
    pending: _Scope = {"commitments": set(), "question_sets": set(), "documents": set(), "fresh": set()}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    refresh(**pending)


def touch(
    commitments: Iterable[int] = (),
    question_sets: Iterable[int] = (),
    documents: Iterable[int] = (),
    fresh: Iterable[int] = (),
) -> None:
    """Refresh now, or at the end of the current ``batch()``."""
    pending = _pending.get()
    if pending is None:
        refresh(commitments, question_sets, documents, fresh=fresh)
        return
    pending["commitments"].update(commitments)
    pending["question_sets"].update(question_sets)
    pending["documents"].update(documents)
    pending["fresh"].update(fresh)


@receiver(post_save, sender=Commitment)
def _commitment_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not {"sentence", "answer", "answer_id"} & set(update_fields):
        return  # a status or date change: nothing derived changed
    touch(commitments=[instance.pk])


@receiver(post_save, sender=QuestionSet)
def _question_set_saved(sender, instance, raw=False, update_fields=None, created=False, **kwargs):
    if raw or created:  # a new set has no commitments yet
        return
    if update_fields is not None and "subject" not in update_fields:
        return
    touch(question_sets=[instance.pk])


@receiver(post_save, sender=Asker)
@receiver(post_delete, sender=Asker)
def _asker_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        touch(question_sets=[instance.question_set_id])
