"""Whatever lands in the mailbox: bad files get a clear error naming the file,
good ones are stored once, and a second run changes nothing."""

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from documents.models import Document
from tests.conftest import FIXTURES, ROOT, SAMPLES
from tracker.models import Commitment, Question

MAX_BYTES = 300_000


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("vragen.txt", "Vraag 1")
    return out.getvalue()


def make_inbox(folder: Path) -> dict[str, str]:
    """The bad-input set beside the good papers; returns bad file name → what the error must mention."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in SAMPLES.iterdir():
        shutil.copy(p, folder / p.name)
    belarus = (SAMPLES / "002_b1187fb325115992.txt").read_text(encoding="utf-8")
    chechnya = (SAMPLES / "000_6ba6928da16ecd72.txt").read_text(encoding="utf-8")
    # two good ones in other encodings: they must parse, as new papers
    (folder / "cp1252.txt").write_bytes(
        chechnya.replace("22 januari 2019", "23 januari 2019").replace("\n", "\r\n").encode("cp1252", "replace")
    )
    (folder / "bom-crlf.txt").write_bytes(
        b"\xef\xbb\xbf" + belarus.replace("19 januari 2021", "20 januari 2021").replace("\n", "\r\n").encode("utf-8")
    )
    bad = {
        "leeg.txt": "leeg",
        "random.pdf": "pdf",
        "archief.pdf": "zip",
        "afgebroken.pdf": "pdf",
        "zonder-tekst.pdf": "tekst",
        "nul.txt": "nul",
        "te-groot.txt": "groot",
        "onbekend.txt": "soort",
        "script.html": "soort",
    }
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "random.pdf").write_bytes(os.urandom(4096))
    (folder / "archief.pdf").write_bytes(zip_bytes())
    (folder / "afgebroken.pdf").write_bytes(
        (FIXTURES / "samples" / sorted(os.listdir(FIXTURES / "samples"))[0]).read_bytes()[:3000]
    )
    (folder / "zonder-tekst.pdf").write_bytes(blank_pdf())
    (folder / "nul.txt").write_bytes(b"Vragen van het lid\x00\x00\x00 X" * 10)
    (folder / "te-groot.txt").write_bytes(b"a" * (MAX_BYTES + 1))
    (folder / "onbekend.txt").write_text("Boodschappenlijst: melk, brood, kaas.\nNiets parlementairs hier.\n")
    (folder / "script.html").write_text("<html><body><script>alert('x')</script><p>Hallo</p></body></html>")
    return bad


def run(*args, env_extra=None):
    env = {**os.environ, "MAX_DOCUMENT_BYTES": str(MAX_BYTES), **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    )


def test_parse_document_prints_one_line_per_file_with_an_error_where_it_failed_and_exits_1(tmp_path):
    bad = make_inbox(tmp_path / "inbox")
    files = sorted(str(p) for p in (tmp_path / "inbox").iterdir())
    result = run("parse_document", *files, "--json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == files
    by_name = {Path(line["source"]).name: line for line in lines}
    for name, _hint in bad.items():
        line = by_name[name]
        assert line["kind"] == "unknown" and line.get("error"), name
        assert "\n" not in line["error"]
    for name in ("cp1252.txt", "bom-crlf.txt"):
        assert not by_name[name].get("error") and by_name[name]["kind"] == "written_questions", name
        assert len(by_name[name]["questions"]) == 6
    assert "Tsjetsjenië" in by_name["cp1252.txt"]["title"]
    assert by_name["bom-crlf.txt"]["submitted"] == "2021-01-20"
    assert "<script>" not in json.dumps(by_name["script.html"])


def _db_env():
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "postgresql":
        url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    else:
        url = f"sqlite:///{s['NAME']}"
    return {"DATABASE_URL": url}


@pytest.mark.django_db(transaction=True)
def test_ingest_over_a_folder_mixing_bad_files_with_good_papers_stores_each_good_paper_once(tmp_path, settings):
    from django.db import connection

    if connection.vendor == "sqlite" and "memory" in connection.settings_dict["NAME"]:
        pytest.fail("the SQLite test database must be a file for the subprocess (set in tests/conftest.py)")
    bad = make_inbox(tmp_path / "inbox")
    env = {**_db_env(), "MEDIA_ROOT": str(tmp_path / "media")}
    first = run("ingest", str(tmp_path / "inbox"), "--json", env_extra=env)
    assert first.returncode == 1, first.stderr
    assert "Traceback" not in first.stderr
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    assert summary["stored"] == 7
    assert sorted(Path(f["source"]).name for f in summary["failed"]) == sorted(bad)
    for failure in summary["failed"]:
        assert failure["error"] and str(tmp_path) in failure["source"]
    counts = (Document.objects.count(), Question.objects.count(), Commitment.objects.count())
    second = run("ingest", str(tmp_path / "inbox"), "--json", env_extra=env)
    assert second.returncode == 1
    again = json.loads(second.stdout.strip().splitlines()[-1])
    assert (again["stored"], again["updated"], again["unchanged"]) == (0, 0, 7)
    assert (Document.objects.count(), Question.objects.count(), Commitment.objects.count()) == counts
