"""The pipeline never raises, and the command-line runner prints the contract."""

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from documents.parsing.pipeline import parse_bytes

from ._util import ROOT, seed_path

KEYS = {
    "source",
    "kind",
    "identifier",
    "title",
    "dossier",
    "number",
    "date",
    "submitted",
    "received",
    "askers",
    "addressed_to",
    "ministers",
    "questions",
    "answers",
    "commitments",
    "requests",
    "fulfilments",
    "references",
    "see_also",
    "notice",
}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.pdf", "x.xml", "x.html", "x"]))
def test_parse_bytes_never_raises_on_arbitrary_bytes(data, name):
    doc = parse_bytes(data, name)
    out = doc.to_json()
    assert set(out) >= KEYS
    if doc.error:
        assert out["kind"] == "unknown" and "\n" not in doc.error


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=3000))
def test_parse_bytes_never_raises_on_arbitrary_text(text):
    parse_bytes(text.encode("utf-8", "surrogatepass"), "x.txt")


def test_command_line_prints_one_json_line_per_file():
    res = subprocess.run(
        [sys.executable, "-m", "documents.parsing", seed_path("000_"), seed_path("001_")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert [d["kind"] for d in lines] == ["written_questions", "letter"]
    assert all(set(d) >= KEYS for d in lines)
    assert res.returncode == 0
