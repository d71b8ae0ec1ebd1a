"""The rows one paper writes, written together.

A step adds the rows it makes (``Rows.add``), and the stored rows it
changes without reading them back (``Rows.change``); a new row gets its id at once,
so the rows that point at it can be made before anything is written, and
``flush`` writes them all: on PostgreSQL in one round trip (one INSERT per
table, sent as one multi-statement query), elsewhere one INSERT per table.
A step that must read what the paper wrote flushes first.

Ids come from the tables' own sequences (PostgreSQL: ``nextval``, reserved
in advance by ``reserve_sql`` in the paper's first statement; SQLite, whose
ingest transaction holds the write lock from its start: after the highest id
the table ever had). Foreign keys are checked at commit (Django creates them
deferred), so the order of the INSERTs does not matter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models.expressions import DatabaseDefault

M = TypeVar("M", bound=models.Model)

#: fields whose prepared value is the Python value itself on PostgreSQL (the driver adapts it)
PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.FloatField,
    models.DateField,
    models.ForeignKey,
    models.AutoField,
    models.BigAutoField,
)
PLAIN_VALUES = frozenset({int, str, float, dt.date, type(None)})


def is_new(obj: models.Model) -> bool:
    """``obj`` is not in the database yet (added, not flushed; or never added)."""
    return obj._state.adding


def _sequence_sql(model: type[models.Model]) -> str:
    return (
        f"ARRAY(SELECT nextval(pg_get_serial_sequence('{model._meta.db_table}', '{model._meta.pk.column}')) "
        "FROM generate_series(1, %s))"
    )


class Rows:
    def __init__(self) -> None:
        self._ids: dict[type, list[int]] = {}
        self._next: dict[type, int] = {}  # SQLite: the next free id of a table
        self._rows: dict[type, list[models.Model]] = {}
        self._changes: list[tuple[models.Model, tuple[str, ...]]] = []

    # ids

    def reserve_sql(self, counts: dict[type[models.Model], int]) -> tuple[list[str], list, list[type]]:
        """Select-list items (and their parameters) that reserve ``counts`` ids
        on PostgreSQL, to be sent with another statement; hand the selected
        arrays to ``reserved``."""
        models_ = [m for m, n in counts.items() if n > 0]
        return [_sequence_sql(m) for m in models_], [counts[m] for m in models_], models_

    def reserved(self, models_: list[type], arrays: Iterable[list[int]]) -> None:
        for model, ids in zip(models_, arrays):
            self._ids.setdefault(model, []).extend(ids)

    def _take(self, model: type[models.Model], n: int) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT " + _sequence_sql(model), [n])
                self._ids.setdefault(model, []).extend(cursor.fetchone()[0])
            return
        if model not in self._next:
            table, pk = (connection.ops.quote_name(n) for n in (model._meta.db_table, model._meta.pk.column))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
                    f"COALESCE((SELECT MAX({pk}) FROM {table}), 0))",
                    [model._meta.db_table],
                )
                self._next[model] = cursor.fetchone()[0] + 1
        start = self._next[model]
        self._next[model] = start + n
        self._ids.setdefault(model, []).extend(range(start, start + n))

    # rows

    def add(self, obj: M) -> M:
        """``obj`` is a new row of the paper: it gets its id now and is written at ``flush``."""
        model = type(obj)
        pool = self._ids.get(model)
        if not pool:
            self._take(model, 8)
            pool = self._ids[model]
        obj.pk = pool.pop(0)
        self._rows.setdefault(model, []).append(obj)
        return obj

    def extend(self, objs: Iterable[M]) -> list[M]:
        return [self.add(obj) for obj in objs]

    def change(self, obj: models.Model, fields: Iterable[str]) -> None:
        """Stored row ``obj`` changed in ``fields``: written at ``flush``."""
        self._changes.append((obj, tuple(fields)))

    def flush(self) -> None:
        """Write every row added or changed since the last flush."""
        if not self._rows and not self._changes:
            return
        conn = connections[DEFAULT_DB_ALIAS]
        statements = []
        for model, objs in self._rows.items():
            for obj in objs:  # a related row added after this one was made has its id now
                obj._prepare_related_fields_for_save(operation_name="flush")
            fields = [f for f in model._meta.concrete_fields if not f.generated]
            size = conn.ops.bulk_batch_size(fields, objs) or len(objs)
            statements += [_insert(conn, model, fields, objs[i : i + size]) for i in range(0, len(objs), size)]
        statements += [_update(conn, obj, names) for obj, names in self._changes]
        with conn.cursor() as cursor:
            if conn.vendor == "postgresql":
                cursor.execute("; ".join(sql for sql, _ in statements), [p for _, params in statements for p in params])
            else:
                for sql, params in statements:
                    cursor.execute(sql, params)
        for objs in self._rows.values():
            for obj in objs:
                obj._state.adding = False
                obj._state.db = conn.alias
        self._rows, self._changes = {}, []


def _update(conn, obj: models.Model, names: tuple[str, ...]) -> tuple[str, list]:
    fields = [obj._meta.get_field(name) for name in names]
    qn = conn.ops.quote_name
    return (
        f"UPDATE {qn(obj._meta.db_table)} SET {', '.join(qn(f.column) + ' = %s' for f in fields)} "
        f"WHERE {qn(obj._meta.pk.column)} = %s",
        [*(f.get_db_prep_save(f.pre_save(obj, False), conn) for f in fields), obj.pk],
    )


def _insert(conn, model: type[models.Model], fields: list, objs: list[models.Model]) -> tuple[str, list]:
    """One INSERT of ``objs``, their values prepared by their fields as ``bulk_create`` prepares them
    (written out: the ORM's insert compiler took more CPU than the database took to insert). On
    PostgreSQL a plain value of a plain field goes to the driver as it is."""
    plain = [
        conn.vendor == "postgresql" and isinstance(f, PLAIN_FIELDS) and not isinstance(f, models.DateTimeField)
        for f in fields
    ]
    params = []
    for obj in objs:
        for f, as_is in zip(fields, plain):
            value = f.pre_save(obj, True)
            if as_is and type(value) in PLAIN_VALUES:
                params.append(value)
                continue
            if isinstance(value, DatabaseDefault):  # a field with a default in the database only
                value = f.db_default
            if hasattr(value, "resolve_expression"):
                raise ValueError(
                    f"{model.__name__}.{f.name}: a database expression cannot be written with a paper's rows"
                )
            params.append(f.get_db_prep_save(value, conn))
    qn = conn.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    return (
        f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"VALUES {', '.join([row] * len(objs))}",
        params,
    )
