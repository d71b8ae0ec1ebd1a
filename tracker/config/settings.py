"""Settings for the tracker, read from the environment (see .env.example).

Every variable has a safe default for a fresh machine (SQLite under var/,
jobs in-process, mail to the console) except SECRET_KEY, which production
(DJANGO_DEBUG=False) must set. Nonsense values raise ImproperlyConfigured.
"""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from tracker.config.env import (
    broker_url,
    cache_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    mail_from_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DJANGO_DEBUG=False "
            "(make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# links in mails and feeds; unset, it follows PORT (`PORT=8001 make run`)
SITE_URL = (env_str("SITE_URL", "") or f"http://127.0.0.1:{env_str('PORT', '') or '8000'}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "csp",
    "documents",
    "tracker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # no LocaleMiddleware: the UI is Dutch whatever language the browser asks for (LANGUAGE_CODE)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # last: turns a locked-out login (any form: /login/, /admin/login/) into the 429 page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.config.urls"
WSGI_APPLICATION = "tracker.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", "sqlite:///var/tracker.sqlite3")
DATABASES = {"default": database_from_url(DATABASE_URL, BASE_DIR)}
# Cache: per process by default; CACHE_URL=redis://… shares it between workers (login throttling
# counts in the database: django-axes, see AXES_* below).
CACHE_URL = env_str("CACHE_URL", "")
CACHES = {"default": cache_from_url(CACHE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
# Login throttling (django-axes, tracker/access/lockout.py): LOGIN_MAX_FAILURES wrong passwords for one
# user name from one address lock that pair out for LOGIN_LOCKOUT_SECONDS; one address is
# stopped after LOGIN_MAX_FAILURES_PER_ADDRESS failures whatever the user names.
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5, minimum=1)
LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("LOGIN_MAX_FAILURES_PER_ADDRESS", 50, minimum=1)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 900, minimum=1)
AUTHENTICATION_BACKENDS = [
    "tracker.access.lockout.LoginThrottleBackend",  # django-axes' backend; first: refuses a locked-out attempt before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "tracker.access.lockout.LoginThrottle"
AXES_FAILURE_LIMIT = LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tracker.access.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "tracker.access.lockout.client_ip"
AXES_VERBOSE = False
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
# The pages are written in Dutch: dates and messages stay Dutch whatever the browser asks for.
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "tracker" / "static"]
# Uploaded papers live outside the static root and are never served as static files.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Mail: console: (default), file:DIR (one .eml per message), smtp://host:port
MAIL_URL = env_str("MAIL_URL", "console:")
globals().update(mail_from_url(MAIL_URL, BASE_DIR))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "tracker@localhost")

# Domain rules (DOMAIN.md; Reglement van Orde Tweede Kamer)
MAX_DOCUMENT_BYTES = env_int("MAX_DOCUMENT_BYTES", 20 * 1024 * 1024, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
ANSWER_TERM_DAYS = env_int("ANSWER_TERM_DAYS", 21, minimum=1)
POSTPONEMENT_DAYS = env_int("POSTPONEMENT_DAYS", 21, minimum=0)
DEFAULT_REVIEW_WEEKS = env_int("DEFAULT_REVIEW_WEEKS", 6, minimum=1)
DIGEST_WEEKDAY = 0  # Monday
DIGEST_HOUR = env_int("DIGEST_HOUR", 8, minimum=0)
# An unsubscribe link works this long; an older one offers to mail a fresh one.
UNSUBSCRIBE_MAX_AGE_DAYS = env_int("UNSUBSCRIBE_MAX_AGE_DAYS", 365, minimum=1)
DIGEST_LEASE_SECONDS = env_int("DIGEST_LEASE_SECONDS", 600, minimum=1)

# The Kamer's open data (tracker/opendata/, README "Open data"): the SyncFeed, how far back the first sync goes,
# how politely it asks (a pause between requests, retries with back-off doubling from OPENDATA_BACKOFF_SECONDS).
OPENDATA_BASE_URL = env_str("OPENDATA_BASE_URL", "https://gegevensmagazijn.tweedekamer.nl").rstrip("/")
OPENDATA_SYNCFEED_URL = (env_str("OPENDATA_SYNCFEED_URL") or f"{OPENDATA_BASE_URL}/SyncFeed/2.0").rstrip("/")
OPENDATA_SINCE = env_str("OPENDATA_SINCE", "2024-01-01")
OPENDATA_PAUSE_SECONDS = env_int("OPENDATA_PAUSE_MS", 100) / 1000
OPENDATA_RETRIES = env_int("OPENDATA_RETRIES", 4)
OPENDATA_BACKOFF_SECONDS = env_int("OPENDATA_BACKOFF_SECONDS", 2)
OPENDATA_TIMEOUT_SECONDS = env_int("OPENDATA_TIMEOUT_SECONDS", 60, minimum=1)
OPENDATA_USER_AGENT = f"kamervragen-tracker/1.0 (open-data sync; +{SITE_URL})"

# Celery: empty broker = jobs run in-process from management commands.
CELERY_BROKER_URL = broker_url(env_str("CELERY_BROKER_URL", ""))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "flag-overdue-daily": {"task": "tracker.jobs.tasks.flag_overdue", "schedule": crontab(hour=6, minute=0)},
    "send-digests-hourly": {"task": "tracker.jobs.tasks.send_digests", "schedule": crontab(minute=5)},
    "sync-opendata-nightly": {"task": "tracker.opendata.tasks.sync_opendata", "schedule": crontab(hour=4, minute=30)},
}

# Security: production values from the environment.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy on every response (django-csp 4): scripts and styles only
# from our own static files, nothing inline; no plugins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # no log line shows a password from a URL (tracker/config/env.py: RedactSecretsFilter)
    "filters": {"redact_secrets": {"()": "tracker.config.env.RedactSecretsFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# The read-only JSON API (tracker/api, Django REST framework): JSON only, read by the signed-in
# user or the owner of a feed key (?token=, tracker/feeds/tokens.py); the views say the same.
INSTALLED_APPS += ["rest_framework"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["tracker.api.access.FeedKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
}
