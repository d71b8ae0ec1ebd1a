"""Search in the text of the papers: questions, answers, commitments, letters.

On PostgreSQL: full-text search with the Dutch configuration (stemming:
"informeren" finds "informeert"), ranked, the hits marked by
``ts_headline``; GIN indexes on the same expressions (migration
0009_fulltext_search). On the embedded default (SQLite): every word must
occur in the text (case-insensitive contains), the hits marked in Python.

``ts_headline`` marks the hits with control characters that cannot occur
in a paper (START, STOP); the page escapes the text before they become
``<mark>`` (tracker/review/search.py).
"""

from __future__ import annotations

import re
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet, Value

from documents.models import Document, DocumentKind
from tracker.models import Answer, Commitment, Question

CONFIG = "dutch"
START, STOP = "\x02", "\x03"
MAX_WORDS = 10

#: what can be searched, in the order the page shows it
KINDS = {
    "commitments": "Toezeggingen",
    "questions": "Vragen",
    "answers": "Antwoorden",
    "letters": "Brieven",
}


def words(q: str) -> list[str]:
    return re.findall(r"\w+", q or "")[:MAX_WORDS]


def _sources() -> dict[str, tuple[QuerySet, str]]:
    """Per kind: the rows and the text field searched."""
    return {
        "commitments": (Commitment.objects.live().select_related("source_document"), "sentence"),
        "questions": (Question.objects.filter(retired=False).select_related("question_set"), "text"),
        "answers": (Answer.objects.filter(retired=False).select_related("question_set", "document"), "text"),
        "letters": (Document.objects.filter(kind=DocumentKind.LETTER), "clean_text"),
    }


def postgres() -> bool:
    return connection.vendor == "postgresql"


def matching(kind: str, q: str) -> QuerySet:
    """The rows of ``kind`` that match ``q``, best first (PostgreSQL) or newest first."""
    rows, field = _sources()[kind]
    terms = words(q)
    if not terms:
        return rows.none()
    if postgres():
        query = SearchQuery(" ".join(terms), config=CONFIG, search_type="plain")
        vector = SearchVector(field, config=CONFIG)
        return (
            rows.annotate(_vector=vector)
            .filter(_vector=query)
            .annotate(
                rank=SearchRank(F("_vector"), query),
                headline=SearchHeadline(
                    field,
                    query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .order_by("-rank", "-pk")
        )
    condition = reduce(lambda a, b: a & b, (Q(**{f"{field}__icontains": w}) for w in terms))
    return rows.filter(condition).annotate(headline=Value("")).order_by("-pk")
