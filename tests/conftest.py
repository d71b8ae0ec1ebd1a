"""Shared fixtures, and the rule for service tests: a test marked postgres or
redis skips (with its reason) where the service is not configured, fails
where it is configured but unreachable, and in CI's second pass
(TRACKER_REQUIRE_SERVICES=1) no test may skip at all."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "documents" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REQUIRE_SERVICES = os.environ.get("TRACKER_REQUIRE_SERVICES") == "1"


def seed(name_prefix: str) -> Path:
    """A bundled seed by its number: seed("002")."""
    return next(SAMPLES.glob(f"{name_prefix}_*.txt"))


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def pytest_runtest_setup(item):
    from django.conf import settings

    if item.get_closest_marker("postgres"):
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            reason = "needs PostgreSQL: set DATABASE_URL=postgres://… (CI's second pass does)"
            if REQUIRE_SERVICES:
                pytest.fail(reason)
            pytest.skip(reason)
    if item.get_closest_marker("redis"):
        url = settings.CELERY_BROKER_URL
        if not url:
            reason = "needs a broker: set CELERY_BROKER_URL=redis://… (CI's second pass does)"
            if REQUIRE_SERVICES:
                pytest.fail(reason)
            pytest.skip(reason)
        if not _reachable(url, 6379):
            pytest.fail(f"CELERY_BROKER_URL={url} is configured but unreachable")


def pytest_sessionfinish(session, exitstatus):
    if REQUIRE_SERVICES and exitstatus == 0:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        skipped = reporter.stats.get("skipped", []) if reporter else []
        if skipped:
            reporter.write_line(
                f"TRACKER_REQUIRE_SERVICES=1: {len(skipped)} test(s) skipped; the second pass skips nothing"
            )
            session.exitstatus = 1


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", "geheim-wachtwoord-1")


@pytest.fixture
def editor(django_user_model):
    from tracker.access.permissions import EDITORS, ensure_groups

    ensure_groups()
    user = django_user_model.objects.create_user("redacteur", "redacteur@example.org", "geheim-wachtwoord-1")
    user.groups.add(user.groups.model.objects.get(name=EDITORS))
    return user


@pytest.fixture
def viewer(django_user_model):
    from tracker.access.permissions import VIEWERS, ensure_groups

    ensure_groups()
    user = django_user_model.objects.create_user("lezer", "lezer@example.org", "geheim-wachtwoord-1")
    user.groups.add(user.groups.model.objects.get(name=VIEWERS))
    return user


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup, django_db_blocker):
    """Threads of live servers and Celery workers can keep a connection to the
    test database open; end them so the test database is dropped at the end."""
    yield
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
