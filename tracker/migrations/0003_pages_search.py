"""PostgreSQL only: accent- and case-insensitive search for the review pages
(tracker/domain/search.py). ``unaccent`` is STABLE, so an index needs an IMMUTABLE
wrapper that names its dictionary; pg_trgm's GIN index then serves the
word-start regular expression the list filters use. On SQLite this migration
does nothing: tracker/domain/search.py registers the same function in Python."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION tracker_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
    """,
    "CREATE INDEX IF NOT EXISTS commitment_sentence_search_idx ON tracker_commitment "
    "USING gin (tracker_search_text(sentence) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS questionset_subject_search_idx ON tracker_questionset "
    "USING gin (tracker_search_text(subject) gin_trgm_ops)",
]
# The extensions stay: other objects may use them, and dropping needs no one else's consent.
BACKWARD = [
    "DROP INDEX IF EXISTS questionset_subject_search_idx",
    "DROP INDEX IF EXISTS commitment_sentence_search_idx",
    "DROP FUNCTION IF EXISTS tracker_search_text(text)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0002_load_recesses")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
