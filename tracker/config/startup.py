"""Start-up guard shared by manage.py, the WSGI app and Celery: a configuration
error (no SECRET_KEY in production, a malformed URL…) stops the process with
one clear line on stderr instead of a traceback, and never shows a password."""

from __future__ import annotations

import sys

from django.core.exceptions import ImproperlyConfigured


def load_settings_or_exit() -> None:
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 - imports tracker/config/settings.py
    except ImproperlyConfigured as exc:
        from tracker.config.env import redact_text

        sys.stderr.write(f"Configuratiefout: {redact_text(str(exc))}\n")
        sys.stderr.flush()
        raise SystemExit(2) from None


def where_the_database_is(alias: str = "default") -> str:
    """``host:port/name`` of the database (no user, no password), or the SQLite file."""
    from django.conf import settings

    db = settings.DATABASES[alias]
    if "sqlite" in db["ENGINE"]:
        return f"SQLite-bestand {db['NAME']}"
    host = db.get("HOST") or "localhost"
    port = db.get("PORT") or "5432"
    return f"{host}:{port}/{db.get('NAME', '')}"


def database_error_line(exc: BaseException) -> str:
    """One line for a database that cannot be reached: what failed, where, what to check."""
    from tracker.config.env import redact_text

    first = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    if "no such table" in first:
        return (
            f"Database niet bijgewerkt ({where_the_database_is()}): {first} — voer eerst python manage.py migrate uit."
        )
    return (
        f"Database niet bereikbaar ({where_the_database_is()}): {redact_text(first)} — "
        "controleer of de database draait en DATABASE_URL (host, poort, naam, gebruiker) klopt."
    )


def run_command_line(argv: list[str]) -> None:
    """``manage.py``: every command, Django's and ours, ends with one line and exit
    status 1 when the database cannot be reached (``--traceback`` shows it all)."""
    from django.core.management import execute_from_command_line
    from django.db import InterfaceError, OperationalError

    load_settings_or_exit()
    try:
        execute_from_command_line(argv)
    except (OperationalError, InterfaceError) as exc:
        if "--traceback" in argv:
            raise
        sys.stderr.write(database_error_line(exc) + "\n")
        sys.stderr.flush()
        raise SystemExit(1) from None
