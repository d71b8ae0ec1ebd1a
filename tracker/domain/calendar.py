"""The parliamentary calendar the parser gets: built from the
ParliamentaryRecess rows staff can edit in the admin (DOMAIN.md's table is
loaded by a data migration; years not in the table follow the rule)."""

from documents.parsing.calendar import Calendar, Recess
from tracker.models import ParliamentaryRecess


def db_calendar() -> Calendar:
    return Calendar(Recess(r.kind, r.start, r.end) for r in ParliamentaryRecess.objects.all())
