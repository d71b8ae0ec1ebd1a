"""Login throttling for every login form (the site's /login/ and /admin/login/),
by django-axes (settings: AXES_*):

- failures count per user name *and* address together: someone failing for a
  clerk's user name from elsewhere locks only themselves out, and the clerk's
  right password from their own address still gets in;
- a generous ceiling per address (LOGIN_MAX_FAILURES_PER_ADDRESS) stops one
  address spraying many user names;
- a locked-out attempt gets HTTP 429 with a Dutch page (registration/locked.html).

Attempts are kept in the database (AxesDatabaseHandler), so every gunicorn
worker sees them, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone


def client_ip(request) -> str:
    """REMOTE_ADDR; behind our own proxy (BEHIND_PROXY) the address the proxy
    appended last to X-Forwarded-For (earlier entries are the client's word)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def failures_from_address(ip_address: str) -> int:
    """Failed logins from one address within the lockout window, whatever the user name."""
    since = timezone.now() - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    return (
        AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since).aggregate(
            n=Sum("failures_since_start")
        )["n"]
        or 0
    )


class LoginThrottle(AxesDatabaseHandler):
    """Axes' database handler (user name + address) plus the per-address ceiling."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        ip_address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        return failures_from_address(ip_address) >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' backend, noting on the request that *it* refused the attempt."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            return super().authenticate(request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            request.login_refused_by_throttle = True
            request.axes_locked_out = True  # the middleware answers with locked_out (also for the per-address ceiling)
            raise


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """The 429 page for an attempt made while locked out. The wrong password that
    reaches the limit still gets the login form's own answer; the lockout applies
    from the next attempt on."""
    if original_response is not None and not getattr(request, "login_refused_by_throttle", False):
        return original_response
    minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
    body = render_to_string("registration/locked.html", {"minutes": minutes}, request=request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(settings.LOGIN_LOCKOUT_SECONDS)
    return response
