"""The feed key: what lets a calendar, a feed reader or a script read the
feeds and the API as a user, with ``?token=<key>`` (a calendar client cannot
log in).

* A key is 32 random bytes (``secrets.token_urlsafe``); only its SHA-256 is
  stored (FeedToken.key_hash), so a copy of the database reads no feed. The
  key is shown once, when it is made; making a new one ends the old one.
* ``reader(request)`` is the one place that decides who reads a feed or the
  API: the signed-in user, else the active owner of the key in ``?token=``,
  else nobody. The pages and the admin never call it, so a key opens nothing
  but feeds and API.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from tracker.models import FeedToken

#: the query parameter that carries the key
PARAMETER = "token"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def renew(user) -> str:
    """A new key for ``user``: stored as its hash, returned once; the old key stops working."""
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        FeedToken.objects.update_or_create(
            user=user, defaults={"key_hash": digest(key), "created_at": timezone.now(), "last_used_on": None}
        )
    return key


def owner(key: str | None):
    """The active user whose key this is, or None (no key, a wrong key, an inactive user)."""
    if not key:
        return None
    token = FeedToken.objects.select_related("user").filter(key_hash=digest(key)).first()
    if token is None or not token.user.is_active:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        # at most one write a day per key, for the feeds page's "laatst gebruikt"
        FeedToken.objects.filter(pk=token.pk).update(last_used_on=today)
    return token.user


def reader(request):
    """Who reads: the signed-in user, else the owner of ``?token=``, else None."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    return owner(request.GET.get(PARAMETER))
