"""Strict readers for settings from the environment.

Nonsense values raise ImproperlyConfigured instead of falling back silently
(after healthchecks' ``envbool``).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:(?://)?)?(.*)$", re.S)
_SECRET_QUERY = re.compile(r"(?i)([?&;](?:password|passwd|pass|pwd|secret|token|key|auth)=)[^&;#]*")
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")


def redact_url(url: str) -> str:
    """``url`` with its password (and any secret in the query) replaced by ``***``,
    however malformed: everything between the scheme and the last ``@`` but
    the user name is taken to be the password."""
    url = str(url)
    at = url.rfind("@")
    if at != -1:
        head, tail = url[:at], url[at:]
        m = _SCHEME.match(head)
        assert m is not None  # _SCHEME matches any text: its scheme is optional, the rest is ".*"
        scheme, userinfo = m.groups()
        scheme = scheme or ""
        user, sep, _password = userinfo.partition(":")
        if sep:
            head = f"{scheme}{user}:***"
        elif scheme and not scheme.endswith("//"):  # user:pw@host: the "scheme" is the user name
            head = f"{scheme}***"
        url = head + tail
    return _SECRET_QUERY.sub(r"\1***", url)


def redact_text(text: str) -> str:
    """Every URL in ``text`` redacted (log lines, error messages)."""
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)


class RedactSecretsFilter(logging.Filter):
    """A logging filter: no log line shows a password from a URL."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def _bad(name: str, url: str, problem: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{name}={redact_url(url)!r} {problem}")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false)")


def env_int(name: str, default: int, minimum: int | None = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def database_from_url(url: str, base_dir: Path) -> dict:
    """``sqlite:///path`` (relative to the project) or ``postgres://user:pw@host:port/name``."""
    try:
        return _database_from_url(url, base_dir)
    except ValueError:  # urlsplit's "Invalid IPv6 URL", a port that is no number
        raise _bad("DATABASE_URL", url, "is no valid URL (check the port and the characters in the password)") from None


def _database_from_url(url: str, base_dir: Path) -> dict:
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:///relative/path or sqlite:////absolute/path
        path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if not path:
            raise _bad("DATABASE_URL", url, "names no SQLite file")
        file = Path(path) if Path(path).is_absolute() else base_dir / path
        file.parent.mkdir(parents=True, exist_ok=True)  # var/ on a fresh clone
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(file),
            # a file, not memory, so tests can run commands in other processes against it
            # (one per process: two test runs at once must not share it)
            "TEST": {"NAME": str(file.with_name(f"{file.stem}-test-{os.getpid()}{file.suffix}"))},
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    if parts.scheme in ("postgres", "postgresql", "pgsql"):
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise _bad("DATABASE_URL", url, "names no database")
        options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "TEST": {"NAME": f"test_{name}_{os.getpid()}"},
            "OPTIONS": options,
        }
    raise _bad(
        "DATABASE_URL", url, "is not understood: use sqlite:///var/tracker.sqlite3 or postgres://user@host:5432/name"
    )


def mail_from_url(url: str, base_dir: Path) -> dict:
    """``console:``, ``file:DIR``, ``smtp://[user:pw@]host:port[?tls=1]`` or ``locmem:`` → EMAIL_* settings."""
    try:
        return _mail_from_url(url, base_dir)
    except ValueError:
        raise _bad("MAIL_URL", url, "is no valid URL (check the port and the characters in the password)") from None


def _mail_from_url(url: str, base_dir: Path) -> dict:
    scheme, _, rest = url.partition(":")
    scheme = scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme == "file":
        path = (rest[2:] if rest.startswith("//") else rest) or "var/mail"
        directory = Path(path) if Path(path).is_absolute() else base_dir / path
        return {"EMAIL_BACKEND": "tracker.digests.backends.EmlFileBackend", "EMAIL_FILE_PATH": str(directory)}
    if scheme in ("smtp", "smtps"):
        parts = urlsplit(url)
        if not parts.hostname:
            raise _bad("MAIL_URL", url, "names no SMTP host")
        try:
            port = parts.port or (465 if scheme == "smtps" else 25)
        except ValueError:
            raise _bad("MAIL_URL", url, "has a bad port") from None
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": query.get("tls", "0").lower() in TRUE,
            "EMAIL_TIMEOUT": 30,
        }
    raise _bad("MAIL_URL", url, "is not understood: use console:, file:DIR or smtp://host:port")


def broker_url(url: str) -> str:
    if url and _scheme(url) not in ("redis", "rediss", "amqp", "memory"):
        raise _bad("CELERY_BROKER_URL", url, "is not understood: use redis://host:6379/0 or leave it empty")
    return url


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme
    except ValueError:
        return ""


def cache_from_url(url: str) -> dict:
    """Empty: a per-process memory cache; ``redis://host:6379/1``: a shared Redis cache."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if _scheme(url) in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise _bad("CACHE_URL", url, "is not understood: use redis://host:6379/1 or leave it empty")
