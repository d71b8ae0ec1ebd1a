"""Small database functions the set-based jobs need, written for both
backends the tracker runs on (SQLite and PostgreSQL)."""
from django.db.models import DateField, Func


class AddDays(Func):
    """``date + n days`` as a date on SQLite and PostgreSQL alike (Django's
    date + timedelta yields a timestamp on PostgreSQL and text on SQLite)."""

    output_field = DateField()

    def __init__(self, expression, days: int, **extra):
        self.days = int(days)
        super().__init__(expression, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(CAST({sql} AS DATE) + {self.days})", params

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.days:+d} days')", params
