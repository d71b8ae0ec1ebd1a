"""/search/: words in the text of questions, answers, commitments and
letters (tracker/domain/fulltext.py), each hit with its passage marked.

Without a kind the page shows the first hits of every kind with their
counts; with ``kind=`` one kind, paginated. Everything is in the URL, so a
search can be bookmarked and shared."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.generic import TemplateView

from tracker.domain import fulltext

PAGE_SIZE = 25
PREVIEW = 5
SNIPPET_CHARS = 200


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    date: object
    snippet: SafeString


def snippet(text: str, headline: str, terms: list[str]) -> SafeString:
    """The marked passage, escaped: PostgreSQL's headline, else the text around the first hit."""
    if headline:
        marked = escape(" ".join(headline.split()))
        return mark_safe(marked.replace(fulltext.START, "<mark>").replace(fulltext.STOP, "</mark>"))
    text = " ".join((text or "").split())
    if not terms:
        return mark_safe(escape(text[:SNIPPET_CHARS]))
    pattern = re.compile("|".join(re.escape(w) for w in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    passage, out, last = text[start:end], [], 0
    for m in pattern.finditer(passage):
        out += [escape(passage[last : m.start()]), f"<mark>{escape(m.group(0))}</mark>"]
        last = m.end()
    out.append(escape(passage[last:]))
    return mark_safe(("… " if start else "") + "".join(out) + (" …" if end < len(text) else ""))


def to_hit(kind: str, row, terms: list[str]) -> Hit:
    if kind == "commitments":
        doc = row.source_document
        return Hit(
            kind,
            doc.title or str(doc),
            reverse("commitment-detail", args=[row.pk]),
            doc.date,
            snippet(row.sentence, row.headline, terms),
        )
    if kind in ("questions", "answers"):
        qs = row.question_set
        label = "Vraag" if kind == "questions" else "Antwoord"
        day = qs.submitted if kind == "questions" else qs.received
        return Hit(
            kind,
            f"{label} {row.label} — {qs.subject[:140] or qs}",
            reverse("questionset-detail", args=[qs.pk]),
            day,
            snippet(row.text, row.headline, terms),
        )
    return Hit(
        kind,
        row.title or str(row),
        reverse("document-detail", args=[row.pk]),
        row.date,
        snippet(row.clean_text, row.headline, terms),
    )


class SearchView(LoginRequiredMixin, TemplateView):
    template_name = "tracker/search.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "").strip()[:200]
        kind = self.request.GET.get("kind", "")
        kind = kind if kind in fulltext.KINDS else ""
        terms = fulltext.words(q)
        ctx.update(q=q, kind=kind, kinds=fulltext.KINDS, searched=bool(terms))
        if not terms:
            return ctx
        if kind:
            page = Paginator(fulltext.matching(kind, q), PAGE_SIZE).get_page(self.request.GET.get("page"))
            ctx["page_obj"] = page
            ctx["sections"] = [
                (
                    kind,
                    fulltext.KINDS[kind],
                    page.paginator.count,
                    [to_hit(kind, row, terms) for row in page.object_list],
                )
            ]
        else:
            sections = []
            for key, label in fulltext.KINDS.items():
                rows = fulltext.matching(key, q)
                sections.append((key, label, rows.count(), [to_hit(key, row, terms) for row in rows[:PREVIEW]]))
            ctx["sections"] = sections
        return ctx
