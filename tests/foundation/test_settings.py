"""Settings come from the environment, strictly: nonsense raises."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker.config import env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("raw,expected", [("true", True), ("False", False), ("1", True), ("off", False)])
def test_booleans_read_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("DJANGO_DEBUG", raw)
    assert env.env_bool("DJANGO_DEBUG", True) is expected


def test_a_boolean_that_is_no_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env.env_bool("DJANGO_DEBUG", True)


def test_max_document_bytes_must_be_a_positive_number(monkeypatch):
    monkeypatch.setenv("MAX_DOCUMENT_BYTES", "twintig")
    with pytest.raises(ImproperlyConfigured, match="MAX_DOCUMENT_BYTES"):
        env.env_int("MAX_DOCUMENT_BYTES", 1, minimum=1)
    monkeypatch.setenv("MAX_DOCUMENT_BYTES", "0")
    with pytest.raises(ImproperlyConfigured):
        env.env_int("MAX_DOCUMENT_BYTES", 1, minimum=1)


def test_database_url_defaults_to_sqlite_under_var():
    db = env.database_from_url("sqlite:///var/tracker.sqlite3", ROOT)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(ROOT / "var" / "tracker.sqlite3")


def test_database_url_for_postgres_is_split_into_its_parts():
    db = env.database_from_url("postgres://postgres:pw@127.0.0.1:5432/tracker", ROOT)
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "tracker",
        "postgres",
        "pw",
        "127.0.0.1",
        "5432",
    )


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host:5432/", "nonsense"])
def test_unknown_database_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.database_from_url(url, ROOT)


def test_mail_url_kinds(tmp_path):
    assert env.mail_from_url("console:", ROOT)["EMAIL_BACKEND"].endswith("console.EmailBackend")
    file_mail = env.mail_from_url(f"file:{tmp_path}", ROOT)
    assert file_mail == {"EMAIL_BACKEND": "tracker.digests.backends.EmlFileBackend", "EMAIL_FILE_PATH": str(tmp_path)}
    smtp = env.mail_from_url("smtp://mailpit:1025", ROOT)
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"]) == ("mailpit", 1025)
    with pytest.raises(ImproperlyConfigured, match="MAIL_URL"):
        env.mail_from_url("pigeon:", ROOT)


def test_broker_url_must_be_redis_or_empty():
    assert env.broker_url("") == ""
    assert env.broker_url("redis://127.0.0.1:6379/0")
    with pytest.raises(ImproperlyConfigured, match="CELERY_BROKER_URL"):
        env.broker_url("http://example.org")


def _load_settings(**overrides):
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    environ.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; settings.INSTALLED_APPS"],
        cwd=ROOT,
        env={**environ, "DJANGO_SETTINGS_MODULE": "tracker.config.settings"},
        capture_output=True,
        text=True,
    )


def _site_url(**overrides) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SITE_URL", "PORT")}
    environ.update(overrides)
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        cwd=ROOT,
        env={**environ, "DJANGO_SETTINGS_MODULE": "tracker.config.settings"},
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def test_links_follow_the_port_make_run_serves_on_unless_site_url_is_set():
    assert _site_url() == "http://127.0.0.1:8000"
    assert _site_url(PORT="8001") == "http://127.0.0.1:8001"
    assert _site_url(PORT="8001", SITE_URL="https://tracker.example.nl/") == "https://tracker.example.nl"


def test_production_without_secret_key_does_not_start():
    result = _load_settings(DJANGO_DEBUG="False")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_with_secret_key_starts():
    result = _load_settings(DJANGO_DEBUG="False", SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr


def test_time_zone_and_language_are_dutch(settings):
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.LANGUAGE_CODE == "nl"


def test_env_example_lists_every_variable_the_settings_read():
    import re

    settings_src = (ROOT / "tracker" / "config" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', settings_src))
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - listed == set()
