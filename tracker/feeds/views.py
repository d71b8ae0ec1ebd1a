"""The feeds (fixed addresses, so subscriptions survive redesigns) and the
page where a signed-in user finds their addresses and their feed key.

* ``/feeds/deadlines.ics``: the open deadlines as a calendar (tracker/feeds/calendar.py);
* ``/feeds/overdue.atom``: newly overdue items (tracker/feeds/overdue.py);
* ``/feeds/``: the addresses to copy, the key shown once when it is made.

The feeds answer a signed-in user or ``?token=`` (tracker/feeds/access.py);
the page needs a login, as every page does: a key does not open it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, QueryDict, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from tracker.feeds import calendar, overdue, selection, tokens
from tracker.feeds.access import feed_reader
from tracker.models import FeedToken

#: stands in the addresses for a key that is not shown (only its hash is stored)
PLACEHOLDER = "JOUW-SLEUTEL"


def bad_filter(exc: selection.BadFilter) -> HttpResponse:
    return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")


@require_safe
@feed_reader
def deadlines(request):
    try:
        chosen = selection.select(request.GET, calendar.bases(), timezone.localdate())
    except selection.BadFilter as exc:
        return bad_filter(exc)
    response = StreamingHttpResponse(calendar.stream(chosen), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="termijnen.ics"'
    return response


@require_safe
@feed_reader
def overdue_atom(request):
    try:
        request.feed_selection = selection.select(request.GET, overdue.bases(), timezone.localdate())
    except selection.BadFilter as exc:
        return bad_filter(exc)
    return overdue.OverdueFeed()(request)


def address(name: str, params: dict, key: str | None) -> str:
    query = {**params, tokens.PARAMETER: key or PLACEHOLDER}
    return f"{settings.SITE_URL}{reverse(name)}?{urlencode(query, doseq=True)}"


class FeedsView(LoginRequiredMixin, TemplateView):
    """The user's feed addresses; POST makes a new key and shows it, this once."""

    template_name = "feeds/feeds.html"

    def post(self, request, *args, **kwargs):
        key = tokens.renew(request.user)
        response = self.render_to_response(self.get_context_data(key=key))
        add_never_cache_headers(response)  # the key is in this page only
        return response

    def get_context_data(self, key: str | None = None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        token = FeedToken.objects.filter(user=self.request.user).first()
        asked = self.request.GET.get("kind", "")
        params = selection.filter_params(self.request.GET)
        forms = {}
        for kind, filterset_class in selection.FILTERS.items():
            bound = params if asked == kind else selection.filter_params(QueryDict())
            form = filterset_class(bound, queryset=calendar.bases()[kind].none()).form
            form.auto_id = f"{kind}_%s"
            forms[kind] = form
        chosen = []
        if asked in selection.FILTERS and forms[asked].is_valid():
            wanted = {"kind": asked, **{k: v for k, v in params.lists() if any(v)}}
            chosen = [
                ("Agenda met de termijnen van je selectie", address("feeds-deadlines", wanted, key)),
                ("Nieuw te laat in je selectie (Atom)", address("feeds-overdue", wanted, key)),
            ]
        kinds = {"kind": selection.COMMITMENTS}, {"kind": selection.QUESTIONS}
        ctx.update(
            key=key,
            token=token,
            chosen=chosen,
            chosen_words=selection.describe(forms[asked]) if chosen else [],
            asked=asked,
            commitment_form=forms[selection.COMMITMENTS],
            question_form=forms[selection.QUESTIONS],
            addresses=[
                ("Agenda: alle termijnen (antwoorden en toezeggingen)", address("feeds-deadlines", {}, key)),
                ("Agenda: alleen toezeggingen", address("feeds-deadlines", kinds[0], key)),
                ("Agenda: alleen Kamervragen", address("feeds-deadlines", kinds[1], key)),
                ("Nieuw te laat (Atom)", address("feeds-overdue", {}, key)),
                ("API: toezeggingen (JSON)", address("api-commitment-list", {}, key)),
                ("API: vragensets (JSON)", address("api-questionset-list", {}, key)),
            ],
            placeholder=PLACEHOLDER,
        )
        return ctx
