"""What the feeds and the API share about a record: the address of its page
(from SITE_URL, as the mails build theirs), and the document columns they
never read (a paper's full text and parse result)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

#: a Document's heavy columns: the feeds and the API show a paper's label, never its text
HEAVY_DOCUMENT_FIELDS = ("raw_text", "clean_text", "parsed", "parse_warnings")


def without_text(*relations: str) -> list[str]:
    """The heavy columns of the documents behind ``relations``, for ``.defer()``."""
    return [f"{relation}__{name}" for relation in relations for name in HEAVY_DOCUMENT_FIELDS]


def page_url(name: str, pk: int) -> str:
    return settings.SITE_URL + reverse(name, args=[pk])
