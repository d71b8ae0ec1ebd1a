"""/mijn-werk/: an editor's queue on one page — finds to confirm, suggested
fulfilments to judge, differences with the open data, commitments whose
review date has come. Each section shows the first few and links to the
whole list; the rules are the querysets'."""

from __future__ import annotations

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from tracker.models import Commitment, Discrepancy, FulfilmentSuggestion

SHOWN = 10


class MyWorkView(PermissionRequiredMixin, TemplateView):
    template_name = "tracker/my_work.html"
    permission_required = "tracker.change_commitment"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        commitments = Commitment.objects.select_related("source_document", "actor_office")
        to_confirm = commitments.to_confirm().filter(status=Commitment.Status.OPEN).order_by("due_date", "id")
        suggestions = (
            FulfilmentSuggestion.objects.filter(
                state=FulfilmentSuggestion.State.SUGGESTED,
                commitment__status=Commitment.Status.OPEN,
                commitment__retired=False,
            )
            .select_related("commitment", "document")
            .order_by("-score", "id")
        )
        differences = (
            Discrepancy.objects.filter(state=Discrepancy.State.OPEN)
            .select_related("question_set")
            .order_by("created_at", "id")
        )
        review = commitments.review_passed(today).order_by("review_date", "id")
        ctx.update(
            today=today,
            sections=[
                (
                    "confirm",
                    "Te bevestigen",
                    "Vondsten van de parser met weinig zekerheid: bevestig of verwijder ze.",
                    to_confirm.count(),
                    list(to_confirm[:SHOWN]),
                    "commitment-list",
                    "?status=to_confirm",
                ),
                (
                    "suggestions",
                    "Voorgestelde nakomingen",
                    "Een later stuk lijkt een toezegging na te komen: beoordeel het.",
                    suggestions.count(),
                    list(suggestions[:SHOWN]),
                    None,
                    "",
                ),
                (
                    "differences",
                    "Verschillen met de open data",
                    "De open data en de documenten noemen een andere datum.",
                    differences.count(),
                    list(differences[:SHOWN]),
                    "opendata-discrepancies",
                    "",
                ),
                (
                    "review",
                    "Controledatum verstreken",
                    "Toezeggingen zonder termijn waarvan de controledatum is gekomen.",
                    review.count(),
                    list(review[:SHOWN]),
                    None,
                    "",
                ),
            ],
        )
        return ctx
