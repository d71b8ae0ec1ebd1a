"""Database down: every management command says in one line what failed, where
(host:port, never the password) and what to check, and exits non-zero."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOWN = "postgres://tracker:s3cretPW@127.0.0.1:1/tracker"  # nothing listens on port 1


def manage_with_database_down(*args):
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    environ.update(DATABASE_URL=DOWN, DJANGO_DEBUG="True")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "command",
    [
        ["flag_overdue"],
        ["send_digests"],
        ["overdue_report"],
        ["ingest", "documents/samples"],
        ["bootstrap", "--no-samples"],
        ["subscribe", "staff@example.org"],
        ["backup"],
        ["restore", "manage.py"],
        ["migrate"],
    ],
    ids=lambda c: c[0],
)
def test_command_with_the_database_down_prints_one_line_and_fails(command):
    result = manage_with_database_down(*command)
    assert result.returncode != 0
    output = (result.stdout + result.stderr).strip().splitlines()
    assert len(output) == 1, result.stdout + result.stderr
    line = output[0]
    assert "127.0.0.1:1" in line and "DATABASE_URL" in line  # where, and what to check
    assert "s3cretPW" not in line and "Traceback" not in line


def test_traceback_flag_still_shows_the_whole_story():
    result = manage_with_database_down("flag_overdue", "--traceback")
    assert result.returncode != 0 and "Traceback" in result.stderr
    assert "s3cretPW" not in result.stderr
