"""Unsubscribe from the weekly digest via the signed link in every digest.

GET shows a confirmation form and changes nothing (mail scanners and link
previewers follow links); POST unsubscribes. POST is CSRF-exempt so that the
one-click unsubscribe of RFC 8058 (``List-Unsubscribe-Post:
List-Unsubscribe=One-Click``, the client POSTs without a cookie) works; the
signed token is what authorises it.

A link works for UNSUBSCRIBE_MAX_AGE_DAYS (a year). An older link unsubscribes
nobody: it offers to mail a fresh link to the subscription's own address (at
most once an hour), and does nothing else.

The token (``unsubscribe_token``) is signed and dated and names one action
and one address: a token made for anything else unsubscribes nobody.
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.models import DigestSubscription

RESEND_INTERVAL_SECONDS = 3600
UNSUBSCRIBE_SALT = "tracker.digest.unsubscribe"
UNSUBSCRIBE = "unsubscribe"


def unsubscribe_token(sub: DigestSubscription) -> str:
    """A signed, dated token that does one thing: unsubscribe this address."""
    return signing.dumps({"id": sub.pk, "email": sub.email, "do": UNSUBSCRIBE}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[DigestSubscription | None, bool]:
    """(the subscription, expired?): a token older than UNSUBSCRIBE_MAX_AGE_DAYS
    still names its subscription (so a fresh link can be offered) but is expired;
    a token that is forged, tampered with or made for another action names none."""
    expired = False
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=dt.timedelta(days=settings.UNSUBSCRIBE_MAX_AGE_DAYS))
    except signing.SignatureExpired:
        expired = True
        try:
            data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None, False
    except signing.BadSignature:
        return None, False
    # links mailed before the action was named ("do") were unsubscribe links too
    if not isinstance(data, dict) or data.get("do", UNSUBSCRIBE) != UNSUBSCRIBE:
        return None, False
    sub = DigestSubscription.objects.filter(pk=data.get("id"), email=data.get("email")).first()
    return sub, expired


def unsubscribe_url(sub: DigestSubscription) -> str:
    return settings.SITE_URL + reverse("digest-unsubscribe", args=[unsubscribe_token(sub)])


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
    return render(
        request, "digests/unsubscribe.html", {"state": "confirm" if sub.active else "already", "subscription": sub}
    )


def _expired(request, sub):
    """An expired link: never unsubscribes; POST action=resend mails a fresh link to the subscriber."""
    state = "expired"
    if request.method == "POST" and request.POST.get("action") == "resend" and sub.active:
        if cache.add(f"unsubscribe-resend:{sub.pk}", 1, RESEND_INTERVAL_SECONDS):
            send_mail(
                "Nieuwe afmeldlink voor het weekoverzicht",
                "U vroeg om een nieuwe link om u af te melden voor het wekelijkse overzicht van "
                f"Kamervragen en toezeggingen:\n\n{unsubscribe_url(sub)}\n\n"
                f"De link werkt {settings.UNSUBSCRIBE_MAX_AGE_DAYS} dagen. Vroeg u hier niet om, "
                "dan kunt u dit bericht negeren.\n",
                settings.DEFAULT_FROM_EMAIL,
                [sub.email],
            )
        state = "resent"
    return render(request, "digests/unsubscribe.html", {"state": state, "subscription": sub}, status=410)
