"""Sentence-level extraction: commitments, requests, fulfilments, references.

``extract_all(doc, calendar=None)`` fills the four lists of a ParsedDocument
that the structural parser (documents/parsing/kinds) has built; plain Python,
no Django. Each kind of finding has its own module, and each module names its
source (contract/ANNOTATION.md, DOMAIN.md) in its docstring:

- ``sentences``   sentence splitting (abbreviations, initials, line breaks)
- ``actors``      who acts: the government side or another actor
- ``commitments`` toezeggingen in answers and letter bodies
- ``requests``    verzoeken in questions, and the reply each gets
- ``fulfilments`` nakomingen
- ``references``  citations of other Kamerstukken
"""

from __future__ import annotations

from documents.parsing.extract.commitments import find_commitments
from documents.parsing.extract.fulfilments import find_fulfilments
from documents.parsing.extract.references import document_references, find_references
from documents.parsing.extract.requests import classify_reply, find_requests

__all__ = [
    "extract_all",
    "find_commitments",
    "find_requests",
    "find_fulfilments",
    "find_references",
    "document_references",
    "classify_reply",
]


def extract_all(doc, calendar: object | None = None) -> None:
    """Fill ``doc.commitments``, ``doc.requests``, ``doc.fulfilments`` and
    ``doc.references`` in place. ``calendar`` is a
    :class:`documents.parsing.calendar.Calendar` (the tracker passes one
    built from its ParliamentaryRecess rows); None means the default one.
    A failure in one extractor is recorded in ``doc.warnings`` and does not
    stop the others."""
    steps = (
        ("commitments", lambda: find_commitments(doc, calendar)),
        ("requests", lambda: find_requests(doc)),
        ("fulfilments", lambda: find_fulfilments(doc)),
        ("references", lambda: document_references(doc)),
    )
    for name, step in steps:
        try:
            setattr(doc, name, step())
        except Exception as exc:
            setattr(doc, name, [])
            doc.warnings.append(f"extract {name}: {type(exc).__name__}: {exc}")
