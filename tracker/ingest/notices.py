"""Notices: a postponement ("Mededeling", "Uitstel beantwoording") or "answered
elsewhere" attaches to the set it concerns, or starts that set when the
notice comes first."""

from __future__ import annotations

from django.db.models import Count, Min
from django.utils import timezone

from tracker.ingest.question_sets import find_question_set, store_asked
from tracker.ingest.unit import UnitOfWork
from tracker.models import Postponement, QuestionSet, StatusChange


def store_notice(unit: UnitOfWork) -> None:
    doc, parsed = unit.doc, unit.parsed
    notice = parsed.notice
    postpones = notice is not None and notice.postpones
    qs = unit.question_set if unit.set_looked_up else find_question_set(doc, parsed)
    if qs is None:  # the notice came first: its set starts here, postponed by it (one write)
        qs = QuestionSet(
            kind="written_questions",
            subject=(parsed.title or "")[:5000],
            submitted=parsed.submitted,
            postponed_on=(parsed.date or timezone.localdate()) if postpones else None,
        )
        qs.compute_due_dates()
        unit.rows.add(qs)
        store_asked(unit, qs, new_set=True)
        if postpones:
            unit.rows.add(Postponement(question_set=qs, document=doc, date=parsed.date, expected=notice.expected))
            unit.record(qs, StatusChange.Event.POSTPONED, notice.expected, on=parsed.date)
        return
    if not postpones:
        if not unit.new:
            Postponement.objects.filter(document=doc).delete()
    else:
        said = {"date": parsed.date, "expected": notice.expected}
        stored = None if unit.new else Postponement.objects.filter(question_set=qs, document=doc).first()
        if stored is None:  # nothing hangs from a new paper yet
            unit.rows.add(Postponement(question_set=qs, document=doc, **said))
            unit.record(qs, StatusChange.Event.POSTPONED, notice.expected, on=parsed.date)
        elif unit.corrections.apply(stored, said):
            stored.save()
    unit.rows.flush()  # the set's postponements, this paper's too
    known = qs.postponements.aggregate(first=Min("date"), count=Count("pk"))
    first = known["first"]
    if first is None and known["count"]:
        first = parsed.date or timezone.localdate()
    values = {"postponed_on": first}
    if parsed.submitted and not qs.submitted:
        values["submitted"] = parsed.submitted
    unit.corrections.apply(qs, values)
    qs.compute_due_dates()
    qs.save()
