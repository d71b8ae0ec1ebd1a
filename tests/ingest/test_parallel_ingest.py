"""Two workers at once (``ingest --workers 2``, or two Celery workers taking
uploads) store the same as one: papers that may belong together wait for
each other (tracker/ingest/locks.py)."""

import datetime as dt
import shutil
import threading

import pytest
from django.db import connection, transaction

from documents.parsing.pipeline import parse_bytes
from tests.conftest import FIXTURES, SAMPLES, seed
from tracker.ingest import locks as paper_locks
from tracker.ingest.run import ingest_bytes, ingest_paths
from tracker.models import Commitment, Postponement, QuestionSet, Reference

LIFECYCLE = FIXTURES / "lifecycle"


def parsed(path):
    return parse_bytes(path.read_bytes(), str(path))


def test_a_sets_papers_share_the_lock_of_their_submitted_date_and_letters_share_one():
    questions, notice, answer = (
        parsed(p) for p in (LIFECYCLE / "belarus-vragen.txt", LIFECYCLE / "belarus-uitstel.txt", seed("002"))
    )
    assert questions.submitted == notice.submitted == answer.submitted == dt.date(2021, 1, 19)
    assert (
        paper_locks.locks_for(questions)
        == paper_locks.locks_for(answer)
        == paper_locks.locks_for(notice)
        == [("questions", False), ("questions:2021-01-19", True)]
    )
    assert paper_locks.locks_for(parsed(seed("003"))) == [("kamerstukken", True)]


def _copies(tmp_path, papers):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i, paper in enumerate(papers):
        shutil.copy(paper, folder / f"{i:02d}-{paper.name}")
    return folder


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_store_the_seeds_and_a_sets_three_papers_as_one_worker_does(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    papers = sorted(SAMPLES.glob("*.txt")) + [LIFECYCLE / "belarus-vragen.txt", LIFECYCLE / "belarus-uitstel.txt"]
    report = ingest_paths([_copies(tmp_path, papers)], workers=2)
    assert report.to_json()["failed"] == [] and report.count("stored") == len(papers)
    belarus = QuestionSet.objects.get(submitted=dt.date(2021, 1, 19))
    assert belarus.question_document.source_name.endswith("belarus-vragen.txt")
    assert belarus.answer_document.source_name.endswith(seed("002").name)
    assert Postponement.objects.get().question_set == belarus
    assert belarus.received == dt.date(2021, 3, 8)
    assert QuestionSet.objects.filter(subject__icontains="belarus").count() == 1
    assert Reference.objects.filter(target__isnull=False).exists()
    assert Commitment.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_answer_waits_while_its_question_paper_is_being_stored(tmp_path, settings):
    """Hold the question paper's transaction open after its locks: the answer,
    stored from another connection meanwhile, must wait and then join its set."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    questions = (LIFECYCLE / "belarus-vragen.txt").read_bytes()
    answer = seed("002").read_bytes()
    started, done = threading.Event(), {}

    def store_answer():
        try:
            started.wait(10)
            done["result"] = ingest_bytes(answer, str(seed("002")))
        finally:
            connection.close()

    worker = threading.Thread(target=store_answer)
    with transaction.atomic():
        paper_locks.lock_paper(parse_bytes(questions, "belarus-vragen.txt"))
        worker.start()
        started.set()
        worker.join(1.0)
        assert worker.is_alive(), "the answer must wait for the question paper's locks"
        assert ingest_bytes(questions, "belarus-vragen.txt").status == "stored"
    worker.join(30)
    assert done["result"].status == "stored"
    assert QuestionSet.objects.count() == 1
    qs = QuestionSet.objects.get()
    assert qs.question_document and qs.answer_document
