"""/stats/trends/: answer times and commitments over cabinets or years, per
ministry, post or minister — charts drawn on the server (SVG, no script),
the table beside them, and the same table as CSV."""

from __future__ import annotations

import csv

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.views.generic import TemplateView

from tracker.domain import stats, trends
from tracker.review.views import inert_cell, today


class TrendsView(LoginRequiredMixin, TemplateView):
    template_name = "tracker/trends.html"

    def choice(self, name: str, allowed: dict, default: str) -> str:
        value = self.request.GET.get(name, default)
        return value if value in allowed else default

    def get(self, request, *args, **kwargs):
        grouping = self.choice("by", trends.GROUPINGS, "ministry")
        per = self.choice("per", trends.PERIODS, "cabinet")
        self.data = trends.build(today(), grouping, per)
        self.group = request.GET.get("group", "")
        if self.group not in self.data.groups:
            self.group = ""
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"statistiek-per-{trends.GROUPINGS[self.data.grouping]}-per-{trends.PERIODS[self.data.per]}"
        response["Content-Disposition"] = f'attachment; filename="{name}-{self.data.today.isoformat()}.csv"'
        response.write("\ufeff")  # BOM: Excel reads UTF-8
        writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
        writer.writerow(trends.CSV_HEADER)
        for row in trends.csv_rows(self.data):
            writer.writerow([inert_cell(value) for value in row])
        return response

    def series(self):
        """The cells the charts show: one group's, or all groups together."""
        if self.group:
            return [(p, self.data.cell(self.group, p.key)) for p in self.data.periods]
        return [(p, self.data.totals.get(p.key) or trends.Cell()) for p in self.data.periods]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        series = self.series()
        whom = self.group or "alle ministeries"
        ctx.update(
            data=self.data,
            group=self.group,
            groupings=trends.GROUPINGS,
            periods=trends.PERIODS,
            grouping_label=trends.GROUPINGS[self.data.grouping],
            period_label=trends.PERIODS[self.data.per],
            series=series,
            on_time_chart=stats.bar_chart(
                f"Binnen de termijn beantwoord (%), {whom}",
                [
                    (p.key, c.on_time_percent, f"{c.on_time_percent}% van {c.answered}")
                    for p, c in series
                    if c.on_time_percent is not None
                ],
                maximum=100,
            ),
            days_chart=stats.bar_chart(
                f"Mediaan dagen tot antwoord, {whom}",
                [(p.key, c.median_days, f"{c.median_days:g} dagen") for p, c in series if c.median_days is not None],
            ),
            commitments_chart=stats.bar_chart(
                f"Toezeggingen gedaan, {whom}",
                [
                    (
                        p.key,
                        c.commitments_made,
                        f"{c.commitments_made} gedaan, {c.commitments_kept} nagekomen, {c.commitments_overdue} te laat, "
                        f"{c.commitments_lapsed} vervallen",
                    )
                    for p, c in series
                    if c.commitments_made
                ],
                text_width=380,
            ),
        )
        return ctx
