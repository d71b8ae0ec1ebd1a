"""What is overdue on a day, as JSON (``--json``) or as text.

JSON shape::

    {"today": "2021-03-01", "documents": <count of stored documents>,
     "answers": [{"subject", "submitted", "due", "days_overdue", "askers", "addressed_to"}],
     "commitments": [{"text", "actor", "due_date", "days_overdue", "status", "document"}]}

* dates are ISO strings; ``due`` is the answer due date as it stood that day
  (21 days, or 42 once a postponement notice dated on or before it is known);
* ``askers``: one string per asker, "Name (Party)" with the party they sat
  for when asking, or just "Name" when the party is unknown — the form the
  Kamer's own headers use ("Ploumen (PvdA)");
* ``addressed_to``: the titles of the offices addressed;
* ``actor``: the actor as written in the paper, else its office's title;
  ``status`` the stored status code ("open", …); ``document`` the source
  document's label ("Kamerstuk 32 735, nr. 100");
* answers sorted by days overdue (most first), then by id; commitments alike.
"""

import json

from django.core.management import BaseCommand

from documents.models import Document
from tracker.digests.report import commitments_with_sources, question_sets_with_people
from tracker.management.commands._options import add_today, today_or_now
from tracker.rules.answer_term import due_on


def overdue_report(today) -> dict:
    answers = []
    for qs in question_sets_with_people().overdue(on=today):
        answers.append(
            {
                "subject": qs.subject,
                "submitted": qs.submitted.isoformat() if qs.submitted else None,
                "due": (d.isoformat() if (d := due_on(qs.submitted, qs.postponed_on, today)) else None),
                "days_overdue": qs.days_overdue(today),
                "askers": [str(a) for a in qs.asker_list],
                "addressed_to": [o.title for o in qs.office_list],
                "_id": qs.pk,
            }
        )
    commitments = []
    for c in commitments_with_sources().overdue(on=today):
        commitments.append(
            {
                "text": c.sentence,
                "actor": c.actor or (c.actor_office.title if c.actor_office else ""),
                "due_date": c.due_date.isoformat(),
                "days_overdue": c.days_overdue(today),
                "status": c.status,
                "document": c.source_document.label,
                "_id": c.pk,
            }
        )
    for rows in (answers, commitments):
        rows.sort(key=lambda r: (-(r["days_overdue"] or 0), r["_id"]))
        for r in rows:
            del r["_id"]
    return {
        "today": today.isoformat(),
        "documents": Document.objects.count(),
        "answers": answers,
        "commitments": commitments,
    }


class Command(BaseCommand):
    help = "Toont wat op een dag te laat is: antwoorden op Kamervragen en toezeggingen."

    def add_arguments(self, parser):
        add_today(parser)
        parser.add_argument("--json", action="store_true", help="als JSON")

    def handle(self, *args, **options):
        report = overdue_report(today_or_now(options["today"]))
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Te laat op {report['today']} ({report['documents']} documenten opgeslagen)")
        self.stdout.write(f"\nAntwoorden ({len(report['answers'])}):")
        for a in report["answers"]:
            self.stdout.write(f"  {a['days_overdue']:>4} dagen  {a['subject'][:90]}  — {', '.join(a['askers'])}")
        self.stdout.write(f"\nToezeggingen ({len(report['commitments'])}):")
        for c in report["commitments"]:
            self.stdout.write(f"  {c['days_overdue']:>4} dagen  {c['text'][:90]}  — {c['document']}")
