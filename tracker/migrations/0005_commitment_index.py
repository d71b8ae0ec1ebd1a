"""The commitment list's search text and askers' parties, kept on the
commitment (tracker/domain/commitment_index.py explains why), filled for what is
stored; on PostgreSQL one trigram index on the search text replaces the one
on the sentence alone, and the askers' names get one."""

import unicodedata

from django.db import migrations, models

PARTIES = """
    INSERT INTO tracker_commitment_asker_parties (commitment_id, party_id)
    SELECT DISTINCT c.id, k.party_id FROM tracker_commitment c JOIN tracker_answer a ON a.id = c.answer_id
    JOIN tracker_asker k ON k.question_set_id = a.question_set_id WHERE k.party_id IS NOT NULL
"""


def _normalize(text):
    """tracker.domain.search.normalize as it was when this migration was written (lower case, accents off)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def fill(apps, schema_editor):
    Commitment = apps.get_model("tracker", "Commitment")
    rows, batch = Commitment.objects.values_list("pk", "sentence", "answer__question_set__subject"), []
    for pk, sentence, subject in rows.order_by("pk").iterator(chunk_size=2000):
        batch.append(Commitment(pk=pk, search_text=f"{_normalize(sentence)} {_normalize(subject)}".rstrip()))
        if len(batch) >= 2000:
            Commitment.objects.bulk_update(batch, ["search_text"])
            batch = []
    Commitment.objects.bulk_update(batch, ["search_text"])
    schema_editor.execute(PARTIES)


PG_FORWARD = [
    "CREATE INDEX IF NOT EXISTS commitment_text_search_idx ON tracker_commitment USING gin (search_text gin_trgm_ops)",
    "DROP INDEX IF EXISTS commitment_sentence_search_idx",
    # the question list's search looks up askers by name first
    "CREATE INDEX IF NOT EXISTS person_name_search_idx ON tracker_person "
    "USING gin (tracker_search_text(name) gin_trgm_ops)",
]
PG_BACKWARD = [
    "CREATE INDEX IF NOT EXISTS commitment_sentence_search_idx ON tracker_commitment "
    "USING gin (tracker_search_text(sentence) gin_trgm_ops)",
    "DROP INDEX IF EXISTS commitment_text_search_idx",
    "DROP INDEX IF EXISTS person_name_search_idx",
]


def forward(apps, schema_editor):
    fill(apps, schema_editor)
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0004_bench_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitment",
            name="asker_parties",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="commitments_asked",
                to="tracker.party",
                verbose_name="partijen van de vraagstellers",
            ),
        ),
        migrations.AddField(
            model_name="commitment",
            name="search_text",
            field=models.TextField(blank=True, db_default="", default="", editable=False, verbose_name="zoektekst"),
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
