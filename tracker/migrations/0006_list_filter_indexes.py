"""Indexes for the question list's ministry and party filters at large scale
(BENCHMARKS.md): both are semi-joins (``EXISTS``) on a side table, and with
the filter's key first and the set's id second PostgreSQL reads only that
ministry's or party's rows, from the index alone, instead of hashing all
1,200,000 addressed-to rows or 2,000,000 askers."""

from django.db import migrations

INDEXES = [
    ("questionset_addressed_office_set_idx", "tracker_questionset_addressed_to", "office_id, questionset_id"),
    ("asker_party_set_idx", "tracker_asker", "party_id, question_set_id"),
]


class Migration(migrations.Migration):
    dependencies = [("tracker", "0005_commitment_index")]
    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})", f"DROP INDEX IF EXISTS {name}")
        for name, table, columns in INDEXES
    ]
