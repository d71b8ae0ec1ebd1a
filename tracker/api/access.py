"""Who reads the API: the signed-in user or the owner of ``?token=``, the
same rule as the feeds (tracker/feeds/tokens.py). No key and a wrong key
both answer 401 with nothing about keys or records in it."""

from __future__ import annotations

from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from tracker.feeds import tokens
from tracker.feeds.access import REFUSED


class FeedKeyAuthentication(BaseAuthentication):
    """The session's user (the API reads only: no CSRF to check), else the key's owner."""

    def authenticate(self, request):
        reader = tokens.reader(request._request)
        if reader is not None:
            return reader, None
        if request.query_params.get(tokens.PARAMETER):
            raise AuthenticationFailed(REFUSED)
        return None

    def authenticate_header(self, request):
        return 'Token realm="tracker", param="token"'
