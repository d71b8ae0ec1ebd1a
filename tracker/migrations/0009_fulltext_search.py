"""PostgreSQL only: GIN indexes for full-text search in Dutch over the text of
questions, answers, commitments and papers (tracker/domain/fulltext.py). Each
index expression is the one Django's SearchVector(field, config="dutch")
writes, so the planner uses it. On SQLite this does nothing: the embedded
default searches with a plain contains."""

from django.db import migrations

INDEXES = [
    ("tracker_question_text_fts_idx", "tracker_question", "text"),
    ("tracker_answer_text_fts_idx", "tracker_answer", "text"),
    ("tracker_commitment_sentence_fts_idx", "tracker_commitment", "sentence"),
    ("documents_document_clean_text_fts_idx", "documents_document", "clean_text"),
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin (to_tsvector('dutch'::regconfig, COALESCE({column}, '')))"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("tracker", "0008_cabinets"), ("documents", "0002_dossier_compact_index")]
    operations = [migrations.RunPython(forward, backward)]
