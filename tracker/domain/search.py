"""Free-text search for the list pages: words and word beginnings, case- and
accent-insensitive ("tsjetsjeni" finds "Tsjetsjenië").

One SQL function, ``tracker_search_text(text)``, gives the searchable form of
a column (lower case, accents off) on both backends:

* PostgreSQL: an IMMUTABLE wrapper around ``unaccent`` made by migration
  ``0003_pages_search``, with GIN trigram indexes on
  ``tracker_search_text(questionset.subject)`` and ``…(person.name)``, and on
  the commitment's kept search text (0005, tracker/domain/commitment_index.py), so
  the match below is an index scan (pg_trgm serves regular expressions);
* SQLite: a deterministic Python function registered on every new
  connection (``connection_created`` below), doing the same in Python.

The term is normalized the same way in Python, and every word of the query
must occur at the start of a word: the regular expression
``(^|[^a-z0-9])term`` means the same to PostgreSQL and to Python's ``re``
(SQLite's REGEXP is Python's), so there is one query for both backends.
"""

from __future__ import annotations

import re
import unicodedata
from functools import reduce

from django.db.backends.signals import connection_created
from django.db.models import Func, Q, TextField
from django.dispatch import receiver

SQL_FUNCTION = "tracker_search_text"
MAX_WORDS = 8


def normalize(text: str | None) -> str | None:
    """Lower case without accents: "Tsjetsjenië" → "tsjetsjenie"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


class SearchText(Func):
    """``tracker_search_text(expr)``: the searchable form of a text column."""

    function = SQL_FUNCTION
    output_field = TextField()


@receiver(connection_created)
def register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 1, normalize, deterministic=True)


#: words that begin a word in nearly every subject: searching them adds
#: nothing but a scan of every row (a trigram index cannot serve them)
STOPWORDS = {
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "te",
    "voor",
    "met",
    "over",
    "aan",
    "bij",
    "om",
    "uit",
    "als",
    "dat",
    "die",
    "is",
    "of",
    "er",
    "na",
    "tot",
    "naar",
    "door",
}
#: matches up to this many rows are passed on as a list of ids (an index
#: lookup that PostgreSQL can OR with the trigram index); more as a subquery
#: (the lists count at most 2,000 rows, tracker/review/pagination.py, so reading
#: more ids here only to pass them back cost more than it saved)
MATERIALIZE = 1_000


def words(q: str | None) -> list[str]:
    """The query's words, normalized (letters and digits only), at most
    MAX_WORDS; stop words and one- or two-letter words are left out unless
    the query has nothing else ("de vries" searches "vries")."""
    found = re.findall(r"[a-z0-9]+", normalize(q or "") or "")
    significant = [w for w in found if w not in STOPWORDS and len(w) >= 3]
    return (significant or found)[:MAX_WORDS]


def matching_ids(queryset, field: str, word: str):
    """The ids of ``queryset``'s rows in which ``word`` begins a word of
    ``field``: a list when they are few, else a subquery."""
    return few_as_list(
        queryset.alias(_search=SearchText(field)).filter(match(word, "_search")).values_list("pk", flat=True)
    )


def few_as_list(rows):
    """``rows`` (a flat values_list) as a list when it is short, else as it is (a subquery)."""
    ids = list(rows.order_by()[: MATERIALIZE + 1])
    return ids if len(ids) <= MATERIALIZE else rows


def word_start_pattern(word: str) -> str:
    return rf"(^|[^a-z0-9]){re.escape(word)}"


def match(q: str | None, *fields: str) -> Q | None:
    """A Q where every word of ``q`` begins a word in one of ``fields``
    (each field annotated or aliased with SearchText); None for an empty query."""
    terms = words(q)
    if not terms:
        return None
    per_word = [
        reduce(lambda a, b: a | b, (Q(**{f"{f}__regex": word_start_pattern(w)}) for f in fields)) for w in terms
    ]
    return reduce(lambda a, b: a & b, per_word)
