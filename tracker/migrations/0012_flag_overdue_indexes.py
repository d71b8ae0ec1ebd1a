"""flag_overdue reads index ranges only (tracker/jobs/flag_overdue.py,
BENCHMARKS.md): the commitments closed after the day it runs for (an empty
range for today) and those still waiting for a review date (none most days).
Without them two of its statements scanned every commitment."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_dossier_compact_index"),
        ("tracker", "0011_correction_why"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="commitment",
            index=models.Index(
                condition=models.Q(("closed_on__isnull", False)), fields=["closed_on"], name="commitment_closed_on_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="commitment",
            index=models.Index(
                condition=models.Q(("due_date__isnull", True), ("review_date__isnull", True)),
                fields=["id"],
                name="commitment_review_todo_idx",
            ),
        ),
    ]
