"""The review pages (ARCHITECTURE.md, "the flow of a look"): urls → these
views → filters.py → the querysets' rules → templates/tracker/*.html.

Every page needs a login (LoginRequiredMixin); reading needs nothing more,
the actions need ``permissions.can_edit`` (status changes) or
``permissions.can_upload`` and answer 403 otherwise. Each action calls the
one write path, tracker/domain/edits.py, which records the Correction and the
StatusChange shown in the history and recomputes due and overdue state.
List pages run a fixed number of queries whatever the number of rows
(select_related / prefetch_related; tests/pages/test_query_counts.py).
"""

from __future__ import annotations

import csv
import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, FormView, RedirectView, TemplateView
from django_filters.views import FilterView

from documents.models import Document
from tracker.access.permissions import can_edit, can_upload
from tracker.digests import report as emails
from tracker.domain import edits, history, stats
from tracker.ingest.uploads import (
    NAME as UPLOAD_JOB,
)
from tracker.ingest.uploads import (
    ingest_upload,
    run_upload,
    safe_upload_name,
    shown_name,
    upload_dir,
)
from tracker.models import (
    Answer,
    Asker,
    Commitment,
    DigestSubscription,
    FulfilmentSuggestion,
    JobRun,
    MinisterRole,
    Office,
    Postponement,
    Question,
    QuestionSet,
    Reference,
)
from tracker.review import highlight
from tracker.review.filters import CommitmentFilter, DocumentFilter, QuestionSetFilter
from tracker.review.forms import RedateForm, StatusForm, SuggestionForm, UploadForm
from tracker.review.pagination import TwoWayPaginator
from tracker.rules import answer_term

PAGE_SIZE = 25


def today():
    return timezone.localdate()


def nl_date(day) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


class HomeView(LoginRequiredMixin, RedirectView):
    pattern_name = "commitment-list"


# ---------------------------------------------------------------- lists

#: a cell starting with one of these is a formula to Excel/LibreOffice (OWASP "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value):
    """The cell as text a spreadsheet shows and never evaluates: a leading quote
    before a formula start (OWASP's rule); numbers and everything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class ReviewListView(LoginRequiredMixin, FilterView):
    """A filtered, sorted, paginated list; ``format=csv`` exports every filtered row."""

    paginate_by = PAGE_SIZE
    paginator_class = TwoWayPaginator
    strict = True
    csv_name = "export"

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["today"] = self.today = today()
        return kwargs

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            filterset = self.get_filterset(self.get_filterset_class())
            rows = filterset.qs if filterset.is_bound and filterset.is_valid() else self.get_queryset().none()
            return self.csv_response(rows)
        return super().get(request, *args, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        """Django's, with ``page=last`` on a list too long to count: its true end (TwoWayPaginator.end_page)."""
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=self.get_allow_empty()
        )
        asked = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        if asked == "last":
            page = paginator.end_page() if paginator.capped else paginator.page(paginator.num_pages)
        else:
            try:
                page = paginator.page(int(asked))
            except (ValueError, InvalidPage):
                raise Http404("Deze pagina bestaat niet.") from None
        return paginator, page, page.object_list, page.has_other_pages()

    def csv_response(self, rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.csv_name}-{today().isoformat()}.csv"'
        response.write("\ufeff")  # BOM: Excel reads UTF-8
        writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(self.csv_header)
        for obj in rows:
            writer.writerow([inert_cell(value) for value in self.csv_row(obj)])
        return response

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = self.today
        ctx["csv_query"] = self.request.GET.copy()
        ctx["csv_query"].pop("page", None)
        ctx["csv_query"]["format"] = "csv"
        return ctx


