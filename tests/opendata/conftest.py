"""The project's own open-data recording, replayed as ``sync_opendata --from-dir`` does."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from tests.conftest import FIXTURES

RECORDING = FIXTURES / "opendata" / "kamervragen-2024"
ZAAK = {
    "kroger": "2024Z04101",
    "dobbe": "2024Z04250",
    "bikker": "2024Z04399",
    "omtzigt": "2024Z04512",
    "dijk": "2024Z04700",
}


def sync_json(*args) -> dict:
    """Run the command with --json; its output ends with one JSON line: that line, read."""
    out = io.StringIO()
    call_command("sync_opendata", *args, "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    return json.loads(lines[-1])


@pytest.fixture
def replayed(db):
    """The recording replayed once; the report of that run."""
    return sync_json("--from-dir", str(RECORDING))


def question_set(name: str):
    from tracker.models import OpenDataZaak

    return OpenDataZaak.objects.select_related("question_set").get(number=ZAAK[name]).question_set


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
