"""Ingest killed halfway leaves every file fully stored or not at all; a
paper that commitments cite cannot be deleted by accident; migrations
apply and reverse."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.db.models import ProtectedError

from documents.models import Document
from tests.conftest import ROOT, SAMPLES
from tests.factories import CommitmentFactory
from tests.reliability.test_bad_input import _db_env
from tracker.models import Commitment, Question

LETTER = (SAMPLES / "001_d6634d41173ba04f.txt").read_text(encoding="utf-8")


def write_letters(folder, n):
    folder.mkdir()
    for i in range(n):
        text = LETTER.replace("Nr. 100 ", f"Nr. {1000 + i} ").replace("23 januari 2014", f"{1 + i % 28} januari 2014")
        (folder / f"brief-{i:03d}.txt").write_text(text, encoding="utf-8")


def assert_each_paper_whole():
    for doc in Document.objects.all():
        expected = len(doc.parsed["commitments"])
        assert doc.commitments.count() == expected, f"{doc} half-written"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ingest_killed_halfway_leaves_whole_papers_and_the_next_run_completes_it(tmp_path):
    inbox = tmp_path / "inbox"
    write_letters(inbox, 60)
    env = {**os.environ, **_db_env(), "MEDIA_ROOT": str(tmp_path / "media")}
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(inbox), "--json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while Document.objects.count() < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_before = Document.objects.count()
    assert 0 < stored_before < 60, "kill it halfway"
    assert_each_paper_whole()

    result = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(inbox), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["stored"] + summary["unchanged"] == 60
    assert summary["unchanged"] == stored_before
    assert Document.objects.count() == 60
    assert_each_paper_whole()


@pytest.mark.django_db
def test_a_paper_that_commitments_cite_cannot_be_deleted():
    commitment = CommitmentFactory()
    with pytest.raises(ProtectedError):
        commitment.source_document.delete()
    assert Commitment.objects.filter(pk=commitment.pk).exists()


@pytest.mark.django_db
def test_the_admin_refuses_to_delete_a_cited_paper(client, admin_user):
    commitment = CommitmentFactory()
    client.force_login(admin_user)
    url = f"/admin/documents/document/{commitment.source_document_id}/delete/"
    page = client.get(url).content.decode()
    assert "kan niet worden verwijderd" in page
    client.post(url, {"post": "yes"})
    assert Document.objects.filter(pk=commitment.source_document_id).exists()


@pytest.mark.django_db(transaction=True)
def test_migrations_apply_and_reverse_on_the_configured_database():
    null = open(os.devnull, "w")
    call_command("migrate", "tracker", "zero", stdout=null)
    call_command("migrate", "documents", "zero", stdout=null)
    call_command("migrate", stdout=null)
    assert Question.objects.count() == 0
    from tracker.models import ParliamentaryRecess

    assert ParliamentaryRecess.objects.count() == 8
