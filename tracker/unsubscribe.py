"""Unsubscribe from the weekly digest via the signed link in every digest.

GET shows a confirmation form and changes nothing (mail scanners and link
previewers follow links); POST unsubscribes. POST is CSRF-exempt so that the
one-click unsubscribe of RFC 8058 (``List-Unsubscribe-Post:
List-Unsubscribe=One-Click``, the client POSTs without a cookie) works; the
signed token is what authorises it.
"""
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .emails import subscription_for_token


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    sub = subscription_for_token(token)
    if sub is None:
        return render(request, "digests/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        if sub.active:
            sub.active = False
            sub.save(update_fields=["active"])
        return render(request, "digests/unsubscribe.html", {"state": "done", "subscription": sub})
    return render(request, "digests/unsubscribe.html",
                  {"state": "confirm" if sub.active else "already", "subscription": sub})
