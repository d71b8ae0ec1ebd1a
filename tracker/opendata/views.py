"""The open data's pages: the reconciliation queue (with one click to take either value)
and the registry commitments beside the written ones that look like the same promise.

Reading needs a login; resolving needs ``permissions.can_edit`` (403 otherwise)
and goes through ``reconcile.take`` → ``tracker.domain.edits.correct``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import ListView

from tracker.access.permissions import can_edit
from tracker.models import Discrepancy, RegistryCommitment, RegistryMatch
from tracker.opendata import reconcile

PAGE_SIZE = 25


class DiscrepancyListView(LoginRequiredMixin, ListView):
    template_name = "opendata/discrepancy_list.html"
    context_object_name = "items"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return (
            Discrepancy.objects.filter(state=Discrepancy.State.OPEN)
            .select_related("question_set")
            .order_by("created_at", "id")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["can_edit"] = can_edit(self.request.user)
        ctx["resolved"] = (
            Discrepancy.objects.exclude(state__in=[Discrepancy.State.OPEN, Discrepancy.State.GONE])
            .select_related("question_set", "resolved_by")
            .order_by("-resolved_at", "-id")[:10]
        )
        return ctx


class DiscrepancyTakeView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        if not can_edit(request.user):
            raise PermissionDenied("Alleen redacteuren mogen dit wijzigen.")
        item = get_object_or_404(Discrepancy, pk=pk)
        try:
            reconcile.take(item, request.POST.get("take", ""), request.user)
        except ValueError as exc:
            messages.error(request, f"Niet gelukt: {exc}")
        else:
            item.refresh_from_db()
            chosen = item.open_data_day if item.state == Discrepancy.State.TOOK_OPEN_DATA else item.paper_day
            messages.success(request, f"{item.question_set}: {item.what} op {chosen.strftime('%d-%m-%Y')} vastgelegd.")
        return redirect("opendata-discrepancies")


class RegistryListView(LoginRequiredMixin, ListView):
    template_name = "opendata/registry_list.html"
    context_object_name = "commitments"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        rows = RegistryCommitment.objects.filter(deleted=False).prefetch_related(
            Prefetch("matches", queryset=RegistryMatch.objects.select_related("commitment__source_document"))
        )
        status = self.request.GET.get("status")
        if status is not None and status in RegistryCommitment.Status.values:
            rows = rows.filter(status=status)
        return rows.order_by("-made_on", "number")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["statuses"] = RegistryCommitment.Status.choices
        ctx["status"] = self.request.GET.get("status")
        return ctx
