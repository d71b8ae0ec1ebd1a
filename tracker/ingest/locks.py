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

The same first statement says whether the paper's commit waits for the disk
(``lock_paper(wait_for_disk=False)`` in a run of papers, which ends with
``flush()``): on this kind of machine a commit that waits costs 3–8 ms, more
than storing a paper's rows.
"""

from __future__ import annotations

import zlib

from django.db import connection, transaction

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


def lock_paper(parsed: ParsedDocument, *, wait_for_disk: bool = True, also: tuple[list[str], list] = ((), ())) -> tuple:
    """Take the paper's locks inside the current transaction (PostgreSQL only).
    ``also``: more select-list items (and their parameters) for the same
    statement; returns their values.

    ``wait_for_disk=False``: the transaction's commit does not wait for its
    WAL to reach the disk (``synchronous_commit`` off, for this transaction
    only). A crash of the database server may then lose the last papers
    committed, never a part of one; a run of papers ends with ``flush()``,
    after which everything it reported stored is on disk."""
    if connection.vendor != "postgresql":
        return ()
    calls, params = [], []
    if not wait_for_disk:
        calls.append("set_config('synchronous_commit', 'off', true)")
    for name, exclusive in locks_for(parsed):  # one statement; PostgreSQL takes them left to right
        calls.append(("pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared") + "(%s, %s)")
        params += [NAMESPACE, _key(name)]
    taken = len(calls)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([*calls, *also[0]]), [*params, *also[1]])
        return tuple(cursor.fetchone()[taken:])


def flush() -> None:
    """Have every transaction committed so far on disk: a commit that waits
    for the disk writes the WAL up to its own record, and so every commit
    before it. Its transaction writes one WAL record of its own (a logical
    message, no row) to have a commit record that waits."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('synchronous_commit', 'on', true), "
            "pg_logical_emit_message(true, 'tracker.ingest', 'flush')"
        )
