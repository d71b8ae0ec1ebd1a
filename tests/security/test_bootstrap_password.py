"""The admin password bootstrap makes: shown once to the terminal that asked,
never to a log; the file that keeps it is readable by its owner only."""

import io
import logging
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def password_in(var_dir):
    return (var_dir / "admin-login.txt").read_text().split("\n")[1]


def test_bootstrap_password_never_reaches_a_log(var_dir, caplog):
    log = io.StringIO()  # docker compose logs, a pipe, a file: no terminal
    with caplog.at_level(logging.DEBUG):
        call_command("bootstrap", "--no-samples", stdout=log)
    password = password_in(var_dir)
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in log.getvalue() and password not in caplog.text
    assert "admin-login.txt" in log.getvalue()


def test_bootstrap_password_is_printed_once_to_the_terminal_that_asked(var_dir):
    terminal = Terminal()
    call_command("bootstrap", "--no-samples", stdout=terminal)
    assert terminal.getvalue().count(password_in(var_dir)) == 1
    again = Terminal()
    call_command("bootstrap", "--no-samples", stdout=again)  # a second run never shows it again
    assert password_in(var_dir) not in again.getvalue()


def test_admin_login_file_is_readable_by_its_owner_only(var_dir):
    call_command("bootstrap", "--no-samples", stdout=io.StringIO())
    mode = stat.S_IMODE((var_dir / "admin-login.txt").stat().st_mode)
    assert mode == 0o600


def test_readme_says_to_delete_the_login_file_and_how_to_change_the_password():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme[readme.index("## Beveiliging") :]
    assert "admin-login.txt" in section and "changepassword" in section