class CommitmentListView(ReviewListView):
    filterset_class = CommitmentFilter
    template_name = "tracker/commitment_list.html"
    csv_name = "toezeggingen"
    csv_header = [
        "id",
        "toezegging",
        "status",
        "te bevestigen",
        "actor",
        "ministerie",
        "termijn (tekst)",
        "uiterlijk",
        "dagen te laat",
        "brondocument",
        "datum brondocument",
        "dossier",
        "onderwerp",
        "adres",
    ]

    def get_queryset(self):
        return Commitment.objects.live().select_related(
            "source_document", "actor_office__ministry", "answer__question_set"
        )

    def csv_row(self, c):
        office = c.actor_office
        subject = c.answer.question_set.subject if c.answer_id else ""
        return [
            c.pk,
            c.sentence,
            c.get_status_display(),
            "ja" if c.to_confirm else "nee",
            c.actor or (office.title if office else ""),
            office.ministry.name if office and office.ministry_id else "",
            c.deadline_text,
            nl_date(c.due_date),
            c.days_overdue(self.today) or "",
            c.source_document.label,
            nl_date(c.source_document.date),
            c.source_document.dossier,
            subject,
            settings.SITE_URL + reverse("commitment-detail", args=[c.pk]),
        ]


class QuestionSetListView(ReviewListView):
    filterset_class = QuestionSetFilter
    template_name = "tracker/questionset_list.html"
    csv_name = "vragensets"
    csv_header = [
        "id",
        "onderwerp",
        "soort",
        "vraagstellers",
        "gericht aan",
        "ministerie",
        "ingezonden",
        "antwoord uiterlijk",
        "uitstel gemeld",
        "antwoord ontvangen",
        "dagen te laat (nu)",
        "dagen te laat beantwoord",
        "adres",
    ]

    def get_queryset(self):
        return QuestionSet.objects.select_related("question_document", "answer_document").prefetch_related(
            Prefetch("askers", queryset=Asker.objects.select_related("person", "party")),
            Prefetch("addressed_to", queryset=Office.objects.select_related("ministry")),
        )

    def csv_row(self, qs):
        offices = list(qs.addressed_to.all())
        return [
            qs.pk,
            qs.subject,
            qs.get_kind_display(),
            ", ".join(str(a) for a in qs.askers.all()),
            ", ".join(o.title for o in offices),
            ", ".join(sorted({o.ministry.name for o in offices if o.ministry_id})),
            nl_date(qs.submitted),
            nl_date(answer_term.due_on(qs.submitted, qs.postponed_on, self.today)),
            nl_date(qs.postponed_on),
            nl_date(qs.received),
            qs.days_overdue(self.today) or "",
            answer_term.days_late(qs.submitted, qs.postponed_on, qs.received) or "",
            settings.SITE_URL + reverse("questionset-detail", args=[qs.pk]),
        ]


class DocumentListView(ReviewListView):
    filterset_class = DocumentFilter
    template_name = "tracker/document_list.html"
    csv_name = "documenten"
    csv_header = ["id", "document", "soort", "titel", "datum", "waarschuwingen", "bronbestand"]

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs.pop("today")
        return kwargs

    def get_queryset(self):
        return (
            Document.objects.defer("raw_text", "clean_text", "parsed")
            .annotate(n_commitments=Count("commitments", filter=Q(commitments__retired=False)))
            .order_by("-date", "-id")
        )

    def csv_row(self, d):
        return [
            d.pk,
            d.label,
            d.get_kind_display(),
            d.title,
            nl_date(d.date),
            len(d.parse_warnings or []),
            d.source_name,
        ]


# ---------------------------------------------------------------- details


