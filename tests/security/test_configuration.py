"""No fallback secret, no secret echoed: configuration errors are one line and
never show a password, in an error message or in a log line."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker.config import env

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "s3cretPW"


def manage(*args, **overrides):
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SECRET_KEY", "MAIL_URL", "CELERY_BROKER_URL", "CACHE_URL")
    }
    environ.update(overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )


def test_docker_compose_has_no_fallback_secret_key():
    text = (ROOT / "docker-compose.yml").read_text()
    line = next(line for line in text.splitlines() if line.strip().startswith("SECRET_KEY:"))
    assert "${SECRET_KEY:?" in line  # compose refuses to start without one
    assert ":-" not in line and "change-me" not in text


def test_check_deploy_without_secret_key_refuses_to_start_with_one_clear_line():
    result = manage("check", "--deploy", DJANGO_DEBUG="False")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "SECRET_KEY" in lines[0] and "Traceback" not in result.stderr


MALFORMED = [
    (env.database_from_url, f"postgres://tracker:{PASSWORD}@db:port/tracker"),
    (env.database_from_url, f"postgres://tracker:{PASSWORD}@db:5432/"),
    (env.database_from_url, f"mysql://tracker:{PASSWORD}@db:3306/tracker"),
    (env.database_from_url, f"postgres://tracker:{PASSWORD}@[db:5432/tracker"),
    (env.database_from_url, f"tracker:{PASSWORD}@db:5432/tracker"),
    (env.database_from_url, f"postgres//tracker:{PASSWORD}@db/tracker"),
    (env.mail_from_url, f"smtp://mailer:{PASSWORD}@mail.example.org:smtp"),
    (env.mail_from_url, f"smtp://mailer:{PASSWORD}@:25"),
    (env.mail_from_url, f"smpt://mailer:{PASSWORD}@mail.example.org:25"),
    (env.mail_from_url, f"smtps://mailer:p@{PASSWORD}@[mail:465"),
    (env.broker_url, f"redis//:{PASSWORD}@redis:6379/0"),
    (env.broker_url, f"http://user:{PASSWORD}@redis:6379/0"),
    (env.broker_url, f"redis://:{PASSWORD}@[redis:6379/0"),
    (env.cache_from_url, f"redsi://:{PASSWORD}@redis:6379/1"),
    (env.cache_from_url, f"redis://:{PASSWORD}@[redis:6379/1"),
    (env.cache_from_url, f"http://cache/?password={PASSWORD}"),
]


@pytest.mark.parametrize("reader,url", MALFORMED, ids=[u for _, u in MALFORMED])
def test_malformed_url_error_never_echoes_the_password(reader, url):
    args = (url, ROOT) if reader in (env.database_from_url, env.mail_from_url) else (url,)
    with pytest.raises(ImproperlyConfigured) as caught:
        reader(*args)
    message = str(caught.value)
    assert PASSWORD not in message
    assert "***" in message  # still says which URL it was, without the secret


@pytest.mark.parametrize(
    "name,url",
    [
        ("DATABASE_URL", f"postgres://tracker:{PASSWORD}@db:port/tracker"),
        ("MAIL_URL", f"smtp://mailer:{PASSWORD}@mail.example.org:smtp"),
        ("CELERY_BROKER_URL", f"http://user:{PASSWORD}@redis:6379/0"),
        ("CACHE_URL", f"memcached://user:{PASSWORD}@cache:11211"),
    ],
)
def test_malformed_url_stops_manage_py_with_one_line_and_no_password(name, url):
    result = manage("check", **{name: url})
    assert result.returncode != 0
    assert PASSWORD not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0], result.stderr


def test_log_line_with_a_url_never_shows_its_password():
    handlers = [
        h for h in logging.getLogger().handlers if any(type(f).__name__ == "RedactSecretsFilter" for f in h.filters)
    ]
    assert handlers, "the console handler of LOGGING redacts secrets"
    record = logging.LogRecord(
        "tracker", logging.WARNING, __file__, 1, "broker %s unreachable", (f"redis://:{PASSWORD}@redis:6379/0",), None
    )
    assert handlers[0].filter(record)
    assert record.getMessage() == "broker redis://:***@redis:6379/0 unreachable"


def test_redacted_url_keeps_user_host_and_port():
    assert env.redact_url(f"postgres://tracker:{PASSWORD}@db:5432/tracker") == "postgres://tracker:***@db:5432/tracker"
    assert re.fullmatch(r"smtp://mailer:\*\*\*@mail:25", env.redact_url(f"smtp://mailer:{PASSWORD}@mail:25"))
