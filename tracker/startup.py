"""Start-up guard shared by manage.py, the WSGI app and Celery: a configuration
error (no SECRET_KEY in production, a malformed URL…) stops the process with
one clear line on stderr instead of a traceback, and never shows a password."""
from __future__ import annotations

import sys

from django.core.exceptions import ImproperlyConfigured


def load_settings_or_exit() -> None:
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 - imports tracker/settings.py
    except ImproperlyConfigured as exc:
        from .env import redact_text

        sys.stderr.write(f"Configuratiefout: {redact_text(str(exc))}\n")
        sys.stderr.flush()
        raise SystemExit(2) from None
