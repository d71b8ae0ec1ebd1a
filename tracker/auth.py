"""Login with a rate limit: after LOGIN_MAX_FAILURES failed attempts for one
user name or from one address within LOGIN_LOCKOUT_SECONDS, further attempts
are refused (HTTP 429) until the window has passed. Counts live in the cache
(CACHE_URL: a shared Redis in production, so every worker sees them)."""
from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string


def _keys(request) -> list[str]:
    ip = request.META.get("REMOTE_ADDR", "")
    user = (request.POST.get("username") or "").strip().lower()
    return ["login-fail:ip:" + hashlib.sha256(ip.encode()).hexdigest()[:32],
            "login-fail:user:" + hashlib.sha256(user.encode()).hexdigest()[:32]]


def is_locked(request) -> bool:
    return any((cache.get(k) or 0) >= settings.LOGIN_MAX_FAILURES for k in _keys(request))


def note_failure(request) -> None:
    for key in _keys(request):
        if cache.add(key, 1, settings.LOGIN_LOCKOUT_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, settings.LOGIN_LOCKOUT_SECONDS)


def clear_failures(request) -> None:
    cache.delete_many(_keys(request))


class RateLimitedLoginView(auth_views.LoginView):
    def post(self, request, *args, **kwargs):
        if is_locked(request):
            body = render_to_string("registration/locked.html", {"minutes": settings.LOGIN_LOCKOUT_SECONDS // 60},
                                    request=request)
            return HttpResponse(body, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        note_failure(self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        clear_failures(self.request)
        return super().form_valid(form)
