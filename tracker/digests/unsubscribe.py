"""Unsubscribe from the weekly digest via the signed link in every digest.

GET shows a confirmation form and changes nothing (mail scanners and link
previewers follow links); POST unsubscribes. POST is CSRF-exempt so that the
one-click unsubscribe of RFC 8058 (``List-Unsubscribe-Post:
List-Unsubscribe=One-Click``, the client POSTs without a cookie) works; the
signed token is what authorises it.

A link works for UNSUBSCRIBE_MAX_AGE_DAYS (a year). An older link unsubscribes
nobody: it offers to mail a fresh link to the subscription's own address (at
most once an hour), and does nothing else.
"""
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.digests.report import read_unsubscribe_token, unsubscribe_url

RESEND_INTERVAL_SECONDS = 3600


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    sub, expired = read_unsubscribe_token(token)
    if sub is None:
        return render(request, "digests/unsubscribe.html", {"state": "invalid"}, status=400)
    if expired:
        return _expired(request, sub)
    if request.method == "POST":
        if sub.active:
            sub.active = False
            sub.save(update_fields=["active"])
        return render(request, "digests/unsubscribe.html", {"state": "done", "subscription": sub})
    return render(request, "digests/unsubscribe.html",
                  {"state": "confirm" if sub.active else "already", "subscription": sub})


def _expired(request, sub):
    """An expired link: never unsubscribes; POST action=resend mails a fresh link to the subscriber."""
    state = "expired"
    if request.method == "POST" and request.POST.get("action") == "resend" and sub.active:
        if cache.add(f"unsubscribe-resend:{sub.pk}", 1, RESEND_INTERVAL_SECONDS):
            send_mail("Nieuwe afmeldlink voor het weekoverzicht",
                      "U vroeg om een nieuwe link om u af te melden voor het wekelijkse overzicht van "
                      f"Kamervragen en toezeggingen:\n\n{unsubscribe_url(sub)}\n\n"
                      f"De link werkt {settings.UNSUBSCRIBE_MAX_AGE_DAYS} dagen. Vroeg u hier niet om, "
                      "dan kunt u dit bericht negeren.\n",
                      settings.DEFAULT_FROM_EMAIL, [sub.email])
        state = "resent"
    return render(request, "digests/unsubscribe.html", {"state": state, "subscription": sub}, status=410)
