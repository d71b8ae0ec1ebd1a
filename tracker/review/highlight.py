"""A sentence shown in its paragraph of the source paper, marked.

Everything from the paper is escaped first; only the <mark> around the match
is ours, so no HTML in a paper ever reaches the page as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_CONTEXT = 1200  # characters either side when a "paragraph" is very long


@dataclass
class Highlight:
    html: SafeString
    found: bool


def _sentence_pattern(sentence: str) -> re.Pattern | None:
    words = sentence.split()
    if not words:
        return None
    # Whitespace (line breaks in the paper) may differ, and a word broken over
    # two lines ("genderge-\nlijkheid") may remain so in the clean text.
    gap = r"(?:\s+|-\s*\n\s*)"
    return re.compile(gap.join(re.escape(w) for w in words))


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = text.rfind("\n\n", 0, start)
    p_start = 0 if before < 0 else before + 2
    after = text.find("\n\n", end)
    p_end = len(text) if after < 0 else after
    p_start = max(p_start, start - MAX_CONTEXT)
    p_end = min(p_end, end + MAX_CONTEXT)
    return p_start, p_end


def in_paragraph(text: str, sentence: str) -> Highlight:
    """``sentence`` marked in its paragraph of ``text`` (escaped); the escaped
    sentence alone when it is not found."""
    pattern = _sentence_pattern(sentence or "")
    found = pattern.search(text or "") if pattern else None
    if not found:
        return Highlight(mark_safe(f"<mark>{escape(sentence or '')}</mark>"), False)
    p_start, p_end = _paragraph_bounds(text, found.start(), found.end())
    prefix = "… " if p_start > 0 and text[p_start - 1] not in "\n" else ""
    suffix = " …" if p_end < len(text) and text[p_end] not in "\n" else ""
    html = (
        escape(prefix + text[p_start : found.start()])
        + "<mark>"
        + escape(found.group(0))
        + "</mark>"
        + escape(text[found.end() : p_end] + suffix)
    )
    return Highlight(mark_safe(html), True)
