"""Who may read a feed: a signed-in user or the owner of ``?token=``
(tracker/feeds/tokens.py). Anyone else gets 401 with one short Dutch line,
the same for no key and a wrong key, so an answer tells nothing about keys
or records."""

from __future__ import annotations

from functools import wraps

from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from tracker.feeds import tokens

REFUSED = "Log in, of geef je feedsleutel mee als ?token=… (te vinden op de pagina Feeds)."


def refused() -> HttpResponse:
    response = HttpResponse(REFUSED, status=401, content_type="text/plain; charset=utf-8")
    # a key in the query string is not an HTTP scheme a client can answer with a password
    response["WWW-Authenticate"] = 'Token realm="tracker", param="token"'
    return response


def feed_reader(view):
    """The view runs for a reader only, with ``request.reader`` set; its answer is private to that reader."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        reader = tokens.reader(request)
        if reader is None:
            return refused()
        request.reader = reader
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper
