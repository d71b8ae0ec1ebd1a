"""Links to the Tweede Kamer's own pages on tweedekamer.nl, by Zaak or Document number
(the form the Kamer's site uses: ``kamervragen/detail?id=<zaak>`` and ``detail?id=<doc>&did=<doc>``)."""

from __future__ import annotations

from urllib.parse import urlencode

SITE = "https://www.tweedekamer.nl/kamerstukken"


def zaak_url(number: str) -> str:
    """The page of a written-questions Zaak ("2024Z06427"); empty without a number."""
    return f"{SITE}/kamervragen/detail?{urlencode({'id': number})}" if number else ""


def document_url(number: str) -> str:
    """The page of a Document ("2024D12345"); empty without a number."""
    return f"{SITE}/detail?{urlencode({'id': number, 'did': number})}" if number else ""
