"""The admin in which staff look at and correct what the parser read.

Every save — a change form, its inlines, a new record, a bulk action,
accepting what the parser now says — goes through the one write path,
tracker/domain/edits.py: a Correction (who, when, why, the parser's value,
the new value) for a field the parser produces, a StatusChange where the
lifecycle moves, due and overdue state recomputed. Each object's page shows
its Correction and StatusChange history and what the parser now says beside
a correction.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from documents.models import Document
from tracker.domain import edits, history
from tracker.models import (
    Answer,
    Asker,
    Cabinet,
    Commitment,
    Correction,
    DigestDelivery,
    DigestSubscription,
    DismissedFind,
    FeedToken,
    FulfilmentStatement,
    FulfilmentSuggestion,
    JobRun,
    Membership,
    MinisterRole,
    Ministry,
    Office,
    ParliamentaryRecess,
    Party,
    Person,
    Postponement,
    Question,
    QuestionSet,
    Reference,
    Request,
    StatusChange,
)
from tracker.opendata import admin as opendata_admin  # noqa: F401  the open data's records (tracker/opendata/admin.py)


def history_table(obj) -> str:
    """The object's lifecycle events and corrections as sentences, oldest first (tracker/domain/history.py)."""
    if obj is None or obj.pk is None:
        return "—"
    rows = [
        (date_format(timezone.localtime(e.at), "j F Y H:i"), e.what + (f" ({e.note})" if e.note else ""), e.who)
        for e in history.entries(obj)
    ]
    if not rows:
        return "Nog geen geschiedenis."
    body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows)
    return format_html(
        "<table><thead><tr><th>Wanneer</th><th>Wat er gebeurde</th><th>Door</th></tr></thead><tbody>{}</tbody></table>",
        body,
    )


def form_changes(form) -> dict:
    """The model fields a bound, valid form changed → their new values (many-to-many ones are saved by the form)."""
    names = {f.name for f in form._meta.model._meta.concrete_fields}
    return {name: form.cleaned_data[name] for name in form.changed_data if name in names}


def form_reason(form) -> str:
    return (form.cleaned_data.get("why") or "").strip()


class EditAdmin(admin.ModelAdmin):
    """Every save goes through tracker/domain/edits.py: the record's own
    fields (``correct``, or ``add`` for a new one) and its inlines' rows."""

    def save_model(self, request, obj, form, change):
        if change:
            edits.correct(obj, form_changes(form), by=request.user, why=form_reason(form))
        else:
            edits.add(obj, by=request.user, why=form_reason(form))

    def save_formset(self, request, form, formset, change):
        why = form_reason(form)
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        deleted = set(formset.deleted_forms)
        for sub in formset.initial_forms:
            if sub not in deleted and sub.has_changed():
                edits.correct(sub.instance, form_changes(sub), by=request.user, why=why)
        for obj in formset.new_objects:
            edits.add(obj, by=request.user, why=why)
        formset.save_m2m()


