"""A paper is stored in a handful of round trips (BENCHMARKS.md, issue 16): its
rows are written together, its people, parties and offices are looked up
once for the run."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import seed
from tracker.ingest.run import ingest_bytes
from tracker.ingest.unit import Lookups
from tracker.models import Answer, Commitment, QuestionSet


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_answer_paper_of_a_new_set_by_people_the_run_knows_takes_six_statements(tmp_path, settings):
    """Seed 000 (Van den Hul and Ploumen, PvdA, answered by Minister Blok) teaches the run its
    people, parties and offices; seed 002 (Ploumen on Belarus, answered by Blok) is then stored
    with six statements between BEGIN and COMMIT: its content hash looked up, its locks and ids,
    the set asked that day, its people and their memberships, the paper it cites, all its rows."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    run = Lookups()
    assert ingest_bytes(seed("000").read_bytes(), str(seed("000")), lookups=run).status == "stored"
    assert run.people and run.offices

    with CaptureQueriesContext(connection) as statements:
        result = ingest_bytes(seed("002").read_bytes(), str(seed("002")), lookups=run)
    assert result.status == "stored"
    belarus = QuestionSet.objects.get(answer_document_id=result.document_id)
    assert Answer.objects.filter(question_set=belarus).count() == 6
    assert Commitment.objects.filter(source_document_id=result.document_id).exists()
    sent = [q["sql"] for q in statements.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]
    assert len(sent) <= 6, "\n".join(sql[:120] for sql in sent)
