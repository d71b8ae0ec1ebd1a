"""Small database functions the set-based jobs need, written for both
backends the tracker runs on (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DateField, Func
from django.db.models.sql.compiler import SQLCompiler

#: what ``as_sql`` returns: the SQL and its parameters
_Sql = tuple[str, tuple[Any, ...]]


class AddDays(Func):
    """``date + n days`` as a date on SQLite and PostgreSQL alike (Django's
    date + timedelta yields a timestamp on PostgreSQL and text on SQLite)."""

    output_field = DateField()

    def __init__(self, expression: Any, days: int, **extra: Any) -> None:
        self.days = int(days)
        super().__init__(expression, **extra)

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> _Sql:
        # the SQL is fixed: Func's function, template and joiner do not apply
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(CAST({sql} AS DATE) + {self.days})", params

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any) -> _Sql:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.days:+d} days')", params