class CommitmentDetailView(LoginRequiredMixin, DetailView):
    template_name = "tracker/commitment_detail.html"
    context_object_name = "commitment"

    def get_queryset(self):
        return Commitment.objects.select_related(
            "source_document",
            "actor_office__ministry",
            "evidence",
            "answer__document",
            "answer__question_set",
            "request__question",
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        c = self.object
        ctx["today"] = today()
        ctx["highlight"] = highlight.in_paragraph(c.source_document.clean_text, c.sentence)
        ctx["questions"] = list(c.answer.questions.all()) if c.answer_id else []
        ctx["references"] = Reference.objects.filter(source_document=c.source_document_id).select_related("target")
        ctx["suggestions"] = c.suggestions.select_related("document")
        ctx["history"] = history.entries(c)
        ctx["ministers"] = MinisterRole.objects.filter(document=c.source_document_id).select_related("person", "office")
        ctx["can_edit"] = can_edit(self.request.user)
        if ctx["can_edit"]:
            suggested = [s.document_id for s in ctx["suggestions"] if s.state == FulfilmentSuggestion.State.SUGGESTED]
            ctx["fulfil_form"] = StatusForm(
                commitment=c,
                initial={"status": "fulfilled", "evidence": suggested[0] if suggested else None},
                prefix="fulfil",
            )
            ctx["partial_form"] = StatusForm(commitment=c, initial={"status": "partially_fulfilled"}, prefix="partial")
            ctx["lapse_form"] = StatusForm(commitment=c, initial={"status": "lapsed"}, prefix="lapse")
            ctx["redate_form"] = RedateForm(initial={"due_date": c.due_date})
        return ctx


class QuestionSetDetailView(LoginRequiredMixin, DetailView):
    template_name = "tracker/questionset_detail.html"
    context_object_name = "qset"

    def get_queryset(self):
        return QuestionSet.objects.select_related("question_document", "answer_document").prefetch_related(
            Prefetch("askers", queryset=Asker.objects.select_related("person", "party")),
            Prefetch("addressed_to", queryset=Office.objects.select_related("ministry")),
            Prefetch(
                "questions",
                queryset=Question.objects.filter(retired=False).prefetch_related(
                    Prefetch("answers", queryset=Answer.objects.filter(retired=False).select_related("document"))
                ),
            ),
            Prefetch(
                "answers",
                queryset=Answer.objects.filter(retired=False).select_related("document").prefetch_related("questions"),
            ),
            Prefetch("postponements", queryset=Postponement.objects.select_related("document")),
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = self.object
        day = today()
        questions = list(qs.questions.all())
        answered = {a.pk for q in questions for a in q.answers.all()}
        ctx.update(
            today=day,
            pairs=[(q, list(q.answers.all())) for q in questions],
            loose_answers=[a for a in qs.answers.all() if a.pk not in answered],
            postponements=list(qs.postponements.all()),
            commitments=Commitment.objects.live().filter(answer__question_set=qs).select_related("source_document"),
            history=history.entries(qs),
            due_now=answer_term.due_on(qs.submitted, qs.postponed_on, day),
            days_overdue=qs.days_overdue(day),
            days_late=answer_term.days_late(qs.submitted, qs.postponed_on, qs.received),
        )
        ctx["timeline"] = self.timeline(qs, ctx["postponements"], ctx["history"])
        return ctx

    @staticmethod
    def timeline(qs, postponements, history_rows):
        """The set's stored dates and recorded events in date order."""
        events = []
        if qs.submitted:
            events.append((qs.submitted, "Vragen ingezonden", qs.question_document))
        if qs.term_due:
            events.append((qs.term_due, "Einde termijn van drie weken", None))
        for p in postponements:
            if p.date:
                events.append(
                    (
                        p.date,
                        "Uitstel gemeld"
                        + (f" (antwoord verwacht {history.long_date(p.expected)})" if p.expected else ""),
                        p.document,
                    )
                )
        if qs.postponed_on and qs.answer_due and qs.answer_due != qs.term_due:
            events.append((qs.answer_due, "Einde termijn na uitstel", None))
        if qs.first_received and qs.first_received != qs.received:
            events.append((qs.first_received, "Eerste (deel)antwoord", None))
        if qs.received:
            events.append((qs.received, "Antwoord ontvangen", qs.answer_document))
        for entry in history_rows:
            if entry.on and entry.what.startswith("Te laat"):
                events.append((entry.on, "Te laat (vastgesteld door de dagelijkse controle)", None))
        return sorted(events, key=lambda e: e[0])


class DocumentDetailView(LoginRequiredMixin, DetailView):
    template_name = "tracker/document_detail.html"
    context_object_name = "document"
    model = Document

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        d = self.object
        ctx.update(
            commitments=Commitment.objects.live().filter(source_document=d).select_related("actor_office"),
            question_sets=QuestionSet.objects.filter(Q(question_document=d) | Q(answer_document=d)),
            ministers=MinisterRole.objects.filter(document=d).select_related("person", "office"),
            references=Reference.objects.filter(source_document=d).select_related("target"),
            cited_by=Reference.objects.filter(target=d).select_related("source_document"),
            can_upload=can_upload(self.request.user),
        )
        return ctx


# ---------------------------------------------------------------- actions


class EditorMixin(LoginRequiredMixin):
    """Logged in (else the login page), and allowed to change statuses (else 403)."""

    permission_check = staticmethod(can_edit)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.permission_check(request.user):
            raise PermissionDenied("Alleen redacteuren mogen dit wijzigen.")
        return super().dispatch(request, *args, **kwargs)


class CommitmentActionView(EditorMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        commitment = get_object_or_404(Commitment, pk=pk)
        try:
            message = self.act(commitment, request)
        except edits.LifecycleError as exc:
            messages.error(request, f"Niet gelukt: {exc}")
        else:
            if message:
                messages.success(request, message)
        return redirect("commitment-detail", pk=commitment.pk)

    @staticmethod
    def form_errors(form) -> str:
        return "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}".lstrip(": ")
            for f, e in form.errors.items()
        )


class CommitmentStatusView(CommitmentActionView):
    PREFIXES = ("fulfil", "partial", "lapse")

    def act(self, commitment, request):
        prefix = request.POST.get("form", "")
        form = StatusForm(request.POST, commitment=commitment, prefix=prefix if prefix in self.PREFIXES else None)
        if not form.is_valid():
            raise edits.LifecycleError(self.form_errors(form))
        data = form.cleaned_data
        edits.set_status(commitment, data["status"], by=request.user, evidence=data["evidence"], why=data["reason"])
        return f"Status gewijzigd in {commitment.get_status_display().lower()}."


class CommitmentRedateView(CommitmentActionView):
    def act(self, commitment, request):
        form = RedateForm(request.POST)
        if not form.is_valid():
            raise edits.LifecycleError(self.form_errors(form))
        due = form.cleaned_data["due_date"]
        edits.redate(commitment, due, by=request.user, why=form.cleaned_data["note"])
        return f"Nieuwe termijn: {nl_date(due)}." if due else "Termijn verwijderd."


class CommitmentConfirmView(CommitmentActionView):
    def act(self, commitment, request):
        edits.confirm(commitment, by=request.user)
        return "Toezegging bevestigd."


class SuggestionDecideView(CommitmentActionView):
    def act(self, commitment, request):
        form = SuggestionForm(request.POST, commitment=commitment)
        if not form.is_valid():
            raise edits.LifecycleError(self.form_errors(form) or "onbekende suggestie")
        accept = form.cleaned_data["accept"]
        edits.decide_suggestion(form.cleaned_data["suggestion"], accept, by=request.user)
        return "Nakoming bevestigd; de toezegging is voldaan." if accept else "Voorgestelde nakoming afgewezen."


# ---------------------------------------------------------------- upload


class UploadView(EditorMixin, FormView):
    """Editors upload papers; the same ingest and report as ``manage.py ingest``."""

    permission_check = staticmethod(can_upload)
    template_name = "tracker/document_upload.html"
    form_class = UploadForm

    def form_valid(self, form):
        token = uuid.uuid4().hex[:8]
        names = []
        run = JobRun.objects.create(name=UPLOAD_JOB, day=today(), details={"by": self.request.user.get_username()})
        folder = upload_dir(run.pk)
        folder.mkdir(parents=True, exist_ok=True)
        shown = {}
        for i, upload in enumerate(form.cleaned_data["files"]):
            own = safe_upload_name(upload.name)
            name = f"{i:03d}-{token}-{own}"
            with open(folder / name, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            names.append(name)
            shown[name] = own
        run.details = {**run.details, "files": names, "names": shown}
        run.save(update_fields=["details"])
        if settings.CELERY_BROKER_URL:
            ingest_upload.delay(run.pk)
            messages.info(self.request, "De bestanden staan in de wachtrij om te worden ingelezen.")
        else:
            run_upload(run.pk)
        return redirect("upload-result", pk=run.pk)


class UploadResultView(EditorMixin, DetailView):
    permission_check = staticmethod(can_upload)
    template_name = "tracker/upload_result.html"
    context_object_name = "run"

    LABELS = {"stored": "opgeslagen", "updated": "bijgewerkt", "unchanged": "ongewijzigd", "failed": "mislukt"}

    def get_queryset(self):
        return JobRun.objects.filter(name=UPLOAD_JOB)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        results = self.object.details.get("results", [])
        ids = [r["document_id"] for r in results if r.get("document_id")]
        docs = Document.objects.only(
            "id", "title", "dossier", "number", "vergaderjaar", "aanhangsel_number", "identifier", "source_name"
        ).in_bulk(ids)
        ctx["results"] = [
            {**r, "document": docs.get(r.get("document_id")), "label": self.LABELS.get(r["status"], "")}
            for r in results
        ]
        ctx["shown_names"] = [shown_name(self.object, n) for n in self.object.details.get("files", [])]
        ctx["report"] = self.object.details.get("report")
        ctx["report_json"] = json.dumps(ctx["report"], ensure_ascii=False, indent=2) if ctx["report"] else ""
        return ctx


# ---------------------------------------------------------------- stats, digest


class StatsView(LoginRequiredMixin, TemplateView):
    template_name = "tracker/stats.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        data = stats.build(today())
        ctx["stats"] = data
        ctx["on_time_chart"] = stats.bar_chart(
            "Binnen de termijn beantwoord, per ministerie (%)",
            [
                (r.name, r.on_time_percent, f"{r.on_time_percent}%")
                for r in data.per_ministry
                if r.on_time_percent is not None
            ],
            maximum=100,
        )
        ctx["overdue_chart"] = stats.bar_chart(
            "Nu te laat: vragensets en toezeggingen per ministerie", self._overdue_items(data)
        )
        return ctx

    @staticmethod
    def _overdue_items(data):
        commitments = {r.name: r.overdue for r in data.commitments}
        names = sorted({r.name for r in data.per_ministry} | set(commitments), key=str.lower)
        sets = {r.name: r.overdue_now for r in data.per_ministry}
        return [
            (
                n,
                sets.get(n, 0) + commitments.get(n, 0),
                f"{sets.get(n, 0)} vragensets, {commitments.get(n, 0)} toezeggingen",
            )
            for n in names
        ]


class DigestPreviewView(LoginRequiredMixin, TemplateView):
    """This week's digest for the logged-in user: their subscription's
    filters when they have one, everything otherwise (tracker/digests/report.py)."""

    template_name = "tracker/digest_preview.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        subs = DigestSubscription.objects.filter(
            Q(user=user) | Q(email__iexact=user.email) if user.email else Q(user=user)
        ).prefetch_related("ministries", "parties")
        subscription = subs.order_by("-active", "pk").first()
        report = emails.build_report(today())
        ctx["subscription"] = subscription
        ctx["digest"] = report.for_subscription(subscription) if subscription else report.digest()
        ctx["due_soon_days"] = emails.DUE_SOON_DAYS
        return ctx
