"""A digest as a mail: subject, text and HTML from templates/emails/digest*.

Mail parts come from three templates (healthchecks' hc/lib/emails.py shape):
``emails/<name>-subject.txt``, ``<name>.txt`` and ``<name>.html``
(``render_parts``); ``message_from_parts`` makes the message with the
List-Unsubscribe headers of RFC 2369 and RFC 8058.

A digest is assembled from pieces rendered once per report
(``DigestRenderer``): each item (its text and HTML lines, templates/emails/
digest/<section>.txt|html) once, each ministry section (emails/digest/
group.txt|html) once per distinct list of items. So a ministry subscriber's
section is the very string the "everything" digest has, and a party or
dossier filter only re-joins the items it keeps. The frame (emails/
digest.txt|html) is rendered once per distinct filter, with a placeholder
for the unsubscribe link, which is put in per subscriber
(``RenderedDigest.message``): rendering ~1,000 items twice per subscriber
was a minute per 1,000 subscribers (BENCHMARKS.md). So the digest templates
get no ``subscription``: anything else per subscriber would need its own
rendering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template, render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from tracker.digests.report import DUE_SOON_DAYS, Digest, Item, MinistryGroup
from tracker.digests.unsubscribe import unsubscribe_url
from tracker.models import DigestSubscription

#: stands in for the subscriber's unsubscribe link while a digest is rendered once for
#: every subscriber with the same filters (only URL-safe characters: HTML escaping leaves it as is)
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/digest-placeholder/"


def render_parts(name: str, ctx: dict) -> tuple[str, str, str]:
    """``templates/emails/<name>-subject.txt``, ``<name>.txt`` and ``<name>.html``
    rendered: (subject, text, html). The HTML template escapes everything
    (Django's autoescape); the text templates switch it off."""
    ctx = {"SITE_URL": settings.SITE_URL, **ctx}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", ctx).split())
    return subject, render_to_string(f"emails/{name}.txt", ctx), render_to_string(f"emails/{name}.html", ctx)


def message_from_parts(
    subject: str,
    text: str,
    html: str,
    to: str,
    unsubscribe: str | None = None,
    headers: dict | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """One message with a text and an HTML part."""
    headers = dict(headers or {})
    if unsubscribe:
        # RFC 2369 + RFC 8058 one-click: the mail client POSTs to this URL
        headers.setdefault("List-Unsubscribe", f"<{unsubscribe}>")
        headers.setdefault("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
    headers.setdefault("Auto-Submitted", "auto-generated")
    msg = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers, connection=connection
    )
    msg.attach_alternative(html, "text/html")
    return msg


@dataclass
class RenderedDigest:
    """A digest rendered once for every subscriber with the same filters, with
    UNSUBSCRIBE_PLACEHOLDER where each one's unsubscribe link goes."""

    subject: str
    text: str
    html: str

    def message(self, sub: DigestSubscription, connection=None) -> EmailMultiAlternatives:
        url = unsubscribe_url(sub)
        return message_from_parts(
            self.subject.replace(UNSUBSCRIBE_PLACEHOLDER, url),
            self.text.replace(UNSUBSCRIBE_PLACEHOLDER, url),
            self.html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(url)),
            sub.email,
            url,
            connection=connection,
        )


class DigestRenderer:
    """The digests cut from one report, rendered: an item is rendered once
    however many digests list it (it reads the same in all of them), a
    ministry section once per distinct list of items, a digest once per
    distinct filter (``Digest.filters``)."""

    def __init__(self, received_from: dt.date, received_to: dt.date):
        self.received_from, self.received_to = received_from, received_to
        self._items: dict = {}
        self._groups: dict = {}
        self._digests: dict = {}

    def message(self, sub: DigestSubscription, digest: Digest, connection=None) -> EmailMultiAlternatives:
        """The digest mail for ``sub``."""
        return self.render(digest).message(sub, connection=connection)

    def render(self, digest: Digest) -> RenderedDigest:
        """The frame templates get each ministry section as a finished string
        (``groups.text`` / ``groups.html``)."""
        if digest.filters not in self._digests:
            groups = [self.group(g) for g in digest.groups]
            year, week, _ = digest.today.isocalendar()
            ctx = {
                "digest": digest,
                "week_number": week,
                "year": year,
                "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
                "due_soon_days": DUE_SOON_DAYS,
                "groups": {"text": [t for t, _ in groups], "html": [h for _, h in groups]},
            }
            self._digests[digest.filters] = RenderedDigest(*render_parts("digest", ctx))
        return self._digests[digest.filters]

    def item(self, section: str, item: Item) -> tuple[str, str]:
        key = (section, item.id)  # one query per section: an id is one item there
        if key not in self._items:
            ctx = {"item": item}
            self._items[key] = tuple(_piece(f"emails/digest/{section}.{ext}", ctx) for ext in ("txt", "html"))
        return self._items[key]

    def group(self, group: MinistryGroup) -> tuple[str, str]:
        key = (
            group.name,
            *(tuple(i.id for i in getattr(group, s)) for s in MinistryGroup.SECTIONS),
            tuple(sorted(group.total.items())),
            tuple(sorted(group.rest.items())),
        )
        if key not in self._groups:
            common = {"name": group.name, "total": group.total, "more": group.more, "rest": group.rest}
            text, html = dict(common), dict(common)
            for section in MinistryGroup.SECTIONS:
                items = [self.item(section, i) for i in getattr(group, section)]
                text[section], html[section] = [t for t, _ in items], [h for _, h in items]
            ctx = {"due_soon_days": DUE_SOON_DAYS, "received_from": self.received_from, "received_to": self.received_to}
            self._groups[key] = (
                _piece("emails/digest/group.txt", {**ctx, "group": text}),
                _piece("emails/digest/group.html", {**ctx, "group": html}),
            )
        return self._groups[key]


def _piece(template_name: str, ctx: dict) -> str:
    """One piece: the template's output without the newline that ends its file
    (the enclosing template puts its own line breaks around a piece). Marked
    safe: HTML pieces come from autoescaped templates and are put in as they are."""
    return mark_safe(get_template(template_name).render(ctx).removesuffix("\n"))


def render_digest(digest: Digest) -> RenderedDigest:
    """One digest on its own (with no other digests of its report to share pieces with)."""
    return DigestRenderer(digest.received_from, digest.received_to).render(digest)
