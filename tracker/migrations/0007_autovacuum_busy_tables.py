"""PostgreSQL: autovacuum acts on the tables the daily job and ingest change
after 1% of their rows changed, not PostgreSQL's default 20%. flag_overdue
updates thousands of sets and commitments; until vacuum runs, the lists'
index-only scans read the heap for every row on a changed page (a commitment
count over the live index: 5 ms → 140 ms at large scale, BENCHMARKS.md).
With 20% a million-row table waits for 200,000 changes."""

from django.db import migrations

TABLES = [
    "tracker_questionset",
    "tracker_commitment",
    "tracker_commitment_asker_parties",
    "tracker_questionset_addressed_to",
    "tracker_asker",
    "documents_document",
]
SETTINGS = {
    "autovacuum_vacuum_scale_factor": "0.01",
    "autovacuum_vacuum_insert_scale_factor": "0.01",
    "autovacuum_analyze_scale_factor": "0.02",
}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        values = ", ".join(f"{k} = {v}" for k, v in SETTINGS.items())
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} SET ({values})")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} RESET ({', '.join(SETTINGS)})")


class Migration(migrations.Migration):
    dependencies = [("tracker", "0006_list_filter_indexes"), ("documents", "0002_dossier_compact_index")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