class EditForm(forms.ModelForm):
    """A change form with a box for why: it goes with every Correction and StatusChange of the save."""

    why = forms.CharField(
        label="Waarom (toelichting bij deze wijziging)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )


class CorrectableAdmin(EditAdmin):
    """A record whose fields the parser produces: saved through the write path
    with a reason; the page shows history and what the parser now says."""

    form = EditForm

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "history", "parser_now_says")

    @admin.display(description="Geschiedenis (correcties en status)")
    def history(self, obj):
        return history_table(obj)

    @admin.display(description="Parser zegt nu")
    def parser_now_says(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        ct = ContentType.objects.get_for_model(obj)
        rows = [
            (c.field, c.corrected_value or "—", c.parser_now)
            for c in Correction.objects.filter(content_type=ct, object_id=obj.pk, active=True)
            if c.parser_disagrees
        ]
        if not rows:
            return "Geen verschil met de correcties."
        return format_html_join(mark_safe("<br>"), "{}: gecorrigeerd {}, parser zegt nu <strong>{}</strong>", rows)


def bulk_edit(request, rows, edit, one: str, many: str) -> None:
    """A bulk action: ``edit(row)`` through the write path for each row, then one message (``one`` or ``many``)."""
    n = 0
    for row in rows:
        edit(row)
        n += 1
    messages.success(request, ngettext(one, many, n).format(n=n))


@admin.action(description="Wat de parser nu zegt overnemen")
def accept_parser_now(modeladmin, request, queryset):
    bulk_edit(
        request,
        queryset.filter(active=True).exclude(parser_now=""),
        lambda c: edits.accept_parser_value(c, by=request.user),
        "{n} correctie vervangen door de parserwaarde.",
        "{n} correcties vervangen door de parserwaarde.",
    )


@admin.action(description="Gecontroleerd: niet meer te controleren")
def mark_reviewed(modeladmin, request, queryset):
    bulk_edit(
        request,
        queryset.filter(needs_review=True),
        lambda obj: edits.correct(obj, {"needs_review": False}, by=request.user, why="gecontroleerd (bulkactie)"),
        "{n} gemarkeerd als gecontroleerd.",
        "{n} gemarkeerd als gecontroleerd.",
    )


@admin.action(description="Geselecteerde toezeggingen bevestigen")
def confirm_commitments(modeladmin, request, queryset):
    bulk_edit(
        request,
        queryset.filter(confirmed=False),
        lambda c: edits.confirm(c, by=request.user, why="bevestigd (bulkactie)"),
        "{n} toezegging bevestigd.",
        "{n} toezeggingen bevestigd.",
    )


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = (
        "at",
        "content_type",
        "object_id",
        "field",
        "parser_value",
        "corrected_value",
        "parser_now",
        "active",
        "by",
        "why",
    )
    list_filter = ("active", "content_type", "field")
    search_fields = ("field", "parser_value", "corrected_value", "parser_now", "why", "by__username")
    date_hierarchy = "at"
    readonly_fields = (
        "content_type",
        "object_id",
        "field",
        "parser_value",
        "corrected_value",
        "parser_now",
        "why",
        "by",
        "at",
        "active",
    )
    actions = [accept_parser_now]

    def has_add_permission(self, request):
        return False


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ("at", "content_type", "object_id", "event", "old_value", "new_value", "on", "by", "job")
    list_filter = ("event", "content_type")
    search_fields = ("old_value", "new_value", "note")
    date_hierarchy = "at"
    readonly_fields = [f.name for f in StatusChange._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    search_fields = ("name",)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("party",)


@admin.register(Person)
class PersonAdmin(CorrectableAdmin):
    list_display = ("name", "initials")
    search_fields = ("name", "initials", "memberships__party__name")
    list_filter = ("memberships__party",)
    inlines = [MembershipInline]


@admin.register(Ministry)
class MinistryAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(Office)
class OfficeAdmin(CorrectableAdmin):
    list_display = ("title", "ministry", "start", "end")
    list_filter = ("ministry",)
    search_fields = ("title", "ministry__name")
    autocomplete_fields = ("ministry",)


@admin.register(ParliamentaryRecess)
class RecessAdmin(admin.ModelAdmin):
    list_display = ("kind", "year", "start", "end")
    list_filter = ("kind", "year")
    date_hierarchy = "start"


@admin.register(FeedToken)
class FeedTokenAdmin(admin.ModelAdmin):
    """Per-user keys for the feeds and the API (only their hash is stored): delete one to revoke it."""

    list_display = ("user", "created_at", "last_used_on")
    search_fields = ("user__username",)
    readonly_fields = ("user", "key_hash", "created_at", "last_used_on")

    def has_add_permission(self, request):
        return False


@admin.register(Cabinet)
class CabinetAdmin(admin.ModelAdmin):
    """The cabinets the statistics count per (/stats/trends/): staff add the next one here."""

    list_display = ("name", "start", "end")
    search_fields = ("name",)


class AskerInline(admin.TabularInline):
    model = Asker
    extra = 0
    autocomplete_fields = ("person", "party")


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ("label", "text", "party", "retired")


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0
    fields = ("label", "document", "text", "nader", "retired")
    raw_id_fields = ("document",)
    filter_horizontal = ()


class PostponementInline(admin.TabularInline):
    model = Postponement
    extra = 0
    raw_id_fields = ("document",)


class OverdueFilter(admin.SimpleListFilter):
    """The same rule the jobs and the pages use (QuestionSet.objects.overdue)."""

    title = "termijn"
    parameter_name = "termijn"

    def lookups(self, request, model_admin):
        return [("overdue", "Nu te laat"), ("late", "Te laat beantwoord"), ("open", "Onbeantwoord")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(on=today)
        if self.value() == "late":
            return queryset.answered_late()
        if self.value() == "open":
            return queryset.open()
        return queryset


@admin.register(QuestionSet)
class QuestionSetAdmin(CorrectableAdmin):
    list_display = ("subject_short", "aanhangsel_number", "submitted", "answer_due", "received", "overdue_days")
    list_filter = (OverdueFilter, "kind", "addressed_to__ministry", "addressed_to", "askers__party", "needs_review")
    search_fields = (
        "subject",
        "aanhangsel_number",
        "askers__person__name",
        "askers__party__name",
        "addressed_to__title",
        "questions__text",
    )
    date_hierarchy = "submitted"
    inlines = [AskerInline, QuestionInline, AnswerInline, PostponementInline]
    raw_id_fields = ("question_document", "answer_document")
    filter_horizontal = ("addressed_to",)
    readonly_fields = ("term_due", "answer_due", "overdue_since")
    actions = [mark_reviewed]

    @admin.display(description="onderwerp")
    def subject_short(self, obj):
        return obj.subject[:90]

    @admin.display(description="dagen te laat")
    def overdue_days(self, obj):
        return obj.days_overdue(timezone.localdate()) or ""


@admin.register(Question)
class QuestionAdmin(CorrectableAdmin):
    list_display = ("label", "question_set", "party")
    search_fields = ("text", "label", "question_set__subject")
    raw_id_fields = ("question_set",)


@admin.register(Answer)
class AnswerAdmin(CorrectableAdmin):
    list_display = ("label", "question_set", "document", "nader")
    search_fields = ("text", "label", "question_set__subject")
    raw_id_fields = ("question_set", "document")
    filter_horizontal = ("questions",)


@admin.register(Request)
class RequestAdmin(CorrectableAdmin):
    list_display = ("text_short", "reply", "question")
    list_filter = ("reply",)
    search_fields = ("text", "question__question_set__subject")
    raw_id_fields = ("question",)

    @admin.display(description="verzoek")
    def text_short(self, obj):
        return obj.text[:100]


class ToConfirmFilter(admin.SimpleListFilter):
    title = "status (afgeleid)"
    parameter_name = "afgeleid"

    def lookups(self, request, model_admin):
        return [("overdue", "Nu te laat"), ("to_confirm", "Te bevestigen"), ("due14", "Binnen 14 dagen")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(on=today)
        if self.value() == "to_confirm":
            return queryset.to_confirm()
        if self.value() == "due14":
            return queryset.due_within(14, on=today)
        return queryset


class SuggestionInline(admin.TabularInline):
    model = FulfilmentSuggestion
    extra = 0
    raw_id_fields = ("document",)
    readonly_fields = ("score", "reason", "created_at")


class CommitmentForm(EditForm):
    def clean(self):
        data = super().clean()
        if data.get("status") == Commitment.Status.LAPSED and not (data.get("lapsed_reason") or "").strip():
            self.add_error("lapsed_reason", "Geef een reden waarom de toezegging vervalt.")
        return data


@admin.register(Commitment)
class CommitmentAdmin(CorrectableAdmin):
    list_display = (
        "sentence_short",
        "actor",
        "due_date",
        "review_date",
        "status",
        "confidence",
        "confirmed",
        "source_document",
    )
    list_filter = (
        ToConfirmFilter,
        "status",
        "confirmed",
        "retired",
        "actor_office__ministry",
        "actor_office",
        "source_document__kind",
        "rule",
    )
    search_fields = ("sentence", "actor", "deadline_text", "source_document__title", "source_document__dossier")
    date_hierarchy = "due_date"
    raw_id_fields = ("source_document", "answer", "request", "evidence")
    # closed_on follows from the status (lifecycle.set_status); the rest is derived
    readonly_fields = ("sentence_hash", "rule", "confidence", "closed_on", "overdue_since", "created_at")
    inlines = [SuggestionInline]
    form = CommitmentForm
    actions = [confirm_commitments, mark_reviewed]

    @admin.display(description="toezegging")
    def sentence_short(self, obj):
        return obj.sentence[:110]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    fk_name = "source_document"
    extra = 0
    fields = ("sentence", "actor", "deadline_text", "due_date", "status", "confidence")
    readonly_fields = ("sentence", "status", "confidence")  # a status changes on the commitment's own page
    show_change_link = True


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "source_document"
    extra = 0
    raw_id_fields = ("target",)


class MinisterRoleInline(admin.TabularInline):
    model = MinisterRole
    extra = 0
    autocomplete_fields = ("person", "office")


class FulfilmentStatementInline(admin.TabularInline):
    model = FulfilmentStatement
    extra = 0


@admin.register(Document)
class DocumentAdmin(CorrectableAdmin):
    list_display = ("__str__", "kind", "date", "dossier", "number", "aanhangsel_number", "ingested_at")
    list_filter = ("kind", "vergaderjaar")
    search_fields = ("title", "identifier", "dossier", "number", "aanhangsel_number", "clean_text")
    date_hierarchy = "date"
    readonly_fields = (
        "content_hash",
        "size",
        "source_name",
        "raw_text",
        "clean_text",
        "parse_warnings",
        "parsed",
        "parser_version",
        "ingested_at",
        "updated_at",
    )
    inlines = [MinisterRoleInline, CommitmentInline, ReferenceInline, FulfilmentStatementInline]


@admin.register(Reference)
class ReferenceAdmin(EditAdmin):
    list_display = ("source_document", "dossier", "number", "target")
    search_fields = ("dossier", "number")
    raw_id_fields = ("source_document", "target")


@admin.register(FulfilmentSuggestion)
class FulfilmentSuggestionAdmin(EditAdmin):
    list_display = ("commitment", "document", "score", "reason", "state")
    list_filter = ("state",)
    raw_id_fields = ("commitment", "document")


@admin.register(DismissedFind)
class DismissedFindAdmin(admin.ModelAdmin):
    list_display = ("document", "kind", "text", "dismissed_by", "dismissed_at")
    raw_id_fields = ("document",)


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ("name", "day", "status", "changed", "started_at", "finished_at")
    list_filter = ("name", "status")
    date_hierarchy = "started_at"
    readonly_fields = [f.name for f in JobRun._meta.fields]


class DeliveryInline(admin.TabularInline):
    model = DigestDelivery
    extra = 0
    readonly_fields = ("week", "claimed_at", "sent_at", "attempts", "last_error")


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "active", "send_empty", "created_at")
    list_filter = ("active", "ministries", "parties")
    search_fields = ("email",)
    filter_horizontal = ("ministries", "parties")
    inlines = [DeliveryInline]


admin.site.site_header = "Tracker — Kamervragen en toezeggingen"
admin.site.site_title = "Tracker"
admin.site.index_title = "Beheer"


@admin.register(Membership)
class MembershipAdmin(EditAdmin):
    list_display = ("person", "party", "start", "end")
    list_filter = ("party",)
    search_fields = ("person__name", "party__name")
    autocomplete_fields = ("person", "party")


@admin.register(Asker)
class AskerAdmin(EditAdmin):
    list_display = ("person", "party", "question_set")
    list_filter = ("party",)
    search_fields = ("person__name", "party__name", "question_set__subject")
    raw_id_fields = ("question_set", "person", "party")


@admin.register(Postponement)
class PostponementAdmin(EditAdmin):
    list_display = ("question_set", "date", "expected", "document")
    date_hierarchy = "date"
    search_fields = ("question_set__subject",)
    raw_id_fields = ("question_set", "document")


@admin.register(MinisterRole)
class MinisterRoleAdmin(EditAdmin):
    list_display = ("document", "role", "person", "office")
    list_filter = ("role", "office__ministry")
    search_fields = ("person__name", "office__title")
    raw_id_fields = ("document", "person", "office")


@admin.register(FulfilmentStatement)
class FulfilmentStatementAdmin(EditAdmin):
    list_display = ("document", "text")
    search_fields = ("text",)
    raw_id_fields = ("document",)


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ("subscription", "week", "claimed_at", "sent_at", "attempts")
    list_filter = ("week",)
    search_fields = ("subscription__email",)
    readonly_fields = ("subscription", "week", "claimed_at", "claim_token", "sent_at", "attempts", "last_error")
