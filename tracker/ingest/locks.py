"""Papers that may belong together are never stored at the same time.

Two workers (``ingest --workers 2``, or two Celery workers taking uploads)
storing the question paper and the answer paper of one set at once would
each miss the other and make two sets; a letter stored while the letter it
cites is still being written would never have its reference resolved. So
every paper's transaction first takes PostgreSQL advisory locks, held until
it commits (``pg_advisory_xact_lock``):

* Kamerstukken (letters and other numbered papers, which cite each other by
  dossier and number): one lock for all of them;
* question papers, answers and notices with a submitted date: the lock of
  that date (a set's papers all carry it), plus a shared hold on the lock of
  all question papers;
* question papers without a submitted date: that lock of all question papers,
  exclusively (they are found by other means: their Aanhangsel number, a
  "Zie ook" paper).

The locks are always taken in this order, so they cannot deadlock each other.
SQLite allows one writer at a time and needs none of this.
"""
from __future__ import annotations

import zlib

from django.db import connection

from documents.parsing.model import ParsedDocument

#: the first key of every lock here (pg_advisory_xact_lock(int, int)): apart from other users' locks
NAMESPACE = zlib.crc32(b"tracker.papers") & 0x7FFFFFFF
ALL_QUESTIONS = "questions"
KAMERSTUKKEN = "kamerstukken"


def _key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF


def locks_for(parsed: ParsedDocument) -> list[tuple[str, bool]]:
    """(lock name, exclusive) in the order they are taken."""
    if (parsed.dossier and parsed.number) or parsed.kind == "letter":
        return [(KAMERSTUKKEN, True)]
    if parsed.submitted:
        return [(ALL_QUESTIONS, False), (f"{ALL_QUESTIONS}:{parsed.submitted.isoformat()}", True)]
    return [(ALL_QUESTIONS, True)]


def lock_paper(parsed: ParsedDocument) -> None:
    """Take the paper's locks inside the current transaction (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    calls, params = [], []
    for name, exclusive in locks_for(parsed):  # one statement; PostgreSQL takes them left to right
        calls.append(("pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared") + "(%s, %s)")
        params += [NAMESPACE, _key(name)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(calls), params)
